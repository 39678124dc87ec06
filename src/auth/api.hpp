#pragma once
// Routes: POST /api/v1/auth/login, GET /api/v1/auth/me, POST /api/v1/auth/logout,
// GET /api/v1/users (admin), POST /api/v1/users (admin).
#include "auth/auth_service.hpp"
#include "http/router.hpp"

namespace changwat::auth {

void register_routes(http::Router& router, AuthService& service);

}  // namespace changwat::auth
