#pragma once
// Internals of MonitoringService: the read models of one province and fiscal year as
// one evaluation, the causes found in them and the dashboards computed from them.
// Not for other modules.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/monitoring/service.hpp"

namespace changwat::monitoring {

// One action plan of the province and year with the read models it was seen with.
struct PlanSlot {
  std::shared_ptr<const action_plan::Ledger> ledger;
  std::shared_ptr<const action_plan::PlanIndex> index;
  std::shared_ptr<const plan::PlanTree> tree;
  std::shared_ptr<const kpi_results::PlanScores> scores;
  std::vector<kpi_results::TrajectoryGap> gaps;
  std::map<plan::BudgetSource, action_plan::Satang> savings;
  struct Proposed {
    std::int64_t element_id = 0;
    std::optional<int> ranking;
    action_plan::Satang requested = 0;
    plan::BudgetSource source = plan::BudgetSource::provincial;
  };
  std::vector<Proposed> proposed;  // reserves the action plan proposes for promotion
  int latest = -1;                 // latest fiscal month (0..11) with a position
};

// What the last evaluation was made from; equal inputs give the same causes.
struct Inputs {
  std::string province_code;
  int fiscal_year = 0;
  thai::Date today{1970, 1, 1};
  std::int64_t revision = 0;  // this module's stored revision of the province
  std::vector<PlanSlot> plans;
  action_plan::TargetLine targets{};
  std::vector<action_plan::CommitmentDeadline> deadlines;
  std::shared_ptr<const progress::ProgressSnapshot> progress;
  std::shared_ptr<const procurement::Snapshot> procurement;

  // The same read models (by address), day and revision.
  bool same_sources(const Inputs& other) const;
};

struct ProjectInfo {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::string name_en;
  std::optional<std::string> agency_code;
  std::int64_t strategy_id = 0;
  std::vector<std::string> districts;  // district codes of its areas
  bool cancelled = false;
  bool reserve = false;
  std::optional<std::string> start_date;  // the plan's start date, ISO
  std::size_t plan = 0;                   // index into Inputs::plans
  const action_plan::ProjectBook* book = nullptr;
  const action_plan::ProjectFigures* figures = nullptr;
};

// The causes of one group of kinds, each from its own read models, so a write in one
// module recomputes only its group (the others are reused while their inputs stand).
enum class CauseGroup { money, progress, procurement, kpi };
inline constexpr std::size_t kCauseGroups = 4;
// The group whose rules raise warnings of `kind`.
CauseGroup group_of(WarningKind kind);
// What the causes of a group were computed from (addresses of read models, the day,
// the thresholds, the projects).
struct GroupStamp {
  std::vector<const void*> sources;
  std::vector<std::string> texts;
  std::size_t projects = 0;
  thai::Date today{1970, 1, 1};
  Settings settings;
  action_plan::TargetLine targets{};
  friend bool operator==(const GroupStamp&, const GroupStamp&) = default;
};

struct Evaluation {
  Inputs inputs;
  Settings settings;
  std::vector<ProjectInfo> projects;
  std::unordered_map<std::int64_t, std::size_t> by_element;
  // Stored, after reconciliation, by id; shared with the next evaluation while no
  // warning changes.
  std::shared_ptr<const std::vector<Warning>> warnings;
  std::int64_t generation = 0;  // distinguishes evaluations in caches
  std::array<GroupStamp, kCauseGroups> stamps;
  std::array<std::shared_ptr<const std::vector<Cause>>, kCauseGroups> causes;

  const ProjectInfo* project(std::int64_t element_id) const {
    auto it = by_element.find(element_id);
    return it == by_element.end() ? nullptr : &projects[it->second];
  }
};

// The projects of the evaluation's action plans (filled from the ledgers and trees).
void index_projects(Evaluation& evaluation);
std::vector<Cause> find_causes(const Evaluation& evaluation, CauseGroup group);
// Changes when a project's name, agency, status, kind or start changes.
std::size_t projects_key(const Evaluation& evaluation);

// The district code an area code lies in ("230105" -> "2301"); none for a province.
std::optional<std::string> district_of(const std::string& area_code);

// The dashboard's JSON for a scope whose name is known.
struct ScopeNames {
  std::string name_th;
  std::string name_en;
};
std::string dashboard_json(const Evaluation& evaluation, const DashboardScope& scope,
                           const ScopeNames& names, action_plan::ActionPlanService& action_plans);

}  // namespace changwat::monitoring
