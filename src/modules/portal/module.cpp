#include "modules/portal/module.hpp"

#include "modules/portal/api_routes.hpp"

namespace changwat::portal {

platform::ModuleInfo module_info() {
  return {"portal", platform::every_role(), {{"Portal"}, {"/api/v1/public/", "/api/v1/portal/"}}};
}

void register_routes(http::Router& router, PortalService& service) {
  api::add_public_routes(router, service);
  api::add_moderation_routes(router, service);
}

}  // namespace changwat::portal
