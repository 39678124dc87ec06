#pragma once
// The action plan module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use.
#include "modules/action_plan/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::action_plan {

// Every /api/v1/action-plans… and /api/v1/disbursement-targets route (README.md).
void register_routes(http::Router& router, ActionPlanService& service);

// Loads the demo action plan FY 2569 of the Trat demo plan
// (data/action-plan-demo-trat.json). Idempotent. Needs plan::load_demo first.
void load_demo(ActionPlanService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// service(): for the CLI export and modules that read the money (monitoring, dashboards).
using ActionPlanModule =
    platform::ServiceModule<ActionPlanService, module_info, register_routes, load_demo>;

}  // namespace changwat::action_plan
