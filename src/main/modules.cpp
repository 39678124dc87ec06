#include "main/modules.hpp"

#include "auth/module.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/follow_up/module.hpp"
#include "modules/health/module.hpp"
#include "modules/kpi_results/module.hpp"
#include "modules/monitoring/module.hpp"
#include "modules/participation/module.hpp"
#include "modules/plan/module.hpp"
#include "modules/portal/module.hpp"
#include "modules/procurement/module.hpp"
#include "modules/progress/module.hpp"
#include "modules/reports/module.hpp"
#include "modules/tourism/module.hpp"
#include "platform/areas/module.hpp"
#include "platform/audit/module.hpp"
#include "platform/notifications/module.hpp"

namespace changwat::app {

std::vector<std::unique_ptr<platform::Module>> make_modules(const PlatformServices& platform) {
  std::vector<std::unique_ptr<platform::Module>> modules;
  // Adds a module and returns it, for the modules after it that take its service.
  auto add = [&modules](auto module) -> auto& {
    auto& added = *module;
    modules.push_back(std::move(module));
    return added;
  };

  // Platform: sign-in and users, the audit log, reference data.
  add(std::make_unique<auth::AuthModule>(platform.auth));
  add(std::make_unique<audit::AuditModule>(platform.database));
  add(std::make_unique<areas::ReferenceDataModule>(platform.areas, platform.agencies));
  // In-app, e-mail and LINE notifications (the outbox domain modules enqueue into).
  add(std::make_unique<notifications::NotificationsModule>(platform.database));

  // Domain modules.
  auto& plans = add(std::make_unique<plan::PlanModule>(platform.database, platform.areas));
  auto& participations = add(std::make_unique<participation::ParticipationModule>(
      platform.database, platform.areas, plans.service()));
  auto& action_plans = add(std::make_unique<action_plan::ActionPlanModule>(
      platform.database, platform.areas, plans.service()));
  auto& progress_reports = add(std::make_unique<progress::ProgressModule>(
      platform.database, platform.areas, plans.service(), action_plans.service(),
      progress::ProgressOptions{platform.photos_directory, true}));
  auto& procurements = add(std::make_unique<procurement::ProcurementModule>(
      platform.database, platform.areas, action_plans.service()));
  auto& kpis = add(std::make_unique<kpi_results::KpiResultsModule>(
      platform.database, platform.areas, plans.service()));
  auto& monitor = add(std::make_unique<monitoring::MonitoringModule>(
      platform.database, platform.areas,
      monitoring::Sources{plans.service(), action_plans.service(), &progress_reports.service(),
                          &procurements.service(), &kpis.service()}));
  add(std::make_unique<reports::ReportsModule>(platform.database, platform.areas, plans.service(),
                                               action_plans.service(), progress_reports.service(),
                                               procurements.service(), kpis.service()));
  add(std::make_unique<follow_up::FollowUpModule>(
      platform.database, platform.areas,
      follow_up::Sources{plans.service(), participations.service(), action_plans.service(),
                         progress_reports.service(), procurements.service(), kpis.service(),
                         monitor.service()}));
  add(std::make_unique<portal::PortalModule>(
      platform.database, platform.areas,
      portal::Sources{plans.service(), action_plans.service(), progress_reports.service(),
                      procurements.service(), kpis.service(), participations.service()}));
  add(std::make_unique<tourism::TourismModule>(platform.database, platform.areas));
  add(std::make_unique<health::HealthModule>(platform.database, platform.areas));
  return modules;
}

}  // namespace changwat::app
