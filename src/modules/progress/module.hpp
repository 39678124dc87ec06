#pragma once
// The progress module as `changwat` main() sees it (src/main/modules.cpp), plus the
// free entry points that tests and benchmarks use.
#include "http/router.hpp"
#include "modules/progress/service.hpp"
#include "platform/module.hpp"

namespace changwat::progress {

// Every /api/v1/projects/{element_id}/progress…, …/photos and /api/v1/photos… route.
void register_routes(http::Router& router, ProgressService& service);

// Loads the demo progress of the demo action plan FY 2569 (data/progress-demo-trat.json).
// Idempotent. Needs plan::load_demo and action_plan::load_demo first.
void load_demo(ProgressService& service);

class ProgressModule : public platform::Module {
 public:
  ProgressModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans,
                 action_plan::ActionPlanService& action_plans, ProgressOptions options)
      : service_(database, areas, plans, action_plans, std::move(options)) {}
  // For the monitoring module (dashboards, warnings): snapshot() and on_change().
  ProgressService& service() { return service_; }

  std::string_view name() const override { return "progress"; }
  std::vector<Role> roles() const override {
    return {Role::admin,   Role::strategy_officer, Role::agency_officer,    Role::executive,
            Role::auditor, Role::health_officer,   Role::community_manager, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Progress"},
            {"/api/v1/projects/{element_id}/progress", "/api/v1/projects/{element_id}/photos",
             "/api/v1/photos"}};
  }
  void register_routes(http::Router& router) override {
    progress::register_routes(router, service_);
  }
  void load_demo() override { progress::load_demo(service_); }

 private:
  ProgressService service_;
};

}  // namespace changwat::progress
