#pragma once
// The reports module as `changwat` main() sees it (src/main/modules.cpp).
#include "modules/reports/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::reports {

void register_routes(http::Router& router, ReportsService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

using ReportsModule = platform::ServiceModule<ReportsService, module_info, register_routes>;

}  // namespace changwat::reports
