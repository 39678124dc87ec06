#pragma once
// Rules of the strategic plan: who may read and edit what, the shape of the tree,
// versions (draft → approved → superseded, copy-on-revision), KPI targets inside
// the plan period, projects inside the province, alignment with national plans,
// differences between versions. Every change is audited in its own transaction.
//
// Approved versions never change, so their trees (and serialized JSON) are cached
// per (plan, version); drafts are read from the database on each request.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/plan/alignment_catalog.hpp"
#include "modules/plan/model.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::plan {

struct NewPlan {
  std::string name_th;
  std::string name_en;
  PlanPeriod period;
  std::optional<std::string> note;  // note of the first draft
  // The plan's province: the signed-in user's; on the command line this one, else the
  // deployment's only province (areas::province_for).
  std::optional<std::string> province_code;
};

struct PlanChange {
  std::optional<std::string> name_th;
  std::optional<std::string> name_en;
  std::optional<PlanPeriod> period;  // only while no version has been approved
  std::int64_t expected_row_version = 0;
};

// Where a moved element goes: under `parent_id` (none = top level) at `position`
// among its new siblings (none = last).
struct MoveTarget {
  std::optional<std::int64_t> parent_id;
  std::optional<int> position;
};

// One version as the tree document: the elements, their JSON (built once per
// frozen version or draft revision) and an entity tag that changes with them.
struct TreeDocument {
  std::shared_ptr<const PlanTree> tree;
  std::shared_ptr<const std::string> json;
  std::string etag;
};

class PlanService {
 public:
  PlanService(db::Database& database, areas::AreaService& areas);
  ~PlanService();
  PlanService(const PlanService&) = delete;
  PlanService& operator=(const PlanService&) = delete;

  // ---- Plans ----
  // Everyone (also anonymous) sees plans that have an approved version; signed-in
  // staff also see plans that are still a first draft.
  std::vector<Plan> list_plans(const Actor& actor) const;
  Plan get_plan(const Actor& actor, std::int64_t plan_id) const;
  // strategy_officer / admin. Creates the plan and its draft version 1.
  Plan create_plan(const Actor& actor, const NewPlan& plan);
  Plan update_plan(const Actor& actor, std::int64_t plan_id, const PlanChange& change);

  // ---- Versions ----
  std::vector<PlanVersion> versions(const Actor& actor, std::int64_t plan_id) const;
  // Freezes the open draft `version_number` (409 if that is not the open draft);
  // the previously approved version becomes superseded.
  PlanVersion approve(const Actor& actor, std::int64_t plan_id, int version_number,
                      std::optional<std::string> note);
  // New draft copied from the latest approved version (422 if a draft is open).
  PlanVersion start_revision(const Actor& actor, std::int64_t plan_id,
                             std::optional<std::string> note);

