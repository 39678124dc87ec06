// Official outputs of an action plan (api/openapi.yaml, tag "Official reports"): the
// eMENSCR workbook, the quarterly results report, and the eMENSCR step statuses of a
// project as officers entered them.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/reports/api_routes.hpp"
#include "modules/reports/json.hpp"
#include "thai/calendar.hpp"

namespace changwat::reports::api {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kStatusMax = 200;

std::int64_t action_plan_id_of(const http::Context& ctx) {
  return http::path_id(ctx.request, "id", {"แผนปฏิบัติราชการประจำปี", "Action plan"});
}

std::int64_t element_id_of(const http::Context& ctx) {
  return http::path_id(ctx.request, "element_id", {"โครงการ", "Project"});
}

std::optional<int> quarter_of(const http::Context& ctx, bool required) {
  auto quarter = http::query_integer(ctx.request, "quarter");
  if (!quarter) {
    if (required) http::throw_bad_parameter("quarter", {"ต้องระบุไตรมาส 1–4", "is required (1–4)"});
    return std::nullopt;
  }
  if (*quarter < 1 || *quarter > 4)
    http::throw_bad_parameter("quarter", {"ต้องเป็นไตรมาส 1–4", "must be a quarter 1–4"});
  return static_cast<int>(*quarter);
}

http::Response document(std::string bytes, const char* type, const std::string& name) {
  http::Response response = http::Response::text(std::move(bytes), type);
  response.add_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

std::vector<StepStatus> read_steps(http::JsonBody& body) {
  std::vector<StepStatus> steps;
  const boost::json::value* raw = body.raw("steps");
  if (!raw || !raw->is_array()) {
    body.fail("steps", {"ต้องเป็นรายการขั้นตอน M1–M7", "must be a list of steps M1–M7"});
    return steps;
  }
  if (raw->get_array().size() > static_cast<std::size_t>(kStepCount)) {
    body.fail("steps", {"มีได้ไม่เกิน 7 ขั้นตอน", "may hold at most 7 steps"});
    return steps;
  }
  std::size_t index = 0;
  for (const auto& item : raw->get_array()) {
    std::string prefix = "steps[" + std::to_string(index++) + "].";
    if (!item.is_object()) {
      body.fail("steps", {"แต่ละขั้นตอนต้องเป็นออบเจ็กต์", "each step must be an object"});
      return steps;
    }
    http::JsonBody nested(item.get_object());
    StepStatus step;
    std::string name = nested.text("step", 10);
    std::optional<int> number = parse_step(name);
    step.status_th = nested.text("status_th", kStatusMax);
    std::optional<std::string> on = nested.optional_text("entered_on", 10);
    try {
      nested.finish();
    } catch (const Error& error) {
      for (const auto& [field, why] : error.fields()) body.fail((prefix + field).c_str(), why);
      continue;
    }
    if (!number) {
      body.fail((prefix + "step").c_str(), http::one_of("M1, M2, M3, M4, M5, M6, M7"));
      continue;
    }
    for (const StepStatus& earlier : steps) {
      if (earlier.step == *number)
        body.fail((prefix + "step").c_str(), {"ขั้นตอนนี้ซ้ำ", "this step is listed twice"});
    }
    step.step = *number;
    if (on) {
      try {
        // ISO only: the API speaks ISO dates; people see the Buddhist era.
        if (on->size() != 10 || (*on)[4] != '-') throw std::invalid_argument("not ISO");
        step.entered_on = thai::to_iso(thai::parse_date(*on, "entered_on"));
      } catch (const std::exception&) {
        body.fail((prefix + "entered_on").c_str(),
                  {"ต้องเป็นวันที่ YYYY-MM-DD", "must be a date YYYY-MM-DD"});
        continue;
      }
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace

void add_report_routes(http::Router& router, ReportsService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/action-plans/{id}/emenscr.xlsx", [&service](http::Context& ctx) {
    std::int64_t id = action_plan_id_of(ctx);
    return document(service.emenscr_xlsx(ctx.actor, id, quarter_of(ctx, false)), kXlsxType,
                    "emenscr-" + std::to_string(id) + ".xlsx");
  });

  router.add(Method::get, "/api/v1/action-plans/{id}/quarterly-report.pdf",
             [&service](http::Context& ctx) {
               std::int64_t id = action_plan_id_of(ctx);
               int quarter = *quarter_of(ctx, true);
               return document(service.quarterly_pdf(ctx.actor, id, quarter), "application/pdf",
                               "quarterly-report-" + std::to_string(id) + "-q" +
                                   std::to_string(quarter) + ".pdf");
             });

  router.add(Method::get, "/api/v1/action-plans/{id}/projects/{element_id}/emenscr-steps",
             [&service](http::Context& ctx) {
               return http::Response::json(steps_json(
                   service.steps(ctx.actor, action_plan_id_of(ctx), element_id_of(ctx))));
             });

  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/emenscr-steps",
             [&service](http::Context& ctx) {
               http::JsonBody body(ctx.request);
               StepsInput input;
               input.steps = read_steps(body);
               input.expected_version = body.optional_integer("version");
               body.finish();
               return http::Response::json(steps_json(service.set_steps(
                   ctx.actor, action_plan_id_of(ctx), element_id_of(ctx), input)));
             });
}

}  // namespace changwat::reports::api
