// /api/v1/health/cases/{id}/contacts, /events, /follow-ups, /contacts/{id}/…: contacts,
// a sailing's manifest at once, the day's visits and their results (api/openapi.yaml).
#include <boost/json.hpp>

#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/health/api_routes.hpp"
#include "modules/health/json.hpp"

namespace changwat::health::api {
namespace {

NewContact read_contact(http::JsonBody& body, bool with_date) {
  NewContact input;
  input.person = read_person_field(body);
  if (with_date) input.last_contact_on = body.text("last_contact_on", 10);
  input.exposure =
      http::body_enum(body, "exposure", parse_exposure, kExposures, true).value_or(Exposure::other);
  input.risk = http::body_enum(body, "risk", parse_risk, kRisks, true).value_or(Risk::high);
  input.team_id = body.optional_integer("team_id");
  input.area_code = body.optional_text("area_code", 8);
  return input;
}

boost::json::array contacts_json(const std::vector<Contact>& contacts) {
  boost::json::array items;
  for (const auto& contact : contacts) items.push_back(contact_json(contact));
  return items;
}

}  // namespace

void add_contact_routes(http::Router& router, HealthService& service) {
  using http::Method;
  router.add(Method::post, "/api/v1/health/cases/{id}/contacts", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้ป่วย", "Case"});
    http::JsonBody body(ctx.request);
    NewContact input = read_contact(body, true);
    body.finish();
    return http::Response::json(contact_json(service.add_contact(ctx.actor, id, input)), 201);
  });
  router.add(Method::post, "/api/v1/health/events", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewEvent input;
    input.name_th = body.text("name_th", 300);
    input.occurred_on = body.text("occurred_on", 10);
    input.case_id = body.optional_integer("case_id");
    http::read_list(body, "people", 2000, [&](http::JsonBody& item) {
      input.people.push_back(read_contact(item, false));
    });
    body.finish();
    return http::Response::json(
        boost::json::object{{"items", contacts_json(service.add_event(ctx.actor, input))}}, 201);
  });
  router.add(Method::get, "/api/v1/health/follow-ups", [&service](http::Context& ctx) {
    std::string date = query_date(ctx.request, "date");
    auto team = http::query_integer(ctx.request, "team");
    boost::json::array items;
    for (const FollowUpRow& row : service.follow_ups(ctx.actor, date, team)) {
      boost::json::object out = follow_up_json(row.visit);
      out["contact"] = contact_json(row.contact);
      out["person"] = person_json(row.person, true);
      items.push_back(std::move(out));
    }
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });
  router.add(Method::post, "/api/v1/health/follow-ups/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"การติดตาม", "Follow-up"});
    http::JsonBody body(ctx.request);
    bool performed = body.boolean("performed");
    auto symptoms =
        body.optional_text_list("symptoms", 20, 40).value_or(std::vector<std::string>{});
    auto date = body.optional_text("date", 10);
    body.finish();
    return http::Response::json(
        follow_up_json(service.record_follow_up(ctx.actor, id, performed, symptoms, date)));
  });
  router.add(Method::post, "/api/v1/health/contacts/{id}/visits", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้สัมผัส", "Contact"});
    http::JsonBody body(ctx.request);
    std::string date = body.text("date", 10);
    bool performed = body.boolean("performed");
    auto symptoms =
        body.optional_text_list("symptoms", 20, 40).value_or(std::vector<std::string>{});
    body.finish();
    return http::Response::json(
        follow_up_json(service.record_contact_visit(ctx.actor, id, date, performed, symptoms)));
  });
  router.add(Method::post, "/api/v1/health/contacts/{id}/convert", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้สัมผัส", "Contact"});
    return http::Response::json(case_json(service.convert_contact(ctx.actor, id)), 201);
  });
}

}  // namespace changwat::health::api
