// Dashboards: figures of a scope (province, strategy, agency, district) over one
// evaluation. Money comes from the action plan's own rollup (compute_spending) for
// the province, a strategy and an agency, so it equals GET …/spending; a district
// adds up the same per-project figures the rollup adds.
#include <boost/json.hpp>
#include <cmath>

#include "modules/monitoring/evaluation.hpp"
#include "modules/monitoring/rules.hpp"

namespace changwat::monitoring {
namespace {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

bool in_scope(const ProjectInfo& project, const DashboardScope& scope) {
  switch (scope.kind) {
    case ScopeKind::province:
      return true;
    case ScopeKind::strategy:
      return std::to_string(project.strategy_id) == scope.code;
    case ScopeKind::agency:
      return project.agency_code && *project.agency_code == scope.code;
    case ScopeKind::district:
      return std::find(project.districts.begin(), project.districts.end(), scope.code) !=
             project.districts.end();
  }
  return false;
}

std::string_view scope_name(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::province:
      return "province";
    case ScopeKind::strategy:
      return "strategy";
    case ScopeKind::agency:
      return "agency";
    case ScopeKind::district:
      return "district";
  }
  return "";
}

struct Money {
  action_plan::Satang allocated = 0;
  action_plan::Satang disbursed = 0;
  std::optional<double> target_percent;
  std::optional<std::string> latest_month;
};

// The action plan's rollup of the scope's group; a district sums the projects.
Money money_of(const Evaluation& evaluation, const DashboardScope& scope,
               action_plan::ActionPlanService& action_plans) {
  Money money;
  int latest = -1;
  for (const auto& plan : evaluation.inputs.plans) {
    latest = std::max(latest, plan.latest);
    if (scope.kind == ScopeKind::district) {
      for (const auto& project : evaluation.projects) {
        if (&evaluation.inputs.plans[project.plan] != &plan || !in_scope(project, scope)) continue;
        money.allocated += project.figures->allocated;
        money.disbursed += project.figures->disbursed;
      }
      continue;
    }
    action_plan::GroupBy by = scope.kind == ScopeKind::province   ? action_plan::GroupBy::province
                              : scope.kind == ScopeKind::strategy ? action_plan::GroupBy::strategy
                                                                  : action_plan::GroupBy::agency;
    auto report = action_plan::compute_spending(
        *plan.ledger, *plan.index, by, evaluation.inputs.targets,
        [&action_plans](action_plan::GroupBy group_by, const std::string& key) {
          return action_plans.group_name(group_by, key);
        });
    for (const auto& group : report.groups) {
      if (group.key != scope.code) continue;
      money.allocated += group.allocated;
      money.disbursed += group.disbursed;
    }
  }
  if (latest >= 0) {
    const int fiscal_year = evaluation.inputs.fiscal_year;
    money.latest_month =
        action_plan::to_string(action_plan::first_month_of(fiscal_year).plus(latest));
    for (int m = latest; m >= 0; --m) {
      if (auto target = evaluation.inputs.targets[static_cast<std::size_t>(m)]) {
        money.target_percent = *target;
        break;
      }
    }
  }
  return money;
}

boost::json::value number_or_null(std::optional<double> value) {
  if (!value) return nullptr;
  return round2(*value);
}

}  // namespace

