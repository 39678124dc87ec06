// Routes: allocation by budget line, spending plans, instalments, carry-over consent.
#include <boost/json.hpp>

#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"

namespace changwat::action_plan::api {

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

// Where a line's month entries are in the body: the list, its largest size, the
// month and the amount fields of an entry.
struct MonthEntries {
  const char* list;
  std::size_t max_entries;
  const char* month;
  const char* amount;
};

// PUT of a project's spending plan or instalment schedule: lines, each naming its
// budget line (`gfmis_code`, may be left out for a single-line project) and listing
// entries of a month and an amount, set by `set`.
template <class LineInput, class Entry>
void add_month_lines_route(http::Router& router, ActionPlanService& service, std::string path,
                           std::vector<Entry> LineInput::*entries, MonthEntries fields,
                           std::shared_ptr<const ProjectBook> (ActionPlanService::*set)(
                               const Actor&, std::int64_t, std::int64_t, std::vector<LineInput>,
                               std::int64_t)) {
  router.add(Method::put, std::move(path), [&service, entries, fields, set](Context& ctx) {
    JsonBody body(ctx.request);
    std::vector<LineInput> lines;
    read_list(body, "lines", kMaxLines, [&](JsonBody& item) {
      LineInput line;
      line.gfmis_code = item.optional_text("gfmis_code", kMaxGfmisCode);
      read_list(item, fields.list, fields.max_entries, [&](JsonBody& entry) {
        auto month = body_month(entry, fields.month, true);
        Satang amount = entry.integer(fields.amount);
        if (month) (line.*entries).push_back({*month, amount});
      });
      lines.push_back(std::move(line));
    });
    return write_project(body, ctx.request, service,
                         [&](std::int64_t id, std::int64_t element_id, std::int64_t version) {
                           return (service.*set)(ctx.actor, id, element_id, std::move(lines),
                                                 version);
                         });
  });
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
               return write_project(
                   body, ctx.request, service,
                   [&](std::int64_t id, std::int64_t element_id, std::int64_t version) {
                     return service.set_allocation(ctx.actor, id, element_id, std::move(lines),
                                                   decision_ref, version);
                   });
             });

  add_month_lines_route(
      router, service, "/api/v1/action-plans/{id}/projects/{element_id}/spending-plan",
      &LinePlanInput::months, {"months", 12, "month", "planned_cumulative_satang"},
      &ActionPlanService::set_spending_plan);
  add_month_lines_route(
      router, service, "/api/v1/action-plans/{id}/projects/{element_id}/instalments",
      &LineInstalmentsInput::instalments, {"instalments", 120, "due_month", "amount_satang"},
      &ActionPlanService::set_instalments);

  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/carry-over",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               auto code = body.optional_text("gfmis_code", kMaxGfmisCode);
               auto until = body_month(body, "until", false);
               auto consent = body.optional_text("consent_th", kMaxText);
               return write_project(
                   body, ctx.request, service,
                   [&](std::int64_t id, std::int64_t element_id, std::int64_t version) {
                     return service.set_carry_over(ctx.actor, id, element_id, code, until, consent,
                                                   version);
                   });
             });
}

}  // namespace changwat::action_plan::api
