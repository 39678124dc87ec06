// load_demo: the FY 2569 action plan of the Trat demo plan, from
// data/action-plan-demo-trat.json (every amount invented, marked demo).
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/embedded.hpp"
#include "modules/action_plan/module.hpp"

namespace changwat::action_plan {
namespace {

constexpr std::string_view kDemoFile = "action-plan-demo-trat.json";

[[noreturn]] void bad_demo(const std::string& why) {
  throw Error(
      ErrorKind::internal, "action_plan_demo_invalid",
      {"ข้อมูลแผนปฏิบัติราชการตัวอย่างไม่ถูกต้อง: " + why, "the demo action plan data is invalid: " + why});
}

std::string text_of(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_demo(std::string("missing ") + key);
  return std::string(value->as_string());
}

Month month_of(const boost::json::object& object) {
  auto month = parse_month(text_of(object, "month"));
  if (!month) bad_demo("bad month");
  return *month;
}

}  // namespace

void load_demo(ActionPlanService& service) {
  std::string_view content;
  for (const auto& file : embedded_data()) {
    if (file.name == kDemoFile) content = file.content;
  }
  if (content.empty()) bad_demo("data/action-plan-demo-trat.json is not embedded");
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(content, error);
  if (error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.as_object();
  std::string demo_key = text_of(root, "demo_key");
  if (service.id_by_demo_key(demo_key)) return;  // already loaded
  auto plan_id = service.plans().plan_id_by_demo_key(text_of(root, "plan_demo_key"));
  if (!plan_id) bad_demo("the demo plan is not loaded (plan::load_demo first)");
  const int fiscal_year = static_cast<int>(root.at("fiscal_year").as_int64());
  const std::string entered_by = text_of(root, "entered_by");
  const std::string entered_at = iso_utc_now();
  const Month first = first_month_of(fiscal_year);

  std::vector<ProjectBook> books;
  for (const auto& item : root.at("projects").as_array()) {
    const auto& row = item.as_object();
    std::string code = text_of(row, "code");
    auto element = service.plans().find_element_by_code(*plan_id, code);
    if (!element) bad_demo("no project " + code + " in the demo plan");
    ProjectBook book;
    Project& project = book.project;
    project.element_id = element->element_id;
    project.code = element->code;
    project.name_th = element->text_th;
    auto kind = plan::parse_project_kind(text_of(row, "kind"));
    auto source = plan::parse_budget_source(text_of(row, "budget_source"));
    if (!kind || !source) bad_demo("bad kind or budget source of " + code);
    project.kind = *kind;
    project.budget_source = *source;
    if (const auto* ranking = row.if_contains("ranking")) {
      project.ranking = static_cast<int>(ranking->as_int64());
    }
    if (const auto* priority = row.if_contains("priority")) {
      project.priority = static_cast<int>(priority->as_int64());
    }
    project.requested = row.at("requested_satang").as_int64();
    const auto& readiness = row.at("readiness").as_array();
    project.readiness = {readiness.at(0).as_bool(), readiness.at(1).as_bool(),
                         readiness.at(2).as_bool()};
    if (row.if_contains("cancel_reason")) {
      project.status = ProjectStatus::cancelled;
      project.cancel_reason = text_of(row, "cancel_reason");
    }
    project.demo = true;
    for (const auto& line_item : row.at("lines").as_array()) {
      const auto& line_row = line_item.as_object();
      LineBook line;
      line.line.gfmis_code = text_of(line_row, "gfmis_code");
      auto type = parse_expense_type(text_of(line_row, "expense_type"));
      if (!type) bad_demo("bad expense type of " + code);
      line.line.expense_type = *type;
      line.line.is_capital = line_row.at("is_capital").as_bool();
      line.line.allocated = line_row.at("allocated_satang").as_int64();
      if (const auto* contract = line_row.if_contains("contract_satang")) {
        line.line.contract = contract->as_int64();
      }
      int month_index = 0;
      for (const auto& planned : line_row.at("planned_cumulative_satang").as_array()) {
        line.planned.push_back({first.plus(month_index++), planned.as_int64()});
      }
      for (const auto& position_item : line_row.at("positions").as_array()) {
        const auto& position_row = position_item.as_object();
        Position position;
        position.month = month_of(position_row);
        position.po_outstanding = position_row.at("po").as_int64();
        position.disbursed_to_date = position_row.at("disbursed").as_int64();
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
