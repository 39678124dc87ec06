#pragma once
// Opens the PostgreSQL engine: a pool of Options.readers libpq connections
// shared by reads and writes. This header does not expose libpq-fe.h.
#include <memory>
#include <string>

#include "db/database.hpp"

namespace changwat::db {

// Throws Error(validation, field "db") for a URL libpq cannot parse and
// Error(unavailable, "database_unavailable") if the server cannot be reached.
// PoolStats reports the one shared pool as readers_* (writers_* stay 0).
std::unique_ptr<Database> open_postgres_database(const std::string& url, const Options& options);

}  // namespace changwat::db
