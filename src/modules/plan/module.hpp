#pragma once
// The plan module as `changwat` main() sees it (src/main/modules.cpp), plus the free
// entry points that tests and benchmarks use.
#include "http/router.hpp"
#include "modules/plan/service.hpp"
#include "platform/module.hpp"

namespace changwat::plan {

// All /api/v1/plans… and /api/v1/alignment… routes.
void register_routes(http::Router& router, PlanService& service);

// Loads the approved Trat demo plan 2566–2570 (data/plan-demo-trat.json).
// Idempotent: does nothing if it is already loaded.
void load_demo(PlanService& service);

class PlanModule : public platform::Module {
 public:
  PlanModule(db::Database& database, areas::AreaService& areas) : service_(database, areas) {}
  // For the modules that build on plans (participation, action plans, monitoring …).
  PlanService& service() { return service_; }

  std::string_view name() const override { return "plan"; }
  std::vector<Role> roles() const override {
    return {Role::admin, Role::strategy_officer, Role::agency_officer, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Plans", "Plan versions", "Plan elements", "Alignment"},
            {"/api/v1/plans", "/api/v1/alignment/"}};
  }
  void register_routes(http::Router& router) override { plan::register_routes(router, service_); }
  void load_demo() override { plan::load_demo(service_); }

 private:
  PlanService service_;
};

}  // namespace changwat::plan
