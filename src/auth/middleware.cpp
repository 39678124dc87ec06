#include "auth/middleware.hpp"

#include "base/error.hpp"
#include "base/secret.hpp"

namespace changwat::auth {
namespace {

// "https://host:port" -> "host:port"
std::string_view origin_host(std::string_view origin) {
  auto scheme = origin.find("://");
  if (scheme != std::string_view::npos) origin.remove_prefix(scheme + 3);
  return origin;
}

[[noreturn]] void throw_csrf() {
  throw Error(ErrorKind::forbidden, "csrf",
              {"คำขอไม่มีโทเค็นป้องกัน CSRF ที่ถูกต้อง กรุณาโหลดหน้าใหม่",
               "Missing or wrong CSRF token; reload the page"});
}

}  // namespace

http::Middleware session_middleware(AuthService& service) {
  return [&service](http::Context& ctx, const http::Next& next) {
    const http::Request& request = ctx.request;
    ctx.actor.address = request.remote_address;
    ctx.actor.request_id = request.request_id;
    bool unsafe = http::is_unsafe(request.method);

    // A browser sending a cross-site unsafe request is refused whatever it carries.
    if (unsafe) {
      auto origin = request.header("origin");
      auto host = request.header("host");
      if (origin && host && *origin != "null" && origin_host(*origin) != *host) throw_csrf();
    }

    if (auto token = request.cookie(kSessionCookie)) {
      // Looking the session up reads the database: a Lane::fast route with a session
      // cookie continues on a worker.
      ctx.require_worker();
      if (auto session = service.authenticate(*token)) {
        if (unsafe) {
          auto sent = request.header("x-csrf-token");
          if (!sent || !secrets_equal(*sent, session->csrf_token)) throw_csrf();
        }
        ctx.actor.principal = std::move(session->principal);
        ctx.csrf_token = std::move(session->csrf_token);
      }
    }
    return next(ctx);
  };
}

}  // namespace changwat::auth
