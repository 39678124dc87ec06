#pragma once
// Internals shared by the service_*.cpp files of ProcurementService: the cached
// state behind the read model. Not for other modules.
#include <map>
#include <mutex>

#include "modules/procurement/service.hpp"

namespace changwat::procurement {

// Everything deadlines need, as of one stored revision. Immutable once shared.
struct ProcurementService::State {
  std::int64_t revision = -1;
  std::string token;  // the revision row's token (a reused number is told apart)
  Calendar calendar;
  std::map<int, std::vector<CommitmentRule>> commitments;              // by fiscal year (BE)
  std::map<std::int64_t, std::shared_ptr<const Procurement>> records;  // by id

  const std::vector<CommitmentRule>& commitments_of(int fiscal_year) const;
};

struct ProcurementService::Cache {
  std::mutex mutex;
  std::shared_ptr<const State> state;
  std::shared_ptr<const Snapshot> snapshot;
};

// The project a procurement hangs off, as the action plan module knows it.
struct ProcurementService::Located {
  action_plan::ActionPlan plan;
  std::optional<std::string> agency_code;
  std::string project_name_th;
};

namespace detail {
std::string actor_name(const Actor& actor);
// The snapshot of `state` on `today` (no database).
std::shared_ptr<const Snapshot> build_snapshot(const RuleSet& rules,
                                               const ProcurementService::State& state,
                                               const thai::Date& today);
}  // namespace detail

}  // namespace changwat::procurement
