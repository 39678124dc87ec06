// /api/v1/health/outbreaks, /checkpoints, /teams, /breaches: configuration and the
// PDPA breach register (api/openapi.yaml, tag Health).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/health/api_routes.hpp"
#include "modules/health/json.hpp"

namespace changwat::health::api {
namespace {

template <class T, class ToJson>
http::Response items_response(const std::vector<T>& records, ToJson to_json) {
  boost::json::array items;
  for (const auto& record : records) items.push_back(to_json(record));
  return http::Response::json(boost::json::object{{"items", std::move(items)}});
}

Outbreak read_outbreak(http::JsonBody& body) {
  Outbreak o;
  o.disease_code = body.text("disease_code", 40);
  o.name_th = body.text("name_th", 200);
  o.started_on = body.text("started_on", 10);
  o.follow_up_days = static_cast<int>(body.optional_integer("follow_up_days").value_or(14));
  o.visits_per_day = static_cast<int>(body.optional_integer("visits_per_day").value_or(1));
  o.not_seen_alert_days =
      static_cast<int>(body.optional_integer("not_seen_alert_days").value_or(2));
  o.zero_case_days = static_cast<int>(body.optional_integer("zero_case_days").value_or(28));
  o.case_id_mask = body.optional_text("case_id_mask", 60).value_or("{disease}-{yyyy}-{seq:5}");
  o.eoc_level = static_cast<int>(body.optional_integer("eoc_level").value_or(1));
  o.retention_until = body.text("retention_until", 10);
  http::read_optional_list(body, "legal_periods", 20, [&](http::JsonBody& item) {
    LegalPeriod period;
    period.category =
        http::body_enum(item, "category", parse_legal_category, kLegalCategories, true)
            .value_or(LegalCategory::notifiable);
    period.from = item.text("from", 10);
    period.to = item.optional_text("to", 10);
    o.legal_periods.push_back(period);
  });
  http::read_optional_list(body, "orders", 50, [&](http::JsonBody& item) {
    Order order;
    order.title_th = item.text("title_th", 300);
    order.from = item.text("from", 10);
    order.to = item.optional_text("to", 10);
    o.orders.push_back(order);
  });
  return o;
}

}  // namespace

void add_setup_routes(http::Router& router, HealthService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/health/outbreaks", [&service](http::Context& ctx) {
    return items_response(service.outbreaks(ctx.actor), outbreak_json);
  });
  router.add(Method::post, "/api/v1/health/outbreaks", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Outbreak input = read_outbreak(body);
    body.finish();
    return http::Response::json(outbreak_json(service.create_outbreak(ctx.actor, input)), 201);
  });
  router.add(Method::patch, "/api/v1/health/outbreaks/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"การระบาด", "Outbreak"});
    http::JsonBody body(ctx.request);
    OutbreakChange change;
    change.version = body.integer("version");
    change.ended_on = body.optional_text("ended_on", 10);
    change.retention_until = body.optional_text("retention_until", 10);
    if (auto level = body.optional_integer("eoc_level"))
      change.eoc_level = static_cast<int>(*level);
    if (auto days = body.optional_integer("not_seen_alert_days"))
      change.not_seen_alert_days = static_cast<int>(*days);
    body.finish();
    return http::Response::json(outbreak_json(service.change_outbreak(ctx.actor, id, change)));
  });
  router.add(Method::get, "/api/v1/health/checkpoints", [&service](http::Context& ctx) {
    return items_response(service.checkpoints(ctx.actor), checkpoint_json);
  });
  router.add(Method::get, "/api/v1/health/teams", [&service](http::Context& ctx) {
    return items_response(service.teams(ctx.actor), team_json);
  });
  router.add(Method::get, "/api/v1/health/breaches", [&service](http::Context& ctx) {
    std::string now = iso_utc_now();
    return items_response(service.breaches(ctx.actor),
                          [&now](const Breach& b) { return breach_json(b, now); });
  });
  router.add(Method::post, "/api/v1/health/breaches", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Breach input;
    input.discovered_at = body.text("discovered_at", 30);
    input.description = body.text("description", 2000);
    input.people_affected = body.integer("people_affected");
    input.high_risk = body.optional_boolean("high_risk").value_or(false);
    body.finish();
    return http::Response::json(breach_json(service.record_breach(ctx.actor, input), iso_utc_now()),
                                201);
  });
  router.add(Method::post, "/api/v1/health/breaches/{id}/notified", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"เหตุละเมิดข้อมูล", "Breach"});
    return http::Response::json(breach_json(service.breach_notified(ctx.actor, id), iso_utc_now()));
  });
}

}  // namespace changwat::health::api
