#include "auth/api.hpp"

#include <boost/json.hpp>

#include "auth/middleware.hpp"
#include "base/error.hpp"
#include "base/json_or_null.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"

namespace changwat::auth {
namespace {

// What a signed-in user (Principal) and a listed one (UserSummary) both show, in the
// order both give it: the id (`id`, named differently in each), then who they are.
template <class User>
boost::json::object identity_json(std::int64_t id, const User& user) {
  return {{"id", id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", std::string(role_name(user.role))},
          {"province_code", user.province_code}};
}

boost::json::object user_json(const Principal& p) {
  boost::json::object json = identity_json(p.user_id, p);
  json.insert({{"agency_code", json_or_null(p.agency_code)},
               {"area_code", json_or_null(p.area_code)},
               {"community_id", json_or_null(p.community_id)}});
  return json;
}

boost::json::object summary_json(const UserSummary& u) {
  boost::json::object json = identity_json(u.id, u);
  json.insert({{"agency_code", json_or_null(u.agency_code)},
               {"agency_name_th", json_or_null(u.agency_name_th)},
               {"area_code", json_or_null(u.area_code)},
               {"area_name_th", json_or_null(u.area_name_th)},
               {"disabled", u.disabled},
               {"version", u.version}});
  return json;
}

constexpr std::string_view kRoleNames =
    "admin, strategy_officer, agency_officer, executive, auditor, health_officer, "
    "community_manager, public";

const Message kUser{"ผู้ใช้", "User"};

// A scope field of a PATCH: absent keeps it, null or "" clears it, text sets it.
std::optional<std::optional<std::string>> scope_change(http::JsonBody& body, const char* field,
                                                       std::size_t max_chars) {
  if (!body.has(field)) return std::nullopt;
  return body.optional_text(field, max_chars);
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
        response.add_header(
            "Set-Cookie", session_cookie(ctx.request, signed_in.token, signed_in.max_age.count()));
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
    for (const auto& u : service.list_users(ctx.actor)) users.push_back(summary_json(u));
    return http::Response::json(boost::json::object{{"users", std::move(users)}});
  });

  router.add(Method::get, "/api/v1/users/{id}", [&service](http::Context& ctx) {
    return http::Response::json(
        summary_json(service.find_user(ctx.actor, http::path_id(ctx.request, "id", kUser))));
  });

  router.add(Method::patch, "/api/v1/users/{id}", [&service](http::Context& ctx) {
    ctx.actor.require_role({Role::admin});
    std::int64_t id = http::path_id(ctx.request, "id", kUser);
    http::JsonBody body(ctx.request);
    UserChange change;
    change.display_name = body.optional_text("display_name", 200);
    change.role = http::body_enum(body, "role", parse_role, kRoleNames);
    change.agency_code = scope_change(body, "agency_code", 40);
    change.area_code = scope_change(body, "area_code", 8);
    change.disabled = body.optional_boolean("disabled");
    change.expected_version = body.optional_integer("version");
    body.finish();
    return http::Response::json(summary_json(service.update_user(ctx.actor, id, change)));
  });

  router.add(
      Method::post, "/api/v1/users/{id}/password",
      [&service](http::Context& ctx) {
        ctx.actor.require_role({Role::admin});
        std::int64_t id = http::path_id(ctx.request, "id", kUser);
        http::JsonBody body(ctx.request);
        std::string password = body.text("password", 256);
        body.finish();
        service.reset_password(ctx.actor, id, password);
        return http::Response::no_content();
      },
      http::Lane::slow);

  router.add(
      Method::post, "/api/v1/users",
      [&service](http::Context& ctx) {
        ctx.actor.require_role({Role::admin});
        http::JsonBody body(ctx.request);
        NewUser user;
        user.username = body.text("username", 64);
        user.display_name = body.optional_text("display_name", 200).value_or("");
        auto role = http::body_enum(body, "role", parse_role, kRoleNames, true);
        user.agency_code = body.optional_text("agency_code", 40);
        user.area_code = body.optional_text("area_code", 8);
        user.community_id = body.optional_integer("community_id");
        std::string password = body.text("password", 256);
        body.finish();
        user.role = *role;
        auto id = service.add_user(user, password, ctx.actor);
        return http::Response::json(boost::json::object{{"id", id}, {"username", user.username}},
                                    201);
      },
      http::Lane::slow);
}

}  // namespace changwat::auth
