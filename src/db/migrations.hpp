#pragma once
// Versioned migrations from migrations/NNNN_name.sql (embedded in the binary).
// Each is applied in its own transaction and recorded in schema_migrations with a
// SHA-256 checksum. Dialect tokens let one file serve both engines:
//   {{ID}}       -> "INTEGER PRIMARY KEY AUTOINCREMENT" | "BIGSERIAL PRIMARY KEY"
//   --@sqlite / --@postgres ... --@end   lines kept only for that engine
#include <string>
#include <vector>

#include "base/embedded.hpp"
#include "db/database.hpp"

namespace changwat::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  // already rendered for the engine
  std::string checksum;
};

std::vector<Migration> load_migrations(Engine engine);
// The highest version this binary knows.
int latest_known_version();
// Applies every missing migration. Throws Error(rule, "database_newer") if the
// database has a version this binary does not know, Error(rule,
// "migration_checksum") if an applied migration's text changed.
// Returns the number of migrations applied.
int migrate(Database& database);
// Throws like migrate() but applies nothing; used by `serve` before migrating.
void check_not_newer(Database& database);

// The same, for an explicit list of files instead of embedded_migrations()
// (tests, tools). File names must be NNNN_name.sql with unique versions;
// otherwise Error(internal, "migration_invalid").
std::vector<Migration> load_migrations(Engine engine, const std::vector<EmbeddedFile>& files);
int latest_known_version(const std::vector<EmbeddedFile>& files);
int migrate(Database& database, const std::vector<EmbeddedFile>& files);
void check_not_newer(Database& database, const std::vector<EmbeddedFile>& files);

}  // namespace changwat::db
