// load_demo: monthly progress of the demo action plan FY 2569's projects, from
// data/progress-demo-trat.json (every figure and text invented, marked demo).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/embedded.hpp"
#include "modules/progress/module.hpp"
#include "modules/progress/rules.hpp"

namespace changwat::progress {
namespace {

constexpr std::string_view kDemoFile = "progress-demo-trat.json";

[[noreturn]] void bad_demo(const std::string& why) {
  throw Error(ErrorKind::internal, "progress_demo_invalid",
              {"ข้อมูลความก้าวหน้าตัวอย่างไม่ถูกต้อง: " + why, "the demo progress data is invalid: " + why});
}

std::string text_of(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_demo(std::string("missing ") + key);
  return std::string(value->as_string());
}

}  // namespace

void load_demo(ProgressService& service) {
  std::string_view content;
  for (const auto& file : embedded_data()) {
    if (file.name == kDemoFile) content = file.content;
  }
  if (content.empty()) bad_demo("data/progress-demo-trat.json is not embedded");
  if (service.has_demo_reports()) return;  // already loaded
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(content, error);
  if (error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.as_object();
  auto plan_id = service.plans().plan_id_by_demo_key(text_of(root, "plan_demo_key"));
  auto action_plan_id =
      service.action_plans().id_by_demo_key(text_of(root, "action_plan_demo_key"));
  if (!plan_id || !action_plan_id) bad_demo("the demo plan and action plan are not loaded");
  auto tree = service.plans().tree(Actor::command_line(), *plan_id, std::nullopt);
  auto view = service.action_plans().view(*action_plan_id);
  const std::string entered_by = text_of(root, "entered_by");
  const std::string entered_at = iso_utc_now();

  std::vector<ProgressReport> reports;
  for (const auto& item : root.at("projects").as_array()) {
    const auto& row = item.as_object();
    std::string code = text_of(row, "code");
    const plan::Element* element = nullptr;
    for (const auto& candidate : tree->elements)
      if (candidate.code == code && candidate.project) element = &candidate;
    if (!element || !view.ledger->find(element->element_id))
      bad_demo("no project " + code + " in the demo action plan");
    for (const auto& entry : row.at("months").as_array()) {
      const auto& month_row = entry.as_object();
      auto month = action_plan::parse_month(text_of(month_row, "month"));
      auto status = parse_progress_status(text_of(month_row, "status"));
      if (!month || !status) bad_demo("bad month or status of " + code);
      ProgressReport report;
      report.province_code = tree->plan.province_code;
      report.element_id = element->element_id;
      report.action_plan_id = *action_plan_id;
      report.month = *month;
      report.fiscal_year = rules::fiscal_year_of(*month);
      report.physical_percent = month_row.at("physical_percent").to_number<double>();
      report.status = *status;
      report.activities_th = text_of(month_row, "activities_th");
      report.problems_th = text_of(month_row, "problems_th");
      report.fixes_th = text_of(month_row, "fixes_th");
      if (month_row.contains("reason_th")) report.reason_th = text_of(month_row, "reason_th");
      report.agency_code = element->project->agency_code;
      report.demo = true;
      report.entered_by = entered_by;
      report.entered_at = entered_at;
      reports.push_back(std::move(report));
    }
  }
  service.import_reports(Actor::command_line(), reports);
}

}  // namespace changwat::progress
