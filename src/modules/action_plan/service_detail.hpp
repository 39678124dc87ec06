#pragma once
// Internals shared by the service_*.cpp files of ActionPlanService: permission
// checks, the ledger cache, common errors. Not for other modules.
#include <boost/json/object.hpp>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "modules/action_plan/action_plan_store.hpp"
#include "modules/action_plan/rules.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/action_plan/target_store.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::action_plan {

struct ActionPlanService::Cache {
  std::mutex mutex;
  std::unordered_map<std::int64_t, std::shared_ptr<const Ledger>> ledgers;  // by action plan id
  // Plan indexes by the plan tree they were built from (the tree is immutable and
  // cached by the plan service, so its address identifies one version state).
  struct Index {
    std::weak_ptr<const plan::PlanTree> tree;
    std::shared_ptr<const PlanIndex> index;
  };
  std::unordered_map<std::int64_t, Index> indexes;  // by plan id
  // Spending documents by (action plan, grouping), valid for the ledger, plan index
  // and target line they were made from.
  struct Spending {
    std::weak_ptr<const Ledger> ledger;
    std::weak_ptr<const PlanIndex> index;
    TargetLine targets{};
    std::shared_ptr<const std::string> json;
  };
  std::map<std::pair<std::int64_t, GroupBy>, Spending> spending;
};

namespace detail {

std::string actor_name(const Actor& actor);
// Reads of staff-only details (positions per line): any signed-in staff role.
void require_staff(const Actor& actor);
// strategy_officer / admin of the plan's province (or the command line).
void require_planner(const Actor& actor, const ActionPlan& plan);
// Month-end positions: the strategy office and admins for any project, an agency
// officer for the projects of their own agency; 403 otherwise.
void require_position_writer(const Actor& actor, const ActionPlan& plan,
                             const std::optional<std::string>& project_agency);

[[noreturn]] void throw_action_plan_not_found();
[[noreturn]] void throw_project_not_found();
[[noreturn]] void throw_project_stale();

// Starts a change of an action plan inside the caller's write transaction: bumps its
// revision first (so writers of one plan queue here and then read fresh rows) and
// returns the plan as it now is. 404 if there is none.
ActionPlan begin_change(ActionPlanStore& store, std::int64_t id);
// The project's fresh book in the caller's transaction; 404 if the plan lacks it.
ProjectBook load_project(db::Connection& connection, std::int64_t action_plan_id,
                         std::int64_t element_id);

boost::json::object audit_json(const ProjectBook& book);

// One change of a project by the strategy office, in one write transaction: starts the
// plan's change, checks the planner's right, that the plan is open and the project's
// version; `change(store, header, current)` writes what it changes and returns the
// project row, whose update bumps the version (stale -> 409); the audit entry `action`
// holds the book before and after. Returns the plan and the saved book for the cache.
template <class Change>
std::pair<ActionPlan, std::shared_ptr<const ProjectBook>> change_project(
    db::Database& database, const Actor& actor, std::int64_t id, std::int64_t element_id,
    std::int64_t expected_version, const char* action, Change&& change) {
  return database.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_planner(actor, header);
    require_open(header);
    ProjectBook current = load_project(c, id, element_id);
    if (current.project.version != expected_version) throw_stale_version();
    Project project = change(store, header, current);
    if (!store.update_project(project, expected_version)) throw_stale_version();
    auto saved = store.load_book(project.id);
    audit::record_in(c, header.province_code, actor, "action_plan_project",
                     std::to_string(project.id), action, audit_json(current), audit_json(*saved));
    return std::make_pair(header, std::make_shared<const ProjectBook>(std::move(*saved)));
  });
}

}  // namespace detail
}  // namespace changwat::action_plan