  // ---- Reading one version (none = the version in force) ----
  std::shared_ptr<const PlanTree> tree(const Actor& actor, std::int64_t plan_id,
                                       std::optional<int> version_number) const;
  // The tree as the JSON document of GET /plans/{id}/tree; cached per version
  // (frozen) or per revision (draft).
  TreeDocument tree_document(const Actor& actor, std::int64_t plan_id,
                             std::optional<int> version_number) const;
  Element element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                  std::optional<int> version_number) const;

  // ---- Editing the open draft (strategy_officer / admin; agency_officer for the
  // projects of their own agency, which stay "proposed" until accepted) ----
  // `element.element_id` is ignored; `element.position` < 0 means last.
  Element create_element(const Actor& actor, std::int64_t plan_id, Element element);
  // Replaces the editable fields with those of `element` (same element_id); a new
  // parent_id or position moves it in the same transaction.
  Element update_element(const Actor& actor, std::int64_t plan_id, const Element& element,
                         std::int64_t expected_version);
  Element move_element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                       const MoveTarget& target, std::int64_t expected_version);
  // Refused while children, or records of other modules (delete guards), hang on it.
  void delete_element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                      std::int64_t expected_version);
  // Sets (or clears with no value) one fiscal year's target of a KPI in place.
  // `expected_version` is the target row's version; none when creating it.
  KpiTarget set_target(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                       int fiscal_year, std::optional<double> value,
                       std::optional<std::int64_t> expected_version);
  Element set_alignments(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                         std::vector<std::string> codes, std::int64_t expected_version);

  // ---- Comparing and reporting ----
  PlanDiff diff(const Actor& actor, std::int64_t plan_id, int from_version, int to_version) const;
  // The diff as the JSON of GET /plans/{id}/diff, kept while both versions' cached
  // trees are unchanged (always, for frozen versions).
  std::shared_ptr<const std::string> diff_json(const Actor& actor, std::int64_t plan_id,
                                               int from_version, int to_version) const;
  const AlignmentCatalog& catalog() const { return catalog_; }
  AlignmentReport alignment_report(const Actor& actor, std::int64_t plan_id,
                                   std::optional<int> version_number) const;

  // ---- For other modules (internal reads, no permission checks) ----
  // The element in the latest version holding it (draft included).
  std::optional<ElementSummary> find_element(std::int64_t element_id) const;
  std::optional<ElementSummary> find_element_by_code(std::int64_t plan_id,
                                                     std::string_view code) const;
  // Elements of the version in force, in tree order; all kinds when none.
  std::vector<ElementSummary> elements_of_current_version(
      std::int64_t plan_id, std::optional<ElementKind> kind = std::nullopt) const;
  std::vector<ProjectSummary> projects_of_current_version(std::int64_t plan_id) const;
  // Thai word search (ICU segmentation, all query words must occur) over project
  // names and objectives in the version in force of every plan.
  std::vector<SearchHit> search_projects(std::string_view query, int limit) const;
  std::optional<PlanPeriod> period_of(std::int64_t plan_id) const;
  std::optional<std::int64_t> plan_id_by_demo_key(std::string_view demo_key) const;

  // Other modules that hang records on elements (need links, progress reports)
  // register a guard; a non-empty message refuses the deletion with that reason.
  using DeleteGuard =
      std::function<std::optional<Message>(db::Connection&, std::int64_t element_id)>;
  void add_delete_guard(DeleteGuard guard);

  // Used by the demo loader and benchmarks: writes a whole version in one
  // transaction and approves it if asked. `elements` come parents first; their
  // element_id, parent_id and guideline_ids are the caller's own keys and are
  // replaced by real ids. Returns the plan id. Audited as one "import" entry.
  std::int64_t import_plan(const Actor& actor, const NewPlan& plan, std::vector<Element> elements,
                           bool approve, std::optional<std::string> demo_key);

  db::Database& database() const { return database_; }
  areas::AreaService& areas() const { return areas_; }

 private:
  struct Cache;
  struct CachedTree;
  struct Located;
  Located locate(db::Connection& connection, std::int64_t plan_id) const;
  // locate(), for a change only the strategy office (or an admin) may make.
  Located locate_for_planner(db::Connection& connection, const Actor& actor,
                             std::int64_t plan_id) const;
  std::pair<std::shared_ptr<const CachedTree>, std::shared_ptr<const CachedTree>> diff_trees(
      const Actor& actor, std::int64_t plan_id, int from_version, int to_version) const;
  std::shared_ptr<const CachedTree> cached_tree(db::Connection& connection, const Located& located,
                                                const PlanVersion& version) const;
  Element write_element(db::Connection& connection, const Actor& actor, const Located& located,
                        Element element, std::optional<std::int64_t> expected_version);
  void place(db::Connection& connection, const PlanVersion& draft, std::int64_t element_id,
             const MoveTarget& target, std::int64_t expected_version);
  void check_structure(db::Connection& connection, const PlanVersion& draft, const Element& element,
                       FieldErrors& errors) const;

  db::Database& database_;
  areas::AreaService& areas_;
  AlignmentCatalog catalog_;
  std::unique_ptr<Cache> cache_;
  std::vector<DeleteGuard> delete_guards_;
};

}  // namespace changwat::plan
