#pragma once
// SQL of the plan rows themselves (table plan, migrations/0002_plan.sql). Like every
// store of this module: SQL only, on the connection of the transaction in hand
// (docs/decisions/0007); versions, elements, KPIs and projects have stores of their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

class PlanStore {
 public:
  explicit PlanStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_plan(const Plan& plan, const std::string& created_by);
  // Plan row only; the version fields (current_version …) are filled from its versions.
  std::optional<Plan> find_plan(std::int64_t plan_id);
  std::vector<Plan> list_plans();
  std::optional<std::int64_t> plan_id_by_demo_key(const std::string& demo_key);
  // False if the row version did not match (someone changed it meanwhile).
  [[nodiscard]] bool update_plan(const Plan& plan, std::int64_t expected_row_version);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::plan
