#pragma once
// One storage interface, two engines (sqlite/, postgres/). Modules' stores use only
// this header: SQL text with `?` placeholders (rewritten to $n for PostgreSQL),
// values as db::Value, rows read through typed accessors. Errors are changwat::Error:
// unique violations -> conflict, lost connections -> unavailable, others -> internal.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace changwat::db {

enum class Engine { sqlite, postgres };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// Helpers to build parameter lists from optionals.
Value nullable(const std::optional<std::string>& v);
Value nullable(const std::optional<std::int64_t>& v);

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool is_null(std::size_t column) const;
  std::int64_t integer(std::size_t column) const;  // converts text for PostgreSQL
  double real(std::size_t column) const;
  std::string text(std::size_t column) const;  // NULL -> ""
  std::optional<std::int64_t> optional_integer(std::size_t column) const;
  std::optional<std::string> optional_text(std::size_t column) const;
  const Value& value(std::size_t column) const { return values_.at(column); }

 private:
  std::vector<Value> values_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Runs one statement, prepared once per connection and cached by its text.
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Streams rows without materialising them all (exports, big reads).
  virtual void for_each(std::string_view sql, const std::vector<Value>& params,
                        const std::function<void(const Row&)>& on_row) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  std::optional<Row> query_one(std::string_view sql, const std::vector<Value>& params = {});
  // For "INSERT ... RETURNING id" (both engines support RETURNING).
  std::int64_t insert_returning_id(std::string_view sql, const std::vector<Value>& params);

  virtual void begin(bool write) = 0;  // SQLite: BEGIN IMMEDIATE for writes
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // False once the connection is broken; the pool then replaces it.
  virtual bool healthy() const = 0;
};

// A connection borrowed from the pool; returns itself when destroyed.
class Lease {
 public:
  Lease(Connection* connection, std::function<void(Connection*)> give_back)
      : connection_(connection), give_back_(std::move(give_back)) {}
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  ~Lease();
  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_; }

 private:
  Connection* connection_;
  std::function<void(Connection*)> give_back_;
};

struct PoolStats {
  int readers_total = 0;
  int readers_in_use = 0;
  int writers_total = 0;
  int writers_in_use = 0;
  std::int64_t waits = 0;  // times a caller had to wait for a free connection
};

struct Options {
  int readers = 4;             // SQLite reader pool / PostgreSQL pool size
  int busy_timeout_ms = 5000;  // SQLite busy timeout; PostgreSQL connect timeout
};

class Database {
 public:
  virtual ~Database() = default;
  // `url` is "sqlite:PATH" or "postgresql://…". Throws Error(unavailable) if the
  // server cannot be reached, Error(validation, field "db") for a bad URL or a
  // file that is not an SQLite database.
  static std::unique_ptr<Database> open(const std::string& url, const Options& options = {});

  virtual Engine engine() const = 0;
  virtual Lease acquire(bool write) = 0;
  virtual PoolStats stats() const = 0;
  // A trivial query; false if the database cannot answer (for /healthz).
  virtual bool ping() = 0;

  // Runs `work(connection)` in one transaction; commits if it returns, rolls back
  // if it throws (and rethrows).
  template <class Work>
  auto write(Work&& work) {
    Lease lease = acquire(true);
    return in_transaction(*lease, true, std::forward<Work>(work));
  }
  template <class Work>
  auto read(Work&& work) {
    Lease lease = acquire(false);
    return in_transaction(*lease, false, std::forward<Work>(work));
  }

 private:
  template <class Work>
  static auto in_transaction(Connection& c, bool write, Work&& work) {
    c.begin(write);
    try {
      if constexpr (std::is_void_v<decltype(work(c))>) {
        work(c);
        c.commit();
      } else {
        auto result = work(c);
        c.commit();
        return result;
      }
    } catch (...) {
      if (c.healthy()) c.rollback();
      throw;
    }
  }
};

}  // namespace changwat::db
