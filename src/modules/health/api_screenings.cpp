// /api/v1/health/screenings: one screening, or a phone's queue at once (batch), each
// with its client_id so a resend answers the first record (api/openapi.yaml).
#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/health/api_routes.hpp"
#include "modules/health/json.hpp"

namespace changwat::health::api {
namespace {

constexpr std::size_t kMaxBatch = 2000;

ScreeningInput read_screening(http::JsonBody& body) {
  ScreeningInput input;
  input.checkpoint_id = body.integer("checkpoint_id");
  http::read_object(body, "person",
                    [&](http::JsonBody& item) { input.person = read_person(item); });
  input.screened_at = body.text("screened_at", 30);
  input.temperature_c = body.number("temperature_c");
  input.symptoms = body.optional_text_list("symptoms", 20, 40).value_or(std::vector<std::string>{});
  input.origin = body.optional_text("origin", 200);
  input.destination_area_code = body.optional_text("destination_area_code", 8);
  input.decision = http::body_enum(body, "decision", parse_decision, kDecisions, true)
                       .value_or(Decision::cleared);
  input.client_id = body.optional_text("client_id", 100);
  return input;
}

boost::json::object error_json(const Error& error) {
  boost::json::object fields;
  for (const auto& [name, why] : error.fields())
    fields[name] = boost::json::object{{"th", why.th}, {"en", why.en}};
  return {{"code", error.code()},
          {"message_th", error.message().th},
          {"message_en", error.message().en},
          {"fields", std::move(fields)}};
}

}  // namespace

void add_screening_routes(http::Router& router, HealthService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/health/screenings", [&service](http::Context& ctx) {
    std::string date = query_date(ctx.request, "date");
    boost::json::array items;
    for (const ScreeningRow& row :
         service.screenings(ctx.actor, date, http::query_integer(ctx.request, "checkpoint"))) {
      const Screening& s = row.screening;
      items.push_back({{"id", s.id},
                       {"checkpoint_id", s.checkpoint_id},
                       {"screened_at", s.screened_at},
                       {"temperature_c", s.temperature_c},
                       {"symptoms", names_json(s.symptoms)},
                       {"destination_area_code", json_or_null(s.destination_area_code)},
                       {"decision", std::string(to_string(s.decision))},
                       {"person", row.person ? boost::json::value(person_json(*row.person, true))
                                             : boost::json::value(nullptr)}});
    }
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });
  router.add(Method::post, "/api/v1/health/screenings", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    ScreeningInput input = read_screening(body);
    body.finish();
    ScreeningResult result = service.record_screening(ctx.actor, input);
    return http::Response::json(boost::json::object{{"id", result.id}},
                                result.replayed ? 200 : 201);
  });

  // A phone's queue in one request and one transaction: each item answered on its own
  // (201 new, 200 already recorded, 4xx refused with why), so one bad record never
  // holds up the others.
  router.add(Method::post, "/api/v1/health/screenings/batch", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    std::vector<ScreeningInput> inputs;
    http::read_list(body, "items", kMaxBatch,
                    [&](http::JsonBody& item) { inputs.push_back(read_screening(item)); });
    body.finish();
    std::vector<BatchOutcome> outcomes = service.record_screenings(ctx.actor, inputs);
    boost::json::array results;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const BatchOutcome& outcome = outcomes[i];
      const auto& client_id = inputs[i].client_id;
      boost::json::object answer{
          {"client_id", client_id ? boost::json::value(*client_id) : boost::json::value(nullptr)}};
      if (outcome.result) {
        answer["status"] = outcome.result->replayed ? 200 : 201;
        answer["id"] = outcome.result->id;
        answer["error"] = nullptr;
      } else {
        answer["status"] = http_status(outcome.refused->kind());
        answer["id"] = nullptr;
        answer["error"] = error_json(*outcome.refused);
      }
      results.push_back(std::move(answer));
    }
    return http::Response::json(boost::json::object{{"items", std::move(results)}});
  });
}

}  // namespace changwat::health::api
