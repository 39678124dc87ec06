#pragma once
// One SQLite connection with its own prepared-statement cache. Used by one
// thread at a time (the pool hands it out), so it is opened without SQLite's
// per-connection mutex.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "db/database.hpp"
#include "db/text_hash.hpp"

namespace changwat::db::sqlite {

class SqliteConnection final : public Connection {
 public:
  enum class Access { read_write, read_only };

  // Opens and configures `path` (":memory:" for a private in-memory database):
  // busy timeout, foreign keys on; for read_write also WAL and synchronous=NORMAL.
  SqliteConnection(std::string path, Access access, int busy_timeout_ms);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Engine engine() const override { return Engine::sqlite; }
  void execute_script(std::string_view sql) override;
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  void for_each(std::string_view sql, const std::vector<Value>& params,
                const std::function<void(const Row&)>& on_row) override;
  std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  void begin(bool write) override;  // write: BEGIN IMMEDIATE, so writers queue at the start
  void commit() override;
  void rollback() override;
  bool healthy() const override { return handle_ != nullptr; }

  // Closes and opens again (after reset_for_reuse() had to give up on it).
  void reopen();
  // Called when a lease ends: rolls back a transaction the borrower left open,
  // so the writer is never stuck. If even that fails the connection is closed
  // and becomes unhealthy, to be reopened by the next acquire.
  void reset_for_reuse() noexcept;
  std::size_t cached_statements() const { return statements_.size(); }

 private:
  class StatementUse;

  void open();
  void close() noexcept;
  StatementUse prepare(std::string_view sql);
  void bind(sqlite3_stmt* statement, const std::vector<Value>& params, std::string_view sql);
  template <class OnRow>
  void run(std::string_view sql, const std::vector<Value>& params, OnRow&& on_row);
  [[noreturn]] void fail(int code, std::string_view sql);

  std::string path_;
  Access access_;
  int busy_timeout_ms_;
  sqlite3* handle_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

}  // namespace changwat::db::sqlite
