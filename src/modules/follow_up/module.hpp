#pragma once
// Follow-up and review as `changwat` main() sees it: one line in src/main/modules.cpp
// after the modules whose services it reads (plan, participation, action_plan,
// progress, procurement, kpi_results, monitoring).
#include "modules/follow_up/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::follow_up {

// Every route of README.md.
void register_routes(http::Router& router, FollowUpService& service);

// Loads data/follow-up-demo-trat.json (committees, two past meetings with packs and
// resolutions, directives, findings). Idempotent.
void load_demo(FollowUpService& service);

platform::ModuleInfo module_info();

using FollowUpModule =
    platform::ServiceModule<FollowUpService, module_info, register_routes, load_demo>;

}  // namespace changwat::follow_up