std::string dashboard_json(const Evaluation& evaluation, const DashboardScope& scope,
                           const ScopeNames& names, action_plan::ActionPlanService& action_plans) {
  const Inputs& in = evaluation.inputs;
  std::vector<const ProjectInfo*> projects;
  std::vector<std::int64_t> ids;
  int reserves = 0;
  for (const auto& project : evaluation.projects) {
    if (!in_scope(project, scope)) continue;
    if (project.reserve) {
      ++reserves;
      continue;
    }
    projects.push_back(&project);
    ids.push_back(project.element_id);
  }

  // Projects by the status of their latest monthly report (a project cancelled in the
  // action plan counts as cancelled; one without a report as not_reported).
  boost::json::object by_status;
  for (std::size_t s = 0; s < progress::kStatusCount; ++s) {
    by_status[progress::to_string(static_cast<progress::ProgressStatus>(s))] = 0;
  }
  by_status["not_reported"] = 0;
  double percent_sum = 0;
  int reported = 0;
  for (const ProjectInfo* project : projects) {
    std::optional<progress::ProgressPoint> latest;
    if (in.progress) latest = in.progress->latest(project->element_id);
    std::string key;
    if (project->cancelled) {
      key = "cancelled";
    } else if (latest) {
      key = std::string(progress::to_string(latest->status));
    } else {
      key = "not_reported";
    }
    by_status[key] = by_status[key].as_int64() + 1;
    if (latest) {
      percent_sum += latest->physical_percent;
      ++reported;
    }
  }

  Money money = money_of(evaluation, scope, action_plans);

  // Procurements by stage, and instalments overdue, of the scope's projects.
  boost::json::object by_stage;
  for (std::size_t s = 0; s < procurement::kStageCount; ++s) {
    by_stage[procurement::to_string(static_cast<procurement::Stage>(s))] = 0;
  }
  int without_procurement = 0;
  int overdue = 0;
  action_plan::Satang overdue_amount = 0;
  if (in.procurement) {
    std::unordered_map<std::int64_t, bool> scope_ids;
    for (const ProjectInfo* project : projects) scope_ids.emplace(project->element_id, false);
    for (const auto& summary : in.procurement->procurements) {
      if (summary.province_code != in.province_code || summary.fiscal_year != in.fiscal_year) {
        continue;
      }
      auto it = scope_ids.find(summary.element_id);
      if (it == scope_ids.end()) continue;
      it->second = true;
      auto key = procurement::to_string(summary.stage);
      by_stage[key] = by_stage[key].as_int64() + 1;
    }
    for (const auto& [id, has] : scope_ids) {
      if (!has) ++without_procurement;
    }
    const std::string today = thai::to_iso(in.today);
    for (const auto& due : in.procurement->open_instalments) {
      const auto& summary = in.procurement->procurements[due.procurement];
      if (summary.province_code != in.province_code || summary.fiscal_year != in.fiscal_year) {
        continue;
      }
      if (summary.stage == procurement::Stage::terminated || due.due_on >= today) continue;
      if (!scope_ids.contains(summary.element_id)) continue;
      ++overdue;
      overdue_amount += due.amount_satang;
    }
  } else {
    without_procurement = static_cast<int>(projects.size());
  }

  // KPI score: the province's, the strategy's, or the weighted mean of the agency's
  // KPIs (the KPIs it owns in the plan); districts have none.
  std::optional<double> kpi_score;
  int kpis_scored = 0;
  {
    double weighted = 0;
    double weights = 0;
    for (const auto& plan : in.plans) {
      if (!plan.scores) continue;
      switch (scope.kind) {
        case ScopeKind::province:
          if (plan.scores->province) {
            weighted += *plan.scores->province * std::max(1, plan.scores->scored_count);
            weights += std::max(1, plan.scores->scored_count);
            kpis_scored += plan.scores->scored_count;
          }
          break;
        case ScopeKind::strategy:
          for (const auto& strategy : plan.scores->strategies) {
            if (std::to_string(strategy.element_id) != scope.code || !strategy.score) continue;
            weighted += *strategy.score * std::max(strategy.weight, 1e-9);
            weights += std::max(strategy.weight, 1e-9);
            kpis_scored += strategy.scored_count;
          }
          break;
        case ScopeKind::agency:
          for (const auto& kpi : plan.scores->kpis) {
            if (!kpi.agency_code || *kpi.agency_code != scope.code || !kpi.score) continue;
            weighted += *kpi.score * kpi.weight;
            weights += kpi.weight;
            ++kpis_scored;
          }
          break;
        case ScopeKind::district:
          break;
      }
    }
    if (weights > 0) kpi_score = weighted / weights;
  }

  // Open warnings of the scope: its projects' (and for the province, strategy and
  // agency its KPIs').
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> kpi_strategy;
  for (const auto& plan : in.plans) {
    if (!plan.scores) continue;
    for (const auto& kpi : plan.scores->kpis) kpi_strategy[kpi.element_id] = kpi.strategy_id;
  }
  boost::json::object warnings_by_kind;
  for (std::size_t k = 0; k < kKindCount; ++k) {
    warnings_by_kind[to_string(static_cast<WarningKind>(k))] = 0;
  }
  int open = 0;
  for (const auto& warning : *evaluation.warnings) {
    if (warning.status != WarningStatus::open) continue;
    bool counts = false;
    if (const ProjectInfo* project = evaluation.project(warning.element_id)) {
      counts = in_scope(*project, scope);
    } else if (warning.kind == WarningKind::kpi_below_trajectory) {
      switch (scope.kind) {
        case ScopeKind::province:
          counts = true;
          break;
        case ScopeKind::strategy: {
          auto it = kpi_strategy.find(warning.element_id);
          counts =
              it != kpi_strategy.end() && it->second && std::to_string(*it->second) == scope.code;
          break;
        }
        case ScopeKind::agency:
          counts = warning.agency_code && *warning.agency_code == scope.code;
          break;
        case ScopeKind::district:
          break;
      }
    }
    if (!counts) continue;
    ++open;
    auto key = to_string(warning.kind);
    warnings_by_kind[key] = warnings_by_kind[key].as_int64() + 1;
  }

  boost::json::object json;
  json["scope"] = {{"kind", scope_name(scope.kind)},
                   {"code", scope.code},
                   {"name_th", names.name_th},
                   {"name_en", names.name_en}};
  json["fiscal_year"] = in.fiscal_year;
  json["as_of"] = thai::to_iso(in.today);
  json["latest_month"] = money.latest_month ? boost::json::value(*money.latest_month) : nullptr;
  json["projects"] = static_cast<std::int64_t>(projects.size());
  json["reserve_projects"] = reserves;
  json["projects_by_status"] = std::move(by_status);
  json["average_physical_percent"] =
      reported > 0 ? boost::json::value(round2(percent_sum / reported)) : nullptr;
  json["allocated_satang"] = money.allocated;
  json["disbursed_satang"] = money.disbursed;
  json["disbursed_percent"] =
      money.allocated > 0 ? boost::json::value(round2(100.0 * static_cast<double>(money.disbursed) /
                                                      static_cast<double>(money.allocated)))
                          : nullptr;
  json["target_percent"] = number_or_null(money.target_percent);
  json["procurement_by_stage"] = std::move(by_stage);
  json["projects_without_procurement"] = without_procurement;
  json["overdue_instalments"] = overdue;
  json["overdue_instalments_satang"] = overdue_amount;
  json["kpi_score"] = number_or_null(kpi_score);
  json["kpis_scored"] = kpis_scored;
  json["open_warnings"] = open;
  json["open_warnings_by_kind"] = std::move(warnings_by_kind);
  return boost::json::serialize(json);
}

}  // namespace changwat::monitoring
