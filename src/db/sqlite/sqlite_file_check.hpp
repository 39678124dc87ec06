#pragma once
#include <string>

namespace changwat::db::sqlite {

// Refuses, before SQLite touches it, a path that is a directory or a non-empty
// file without the SQLite header ("SQLite format 3\0"). A missing or empty file
// is fine: SQLite creates the database in it.
void check_sqlite_file(const std::string& path);

// Refuses, before SQLite opens it, a database file or folder this process cannot
// write (SQLite keeps its -wal and -shm files beside the database), naming the
// path, its permissions and owner, and the user changwat runs as.
void check_sqlite_writable(const std::string& path);

// Error(validation) with field "db": `path` cannot be written, and why.
[[noreturn]] void throw_read_only(const std::string& path, std::string detail);

}  // namespace changwat::db::sqlite
