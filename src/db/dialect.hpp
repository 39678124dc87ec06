#pragma once
// One SQL text for both engines. Two kinds of tokens:
//   {{ID}}  -> "INTEGER PRIMARY KEY AUTOINCREMENT" (SQLite) | "BIGSERIAL PRIMARY KEY" (PostgreSQL)
//   lines between "--@sqlite" (or "--@postgres") and "--@end" are kept only for
//   that engine.
// Dropped lines become empty lines, so line numbers in engine errors still
// match the file.
#include <string>
#include <string_view>

#include "db/database.hpp"

namespace changwat::db {

// Throws Error(internal) for an unknown {{token}} or --@marker, a nested or an
// unclosed block; `source` names the text in that error (e.g. the file name).
std::string render_dialect(std::string_view sql, Engine engine, std::string_view source = "SQL");

}  // namespace changwat::db
