#include "base/principal.hpp"

#include "base/enum_names.hpp"
#include "base/error.hpp"

namespace changwat {
namespace {
// In the enum's declaration order (base/enum_names.hpp).
constexpr EnumNames<Role, 8> kRoleNames{{"admin", "strategy_officer", "agency_officer", "executive",
                                         "auditor", "health_officer", "community_manager",
                                         "public"}};
}  // namespace

std::string_view role_name(Role role) { return kRoleNames.name(role); }

std::optional<Role> parse_role(std::string_view name) { return kRoleNames.parse(name); }

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
