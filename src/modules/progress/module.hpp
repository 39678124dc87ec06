#pragma once
// The progress module as `changwat` main() sees it (src/main/modules.cpp), plus the
// free entry points that tests and benchmarks use.
#include "modules/progress/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::progress {

// Every /api/v1/projects/{element_id}/progress…, …/photos and /api/v1/photos… route.
void register_routes(http::Router& router, ProgressService& service);

// Loads the demo progress of the demo action plan FY 2569 (data/progress-demo-trat.json).
// Idempotent. Needs plan::load_demo and action_plan::load_demo first.
void load_demo(ProgressService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// service(): for the monitoring module (dashboards, warnings): snapshot() and on_change().
using ProgressModule =
    platform::ServiceModule<ProgressService, module_info, register_routes, load_demo>;

}  // namespace changwat::progress
