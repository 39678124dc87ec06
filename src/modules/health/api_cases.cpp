// /api/v1/health/persons…, /cases…: people (every read logged) and cases with their
// classification history and lab tests (api/openapi.yaml, tag Health).
#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "http/params.hpp"
#include "modules/health/api_routes.hpp"
#include "modules/health/json.hpp"

namespace changwat::health::api {
namespace {

boost::json::array json_list(const auto& records, auto to_json) {
  boost::json::array items;
  for (const auto& record : records) items.push_back(to_json(record));
  return items;
}

boost::json::object case_view_json(const CaseView& view) {
  boost::json::object out = case_json(view.record);
  out["person"] = person_json(view.person, false);
  out["history"] = json_list(view.history, [](const ClassificationChange& change) {
    return boost::json::object{{"classification", std::string(to_string(change.classification))},
                               {"at", change.at},
                               {"reason", json_or_null(change.reason)},
                               {"by", change.by}};
  });
  out["lab_tests"] = json_list(view.lab_tests, [](const LabTest& test) {
    return boost::json::object{{"id", test.id},
                               {"kind", std::string(to_string(test.kind))},
                               {"result", std::string(to_string(test.result))},
                               {"taken_on", test.taken_on}};
  });
  out["contacts"] = json_list(view.contacts, contact_json);
  out["notice_required"] = view.notice_required;
  return out;
}

}  // namespace

void add_case_routes(http::Router& router, HealthService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/health/persons/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"บุคคล", "Person"});
    PersonView view = service.person(ctx.actor, id, access_reason(ctx.request));
    boost::json::object out = person_json(view.person, false);
    out["cases"] = json_list(view.cases, case_json);
    out["contacts"] = json_list(view.contacts, contact_json);
    return http::Response::json(out);
  });
  router.add(Method::get, "/api/v1/health/persons/{id}/access-log", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"บุคคล", "Person"});
    return http::Response::json(boost::json::object{
        {"items",
         json_list(service.access_log(ctx.actor, id, access_reason(ctx.request)), access_json)}});
  });

  router.add(Method::get, "/api/v1/health/cases", [&service](http::Context& ctx) {
    auto outbreak = http::query_integer(ctx.request, "outbreak");
    auto rows = service.cases(ctx.actor, outbreak, http::query_limit(ctx.request, 50, 500),
                              http::query_offset(ctx.request), access_reason(ctx.request));
    return http::Response::json(
        boost::json::object{{"items", json_list(rows, [](const CaseRow& row) {
                               boost::json::object out = case_json(row.record);
                               out["person"] = person_json(row.person, true);
                               return out;
                             })}});
  });
  router.add(Method::post, "/api/v1/health/cases", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewCase input;
    input.outbreak_id = body.optional_integer("outbreak_id");
    input.person = read_person_field(body);
    input.classification =
        http::body_enum(body, "classification", parse_classification, kClassifications, true)
            .value_or(Classification::pui);
    input.onset_on = body.optional_text("onset_on", 10);
    input.reported_on = body.text("reported_on", 10);
    input.infected_in = http::body_enum(body, "infected_in", parse_infected_in, kInfectedIn, true)
                            .value_or(InfectedIn::local);
    input.area_code = body.optional_text("area_code", 8);
    input.place_of_care =
        http::body_enum(body, "place_of_care", parse_place_of_care, kPlacesOfCare);
    input.cluster_id = body.optional_integer("cluster_id");
    body.finish();
    Case record = service.create_case(ctx.actor, input);
    return http::Response::json(case_json(record), 201);
  });
  router.add(Method::get, "/api/v1/health/cases/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้ป่วย", "Case"});
    return http::Response::json(
        case_view_json(service.case_view(ctx.actor, id, access_reason(ctx.request))));
  });
  router.add(Method::patch, "/api/v1/health/cases/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้ป่วย", "Case"});
    http::JsonBody body(ctx.request);
    CaseChange change;
    change.version = body.integer("version");
    change.classification =
        http::body_enum(body, "classification", parse_classification, kClassifications);
    change.reason = body.optional_text("reason", rules::kMaxReasonChars);
    change.place_of_care =
        http::body_enum(body, "place_of_care", parse_place_of_care, kPlacesOfCare);
    change.outcome = http::body_enum(body, "outcome", parse_outcome, kOutcomes);
    change.source_case_id = body.optional_integer("source_case_id");
    change.notified = body.optional_boolean("notified").value_or(false);
    body.finish();
    return http::Response::json(case_json(service.change_case(ctx.actor, id, change)));
  });
  router.add(Method::post, "/api/v1/health/cases/{id}/lab-tests", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ผู้ป่วย", "Case"});
    http::JsonBody body(ctx.request);
    auto kind = http::body_enum(body, "kind", parse_lab_kind, kLabKinds, true);
    auto result = http::body_enum(body, "result", parse_lab_result, kLabResults, true);
    std::string taken_on = body.text("taken_on", 10);
    body.finish();
    return http::Response::json(
        case_json(service.add_lab_test(ctx.actor, id, *kind, *result, taken_on)), 201);
  });
}

}  // namespace changwat::health::api
