#pragma once
// Internals shared by the service_*.cpp files of ParticipationService: building and
// saving records the same way in each. Not for other modules.
#include <string>

#include "db/database.hpp"
#include "modules/participation/model.hpp"
#include "modules/participation/rules.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::participation::detail {

// A new need's text and place, the same whoever files it (NeedInput from staff,
// PublicNeedInput from the public form).
template <class Input>
Need need_from(const Input& input, const rules::Placement& placement) {
  Need need;
  need.title = input.title;
  need.description = input.description;
  need.dimension = input.dimension;
  need.sector = input.sector;
  need.area_code = placement.area_code;
  need.district_code = placement.district_code;
  need.subdistrict_code = placement.subdistrict_code;
  return need;
}

// Stores an edited record if its stored version is still the one read (409
// otherwise), counts the new version and writes the audit entry, in the caller's
// transaction. `save` is the store's conditional update, `to_json` the record's JSON.
template <class Record, class Save, class ToJson>
void save_edit(db::Connection& connection, const Actor& actor, const char* entity,
               const Record& before, Record& after, Save save, ToJson to_json) {
  if (!save(after)) throw_stale_version();
  after.version += 1;
  audit::record(connection, actor, entity, std::to_string(after.id), "update", to_json(before),
                to_json(after));
}

}  // namespace changwat::participation::detail
