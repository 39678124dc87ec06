#pragma once
// The procurement module as `changwat` main() sees it (src/main/modules.cpp, after
// the action plan module, whose service it takes), plus the free entry points tests
// and benchmarks use.
#include "modules/procurement/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::procurement {

// Every route of the module (README.md).
void register_routes(http::Router& router, ProcurementService& service);

// Loads data/procurement-demo-trat.json: demo holidays (marked demo) and procurements
// of the demo action plan's projects. Idempotent. Needs action_plan::load_demo first.
void load_demo(ProcurementService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// service(): for the monitoring module: snapshot() (stages, deadlines, overdue instalments).
using ProcurementModule =
    platform::ServiceModule<ProcurementService, module_info, register_routes, load_demo>;

}  // namespace changwat::procurement
