#pragma once
// Rules on a user's fields shared by adding and changing users (no database).
#include <optional>
#include <string>

#include "base/error.hpp"
#include "base/principal.hpp"

namespace changwat::auth {

// A role's scope: an agency officer needs an agency ("agency_code").
void check_role_scope(Role role, const std::optional<std::string>& agency_code,
                      FieldErrors& errors);
// A display name: 1–200 characters ("display_name").
void check_display_name(const std::string& display_name, FieldErrors& errors);
// Error(rule, "invalid_user") — 422 — with every field's problem, if any.
void throw_user_errors(const FieldErrors& errors);

}  // namespace changwat::auth
