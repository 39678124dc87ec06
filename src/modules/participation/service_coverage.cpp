// Coverage of a plan cycle: where no needs were gathered, which needs no project
// answers, which projects answer neither a need nor a national target. And the
// Thai search over needs and projects.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/service.hpp"
#include "thai/text.hpp"

namespace changwat::participation {
namespace {

constexpr std::int64_t kSearchLimitMax = 100;

// The plan as the actor sees it (404 when they cannot).
plan::Plan visible_plan(const plan::PlanService& plans, const Actor& actor, std::int64_t plan_id) {
  for (plan::Plan& plan : plans.list_plans(actor))
    if (plan.id == plan_id) return plan;
  rules::throw_plan_not_found();
}

// A staff report on one plan the actor can see. One read transaction for the plan
// module's reads and ours (they join it): one snapshot, one pooled connection.
// `fill(connection, result)` adds the report's rows.
template <class Result, class Fill>
Result plan_report(db::Database& database, const plan::PlanService& plans, const Actor& actor,
                   std::int64_t plan_id, Fill fill) {
  rules::require_staff(actor);
  Result result;
  result.plan_id = plan_id;
  database.read([&](db::Connection& connection) {
    visible_plan(plans, actor, plan_id);
    fill(connection, result);
  });
  return result;
}

bool answers_open_need(NeedStatus status) {
  return status == NeedStatus::new_ || status == NeedStatus::accepted ||
         status == NeedStatus::linked;
}

}  // namespace

AreaCoverage ParticipationService::area_coverage(const Actor& actor, std::int64_t plan_id,
                                                 std::optional<areas::Level> level) const {
  rules::require_staff(actor);
  plan::Plan plan = visible_plan(plans_, actor, plan_id);
  std::vector<std::string> named = database_.read(
      [&](db::Connection& connection) { return NeedStore(connection).areas_with_needs(plan_id); });

  // A need in a village also counts for its subdistrict and district.
  std::unordered_set<std::string> covered;
  for (const std::string& code : named) {
    std::optional<areas::Area> area = areas_.find(code);
    while (area && covered.insert(area->code).second && !area->parent_code.empty())
      area = areas_.find(area->parent_code);
  }

  AreaCoverage coverage;
  coverage.plan_id = plan_id;
  coverage.levels = {
      {areas::Level::district}, {areas::Level::subdistrict}, {areas::Level::village}};
  for (const areas::Area& area : areas_.all_in(plan.province_code)) {
    if (area.level == areas::Level::province) continue;
    LevelCoverage& counts = coverage.levels[static_cast<std::size_t>(area.level) - 1];
    counts.total += 1;
    bool has_needs = covered.contains(area.code);
    if (has_needs) counts.with_needs += 1;
    if (!has_needs && (!level || *level == area.level)) coverage.without_needs.push_back(area);
  }
  return coverage;
}

UnansweredNeeds ParticipationService::unanswered_needs(const Actor& actor,
                                                       std::int64_t plan_id) const {
  return plan_report<UnansweredNeeds>(
      database_, plans_, actor, plan_id, [&](db::Connection& connection, UnansweredNeeds& result) {
        std::unordered_set<std::int64_t> projects;
        for (const plan::ProjectSummary& project : plans_.projects_of_current_version(plan_id))
          projects.insert(project.element_id);
        NeedFilter filter;
        filter.plan_id = plan_id;
        std::vector<Need> needs =
            NeedStore(connection).list_needs(filter, NeedOrder::most_votes, std::nullopt, 0).items;
        std::map<std::int64_t, std::vector<NeedLink>> links_by_need;
        for (NeedLink& link : NeedStore(connection).links_of_plan(plan_id))
          links_by_need[link.need_id].push_back(std::move(link));
        for (Need& need : needs) {
          if (!answers_open_need(need.status)) continue;
          const std::vector<NeedLink>& links = links_by_need[need.id];
          // Only a project of the version in force answers a need; a guideline alone
          // says where the answer should come from, not that it exists.
          bool answered = std::any_of(links.begin(), links.end(), [&](const NeedLink& link) {
            return projects.contains(link.element_id);
          });
          if (answered) continue;
          need.contact = {};
          result.needs.push_back({std::move(need), resolve_links(links), false});
        }
      });
}

UnlinkedProjects ParticipationService::unlinked_projects(const Actor& actor,
                                                         std::int64_t plan_id) const {
  return plan_report<UnlinkedProjects>(
      database_, plans_, actor, plan_id, [&](db::Connection& connection, UnlinkedProjects& result) {
        std::set<std::int64_t> linked;
        for (const NeedLink& link : NeedStore(connection).links_of_plan(plan_id))
          linked.insert(link.element_id);
        for (plan::ProjectSummary& project : plans_.projects_of_current_version(plan_id))
          if (!project.has_alignment && !linked.contains(project.element_id))
            result.projects.push_back(std::move(project));
      });
}

SearchResult ParticipationService::search(const Actor& actor, const std::string& query,
                                          std::int64_t limit,
                                          std::optional<std::int64_t> plan_id) const {
  FieldErrors errors;
  rules::check_text(errors, "q", query, kQueryMax);
  if (limit < 1 || limit > kSearchLimitMax)
    errors.add("limit", {"ต้องเป็นจำนวนตั้งแต่ 1 ถึง 100", "must be between 1 and 100"});
  errors.throw_if_any();

  SearchResult result;
  result.query = query;
  for (std::string& term : thai::search_tokens(query))
    if (std::find(result.terms.begin(), result.terms.end(), term) == result.terms.end())
      result.terms.push_back(std::move(term));
  if (result.terms.empty())
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"q", {"ไม่มีคำที่ค้นหาได้", "has no words to search for"}}});

  result.needs = database_.read([&](db::Connection& connection) {
    return NeedStore(connection).search_needs({result.terms, plan_id, limit});
  });
  for (Need& need : result.needs.items) need.contact = {};
  result.projects = plans_.search_projects(query, static_cast<int>(limit));
  if (plan_id)
    std::erase_if(result.projects,
                  [&](const plan::SearchHit& hit) { return hit.plan_id != *plan_id; });
  return result;
}

}  // namespace changwat::participation
