#include "auth/api.hpp"

#include <boost/json.hpp>

#include "auth/middleware.hpp"
#include "base/error.hpp"
#include "http/json_body.hpp"

namespace changwat::auth {
namespace {

boost::json::value optional_text(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object user_json(const Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"role", std::string(role_name(p.role))},
          {"province_code", p.province_code},
          {"agency_code", optional_text(p.agency_code)},
          {"area_code", optional_text(p.area_code)}};
}

std::string session_cookie(const http::Request& request, const std::string& value,
                           long long max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (request.secure) cookie += "; Secure";
  return cookie;
}

}  // namespace

void register_routes(http::Router& router, AuthService& service) {
  using http::Method;
  // Argon2id runs here: the slow lane keeps it off the pool that serves other requests.
  router.add(
      Method::post, "/api/v1/auth/login",
      [&service](http::Context& ctx) {
        http::JsonBody body(ctx.request);
        std::string username = body.text("username", 64);
        std::string password = body.text("password", 256);
        body.finish();
        SignIn signed_in = service.sign_in(username, password, ctx.actor);
        auto response = http::Response::json(boost::json::object{
            {"user", user_json(signed_in.principal)}, {"csrf_token", signed_in.csrf_token}});
        response.add_header("Set-Cookie", session_cookie(ctx.request, signed_in.token,
                                                         signed_in.max_age.count()));
        response.add_header("Cache-Control", "no-store");
        return response;
      },
      http::Lane::slow);

  router.add(Method::get, "/api/v1/auth/me", [](http::Context& ctx) {
    const Principal& p = ctx.actor.require_signed_in();
    auto response = http::Response::json(
        boost::json::object{{"user", user_json(p)}, {"csrf_token", ctx.csrf_token.value_or("")}});
    response.add_header("Cache-Control", "no-store");
    return response;
  });

  router.add(Method::post, "/api/v1/auth/logout", [&service](http::Context& ctx) {
    if (auto token = ctx.request.cookie(kSessionCookie)) service.sign_out(*token, ctx.actor);
    auto response = http::Response::no_content();
    response.add_header("Set-Cookie", session_cookie(ctx.request, "", 0));
    return response;
  });

  router.add(Method::get, "/api/v1/users", [&service](http::Context& ctx) {
    boost::json::array users;
    for (const auto& u : service.list_users(ctx.actor)) {
      users.push_back({{"id", u.id},
                       {"username", u.username},
                       {"display_name", u.display_name},
                       {"role", std::string(role_name(u.role))},
                       {"agency_code", optional_text(u.agency_code)},
                       {"area_code", optional_text(u.area_code)},
                       {"disabled", u.disabled}});
    }
    return http::Response::json(boost::json::object{{"users", std::move(users)}});
  });

  router.add(
      Method::post, "/api/v1/users",
      [&service](http::Context& ctx) {
        ctx.actor.require_role({Role::admin});
        http::JsonBody body(ctx.request);
        NewUser user;
        user.username = body.text("username", 64);
        user.display_name = body.optional_text("display_name", 200).value_or("");
        std::string role = body.text("role", 40);
        user.agency_code = body.optional_text("agency_code", 40);
        user.area_code = body.optional_text("area_code", 8);
        std::string password = body.text("password", 256);
        auto parsed = parse_role(role);
        if (!parsed) body.fail("role", {"ไม่รู้จักบทบาทนี้", "Unknown role"});
        body.finish();
        user.role = *parsed;
        auto id = service.add_user(user, password, ctx.actor);
        return http::Response::json(boost::json::object{{"id", id}, {"username", user.username}},
                                    201);
      },
      http::Lane::slow);
}

}  // namespace changwat::auth
