#pragma once
// SQL for eMENSCR step statuses (table emenscr_project_steps), nothing else.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "modules/reports/model.hpp"

namespace changwat::reports {

class StepStore {
 public:
  explicit StepStore(db::Connection& connection) : connection_(connection) {}

  std::optional<ProjectSteps> find(std::int64_t action_plan_id, std::int64_t element_id);
  std::vector<ProjectSteps> of_action_plan(std::int64_t action_plan_id);
  // false when the project already has a row (a racing writer).
  bool insert_if_absent(const ProjectSteps& steps);
  // One conditional statement: false when the stored version is not `expected`.
  bool update(const ProjectSteps& steps, std::int64_t expected);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::reports
