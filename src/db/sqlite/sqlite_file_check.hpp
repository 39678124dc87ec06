#pragma once
#include <string>

namespace changwat::db::sqlite {

// Refuses, before SQLite touches it, a path that is a directory or a non-empty
// file without the SQLite header ("SQLite format 3\0"). A missing or empty file
// is fine: SQLite creates the database in it.
void check_sqlite_file(const std::string& path);

}  // namespace changwat::db::sqlite
