#pragma once
// Routes: POST /api/v1/auth/login, GET /api/v1/auth/me, POST /api/v1/auth/logout,
// admin: GET|POST /api/v1/users, GET|PATCH /api/v1/users/{id},
// POST /api/v1/users/{id}/password.
#include "auth/auth_service.hpp"
#include "http/router.hpp"

namespace changwat::auth {

void register_routes(http::Router& router, AuthService& service);

}  // namespace changwat::auth
