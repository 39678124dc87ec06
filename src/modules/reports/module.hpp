#pragma once
// The reports module as `changwat` main() sees it (src/main/modules.cpp).
#include "http/router.hpp"
#include "modules/reports/service.hpp"
#include "platform/module.hpp"

namespace changwat::reports {

void register_routes(http::Router& router, ReportsService& service);

class ReportsModule : public platform::Module {
 public:
  ReportsModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans,
                action_plan::ActionPlanService& action_plans, progress::ProgressService& progress,
                procurement::ProcurementService& procurements, kpi_results::KpiResultsService& kpis)
      : service_(database, areas, plans, action_plans, progress, procurements, kpis) {}
  ReportsService& service() { return service_; }

  std::string_view name() const override { return "reports"; }
  std::vector<Role> roles() const override {
    return {Role::admin,   Role::strategy_officer, Role::agency_officer,    Role::executive,
            Role::auditor, Role::health_officer,   Role::community_manager, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Official reports"}, {"/api/v1/action-plans/"}};
  }
  void register_routes(http::Router& router) override {
    reports::register_routes(router, service_);
  }

 private:
  ReportsService service_;
};

}  // namespace changwat::reports
