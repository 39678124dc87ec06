#include "base/principal.hpp"

#include <array>
#include <utility>

#include "base/error.hpp"

namespace changwat {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 8> kRoleNames{{
    {Role::admin, "admin"},
    {Role::strategy_officer, "strategy_officer"},
    {Role::agency_officer, "agency_officer"},
    {Role::executive, "executive"},
    {Role::auditor, "auditor"},
    {Role::health_officer, "health_officer"},
    {Role::community_manager, "community_manager"},
    {Role::public_user, "public"},
}};
}  // namespace

std::string_view role_name(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "public";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [r, n] : kRoleNames)
    if (n == name) return r;
  return std::nullopt;
}

const Principal& Actor::require_signed_in() const {
  if (!principal) throw_unauthenticated();
  return *principal;
}

const Principal& Actor::require_role(std::initializer_list<Role> roles) const {
  const Principal& p = require_signed_in();
  for (Role r : roles)
    if (p.role == r) return p;
  throw_forbidden();
}

Actor Actor::command_line() {
  Actor actor;
  actor.address = "command-line";
  actor.request_id = "command-line";
  actor.local_command = true;
  return actor;
}

void Actor::require_role_or_local(std::initializer_list<Role> roles) const {
  if (local_command) return;
  require_role(roles);
}

}  // namespace changwat
