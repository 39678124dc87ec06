#pragma once
// SQL of a plan's versions (table plan_version): their status, the revision that
// keys the tree cache, and copying a whole version for a revision.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

class VersionStore {
 public:
  explicit VersionStore(db::Connection& connection) : connection_(connection) {}

  // In number order; element counts only when asked (they cost a scan per version).
  std::vector<PlanVersion> versions(std::int64_t plan_id, bool with_counts = false);
  // Versions of every plan at once, for lists (by plan, in number order).
  std::vector<PlanVersion> all_versions();
  std::int64_t insert_version(const PlanVersion& version, const std::string& province_code);

  // What a status change records; each field left empty keeps the stored value.
  struct StatusStamp {
    std::optional<std::string> approved_by;
    std::optional<std::string> approved_at;
    std::optional<std::string> note;
    // If set, the change also requires this revision (nothing edited meanwhile).
    std::optional<std::int64_t> expected_revision;
  };
  // One conditional statement: `from` -> `to` only if the version still has status
  // `from` (and the expected revision). False if another transaction got there
  // first, so one draft is approved exactly once.
  [[nodiscard]] bool change_status(std::int64_t version_id, VersionStatus from, VersionStatus to,
                                   const StatusStamp& stamp = {});
  // Bumps the draft's revision (the cache key). False if the version is no longer
  // a draft: an edit racing an approval must not land in the approved version.
  [[nodiscard]] bool bump_revision(std::int64_t version_id);

  // Copies every element row and every row beside one of one version into another.
  void copy_version(std::int64_t from_version_id, std::int64_t to_version_id);
  std::int64_t count_elements(std::int64_t version_id);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::plan
