#pragma once
// Who is acting: a signed-in user (with role and scope) or an anonymous visitor.
// Plain data so services can check rights without knowing about HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace changwat {

enum class Role {
  admin,
  strategy_officer,
  agency_officer,
  executive,
  auditor,
  health_officer,
  community_manager,
  public_user,
};

std::string_view role_name(Role role);  // "admin", "strategy_officer", ... "public"
std::optional<Role> parse_role(std::string_view name);

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::public_user;
  std::string province_code;  // the user's province (two-digit DOPA code), from their scope
  std::optional<std::string> agency_code;     // scope: an agency
  std::optional<std::string> area_code;       // scope: an area (district, subdistrict…)
  std::optional<std::int64_t> community_id;   // scope: a tourism community
};

// The caller of a service: the principal if signed in, plus where the call came from.
struct Actor {
  std::optional<Principal> principal;
  std::string address;     // client IP, for the audit log
  std::string request_id;  // for logs and 500 responses
  // True only for the `changwat` command line run by someone with access to the
  // database itself; HTTP requests never set it.
  bool local_command = false;

  static Actor command_line();

  bool signed_in() const { return principal.has_value(); }
  bool has_role(Role role) const { return principal && principal->role == role; }
  // Throws unauthenticated if anonymous.
  const Principal& require_signed_in() const;
  // Throws unauthenticated if anonymous, forbidden if the role is not one of `roles`.
  const Principal& require_role(std::initializer_list<Role> roles) const;
  // Like require_role, but the local command line is also allowed.
  void require_role_or_local(std::initializer_list<Role> roles) const;
};

}  // namespace changwat
