#include "db/sqlite/sqlite_errors.hpp"

#include <sqlite3.h>

#include <cerrno>

#include "db/database_error.hpp"

namespace changwat::db::sqlite {

void throw_sqlite_error(int extended_code, const std::string& path, std::string detail,
                        int system_errno) {
  detail = "SQLite " + std::to_string(extended_code) + " (" + sqlite3_errstr(extended_code) +
           "): " + detail;
  if (system_errno != 0) detail += " [errno " + std::to_string(system_errno) + "]";
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      throw_duplicate(std::move(detail));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      throw_referenced(std::move(detail));
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw_unavailable(std::move(detail));
    case SQLITE_NOTADB:
      throw_not_sqlite_database(path, std::move(detail));
    case SQLITE_FULL:
      throw_storage_full(std::move(detail));
    case SQLITE_IOERR:
      if (system_errno == ENOSPC || system_errno == EDQUOT) throw_storage_full(std::move(detail));
      throw_internal(std::move(detail));
    default:
      throw_internal(std::move(detail));
  }
}

}  // namespace changwat::db::sqlite
