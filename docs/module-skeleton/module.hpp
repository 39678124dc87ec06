#pragma once
// The sample module as `changwat` main() sees it: one line in src/main/modules.cpp,
//   add(std::make_unique<sample::SampleModule>(platform.database, platform.areas,
//                                              plans.service()));
// after the plan module, whose service it takes.
#include "modules/sample/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::sample {

// Every /api/v1/sample/… route (README.md).
void register_routes(http::Router& router, SampleService& service);

// Loads data/sample-demo-trat.json into the demo plan. Idempotent.
void load_demo(SampleService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// Owns the service; service() is for modules after this one that build on it.
using SampleModule =
    platform::ServiceModule<SampleService, module_info, register_routes, load_demo>;

}  // namespace changwat::sample
