#include "modules/tourism/module.hpp"

#include "modules/tourism/api_routes.hpp"

namespace changwat::tourism {

platform::ModuleInfo module_info() {
  // The public reads and books; managers sell; the provincial office keeps the
  // communities and timetables; executives and auditors read the program view.
  return {"tourism",
          {Role::admin, Role::strategy_officer, Role::executive, Role::auditor,
           Role::community_manager, Role::public_user},
          {{"Tourism"}, {"/api/v1/tourism/"}}};
}

void register_routes(http::Router& router, TourismService& service) {
  api::add_catalog_routes(router, service);
  api::add_sale_routes(router, service);
  api::add_travel_routes(router, service);
}

}  // namespace changwat::tourism
