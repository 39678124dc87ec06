#include "db/database.hpp"

#include <chrono>

#include "db/database_error.hpp"
#include "db/database_url.hpp"
#include "db/postgres/postgres_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace changwat::db {

std::unique_ptr<Database> Database::open(const std::string& url, const Options& options) {
  if (options.readers < 0 || options.busy_timeout_ms < 0 || options.acquire_timeout_ms < 0 ||
      options.storage_probe_after_ms < 0) {
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

void Database::throw_write_inside_read() {
  throw_internal(
      "write() inside a read-only transaction of the same thread: open the outer "
      "transaction with write() so the check and the change commit together");
}

std::int64_t Database::now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void Database::note_failure(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    if (error.code() == kStorageFullCode) {
      last_full_ms_.store(now_ms(), std::memory_order_relaxed);
      storage_full_.store(true, std::memory_order_relaxed);
    }
  } catch (...) {
    // Only storage errors are remembered; run_transaction rethrows the original
    // exception to its caller right after this.
  }
}

bool Database::storage_full() {
  if (!storage_full_.load(std::memory_order_relaxed)) return false;
  std::int64_t now = now_ms();
  std::int64_t last_probe = last_probe_ms_.load(std::memory_order_relaxed);
  bool quiet = now - last_full_ms_.load(std::memory_order_relaxed) >= storage_probe_after_ms_;
  if (quiet && now - last_probe >= 1000 && !in_transaction() &&
      last_probe_ms_.compare_exchange_strong(last_probe, now) && storage_has_room()) {
    try {
      // Rewrites one row with its own value: a real commit through the engine
      // (WAL frames, a new PostgreSQL row version) that changes nothing.
      write([](Connection& c) {
        c.execute(
            "UPDATE schema_migrations SET applied_at = applied_at "
            "WHERE version = (SELECT MAX(version) FROM schema_migrations)");
      });
    } catch (const Error&) {
      // The probe's failure is the answer (still full, or unreachable, which
      // ping() reports); a storage failure has already set the flag again.
    }
  }
  return storage_full_.load(std::memory_order_relaxed);
}

Lease::Lease(Lease&& other) noexcept
    : connection_(other.connection_), give_back_(std::move(other.give_back_)) {
  other.connection_ = nullptr;
}

Lease::~Lease() {
  if (connection_ != nullptr && give_back_) give_back_(connection_);
}

}  // namespace changwat::db
