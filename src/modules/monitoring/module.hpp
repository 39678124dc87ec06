#pragma once
// The monitoring module as `changwat` main() sees it (src/main/modules.cpp): early
// warnings and dashboards over the plan, action plan, progress, procurement and KPI
// results modules, whose services it takes.
#include "modules/monitoring/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::monitoring {

// Every /api/v1/warnings…, /api/v1/warning-settings… and /api/v1/dashboards… route.
void register_routes(http::Router& router, MonitoringService& service);

// `serve --demo`: evaluates the warnings of the demo action plan's year (computed from
// the other modules' demo data) and applies the demo resolutions of
// data/monitoring-demo-trat.json. Idempotent. Needs the other modules' demo first.
void load_demo(MonitoringService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

using MonitoringModule =
    platform::ServiceModule<MonitoringService, module_info, register_routes, load_demo>;

}  // namespace changwat::monitoring
