// load_demo: monthly progress of the demo action plan FY 2569's projects, from
// data/progress-demo-trat.json (every figure and text invented, marked demo).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/progress/module.hpp"
#include "modules/progress/rules.hpp"
#include "platform/demo_file.hpp"

namespace changwat::progress {
void load_demo(ProgressService& service) {
  platform::DemoFile file("progress-demo-trat.json");
  if (service.has_demo_reports()) return;  // already loaded
  const auto& root = file.root();
  auto plan_id = service.plans().plan_id_by_demo_key(file.text(root, "plan_demo_key"));
  auto action_plan_id =
      service.action_plans().id_by_demo_key(file.text(root, "action_plan_demo_key"));
  if (!plan_id || !action_plan_id) file.fail("the demo plan and action plan are not loaded");
  auto tree = service.plans().tree(Actor::command_line(), *plan_id, std::nullopt);
  auto view = service.action_plans().view(*action_plan_id);
  const std::string entered_by = file.text(root, "entered_by");
  const std::string entered_at = iso_utc_now();

  std::vector<ProgressReport> reports;
  for (const auto& item : file.array(root, "projects")) {
    const auto& row = file.as_object(item);
    std::string code = file.text(row, "code");
    const plan::Element* element = nullptr;
    for (const auto& candidate : tree->elements)
      if (candidate.code == code && candidate.project) element = &candidate;
    if (!element || !view.ledger->find(element->element_id))
      file.fail("no project " + code + " in the demo action plan");
    for (const auto& entry : file.array(row, "months")) {
      const auto& month_row = file.as_object(entry);
      auto month = action_plan::parse_month(file.text(month_row, "month"));
      auto status = parse_progress_status(file.text(month_row, "status"));
      if (!month || !status) file.fail("bad month or status of " + code);
      ProgressReport report;
      report.province_code = tree->plan.province_code;
      report.element_id = element->element_id;
      report.action_plan_id = *action_plan_id;
      report.month = *month;
      report.fiscal_year = rules::fiscal_year_of(*month);
      report.physical_percent = month_row.at("physical_percent").to_number<double>();
      report.status = *status;
      report.activities_th = file.text(month_row, "activities_th");
      report.problems_th = file.text(month_row, "problems_th");
      report.fixes_th = file.text(month_row, "fixes_th");
      if (month_row.contains("reason_th")) report.reason_th = file.text(month_row, "reason_th");
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
