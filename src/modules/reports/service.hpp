#pragma once
// Official outputs made from the records other modules keep: the eMENSCR-shaped
// project workbook (XLSX) and the quarterly results report (Thai PDF) of an action
// plan, and the eMENSCR step statuses (M1–M7) officers enter for each project.
// Every signed-in role reads the documents; a project's step statuses are written by
// its agency's officers, the strategy office and admins (stale version → 409).
//
// The documents read the plan (projects, indicators, alignment with the national
// plans), the action plan (money at each quarter end), progress (physical percent,
// status, activities and problems at each quarter end), procurement (the stage that
// holds each project back) and KPI results (scores) through their services, inside
// one read transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "modules/reports/model.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::reports {

struct StepsInput {
  std::vector<StepStatus> steps;
  std::optional<std::int64_t> expected_version;  // none when the project has no row yet
};

class ReportsService {
 public:
  ReportsService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans,
                 action_plan::ActionPlanService& action_plans, progress::ProgressService& progress,
                 procurement::ProcurementService& procurements,
                 kpi_results::KpiResultsService& kpis);

  // ---- eMENSCR step statuses ----
  // Every signed-in role of the province; a project without a row has no steps.
  ProjectSteps steps(const Actor& actor, std::int64_t action_plan_id,
                     std::int64_t element_id) const;
  // The project's agency officers, the strategy office and admins.
  ProjectSteps set_steps(const Actor& actor, std::int64_t action_plan_id, std::int64_t element_id,
                         const StepsInput& input);

  // ---- Documents (every signed-in role of the province) ----
  // The eMENSCR-shaped workbook; `quarter` is the reporting quarter (1..4), none =
  // the quarter of today inside the fiscal year (4 after it, 1 before it).
  std::string emenscr_xlsx(const Actor& actor, std::int64_t action_plan_id,
                           std::optional<int> quarter) const;
  std::string quarterly_pdf(const Actor& actor, std::int64_t action_plan_id, int quarter) const;

  // For the demo loader and benchmarks.
  ProjectSteps import_steps(const Actor& actor, std::int64_t action_plan_id,
                            std::int64_t element_id, const StepsInput& input, bool demo);
  action_plan::ActionPlanService& action_plans() const { return action_plans_; }
  db::Database& database() const { return database_; }

 private:
  ProjectSteps write_steps(const Actor& actor, std::int64_t action_plan_id, std::int64_t element_id,
                           const StepsInput& input, bool demo);
  action_plan::ActionPlanView readable(const Actor& actor, std::int64_t action_plan_id) const;

  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
  action_plan::ActionPlanService& action_plans_;
  progress::ProgressService& progress_;
  procurement::ProcurementService& procurements_;
  kpi_results::KpiResultsService& kpis_;
};

}  // namespace changwat::reports
