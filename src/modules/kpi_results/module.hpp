#pragma once
// The KPI results module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use.
#include "http/router.hpp"
#include "modules/kpi_results/service.hpp"
#include "platform/module.hpp"

namespace changwat::kpi_results {

// Every /api/v1/kpis/… and /api/v1/plans/{id}/kpi-scores route (README.md).
void register_routes(http::Router& router, KpiResultsService& service);

// Loads data/kpi-results-demo-trat.json: actuals and rubrics of the demo plan's KPIs
// for FY 2568 and 2569, marked demo. Idempotent. Needs plan::load_demo first.
void load_demo(KpiResultsService& service);

class KpiResultsModule : public platform::Module {
 public:
  KpiResultsModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans)
      : service_(database, areas, plans) {}
  // For modules that read scores (monitoring, reports).
  KpiResultsService& service() { return service_; }

  std::string_view name() const override { return "kpi_results"; }
  std::vector<Role> roles() const override {
    return {Role::admin,   Role::strategy_officer, Role::agency_officer,    Role::executive,
            Role::auditor, Role::health_officer,   Role::community_manager, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"KPI results"}, {"/api/v1/kpis/", "/api/v1/plans/"}};
  }
  void register_routes(http::Router& router) override {
    kpi_results::register_routes(router, service_);
  }
  void load_demo() override { kpi_results::load_demo(service_); }

 private:
  KpiResultsService service_;
};

}  // namespace changwat::kpi_results
