#include "modules/participation/module.hpp"

#include "modules/participation/api_routes.hpp"

namespace changwat::participation {

void register_routes(http::Router& router, ParticipationService& service) {
  api::add_public_form_routes(router, service);
  api::add_need_routes(router, service);
  api::add_forum_routes(router, service);
  api::add_plan_routes(router, service);
  api::add_search_routes(router, service);
}

}  // namespace changwat::participation
