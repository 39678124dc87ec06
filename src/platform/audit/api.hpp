#pragma once
// Routes: GET /api/v1/audit, GET /api/v1/audit/entities (admin, auditor). There is
// deliberately no route that edits or deletes audit entries.
#include "db/database.hpp"
#include "http/router.hpp"

namespace changwat::audit {

void register_routes(http::Router& router, db::Database& database);

}  // namespace changwat::audit
