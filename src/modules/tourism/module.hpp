#pragma once
// The tourism module as `changwat` main() sees it: one line in src/main/modules.cpp.
#include "modules/tourism/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::tourism {

// Every /api/v1/tourism/… route (README.md).
void register_routes(http::Router& router, TourismService& service);

// Loads data/tourism-demo-trat.json: communities, products, experiences, routes with
// ferry legs, bookings and a year of sales. Idempotent.
void load_demo(TourismService& service);

platform::ModuleInfo module_info();

using TourismModule =
    platform::ServiceModule<TourismService, module_info, register_routes, load_demo>;

}  // namespace changwat::tourism
