#pragma once
// SQL of the national disbursement targets and commitment deadlines (not province
// data: one set per fiscal year for the whole country). No rules, no permissions.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/action_plan/model.hpp"

namespace changwat::action_plan {

class TargetStore {
 public:
  explicit TargetStore(db::Connection& connection) : connection_(connection) {}

  // All fiscal years when none.
  std::vector<DisbursementTarget> targets(std::optional<int> fiscal_year);
  std::optional<DisbursementTarget> find_target(int fiscal_year, TargetCategory category,
                                                int quarter, TargetBase base,
                                                TargetMeasure measure);
  void insert_target(const DisbursementTarget& target);
  // percent, source, note, updated_*; version + 1; false on a stale version.
  bool update_target(const DisbursementTarget& target, std::int64_t expected_version);
  std::vector<CommitmentDeadline> deadlines(std::optional<int> fiscal_year);
  bool has_deadline(int fiscal_year, const std::string& key);
  void insert_deadline(const CommitmentDeadline& deadline);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::action_plan
