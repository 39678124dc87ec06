#include "modules/sample/module.hpp"

#include "modules/sample/api_routes.hpp"

namespace changwat::sample {

void SampleModule::register_routes(http::Router& router) {
  api::add_item_routes(router, service_);
}

}  // namespace changwat::sample
