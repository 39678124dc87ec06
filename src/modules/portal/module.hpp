#pragma once
// The portal as `changwat` main() sees it: one line in src/main/modules.cpp, after the
// modules whose services it reads.
#include "modules/portal/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::portal {

void register_routes(http::Router& router, PortalService& service);
// Loads data/portal-demo-trat.json (approved feedback on demo projects). Idempotent.
void load_demo(PortalService& service);
platform::ModuleInfo module_info();

using PortalModule =
    platform::ServiceModule<PortalService, module_info, register_routes, load_demo>;

}  // namespace changwat::portal
