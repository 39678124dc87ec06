#pragma once
// The health module (TRAT-FC epidemic control) as `changwat` main() sees it: one line in
// src/main/modules.cpp,
//   add(std::make_unique<health::HealthModule>(platform.database, platform.areas));
#include "modules/health/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::health {

// Every /api/v1/health/… route (README.md).
void register_routes(http::Router& router, HealthService& service);

// Loads data/health-demo-trat.json: an open COVID-19 outbreak, a past wave of 300
// cases and 2,000 contacts with their follow-ups, checkpoints and teams; every person
// invented and marked demo. Idempotent.
void load_demo(HealthService& service);

platform::ModuleInfo module_info();

using HealthModule =
    platform::ServiceModule<HealthService, module_info, register_routes, load_demo>;

}  // namespace changwat::health
