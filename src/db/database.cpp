#include "db/database.hpp"

#include "db/database_error.hpp"
#include "db/database_url.hpp"
#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace changwat::db {

std::unique_ptr<Database> Database::open(const std::string& url, const Options& options) {
  if (options.readers < 0 || options.busy_timeout_ms < 0) {
    throw_internal("database options must not be negative");
  }
  DatabaseLocation location = parse_database_url(url);
  switch (location.engine) {
    case Engine::sqlite:
      return open_sqlite_database(location, options);
    case Engine::postgres:
      return open_postgres_database(location.target, options);
  }
  throw_internal("unknown engine");
}

std::optional<Row> Connection::query_one(std::string_view sql, const std::vector<Value>& params) {
  std::vector<Row> rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Connection::insert_returning_id(std::string_view sql,
                                             const std::vector<Value>& params) {
  std::optional<Row> row = query_one(sql, params);
  if (!row || row->size() == 0) {
    throw_internal("no id returned by: " + std::string(sql));
  }
  return row->integer(0);
}

Lease::Lease(Lease&& other) noexcept
    : connection_(other.connection_), give_back_(std::move(other.give_back_)) {
  other.connection_ = nullptr;
}

Lease::~Lease() {
  if (connection_ != nullptr && give_back_) give_back_(connection_);
}

}  // namespace changwat::db
