#include "modules/sample/module.hpp"

#include "modules/sample/api_routes.hpp"

namespace changwat::sample {

platform::ModuleInfo module_info() {
  return {"sample", {Role::admin, Role::strategy_officer}, {{"Sample"}, {"/api/v1/sample/"}}};
}

void register_routes(http::Router& router, SampleService& service) {
  api::add_item_routes(router, service);
}

}  // namespace changwat::sample
