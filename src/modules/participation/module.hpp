#pragma once
// The participation module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use. It builds on the plan module's
// service, so it comes after the plan module in the list.
#include "modules/participation/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::participation {

// Every /api/v1/needs…, /api/v1/forums…, /api/v1/swot…, /api/v1/search and
// /api/v1/plans/{id}/swot|coverage/… route (see README.md).
void register_routes(http::Router& router, ParticipationService& service);

// Loads the Trat demo needs, forums and SWOT items (data/participation-demo-trat.json)
// into the demo plan. Idempotent: items already loaded are skipped. Needs the plan
// module's demo plan (plan::load_demo) to be loaded first.
void load_demo(ParticipationService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

using ParticipationModule =
    platform::ServiceModule<ParticipationService, module_info, register_routes, load_demo>;

}  // namespace changwat::participation
