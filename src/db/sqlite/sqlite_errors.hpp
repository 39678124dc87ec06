#pragma once
#include <string>

namespace changwat::db::sqlite {

// Maps an extended SQLite result code to the changwat::Error family:
// UNIQUE/PRIMARYKEY -> conflict "duplicate", FOREIGNKEY -> rule "referenced",
// BUSY/LOCKED (after the busy timeout) -> unavailable, FULL or an I/O error whose
// system errno (`system_errno`, sqlite3_system_errno) says the disk is full ->
// unavailable "storage_full", NOTADB -> validation "db", anything else ->
// internal. `detail` goes to what() only.
[[noreturn]] void throw_sqlite_error(int extended_code, const std::string& path, std::string detail,
                                     int system_errno = 0);

}  // namespace changwat::db::sqlite
