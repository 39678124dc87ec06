// /api/v1/action-plans/{id}/procurement-summary.xlsx|.csv (สขร.1) and
// /api/v1/action-plans/{id}/ita-procurement-summary.xlsx|.csv?month=YYYY-MM (the
// monthly ITA summary): every signed-in role (tag Procurement).
#include "http/params.hpp"
#include "modules/procurement/api_routes.hpp"
#include "modules/procurement/api_support.hpp"
#include "modules/procurement/export.hpp"

namespace changwat::procurement::api {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kCsvType = "text/csv; charset=utf-8";

ItaMonth month_of(const http::Request& request) {
  auto text = request.query_param("month");
  auto bad = [] {
    http::throw_bad_parameter("month", {"ต้องระบุเดือนแบบ YYYY-MM (ค.ศ.) เช่น 2026-01",
                                        "must be a Gregorian month as YYYY-MM, e.g. 2026-01"});
  };
  if (!text || text->size() != 7 || (*text)[4] != '-') bad();
  auto year = http::parse_integer(text->substr(0, 4));
  auto month = http::parse_integer(text->substr(5, 2));
  if (!year || !month || *year < 1900 || *year > 2200 || *month < 1 || *month > 12) bad();
  return {static_cast<int>(*year), static_cast<int>(*month)};
}

http::Response document(std::string bytes, DocumentFormat format, const std::string& name) {
  http::Response response =
      http::Response::text(std::move(bytes), format == DocumentFormat::xlsx ? kXlsxType : kCsvType);
  response.add_header(
      "Content-Disposition",
      "attachment; filename=\"" + name + (format == DocumentFormat::xlsx ? ".xlsx\"" : ".csv\""));
  return response;
}

}  // namespace

void add_export_routes(http::Router& router, ProcurementService& service) {
  using http::Method;
  for (DocumentFormat format : {DocumentFormat::xlsx, DocumentFormat::csv}) {
    std::string ext = format == DocumentFormat::xlsx ? ".xlsx" : ".csv";
    router.add(Method::get, "/api/v1/action-plans/{id}/procurement-summary" + ext,
               [&service, format](http::Context& ctx) {
                 std::int64_t id =
                     http::path_id(ctx.request, "id", {"แผนปฏิบัติราชการประจำปี", "Action plan"});
                 auto rows = service.summary(ctx.actor, id);
                 return document(summary_document(rows, format), format,
                                 "procurement-summary-" + std::to_string(id));
               });
    router.add(Method::get, "/api/v1/action-plans/{id}/ita-procurement-summary" + ext,
               [&service, format](http::Context& ctx) {
                 std::int64_t id =
                     http::path_id(ctx.request, "id", {"แผนปฏิบัติราชการประจำปี", "Action plan"});
                 ItaMonth month = month_of(ctx.request);
                 auto summary = service.ita_summary(ctx.actor, id, month);
                 char suffix[16];
                 std::snprintf(suffix, sizeof suffix, "-%04d-%02d", month.year, month.month);
                 return document(ita_document(summary, format), format,
                                 "ita-procurement-" + std::to_string(id) + suffix);
               });
  }
}

}  // namespace changwat::procurement::api
