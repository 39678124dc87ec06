#pragma once
// Loads the reference data shipped in the binary (data/th-areas.json,
// data/trat-agencies.json) into an empty database, and Trat's demo villages on request.
#include "db/database.hpp"

namespace changwat::areas {

// Inserts areas and agencies that are missing; cheap when already loaded.
void seed_reference_data(db::Database& database);
// Trat's demo villages (flagged demo); only for `serve --demo`.
void seed_demo_villages(db::Database& database);

}  // namespace changwat::areas
