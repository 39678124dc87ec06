#pragma once
// SQL of a KPI element's details (table plan_kpi) and its yearly targets
// (plan_kpi_target), each target with a version of its own.
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

class KpiStore {
 public:
  explicit KpiStore(db::Connection& connection) : connection_(connection) {}

  // Writes the KPI row of an element (its targets are separate). The row outlives
  // edits, because its targets point at it: updated in place, inserted only once.
  void save_kpi(std::int64_t version_id, std::int64_t element_id, const KpiDetails& kpi,
                const std::string& province_code);

  std::optional<KpiTarget> find_target(std::int64_t version_id, std::int64_t element_id,
                                       int fiscal_year);
  void insert_target(std::int64_t version_id, std::int64_t element_id, const KpiTarget& target,
                     const std::string& province_code);
  // False if the target exists already (another writer created it first).
  [[nodiscard]] bool insert_target_if_absent(std::int64_t version_id, std::int64_t element_id,
                                             const KpiTarget& target,
                                             const std::string& province_code);
  [[nodiscard]] bool update_target(std::int64_t version_id, std::int64_t element_id,
                                   int fiscal_year, std::optional<double> value,
                                   std::int64_t expected_version);
  // Makes the stored targets those of `kpi` after an edit of the element: unchanged
  // values keep their row and version, changed ones get version + 1, new years are
  // added and years no longer listed are dropped.
  void sync_targets(std::int64_t version_id, std::int64_t element_id, const KpiDetails& kpi,
                    const std::string& province_code);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::plan
