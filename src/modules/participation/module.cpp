#include "modules/participation/module.hpp"

#include "modules/participation/api_routes.hpp"

namespace changwat::participation {

platform::ModuleInfo module_info() {
  return {"participation",
          {Role::admin, Role::strategy_officer, Role::agency_officer, Role::public_user},
          {{"Needs", "Public needs", "Forums", "SWOT", "Coverage", "Search"},
           {"/api/v1/needs", "/api/v1/forums", "/api/v1/swot/", "/api/v1/search",
            "/api/v1/plans/{id}/swot", "/api/v1/plans/{id}/coverage/"}}};
}

void register_routes(http::Router& router, ParticipationService& service) {
  api::add_public_form_routes(router, service);
  api::add_need_routes(router, service);
  api::add_forum_routes(router, service);
  api::add_plan_routes(router, service);
  api::add_search_routes(router, service);
}

}  // namespace changwat::participation
