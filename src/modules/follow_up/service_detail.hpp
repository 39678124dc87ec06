#pragma once
// Pieces the service's files share (not for other modules).
#include <optional>
#include <string>

#include "base/error.hpp"
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

// A record the store found, if it is the caller's province's: else 404 naming it.
template <class Record>
Record found_in(std::optional<Record> found, const Actor& actor, const char* entity_th,
                const char* entity_en) {
  if (!found) throw_not_found(entity_th, entity_en);
  require_same_province(actor, found->province_code, entity_th, entity_en);
  return std::move(*found);
}

}  // namespace changwat::follow_up::detail
