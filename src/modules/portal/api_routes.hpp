#pragma once
// The route groups of the portal; PortalModule's register_routes adds them all.
#include "http/router.hpp"
#include "modules/portal/service.hpp"

namespace changwat::portal::api {

// /api/v1/public/…: anyone, no sign-in.
void add_public_routes(http::Router& router, PortalService& service);
// /api/v1/portal/feedback…: the strategy office and admins.
void add_moderation_routes(http::Router& router, PortalService& service);

}  // namespace changwat::portal::api
