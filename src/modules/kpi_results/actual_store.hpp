#pragma once
// SQL for KPI actuals, nothing else (docs/decisions/0007-module-shape.md): made on
// the connection of the transaction in hand, rows in, model structs out.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "modules/kpi_results/model.hpp"

namespace changwat::kpi_results {

class ActualStore {
 public:
  explicit ActualStore(db::Connection& connection) : connection_(connection) {}

  std::optional<Actual> find(std::int64_t element_id, int fiscal_year, Period period);
  // A KPI's actuals (of one fiscal year if given), by fiscal year then period.
  std::vector<Actual> of_kpi(std::int64_t element_id, std::optional<int> fiscal_year);
  // Every actual of a plan (of one fiscal year if given).
  std::vector<Actual> of_plan(std::int64_t plan_id, std::optional<int> fiscal_year);
  // false when a row for the same KPI, year and period exists (a racing writer).
  bool insert_if_absent(const Actual& actual);
  // One conditional statement: false when the stored version is not `expected`.
  bool update(const Actual& actual, std::int64_t expected);
  // Changes whenever a plan's actuals of the year change (rows and their versions):
  // the key of the cached scores, so several servers stay right without messages.
  std::pair<std::int64_t, std::int64_t> stamp(std::int64_t plan_id, int fiscal_year);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::kpi_results
