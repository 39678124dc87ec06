// load_demo: the FY 2569 action plan of the Trat demo plan, from
// data/action-plan-demo-trat.json (every amount invented, marked demo).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/action_plan/module.hpp"
#include "platform/demo_file.hpp"

namespace changwat::action_plan {
namespace {

Month month_of(const platform::DemoFile& file, const boost::json::object& object) {
  auto month = parse_month(file.text(object, "month"));
  if (!month) file.fail("bad month");
  return *month;
}

}  // namespace

void load_demo(ActionPlanService& service) {
  platform::DemoFile file("action-plan-demo-trat.json");
  const auto& root = file.root();
  std::string demo_key = file.text(root, "demo_key");
  if (service.id_by_demo_key(demo_key)) return;  // already loaded
  auto plan_id = service.plans().plan_id_by_demo_key(file.text(root, "plan_demo_key"));
  if (!plan_id) file.fail("the demo plan is not loaded (plan::load_demo first)");
  const int fiscal_year = static_cast<int>(file.integer(root, "fiscal_year"));
  const std::string entered_by = file.text(root, "entered_by");
  const std::string entered_at = iso_utc_now();
  const Month first = first_month_of(fiscal_year);

  std::vector<ProjectBook> books;
  for (const auto& item : file.array(root, "projects")) {
    const auto& row = file.as_object(item);
    std::string code = file.text(row, "code");
    auto element = service.plans().find_element_by_code(*plan_id, code);
    if (!element) file.fail("no project " + code + " in the demo plan");
    ProjectBook book;
    Project& project = book.project;
    project.element_id = element->element_id;
    project.code = element->code;
    project.name_th = element->text_th;
    auto kind = plan::parse_project_kind(file.text(row, "kind"));
    auto source = plan::parse_budget_source(file.text(row, "budget_source"));
    if (!kind || !source) file.fail("bad kind or budget source of " + code);
    project.kind = *kind;
    project.budget_source = *source;
    if (const auto* ranking = row.if_contains("ranking")) {
      project.ranking = static_cast<int>(ranking->as_int64());
    }
    if (const auto* priority = row.if_contains("priority")) {
      project.priority = static_cast<int>(priority->as_int64());
    }
    project.requested = file.integer(row, "requested_satang");
    const auto& readiness = file.array(row, "readiness");
    project.readiness = {readiness.at(0).as_bool(), readiness.at(1).as_bool(),
                         readiness.at(2).as_bool()};
    if (row.if_contains("cancel_reason")) {
      project.status = ProjectStatus::cancelled;
      project.cancel_reason = file.text(row, "cancel_reason");
    }
    project.demo = true;
    for (const auto& line_item : file.array(row, "lines")) {
      const auto& line_row = file.as_object(line_item);
      LineBook line;
      line.line.gfmis_code = file.text(line_row, "gfmis_code");
      auto type = parse_expense_type(file.text(line_row, "expense_type"));
      if (!type) file.fail("bad expense type of " + code);
      line.line.expense_type = *type;
      line.line.is_capital = line_row.at("is_capital").as_bool();
      line.line.allocated = file.integer(line_row, "allocated_satang");
      if (const auto* contract = line_row.if_contains("contract_satang")) {
        line.line.contract = contract->as_int64();
      }
      int month_index = 0;
      for (const auto& planned : file.array(line_row, "planned_cumulative_satang")) {
        line.planned.push_back({first.plus(month_index++), planned.as_int64()});
      }
      for (const auto& position_item : file.array(line_row, "positions")) {
        const auto& position_row = file.as_object(position_item);
        Position position;
        position.month = month_of(file, position_row);
        position.po_outstanding = file.integer(position_row, "po");
        position.disbursed_to_date = file.integer(position_row, "disbursed");
        position.source = PositionSource::demo;
        position.entered_by = entered_by;
        position.entered_at = entered_at;
        line.positions.push_back(std::move(position));
      }
      book.lines.push_back(std::move(line));
    }
    books.push_back(std::move(book));
  }

  ActionPlan header;
  auto source_plan = service.plans().get_plan(Actor::command_line(), *plan_id);
  header.province_code = source_plan.province_code;
  header.plan_id = *plan_id;
  header.fiscal_year = fiscal_year;
  header.name_th = "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. " + std::to_string(fiscal_year) + " " +
                   service.group_name(GroupBy::province, header.province_code).first +
                   " (ข้อมูลตัวอย่าง)";
  header.name_en =
      "Trat annual action plan, fiscal year " + std::to_string(fiscal_year) + " (demo)";
  header.demo = true;
  header.demo_key = demo_key;
  service.import_books(Actor::command_line(), header, books);
}

}  // namespace changwat::action_plan
