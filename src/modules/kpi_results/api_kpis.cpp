// /api/v1/kpis/{element_id}/…: a KPI's actuals, rubric and trend against its targets
// (api/openapi.yaml, tag "KPI results"). JSON in, service call, JSON out.
#include <boost/json.hpp>
#include <limits>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/kpi_results/api_routes.hpp"
#include "modules/kpi_results/json.hpp"
#include "modules/kpi_results/rules.hpp"

namespace changwat::kpi_results::api {
namespace {

std::int64_t element_id_of(const http::Context& ctx) {
  return http::path_id(ctx.request, "element_id", {"ตัวชี้วัด", "KPI"});
}

int year_of(std::optional<std::int64_t> year, std::string_view name) {
  if (!year || *year < std::numeric_limits<int>::min() || *year > std::numeric_limits<int>::max())
    http::throw_bad_parameter(name, {"ต้องเป็นปีงบประมาณ พ.ศ.", "must be a Buddhist-era fiscal year"});
  return static_cast<int>(*year);
}

std::vector<Threshold> read_thresholds(http::JsonBody& body) {
  std::vector<Threshold> thresholds;
  const boost::json::value* raw = body.raw("thresholds");
  if (!raw || raw->is_null()) {
    body.fail("thresholds", {"ต้องระบุ", "is required"});
    return thresholds;
  }
  if (!raw->is_array()) {
    body.fail("thresholds", {"ต้องเป็นรายการของ {value, score}", "must be a list of {value, score}"});
    return thresholds;
  }
  if (raw->get_array().size() > rules::kMaxThresholds * 5) {
    body.fail("thresholds", {"มีรายการมากเกินไป", "has too many items"});
    return thresholds;
  }
  for (const auto& item : raw->get_array()) {
    if (!item.is_object()) {
      body.fail("thresholds",
                {"แต่ละระดับต้องเป็น {value, score}", "each threshold must be {value, score}"});
      return thresholds;
    }
    http::JsonBody nested(item.get_object());
    Threshold threshold;
    threshold.value = nested.number("value");
    threshold.score = nested.number("score");
    try {
      nested.finish();
    } catch (const Error& error) {
      for (const auto& [field, why] : error.fields())
        body.fail(("thresholds." + field).c_str(), why);
      return thresholds;
    }
    thresholds.push_back(threshold);
  }
  return thresholds;
}

}  // namespace

void add_kpi_routes(http::Router& router, KpiResultsService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/kpis/{element_id}/actuals", [&service](http::Context& ctx) {
    std::optional<int> year;
    if (auto raw = http::query_integer(ctx.request, "fiscal_year"))
      year = year_of(raw, "fiscal_year");
    boost::json::array items;
    for (const Actual& actual : service.actuals(ctx.actor, element_id_of(ctx), year))
      items.push_back(actual_json(actual));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::put, "/api/v1/kpis/{element_id}/actuals/{fiscal_year}",
             [&service](http::Context& ctx) {
               ActualInput input;
               input.fiscal_year =
                   year_of(http::parse_integer(ctx.request.param("fiscal_year")), "fiscal_year");
               http::JsonBody body(ctx.request);
               if (auto period =
                       http::body_enum(body, "period", parse_period, "Q1, Q2, Q3, Q4, year", true))
                 input.period = *period;
               input.value = body.number("value");
               input.evidence_th = body.text("evidence_th", rules::kEvidenceMax);
               if (auto data_year = body.optional_integer("data_year")) {
                 if (*data_year < 2400 || *data_year > 2700)
                   body.fail("data_year", {"ต้องเป็นปี พ.ศ.", "must be a Buddhist-era year"});
                 else
                   input.data_year = static_cast<int>(*data_year);
               }
               input.source_th = body.optional_text("source_th", rules::kSourceMax);
               input.expected_version = body.optional_integer("version");
               body.finish();
               return http::Response::json(
                   actual_json(service.set_actual(ctx.actor, element_id_of(ctx), input)));
             });

  router.add(Method::get, "/api/v1/kpis/{element_id}/rubric", [&service](http::Context& ctx) {
    std::optional<Rubric> rubric = service.rubric(ctx.actor, element_id_of(ctx));
    if (!rubric) throw_not_found("เกณฑ์การให้คะแนนของตัวชี้วัดนี้", "Rubric of this KPI");
    return http::Response::json(rubric_json(*rubric));
  });

  router.add(Method::put, "/api/v1/kpis/{element_id}/rubric", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    RubricInput input;
    input.thresholds = read_thresholds(body);
    if (auto direction = http::body_enum(body, "direction", parse_direction,
                                         "higher_is_better, lower_is_better", true))
      input.direction = *direction;
    input.weight = body.number("weight");
    input.expected_version = body.optional_integer("version");
    body.finish();
    return http::Response::json(
        rubric_json(service.set_rubric(ctx.actor, element_id_of(ctx), input)));
  });

  router.add(Method::get, "/api/v1/kpis/{element_id}/trend", [&service](http::Context& ctx) {
    return http::Response::json(trend_json(service.trend(ctx.actor, element_id_of(ctx))));
  });
}

}  // namespace changwat::kpi_results::api
