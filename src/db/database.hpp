#pragma once
// One storage interface, two engines (sqlite/, postgres/). Modules' stores use only
// this header: SQL text with `?` placeholders (rewritten to $n for PostgreSQL),
// values as db::Value, rows read through typed accessors. Errors are changwat::Error:
// unique violations -> conflict, lost connections -> unavailable, others -> internal.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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
  std::int64_t waits = 0;     // times a caller had to wait for a free connection
  std::int64_t timeouts = 0;  // times a caller gave up waiting (Error database_busy)
};

struct Options {
  int readers = 4;             // SQLite reader pool / PostgreSQL pool size
  int busy_timeout_ms = 5000;  // SQLite busy timeout; PostgreSQL connect timeout
  // How long read()/write() wait for a free pool connection before giving up
  // with Error(unavailable, "database_busy"): a burst queues, it never hangs.
  int acquire_timeout_ms = 3000;
  // After a write failed for lack of space: how long without another such
  // failure before storage_full() tries a write of its own (see there).
  int storage_probe_after_ms = 5000;
};

class Database {
 public:
  virtual ~Database() = default;
  // `url` is "sqlite:PATH" or "postgresql://…". Throws Error(unavailable) if the
  // server cannot be reached, Error(validation, field "db") for a bad URL or a
  // file that is not an SQLite database.
  static std::unique_ptr<Database> open(const std::string& url, const Options& options = {});

  virtual Engine engine() const = 0;
  // A connection of its own, outside read()/write() (tests, tools). Waits at most
  // Options.acquire_timeout_ms, then throws Error(unavailable, "database_busy").
  virtual Lease acquire(bool write) = 0;
  virtual PoolStats stats() const = 0;
  // A trivial query; false if the database cannot answer (for /healthz).
  virtual bool ping() = 0;

  // Runs `work(connection)` in one transaction; commits if it returns, rolls back
  // if it throws (and rethrows).
  //
  // Nesting: called while this thread is already inside read() or write() of this
  // database, the work runs in that same transaction on the same connection (a
  // read inside a write sees the write's own changes). So one module's service
  // may call another's inside its transaction: checks and writes that belong
  // together commit together, and a thread never holds two pooled connections
  // (which, with more threads than connections, deadlocks the pool). A write
  // requested inside a read-only transaction is a programming error:
  // Error(internal) — open the outer transaction with write() instead.
  template <class Work>
  auto write(Work&& work) {
    if (Transaction* current = current_transaction()) {
      if (!current->write) throw_write_inside_read();
      return work(*current->connection);
    }
    Lease lease = acquire(true);
    return run_transaction(*lease, true, work);
  }
  template <class Work>
  auto read(Work&& work) {
    if (Transaction* current = current_transaction()) return work(*current->connection);
    Lease lease = acquire(false);
    return run_transaction(*lease, false, work);
  }

  // True while the calling thread is inside read() or write() of this database.
  bool in_transaction() const { return current_transaction() != nullptr; }

  // True after a write failed because the disk (or the PostgreSQL server's disk)
  // was full, until a write commits while the engine sees room again (for
  // /healthz). Once no write has failed that way for
  // Options.storage_probe_after_ms, this call itself tries a tiny write (at most
  // once a second), so the state clears by itself when space returns even if
  // nobody writes meanwhile.
  bool storage_full();

 protected:
  explicit Database(const Options& options)
      : storage_probe_after_ms_(options.storage_probe_after_ms) {}
  // Whether the engine's storage has room for more than a small write. A small
  // write can succeed on a full disk (SQLite reuses its WAL file's space), so a
  // commit alone does not prove that space returned. SQLite: free space in the
  // database's folder; PostgreSQL cannot see the server's disk and says true.
  virtual bool storage_has_room() const { return true; }

 private:
  // The transaction a thread is running, innermost first (one per database).
  struct Transaction {
    const Database* database;
    Connection* connection;
    bool write;
    Transaction* outer;
  };
  class TransactionScope {
   public:
    TransactionScope(const Database* database, Connection* connection, bool write)
        : entry_{database, connection, write, current_} {
      current_ = &entry_;
    }
    ~TransactionScope() { current_ = entry_.outer; }
    TransactionScope(const TransactionScope&) = delete;
    TransactionScope& operator=(const TransactionScope&) = delete;

   private:
    Transaction entry_;
  };

  Transaction* current_transaction() const {
    for (Transaction* entry = current_; entry != nullptr; entry = entry->outer)
      if (entry->database == this) return entry;
    return nullptr;
  }
  [[noreturn]] static void throw_write_inside_read();
  // Remembers a storage-full failure (see storage_full()).
  void note_failure(const std::exception_ptr& failure);
  static std::int64_t now_ms();
  void note_committed(bool write) {
    if (write && storage_full_.load(std::memory_order_relaxed) && storage_has_room())
      storage_full_.store(false, std::memory_order_relaxed);
  }

  template <class Work>
  auto run_transaction(Connection& c, bool write, Work& work) {
    TransactionScope scope(this, &c, write);
    c.begin(write);
    try {
      if constexpr (std::is_void_v<decltype(work(c))>) {
        work(c);
        c.commit();
        note_committed(write);
      } else {
        auto result = work(c);
        c.commit();
        note_committed(write);
        return result;
      }
    } catch (...) {
      if (write) note_failure(std::current_exception());
      if (c.healthy()) c.rollback();
      throw;
    }
  }

  static inline thread_local Transaction* current_ = nullptr;
  const std::int64_t storage_probe_after_ms_;
  std::atomic<bool> storage_full_{false};
  std::atomic<std::int64_t> last_full_ms_{0};   // when a write last failed for lack of space
  std::atomic<std::int64_t> last_probe_ms_{0};  // when storage_full() last tried a write
};

}  // namespace changwat::db
