#pragma once
// Pieces the service's files share (not for other modules).
#include <string>

#include "base/principal.hpp"
#include "modules/follow_up/model.hpp"

namespace changwat::follow_up::detail {

// Who wrote a record: the username, or the command line / demo loader.
std::string actor_name(const Actor& actor);
// The signed-in user's province (401 when anonymous).
const std::string& province_of(const Actor& actor);
// A record of another province is not the caller's to see: 404.
void require_same_province(const Actor& actor, const std::string& province_code,
                           const char* entity_th, const char* entity_en);

}  // namespace changwat::follow_up::detail
