#pragma once
// One libpq connection with its own prepared statements (s1, s2, … cached by
// SQL text). Used by one thread at a time (the pool hands it out). Parameters
// and results travel as text; integer, boolean and float columns are turned
// into typed values when read so rows look the same as SQLite's.
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "db/database.hpp"
#include "db/text_hash.hpp"

namespace changwat::db::postgres {

class PostgresConnection final : public Connection {
 public:
  // Connects or throws Error(unavailable, "database_unavailable").
  PostgresConnection(const std::string& url, int connect_timeout_ms);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Engine engine() const override { return Engine::postgres; }
  void execute_script(std::string_view sql) override;
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  // Streams in libpq's single-row mode. The callback must not use this same
  // connection: the server is still sending the rest of the result.
  void for_each(std::string_view sql, const std::vector<Value>& params,
                const std::function<void(const Row&)>& on_row) override;
  std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  void begin(bool write) override;  // read: BEGIN READ ONLY
  void commit() override;
  void rollback() override;
  bool healthy() const override { return !broken_; }

  // Re-establishes a broken connection (PQreset); throws Error(unavailable)
  // while the server is still unreachable, leaving the connection broken.
  void reconnect();
  // Called when a lease ends: rolls back a transaction the borrower left open.
  // Marks the connection broken if that fails, so the pool replaces it.
  void reset_for_reuse() noexcept;
  std::size_t cached_statements() const { return statements_.size(); }

 private:
  struct Prepared {
    std::string name;
    int parameter_count = 0;
  };
  struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
  };
  using Result = std::unique_ptr<PGresult, ResultDeleter>;
  class Parameters;

  void start_session();
  const Prepared& prepare(std::string_view sql, std::size_t parameter_count);
  Result execute_prepared(std::string_view sql, const std::vector<Value>& params);
  Result exec_simple(const char* sql);
  void check_idle(std::string_view sql) const;
  [[noreturn]] void fail(const PGresult* result, std::string_view sql);

  PGconn* handle_ = nullptr;
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> statements_;
  int next_statement_number_ = 1;
  bool broken_ = false;
  bool streaming_ = false;
};

}  // namespace changwat::db::postgres
