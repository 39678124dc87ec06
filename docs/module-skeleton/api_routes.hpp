#pragma once
// The route groups of this module; SampleModule::register_routes adds them all.
#include "http/router.hpp"
#include "modules/sample/service.hpp"

namespace changwat::sample::api {

void add_item_routes(http::Router& router, SampleService& service);

}  // namespace changwat::sample::api
