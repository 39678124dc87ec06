// /api/v1/projects/{element_id}/progress…: monthly progress (api/openapi.yaml, tag Progress).
// Writes accept an Idempotency-Key (src/platform/idempotency) for a phone's offline queue.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/progress/api_routes.hpp"
#include "modules/progress/json.hpp"
#include "modules/progress/rules.hpp"
#include "platform/idempotency/idempotency.hpp"

namespace changwat::progress::api {
namespace {

constexpr std::string_view kStatusNames =
    "not_started, procuring, contracted, in_progress, delayed, completed, cancelled";

std::vector<IndicatorValue> read_indicators(http::JsonBody& body) {
  std::vector<IndicatorValue> values;
  const boost::json::value* raw = body.raw("indicators");
  if (!raw || raw->is_null()) return values;
  Message why{"ต้องเป็นรายการ [{index, value}] ของตัวชี้วัดของโครงการ",
              "must be a list of {index, value} of the project's indicators"};
  if (!raw->is_array() || raw->as_array().size() > 100) {
    body.fail("indicators", why);
    return values;
  }
  for (const auto& item : raw->as_array()) {
    const auto* object = item.if_object();
    const auto* index = object ? object->if_contains("index") : nullptr;
    const auto* value = object ? object->if_contains("value") : nullptr;
    if (!index || !value || !index->is_int64() || !value->is_number() || object->size() != 2) {
      body.fail("indicators", why);
      return values;
    }
    values.push_back({static_cast<int>(std::clamp<std::int64_t>(index->as_int64(), -1, 1000)),
                      value->to_number<double>()});
  }
  return values;
}

}  // namespace

void add_progress_routes(http::Router& router, ProgressService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/projects/{element_id}/progress", [&service](http::Context& ctx) {
    std::int64_t element_id = http::path_id(ctx.request, "element_id", {"โครงการ", "Project"});
    boost::json::array items;
    for (const auto& report : service.list(ctx.actor, element_id))
      items.push_back(report_json(report));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(
      Method::put, "/api/v1/projects/{element_id}/progress/{month}",
      idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
        std::int64_t element_id = http::path_id(ctx.request, "element_id", {"โครงการ", "Project"});
        auto month = action_plan::parse_month(ctx.request.param("month"));
        if (!month) {
          http::throw_bad_parameter("month", {"ต้องเป็นเดือนในรูป YYYY-MM (ค.ศ.) เช่น 2026-03",
                                              "must be a month as YYYY-MM, e.g. 2026-03"});
        }
        http::JsonBody body(ctx.request);
        ProgressInput input;
        input.physical_percent = body.number("physical_percent");
        input.status = http::body_enum(body, "status", parse_progress_status, kStatusNames, true)
                           .value_or(ProgressStatus::not_started);
        input.activities_th = body.optional_text("activities_th", rules::kMaxText).value_or("");
        input.problems_th = body.optional_text("problems_th", rules::kMaxText).value_or("");
        input.fixes_th = body.optional_text("fixes_th", rules::kMaxText).value_or("");
        input.reason_th = body.optional_text("reason_th", rules::kMaxText);
        input.indicators = read_indicators(body);
        input.expected_version = body.optional_integer("version");
        body.finish();
        return http::Response::json(report_json(service.put(ctx.actor, element_id, *month, input)));
      }));
}

}  // namespace changwat::progress::api
