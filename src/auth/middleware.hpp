#pragma once
// Per-request middleware: request id and address into the Actor, session cookie ->
// principal, CSRF check for unsafe methods, and a same-origin check for browsers.
#include "auth/auth_service.hpp"
#include "http/router.hpp"

namespace changwat::auth {

inline constexpr const char* kSessionCookie = "changwat_session";

http::Middleware session_middleware(AuthService& service);

}  // namespace changwat::auth
