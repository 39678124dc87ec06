#pragma once
// The plan module as `changwat` main() sees it (src/main/modules.cpp), plus the free
// entry points that tests and benchmarks use.
#include "modules/plan/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::plan {

// All /api/v1/plans… and /api/v1/alignment… routes.
void register_routes(http::Router& router, PlanService& service);

// Loads the approved Trat demo plan 2566–2570 (data/plan-demo-trat.json).
// Idempotent: does nothing if it is already loaded.
void load_demo(PlanService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// service(): for the modules that build on plans (participation, action plans, monitoring …).
using PlanModule = platform::ServiceModule<PlanService, module_info, register_routes, load_demo>;

}  // namespace changwat::plan
