// Routes: /api/v1/warnings… (the warnings of the signed-in user's province, their
// resolution) and /api/v1/warning-settings (the thresholds).
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/monitoring/api_routes.hpp"
#include "modules/monitoring/json.hpp"
#include "thai/calendar.hpp"

namespace changwat::monitoring::api {

using http::Context;
using http::Method;
using http::Response;

namespace {

constexpr std::size_t kMaxNote = 2000;

int fiscal_year_param(const http::Request& request, bool required, int fallback) {
  auto year = http::query_integer(request, "fiscal_year");
  if (!year) {
    if (required) http::throw_bad_parameter("fiscal_year", {"ต้องระบุ", "is required"});
    return fallback;
  }
  if (*year < thai::kFirstAcceptedBeYear || *year > thai::kLastAcceptedBeYear) {
    http::throw_bad_parameter("fiscal_year", {"ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569",
                                              "must be a Buddhist-era fiscal year, e.g. 2569"});
  }
  return static_cast<int>(*year);
}

std::int64_t warning_id_of(const http::Request& request) {
  return http::path_id(request, "id", {"คำเตือน", "Warning"});
}

}  // namespace

void add_warning_routes(http::Router& router, MonitoringService& service) {
  router.add(Method::get, "/api/v1/warnings", [&service](Context& ctx) {
    ctx.actor.require_signed_in();
    WarningFilter filter;
    filter.fiscal_year = fiscal_year_param(ctx.request, true, 0);
    filter.agency_code = ctx.request.query_param("agency");
    if (filter.agency_code && filter.agency_code->empty()) filter.agency_code.reset();
    filter.kind = http::query_enum(ctx.request, "kind", parse_warning_kind, kKindNames);
    filter.status = http::query_enum(ctx.request, "status", parse_warning_status, "open, resolved");
    boost::json::array items;
    for (const auto& warning : service.warnings(ctx.actor, filter)) {
      items.push_back(warning_json(warning));
    }
    return Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::get, "/api/v1/warnings/{id}", [&service](Context& ctx) {
    return Response::json(warning_json(service.warning(ctx.actor, warning_id_of(ctx.request))));
  });

  router.add(Method::post, "/api/v1/warnings/{id}/resolution", [&service](Context& ctx) {
    ctx.actor.require_signed_in();
    std::int64_t id = warning_id_of(ctx.request);
    http::JsonBody body(ctx.request);
    Resolution resolution;
    resolution.note_th = body.text("note_th", kMaxNote);
    resolution.expected_version = body.optional_integer("version");
    body.finish();
    return Response::json(warning_json(service.resolve(ctx.actor, id, resolution)));
  });

  router.add(Method::get, "/api/v1/warning-settings", [&service](Context& ctx) {
    boost::json::array items;
    for (const auto& setting : service.settings(ctx.actor)) items.push_back(setting_json(setting));
    return Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::put, "/api/v1/warning-settings/{key}", [&service](Context& ctx) {
    ctx.actor.require_signed_in();
    std::string key = ctx.request.param("key");
    http::JsonBody body(ctx.request);
    double value = body.number("value");
    auto version = body.optional_integer("version");
    body.finish();
    return Response::json(setting_json(service.set_setting(ctx.actor, key, value, version)));
  });
}

}  // namespace changwat::monitoring::api
