// Routes: allocation by budget line, spending plans, instalments, carry-over consent.
#include <boost/json.hpp>

#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"

namespace changwat::action_plan::api {

using http::Context;
using http::JsonBody;
using http::Method;

namespace {

constexpr std::string_view kExpenseTypes = "personnel, operating, investment, subsidy, other";

std::optional<Month> body_month(JsonBody& body, const char* field, bool required) {
  auto text =
      required ? std::optional<std::string>(body.text(field, 7)) : body.optional_text(field, 7);
  if (!text || text->empty()) return std::nullopt;
  auto month = parse_month(*text);
  if (!month)
    body.fail(field,
              {"ต้องเป็นเดือนแบบ YYYY-MM เช่น 2026-03", "must be a month as YYYY-MM, e.g. 2026-03"});
  return month;
}

}  // namespace

void add_money_routes(http::Router& router, ActionPlanService& service) {
  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/allocation",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               std::vector<LineInput> lines;
               read_list(body, "lines", kMaxLines, [&](JsonBody& item) {
                 LineInput line;
                 line.gfmis_code = item.text("gfmis_code", kMaxGfmisCode);
                 if (auto type = http::body_enum(item, "expense_type", parse_expense_type,
                                                 kExpenseTypes, true)) {
                   line.expense_type = *type;
                 }
                 line.is_capital = item.boolean("is_capital");
                 // Whole satang only: JsonBody refuses fractions and text.
                 line.allocated = item.integer("allocated_satang");
                 line.contract = item.optional_integer("contract_satang");
                 line.budget_holder = item.optional_text("budget_holder", 40);
                 line.paying_agency = item.optional_text("paying_agency", 40);
                 // Fields GET returns may come back unchanged; they are derived, not input.
                 for (const char* echoed : {"expense_type_th", "carry_over_until", "latest_month",
                                            "po_outstanding_satang", "disbursed_to_date_satang",
                                            "spending_plan", "instalments"}) {
                   item.raw(echoed);
                 }
                 lines.push_back(std::move(line));
               });
               auto decision_ref = body.optional_text("decision_ref", kMaxText);
               std::int64_t version = body.integer("version");
               body.finish();
               std::int64_t id = plan_id_of(ctx.request);
               auto book = service.set_allocation(ctx.actor, id, element_id_of(ctx.request),
                                                  std::move(lines), decision_ref, version);
               return project_response(service, id, *book);
             });

  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/spending-plan",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               std::vector<LinePlanInput> lines;
               read_list(body, "lines", kMaxLines, [&](JsonBody& item) {
                 LinePlanInput line;
                 line.gfmis_code = item.optional_text("gfmis_code", kMaxGfmisCode);
                 read_list(item, "months", 12, [&](JsonBody& point) {
                   auto month = body_month(point, "month", true);
                   Satang amount = point.integer("planned_cumulative_satang");
                   if (month) line.months.push_back({*month, amount});
                 });
                 lines.push_back(std::move(line));
               });
               std::int64_t version = body.integer("version");
               body.finish();
               std::int64_t id = plan_id_of(ctx.request);
               auto book = service.set_spending_plan(ctx.actor, id, element_id_of(ctx.request),
                                                     std::move(lines), version);
               return project_response(service, id, *book);
             });

  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/instalments",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               std::vector<LineInstalmentsInput> lines;
               read_list(body, "lines", kMaxLines, [&](JsonBody& item) {
                 LineInstalmentsInput line;
                 line.gfmis_code = item.optional_text("gfmis_code", kMaxGfmisCode);
                 read_list(item, "instalments", 120, [&](JsonBody& entry) {
                   auto month = body_month(entry, "due_month", true);
                   Satang amount = entry.integer("amount_satang");
                   if (month) line.instalments.push_back({*month, amount});
                 });
                 lines.push_back(std::move(line));
               });
               std::int64_t version = body.integer("version");
               body.finish();
               std::int64_t id = plan_id_of(ctx.request);
               auto book = service.set_instalments(ctx.actor, id, element_id_of(ctx.request),
                                                   std::move(lines), version);
               return project_response(service, id, *book);
             });

  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/carry-over",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               auto code = body.optional_text("gfmis_code", kMaxGfmisCode);
               auto until = body_month(body, "until", false);
               auto consent = body.optional_text("consent_th", kMaxText);
               std::int64_t version = body.integer("version");
               body.finish();
               std::int64_t id = plan_id_of(ctx.request);
               auto book = service.set_carry_over(ctx.actor, id, element_id_of(ctx.request), code,
                                                  until, consent, version);
               return project_response(service, id, *book);
             });
}

}  // namespace changwat::action_plan::api
