#pragma once
// Storage failures as changwat::Error. Users see only the fixed Thai/English
// message; the engine's own text (constraint names, SQL, server messages) goes
// into what() so it reaches the logs but never a response body.
#include <map>
#include <string>

#include "base/error.hpp"

namespace changwat::db {

class DatabaseError : public Error {
 public:
  DatabaseError(ErrorKind kind, std::string code, Message message, std::string detail,
                std::map<std::string, Message> fields = {});

  // "<code>: <detail>", for logs.
  const char* what() const noexcept override { return log_text_.c_str(); }
  // What the engine said, e.g. "UNIQUE constraint failed: users.email".
  const std::string& detail() const { return detail_; }

 private:
  std::string detail_;
  std::string log_text_;
};

// A unique or primary key violation: Error(conflict, "duplicate").
[[noreturn]] void throw_duplicate(std::string detail);
// A foreign key violation: Error(rule, "referenced").
[[noreturn]] void throw_referenced(std::string detail);
// The database cannot be reached or is too busy: Error(unavailable, "database_unavailable").
[[noreturn]] void throw_unavailable(std::string detail);
// Opening the database: the PostgreSQL server refused or could not be reached.
// Same kind and code as throw_unavailable, a headline that does not suggest
// waiting; `detail` carries libpq's reason (the command line prints it).
[[noreturn]] void throw_cannot_connect(std::string detail);
// The disk (or the PostgreSQL server's disk) is full: Error(unavailable,
// "storage_full"). Database::storage_full() remembers it for /healthz.
inline constexpr const char* kStorageFullCode = "storage_full";
[[noreturn]] void throw_storage_full(std::string detail);
// No pooled connection became free within Options.acquire_timeout_ms:
// Error(unavailable, "database_busy").
[[noreturn]] void throw_pool_timeout(std::string detail);
// Anything else the engine refuses (bad SQL, type errors): Error(internal, "database_error").
[[noreturn]] void throw_internal(std::string detail);
// A bad `--db` location: Error(validation) with field "db" saying why.
[[noreturn]] void throw_invalid_location(Message why, std::string detail);
// A file that exists but is not an SQLite database: Error(validation), field "db".
[[noreturn]] void throw_not_sqlite_database(const std::string& path, std::string detail);

// Text values may not contain NUL: PostgreSQL refuses it and SQLite cuts the
// text at it in many functions, so both engines reject it the same way.
void check_text_parameter(const std::string& text);

}  // namespace changwat::db
