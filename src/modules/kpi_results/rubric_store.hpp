#pragma once
// SQL for KPI rubrics, nothing else: one row per KPI, thresholds as JSON text.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "db/database.hpp"
#include "modules/kpi_results/model.hpp"

namespace changwat::kpi_results {

class RubricStore {
 public:
  explicit RubricStore(db::Connection& connection) : connection_(connection) {}

  std::optional<Rubric> find(std::int64_t element_id);
  std::vector<Rubric> of_plan(std::int64_t plan_id);
  // false when the KPI already has a rubric (a racing writer).
  bool insert_if_absent(const Rubric& rubric);
  // One conditional statement: false when the stored version is not `expected`.
  bool update(const Rubric& rubric, std::int64_t expected);
  // Changes whenever a plan's rubrics change (rows and their versions).
  std::pair<std::int64_t, std::int64_t> stamp(std::int64_t plan_id);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::kpi_results
