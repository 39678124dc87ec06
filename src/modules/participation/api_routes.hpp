#pragma once
// The route groups of this module; register_routes (module.hpp) adds them all.
#include "http/router.hpp"
#include "modules/participation/service.hpp"

namespace changwat::participation::api {

void add_public_form_routes(http::Router& router, ParticipationService& service);
void add_need_routes(http::Router& router, ParticipationService& service);
void add_forum_routes(http::Router& router, ParticipationService& service);
void add_plan_routes(http::Router& router, ParticipationService& service);  // SWOT, coverage
void add_search_routes(http::Router& router, ParticipationService& service);

}  // namespace changwat::participation::api
