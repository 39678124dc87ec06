#pragma once
// Opens the SQLite engine: one writer connection and a pool of read-only reader
// connections on one WAL-mode file. This header does not expose sqlite3.h.
#include <memory>

#include "db/database.hpp"
#include "db/database_url.hpp"

namespace changwat::db {

// In-memory databases (tests) have no separate readers: every connection to
// ":memory:" would be a different database, so reads share the writer.
std::unique_ptr<Database> open_sqlite_database(const DatabaseLocation& location,
                                               const Options& options);

}  // namespace changwat::db
