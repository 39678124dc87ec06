// Routes: /api/v1/dashboards/… (province, strategy, agency, district), every
// signed-in role of the province.
#include "http/params.hpp"
#include "modules/monitoring/api_routes.hpp"
#include "thai/calendar.hpp"

namespace changwat::monitoring::api {

using http::Context;
using http::Method;
using http::Response;

namespace {

std::optional<int> fiscal_year_of(const http::Request& request) {
  auto year = http::query_integer(request, "fiscal_year");
  if (!year) return std::nullopt;
  if (*year < thai::kFirstAcceptedBeYear || *year > thai::kLastAcceptedBeYear) {
    http::throw_bad_parameter("fiscal_year", {"ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569",
                                              "must be a Buddhist-era fiscal year, e.g. 2569"});
  }
  return static_cast<int>(*year);
}

Response answer(MonitoringService& service, Context& ctx, DashboardScope scope) {
  ctx.actor.require_signed_in();
  auto json = service.dashboard(ctx.actor, scope, fiscal_year_of(ctx.request));
  return Response::text(*json, "application/json; charset=utf-8");
}

}  // namespace

void add_dashboard_routes(http::Router& router, MonitoringService& service) {
  router.add(Method::get, "/api/v1/dashboards/province", [&service](Context& ctx) {
    return answer(service, ctx, {ScopeKind::province, ""});
  });
  router.add(Method::get, "/api/v1/dashboards/strategies/{element_id}", [&service](Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "element_id", {"ประเด็นการพัฒนา", "Strategy"});
    return answer(service, ctx, {ScopeKind::strategy, std::to_string(id)});
  });
  router.add(Method::get, "/api/v1/dashboards/agencies/{code}", [&service](Context& ctx) {
    return answer(service, ctx, {ScopeKind::agency, ctx.request.param("code")});
  });
  router.add(Method::get, "/api/v1/dashboards/districts/{code}", [&service](Context& ctx) {
    return answer(service, ctx, {ScopeKind::district, ctx.request.param("code")});
  });
}

}  // namespace changwat::monitoring::api
