#pragma once
// Rules of the sample module that need no database: who may do what, field limits.
#include <string>

#include "base/error.hpp"
#include "base/principal.hpp"

namespace changwat::sample::rules {

inline constexpr std::size_t kTitleMax = 200;

// strategy_officer or admin (Actor::require_role throws 401/403 with Thai and English).
const Principal& require_editor(const Actor& actor);
void check_title(FieldErrors& errors, const std::string& title);

}  // namespace changwat::sample::rules
