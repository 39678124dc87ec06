#include "modules/reports/step_store.hpp"

#include <boost/json.hpp>
#include <string>

#include "base/error.hpp"
#include "db/row_reader.hpp"

namespace changwat::reports {
namespace {

constexpr const char* kSelect =
    "SELECT action_plan_id, element_id, province_code, steps, demo, updated_by, updated_at, "
    "version FROM emenscr_project_steps ";

std::string steps_text(const std::vector<StepStatus>& steps) {
  boost::json::array array;
  for (const StepStatus& step : steps) {
    boost::json::object object{{"step", step_name(step.step)}, {"status_th", step.status_th}};
    if (step.entered_on) object["entered_on"] = *step.entered_on;
    array.push_back(std::move(object));
  }
  return boost::json::serialize(array);
}

std::vector<StepStatus> steps_from(const std::string& text) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(text, error);
  if (error || !value.is_array())
    throw Error(ErrorKind::internal, "corrupt_row",
                {"ข้อมูลขั้นตอน eMENSCR เสียหาย", "emenscr_project_steps.steps is not a JSON array"});
  std::vector<StepStatus> steps;
  for (const auto& item : value.as_array()) {
    const auto& object = item.as_object();
    StepStatus step;
    step.step = parse_step(std::string_view(object.at("step").as_string())).value_or(1);
    step.status_th = std::string(object.at("status_th").as_string());
    if (const auto* on = object.if_contains("entered_on"); on && on->is_string())
      step.entered_on = std::string(on->get_string());
    steps.push_back(std::move(step));
  }
  return steps;
}

ProjectSteps steps_row(const db::Row& row) {
  ProjectSteps steps;
  std::string text;
  db::RowReader(row).read(steps.action_plan_id, steps.element_id, steps.province_code, text,
                          steps.demo, steps.updated_by, steps.updated_at, steps.version);
  steps.steps = steps_from(text);
  return steps;
}

}  // namespace

std::optional<ProjectSteps> StepStore::find(std::int64_t action_plan_id, std::int64_t element_id) {
  return db::map_row(
      connection_.query_one(std::string(kSelect) + "WHERE action_plan_id = ? AND element_id = ?",
                            {action_plan_id, element_id}),
      steps_row);
}

std::vector<ProjectSteps> StepStore::of_action_plan(std::int64_t action_plan_id) {
  std::vector<ProjectSteps> all;
  for (const db::Row& row : connection_.query(
           std::string(kSelect) + "WHERE action_plan_id = ? ORDER BY element_id", {action_plan_id}))
    all.push_back(steps_row(row));
  return all;
}

bool StepStore::insert_if_absent(const ProjectSteps& steps) {
  return connection_.execute(
             "INSERT INTO emenscr_project_steps (action_plan_id, element_id, province_code, steps, "
             "demo, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1) "
             "ON CONFLICT (action_plan_id, element_id) DO NOTHING",
             {steps.action_plan_id, steps.element_id, steps.province_code, steps_text(steps.steps),
              std::int64_t{steps.demo ? 1 : 0}, steps.updated_by, steps.updated_at}) == 1;
}

bool StepStore::update(const ProjectSteps& steps, std::int64_t expected) {
  return connection_.execute(
             "UPDATE emenscr_project_steps SET steps = ?, demo = ?, updated_by = ?, "
             "updated_at = ?, version = version + 1 "
             "WHERE action_plan_id = ? AND element_id = ? AND version = ?",
             {steps_text(steps.steps), std::int64_t{steps.demo ? 1 : 0}, steps.updated_by,
              steps.updated_at, steps.action_plan_id, steps.element_id, expected}) == 1;
}

}  // namespace changwat::reports
