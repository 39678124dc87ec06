#include "modules/follow_up/module.hpp"

#include "modules/follow_up/api_routes.hpp"

namespace changwat::follow_up {

platform::ModuleInfo module_info() {
  return {
      "follow_up",
      {Role::admin, Role::strategy_officer, Role::agency_officer, Role::executive, Role::auditor},
      {{"Follow-up"},
       {"/api/v1/committees", "/api/v1/meetings", "/api/v1/resolutions", "/api/v1/directives",
        "/api/v1/findings", "/api/v1/reviews"}}};
}

void register_routes(http::Router& router, FollowUpService& service) {
  api::add_meeting_routes(router, service);
  api::add_directive_routes(router, service);
  api::add_finding_routes(router, service);
  api::add_review_routes(router, service);
}

}  // namespace changwat::follow_up
