#pragma once
// Internals shared by the service_*.cpp files of PlanService: the located plan,
// the tree cache, permission checks and common errors. Not for other modules.
#include <list>
#include <mutex>
#include <string>
#include <vector>

#include "modules/plan/search_index.hpp"
#include "modules/plan/service.hpp"

namespace changwat::plan {

// A plan with its versions, read in the caller's transaction.
struct PlanService::Located {
  Plan plan;
  std::vector<PlanVersion> versions;  // number order

  const PlanVersion* number(int number) const;
  const PlanVersion* draft() const;
  const PlanVersion* approved() const;  // the latest approved
  const PlanVersion& in_force() const;  // approved, else the draft
  // The open draft; Error(rule, "plan_frozen") if the plan has none.
  const PlanVersion& require_draft() const;
};

// One version's tree, valid while its key (revision, status, plan row version)
// is what the database says; frozen versions never change their revision.
struct PlanService::CachedTree {
  std::int64_t version_id = 0;
  std::int64_t revision = 0;
  VersionStatus status = VersionStatus::draft;
  std::int64_t plan_row_version = 0;
  std::shared_ptr<const PlanTree> tree;
  std::string etag;
  mutable std::mutex json_mutex;
  mutable std::shared_ptr<const std::string> json;  // built on first request
};

struct PlanService::Cache {
  std::mutex mutex;
  std::list<std::shared_ptr<const CachedTree>> trees;  // most recently used first
  std::size_t capacity = 8;

  // Diffs between cached trees, by the identity of both entries (a new revision is
  // a new entry, so a stale diff can never match).
  struct CachedDiff {
    std::weak_ptr<const CachedTree> from;
    std::weak_ptr<const CachedTree> to;
    std::shared_ptr<const std::string> json;
  };
  std::list<CachedDiff> diffs;  // most recently used first

  std::mutex search_mutex;
  // (plan id, version id, revision) of every version in force the index was built from.
  std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> search_key;
  std::shared_ptr<const ProjectSearchIndex> search;
};

namespace detail {

// Fills current_version / status / approved / draft from the versions.
void fill_version_fields(Plan& plan, const std::vector<PlanVersion>& versions);

// Anyone signed in with a staff role (or the local command line) may read drafts.
bool reads_drafts(const Actor& actor);
void require_draft_reader(const Actor& actor);

enum class EditRight { whole_plan, own_agency_projects };
// strategy_officer / admin: whole plan; agency_officer: their agency's projects.
EditRight require_editor(const Actor& actor, const Plan& plan);
// strategy_officer / admin only (approval, revisions, targets, plan fields).
void require_planner(const Actor& actor, const Plan& plan);
std::string actor_name(const Actor& actor);

[[noreturn]] void throw_plan_not_found();
[[noreturn]] void throw_version_not_found(int number);
[[noreturn]] void throw_element_not_found();
[[noreturn]] void throw_no_draft(const Plan& plan);

ElementSummary summarize(const Element& element, int version_number);

// Inserts a new plan (names and period from `input`; province, demo fields and
// created_at already set on `plan`, which comes back with its id) and its first
// version, an open draft carrying input's note; returns the draft with its id.
PlanVersion insert_plan_and_draft(db::Connection& connection, Plan& plan, const NewPlan& input,
                                  const std::string& created_by);

}  // namespace detail
}  // namespace changwat::plan
