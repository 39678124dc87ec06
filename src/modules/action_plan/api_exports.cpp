// Routes: the action plan and the spending report as PDF and XLSX (public).
#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"
#include "modules/action_plan/export.hpp"

namespace changwat::action_plan::api {

namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::optional<AmountUnit> parse_unit(std::string_view text) {
  if (text == "baht") return AmountUnit::baht;
  if (text == "million_baht") return AmountUnit::million_baht;
  return std::nullopt;
}

struct Document {
  const char* path;
  ExportFormat format;
  bool spending;
  const char* type;
};

}  // namespace

void add_export_routes(http::Router& router, ActionPlanService& service) {
  for (const Document& document :
       {Document{"/api/v1/action-plans/{id}/export.pdf", ExportFormat::pdf, false,
                 "application/pdf"},
        Document{"/api/v1/action-plans/{id}/export.xlsx", ExportFormat::xlsx, false, kXlsxType},
        Document{"/api/v1/action-plans/{id}/spending/export.pdf", ExportFormat::pdf, true,
                 "application/pdf"},
        Document{"/api/v1/action-plans/{id}/spending/export.xlsx", ExportFormat::xlsx, true,
                 kXlsxType}}) {
    router.add(Method::get, document.path, [&service, document](Context& ctx) {
      std::int64_t id = plan_id_of(ctx.request);
      // The governor's meeting reads ล้านบาท; the action plan itself is in baht.
      AmountUnit unit =
          http::query_enum(ctx.request, "unit", parse_unit, "baht, million_baht")
              .value_or(document.spending ? AmountUnit::million_baht : AmountUnit::baht);
      std::string bytes = document.spending
                              ? export_spending(service, id, document.format, unit)
                              : export_action_plan(service, id, document.format, unit);
      Response response = Response::text(std::move(bytes), document.type);
      std::string name = std::string(document.spending ? "spending-" : "action-plan-") +
                         std::to_string(id) +
                         (document.format == ExportFormat::pdf ? ".pdf" : ".xlsx");
      response.add_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
      return response;
    });
  }
}

}  // namespace changwat::action_plan::api
