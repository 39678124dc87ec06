#pragma once
// SQL of the plan module, nothing else: reads and writes rows of migrations/0002_plan.sql
// through one connection (inside the caller's transaction). No rules, no permissions.
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

  // ---- plan ----
  std::int64_t insert_plan(const Plan& plan, const std::string& created_by);
  // Plan row only; the version fields (current_version …) are filled by with_versions.
  std::optional<Plan> find_plan(std::int64_t plan_id);
  std::vector<Plan> list_plans();
  std::optional<std::int64_t> plan_id_by_demo_key(const std::string& demo_key);
  // False if the row version did not match (someone changed it meanwhile).
  [[nodiscard]] bool update_plan(const Plan& plan, std::int64_t expected_row_version);

  // ---- versions ----
  // In number order; element counts only when asked (they cost a scan per version).
  std::vector<PlanVersion> versions(std::int64_t plan_id, bool with_counts = false);
  // Versions of every plan at once, for lists (plan id -> versions in number order).
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
  // Copies every element row and child row of one version into another.
  void copy_version(std::int64_t from_version_id, std::int64_t to_version_id);
  std::int64_t count_elements(std::int64_t version_id);
  std::int64_t count_proposed_projects(std::int64_t version_id);

  // ---- elements ----
  // A whole version: elements with all their details, in no particular order.
  std::vector<Element> load_version(std::int64_t version_id);
  std::optional<Element> load_element(std::int64_t version_id, std::int64_t element_id);
  std::int64_t new_element_id(std::int64_t plan_id, const std::string& province_code,
                              ElementKind kind, const std::string& now);
  // Inserts the element row and its details (dimensions, alignment, KPI, project).
  void insert_element(const Element& element, const std::string& province_code);
  // Replaces the row (version + 1) and its details; false on a stale version.
  [[nodiscard]] bool update_element(const Element& element, std::int64_t expected_version,
                                    const std::string& province_code);
  void delete_element(std::int64_t version_id, std::int64_t element_id);
  // Sets parent and position (version + 1); false on a stale version.
  [[nodiscard]] bool move_element(std::int64_t version_id, std::int64_t element_id,
                                  std::optional<std::int64_t> parent_id, int position,
                                  std::int64_t expected_version);
  // Siblings in order (element ids), under a parent or at the top level.
  std::vector<std::int64_t> children(std::int64_t version_id,
                                     std::optional<std::int64_t> parent_id);
  // Renumbers siblings 0..n-1 in the given order (order is not content: no version bump).
  void set_positions(std::int64_t version_id, const std::vector<std::int64_t>& element_ids);
  std::optional<ElementKind> kind_of(std::int64_t version_id, std::int64_t element_id);
  std::optional<std::int64_t> element_with_code(std::int64_t version_id, const std::string& code);
  // Projects that list `guideline_id` among the further guidelines they serve.
  std::int64_t count_projects_serving(std::int64_t version_id, std::int64_t guideline_id);
  // Parent of an element in a version (outer none: not in the version).
  std::optional<std::optional<std::int64_t>> parent_of(std::int64_t version_id,
                                                       std::int64_t element_id);

  // ---- KPI targets ----
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
  // Bumps an element's version when something stored beside it changes (alignment)
  // or before it is deleted: one conditional statement, false on a stale version.
  [[nodiscard]] bool touch_element(std::int64_t version_id, std::int64_t element_id,
                                   std::int64_t expected_version);

  // ---- alignment ----
  void replace_alignments(std::int64_t version_id, std::int64_t element_id,
                          const std::vector<std::string>& codes, const std::string& province_code);

  // ---- for other modules ----
  struct ElementLocation {
    std::int64_t plan_id = 0;
    std::int64_t version_id = 0;
    int version_number = 0;
  };
  // Versions holding the element, newest first.
  std::vector<ElementLocation> locations_of(std::int64_t element_id);

 private:
  void insert_details(const Element& element, const std::string& province_code);
  void delete_details(std::int64_t version_id, std::int64_t element_id);
  db::Connection& connection_;
};

}  // namespace changwat::plan
