#pragma once
// The action plan module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use.
#include "http/router.hpp"
#include "modules/action_plan/service.hpp"
#include "platform/module.hpp"

namespace changwat::action_plan {

// Every /api/v1/action-plans… and /api/v1/disbursement-targets route (README.md).
void register_routes(http::Router& router, ActionPlanService& service);

// Loads the demo action plan FY 2569 of the Trat demo plan
// (data/action-plan-demo-trat.json). Idempotent. Needs plan::load_demo first.
void load_demo(ActionPlanService& service);

class ActionPlanModule : public platform::Module {
 public:
  ActionPlanModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans)
      : service_(database, areas, plans) {}
  // For the CLI export and modules that read the money (monitoring, dashboards).
  ActionPlanService& service() { return service_; }

  std::string_view name() const override { return "action_plan"; }
  std::vector<Role> roles() const override {
    return {Role::admin,     Role::strategy_officer, Role::agency_officer,
            Role::executive, Role::auditor,          Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Action plans", "Budget and spending", "Disbursement targets"},
            {"/api/v1/action-plans", "/api/v1/disbursement-targets"}};
  }
  void register_routes(http::Router& router) override {
    action_plan::register_routes(router, service_);
  }
  void load_demo() override { action_plan::load_demo(service_); }

 private:
  ActionPlanService service_;
};

}  // namespace changwat::action_plan
