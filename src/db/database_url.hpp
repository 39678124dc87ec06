#pragma once
// Splits a `--db` value into the engine and what that engine needs to open it.
#include <string>

#include "db/database.hpp"

namespace changwat::db {

struct DatabaseLocation {
  Engine engine = Engine::sqlite;
  // SQLite: the file path; PostgreSQL: the whole URL (libpq reads it).
  std::string target;
  bool in_memory = false;  // "sqlite::memory:"
};

// Accepts "sqlite:PATH", "sqlite::memory:", "postgresql://…" and "postgres://…"
// (scheme in any case). Throws Error(validation, field "db") otherwise.
DatabaseLocation parse_database_url(const std::string& url);

}  // namespace changwat::db
