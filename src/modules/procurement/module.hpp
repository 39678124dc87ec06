#pragma once
// The procurement module as `changwat` main() sees it (src/main/modules.cpp, after
// the action plan module, whose service it takes), plus the free entry points tests
// and benchmarks use.
#include "http/router.hpp"
#include "modules/procurement/service.hpp"
#include "platform/module.hpp"

namespace changwat::procurement {

// Every route of the module (README.md).
void register_routes(http::Router& router, ProcurementService& service);

// Loads data/procurement-demo-trat.json: demo holidays (marked demo) and procurements
// of the demo action plan's projects. Idempotent. Needs action_plan::load_demo first.
void load_demo(ProcurementService& service);

class ProcurementModule : public platform::Module {
 public:
  ProcurementModule(db::Database& database, areas::AreaService& areas,
                    action_plan::ActionPlanService& action_plans)
      : service_(database, areas, action_plans) {}
  // For the monitoring module: snapshot() (stages, deadlines, overdue instalments).
  ProcurementService& service() { return service_; }

  std::string_view name() const override { return "procurement"; }
  std::vector<Role> roles() const override {
    return {Role::admin,   Role::strategy_officer, Role::agency_officer,    Role::executive,
            Role::auditor, Role::health_officer,   Role::community_manager, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Procurement", "Contracts"},
            {"/api/v1/projects/{element_id}/procurements", "/api/v1/procurements",
             "/api/v1/procurement-rules", "/api/v1/holidays",
             "/api/v1/action-plans/{id}/procurement-summary",
             "/api/v1/action-plans/{id}/ita-procurement-summary"}};
  }
  void register_routes(http::Router& router) override {
    procurement::register_routes(router, service_);
  }
  void load_demo() override { procurement::load_demo(service_); }

 private:
  ProcurementService service_;
};

}  // namespace changwat::procurement
