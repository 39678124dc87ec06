#include "db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>
#include <sys/statvfs.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "db/connection_pool.hpp"
#include "db/database_error.hpp"
#include "db/sqlite/sqlite_connection.hpp"
#include "db/sqlite/sqlite_file_check.hpp"

namespace changwat::db {
namespace {

// Below this much free space in the database's folder, a storage failure is not
// considered over: SQLite's next checkpoint or a larger write would fail again.
constexpr unsigned long long kRoomBytes = 8ull << 20;

using sqlite::SqliteConnection;
using Pool = ConnectionPool<SqliteConnection>;

std::vector<std::unique_ptr<SqliteConnection>> open_connections(const std::string& path,
                                                                SqliteConnection::Access access,
                                                                int count, int busy_timeout_ms) {
  std::vector<std::unique_ptr<SqliteConnection>> connections;
  for (int i = 0; i < count; ++i) {
    connections.push_back(std::make_unique<SqliteConnection>(path, access, busy_timeout_ms));
  }
  return connections;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const DatabaseLocation& location, const Options& options)
      // The writer opens first: it switches the file to WAL, which the read-only
      // readers cannot do themselves.
      : Database(options),
        writer_(open_connections(location.target, SqliteConnection::Access::read_write, 1,
                                 options.busy_timeout_ms)),
        ping_wait_(options.busy_timeout_ms),
        acquire_wait_(options.acquire_timeout_ms),
        folder_(location.in_memory
                    ? std::string()
                    : std::filesystem::absolute(location.target).parent_path().string()) {
    if (!location.in_memory && options.readers > 0) {
      readers_ = std::make_unique<Pool>(open_connections(location.target,
                                                         SqliteConnection::Access::read_only,
                                                         options.readers, options.busy_timeout_ms));
    }
  }

  Engine engine() const override { return Engine::sqlite; }

  Lease acquire(bool write) override {
    Pool& pool = pool_for(write);
    if (&pool == &writer_ && writer_holder_.load() == std::this_thread::get_id()) {
      // It would wait for itself: a second lease on the writer (or, in memory,
      // on the only connection) beside this thread's own. read()/write() reuse
      // the held connection instead; only a direct acquire() gets here.
      throw_internal("this thread already holds the SQLite writer; nested write transaction");
    }
    SqliteConnection* connection = pool.take_within(acquire_wait_);
    if (connection == nullptr) {
      throw_pool_timeout(std::string("no free SQLite ") +
                         (&pool == &writer_ ? "writer" : "reader") + " connection within " +
                         std::to_string(acquire_wait_.count()) + " ms");
    }
    Lease borrowed = lease(pool, *connection);
    if (&pool == &writer_) writer_holder_ = std::this_thread::get_id();
    return borrowed;
  }

  PoolStats stats() const override {
    PoolCounts writer = writer_.counts();
    PoolCounts readers = readers_ ? readers_->counts() : PoolCounts{};
    return {readers.total,
            readers.in_use,
            writer.total,
            writer.in_use,
            readers.waits + writer.waits,
            readers.timeouts + writer.timeouts};
  }

  bool ping() override {
    Pool& pool = pool_for(false);
    SqliteConnection* connection = pool.take_within(ping_wait_);
    if (connection == nullptr) return false;  // every connection stayed busy too long
    try {
      Lease borrowed = lease(pool, *connection);
      return borrowed->query_one("SELECT 1").has_value();
    } catch (const Error&) {
      // Catching is the point here: /healthz asks "can the database answer?",
      // and an Error means no.
      return false;
    }
  }

 private:
  bool storage_has_room() const override {
    struct statvfs info {};
    if (folder_.empty() || ::statvfs(folder_.c_str(), &info) != 0) return true;
    return static_cast<unsigned long long>(info.f_bavail) * info.f_frsize >= kRoomBytes;
  }

  Pool& pool_for(bool write) { return write || !readers_ ? writer_ : *readers_; }

  Lease lease(Pool& pool, SqliteConnection& connection) {
    pool.restore_if_lost(connection, [&] { connection.reopen(); });
    return Lease(&connection, [this, &pool](Connection* returned) {
      auto& sqlite_connection = static_cast<SqliteConnection&>(*returned);
      sqlite_connection.reset_for_reuse();
      if (&pool == &writer_) writer_holder_ = std::thread::id();
      pool.give_back(sqlite_connection);
    });
  }

  Pool writer_;
  // Declared after the writer so it closes first: the last connection to close
  // checkpoints the WAL, and that must be the writer.
  std::unique_ptr<Pool> readers_;  // null: reads share the writer
  std::chrono::milliseconds ping_wait_;
  std::chrono::milliseconds acquire_wait_;
  std::string folder_;  // where the file, WAL and shared memory live ("" in memory)
  std::atomic<std::thread::id> writer_holder_;  // which thread holds the writer, if any
};

}  // namespace

std::unique_ptr<Database> open_sqlite_database(const DatabaseLocation& location,
                                               const Options& options) {
  if (sqlite3_threadsafe() == 0) throw_internal("SQLite was built without thread support");
  if (!location.in_memory) {
    sqlite::check_sqlite_file(location.target);
    sqlite::check_sqlite_writable(location.target);
  }
  return std::make_unique<SqliteDatabase>(location, options);
}

}  // namespace changwat::db
