// read()/write() called inside a transaction of the same thread join it (one
// connection per thread, so more threads than connections cannot deadlock);
// waiting for a connection has a limit; a full disk is a distinct error that
// Database::storage_full() remembers until a write commits again.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using namespace std::chrono_literals;
using testing::CaughtError;
using testing::EngineTest;
using testing::expect_error;
using testing::TemporaryFolder;

class Nesting : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open({.readers = 2});
    create_schema(*database_,
                  "CREATE TABLE item (id {{ID}}, label TEXT NOT NULL);\n"
                  "CREATE TABLE counter (id BIGINT PRIMARY KEY, total BIGINT NOT NULL);\n"
                  "INSERT INTO counter (id, total) VALUES (1, 0);");
  }

  // What "another module's service" does: its own read(), unaware of the caller.
  std::int64_t count_items(Database& database) {
    return database.read(
        [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM item")->integer(0); });
  }

  std::unique_ptr<Database> database_;
};

TEST_P(Nesting, AReadInsideAWriteUsesTheWriteConnectionAndSeesItsChanges) {
  database_->write([&](Connection& outer) {
    EXPECT_TRUE(database_->in_transaction());
    outer.execute("INSERT INTO item (label) VALUES (?)", {"ยังไม่ commit"});
    PoolStats during = database_->stats();
    EXPECT_EQ(count_items(*database_), 1) << "the nested read must see the write's own row";
    // The nested read borrowed nothing more from the pool.
    PoolStats nested = database_->stats();
    EXPECT_EQ(nested.readers_in_use + nested.writers_in_use,
              during.readers_in_use + during.writers_in_use);
  });
  EXPECT_FALSE(database_->in_transaction());
  EXPECT_EQ(count_items(*database_), 1);
}

TEST_P(Nesting, AWriteInsideAWriteCommitsOrRollsBackWithTheOuterOne) {
  database_->write([&](Connection& outer) {
    outer.execute("INSERT INTO item (label) VALUES ('outer')");
    database_->write(
        [](Connection& inner) { inner.execute("INSERT INTO item (label) VALUES ('inner')"); });
  });
  EXPECT_EQ(count_items(*database_), 2);

  EXPECT_THROW(database_->write([&](Connection& outer) {
    outer.execute("INSERT INTO item (label) VALUES ('outer 2')");
    database_->write(
        [](Connection& inner) { inner.execute("INSERT INTO item (label) VALUES ('inner 2')"); });
    throw_stale_version();  // the outer transaction fails after the nested write returned
  }),
               Error);
  EXPECT_EQ(count_items(*database_), 2) << "the nested write must roll back with the outer one";
}

TEST_P(Nesting, AReadInsideAReadSharesTheConnection) {
  database_->read([&](Connection& outer) {
    EXPECT_EQ(count_items(*database_), 0);
    EXPECT_EQ(database_->stats().readers_in_use + database_->stats().writers_in_use, 1);
    outer.query_one("SELECT 1");
  });
}

TEST_P(Nesting, AWriteInsideAReadIsAProgrammingErrorAndChangesNothing) {
  CaughtError error = expect_error(
      [&] {
        database_->read([&](Connection&) {
          database_->write(
              [](Connection& c) { c.execute("INSERT INTO item (label) VALUES ('no')"); });
        });
      },
      ErrorKind::internal, "database_error");
  EXPECT_NE(error.what.find("inside a read-only transaction"), std::string::npos) << error.what;
  EXPECT_EQ(count_items(*database_), 0);
  // The thread is outside any transaction again and can write normally.
  EXPECT_FALSE(database_->in_transaction());
  database_->write([](Connection& c) { c.execute("INSERT INTO item (label) VALUES ('yes')"); });
  EXPECT_EQ(count_items(*database_), 1);
}

TEST_P(Nesting, AnotherDatabaseOnTheSameThreadHasItsOwnTransaction) {
  auto other = open({.readers = 1});
  database_->write([&](Connection& c) {
    c.execute("INSERT INTO item (label) VALUES ('uncommitted')");
    EXPECT_FALSE(other->in_transaction());
    // The other Database is another pool: it sees only committed rows.
    EXPECT_EQ(count_items(*other), 0);
  });
  EXPECT_EQ(count_items(*other), 1);
}

// The deadlock of issue 8: every thread holds one connection and, nested, asks
// for a second from the same pool. With 16 threads on 1 reader connection this
// hung forever; now the nested read reuses the held connection.
TEST_P(Nesting, MoreThreadsThanConnectionsWithNestedCallsNeverDeadlock) {
  auto database = open({.readers = 1, .acquire_timeout_ms = 20000});
  database->write([](Connection& c) { c.execute("INSERT INTO item (label) VALUES ('x')"); });
  constexpr int threads = 16;
  constexpr int rounds = 40;
  std::atomic<int> done{0};
  std::atomic<int> wrong{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < rounds; ++i) {
        if ((t + i) % 4 == 0) {
          database->write([&](Connection& c) {
            c.execute("UPDATE counter SET total = total + 1 WHERE id = 1");
            if (count_items(*database) != 1) ++wrong;
          });
        } else {
          database->read([&](Connection&) {
            if (count_items(*database) != 1) ++wrong;
          });
        }
      }
      ++done;
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(done, threads);
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(database->stats().timeouts, 0);
  EXPECT_EQ(database->read([](Connection& c) {
    return c.query_one("SELECT total FROM counter WHERE id = 1")->integer(0);
  }),
            threads * rounds / 4);
}

TEST_P(Nesting, WaitingForAConnectionHasALimitAndIsCounted) {
  auto database = open({.readers = 1, .acquire_timeout_ms = 150});
  std::optional<Lease> held(database->acquire(engine() == Engine::sqlite ? false : true));
  PoolStats before = database->stats();
  auto started = std::chrono::steady_clock::now();
  std::thread other([&] {
    CaughtError error =
        expect_error([&] { count_items(*database); }, ErrorKind::unavailable, "database_busy");
    EXPECT_EQ(http_status(error.kind), 503);
  });
  other.join();
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, 140ms);
  EXPECT_LT(waited, 3s);
  EXPECT_EQ(database->stats().timeouts, before.timeouts + 1);
  held.reset();
  EXPECT_EQ(count_items(*database), 0);  // the pool works again
}

INSTANTIATE_TEST_SUITE_P(Engines, Nesting, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

// SQLite's max_page_count stands in for a full disk: the writer may not grow the
// file, and SQLite answers SQLITE_FULL exactly as it does when the disk is full.
class StorageFull : public ::testing::Test {
 protected:
  std::unique_ptr<Database> open_database(int probe_after_ms) {
    auto database = Database::open(
        "sqlite:" + (folder_.path() / "full.sqlite").string(),
        {.readers = 1, .acquire_timeout_ms = 200, .storage_probe_after_ms = probe_after_ms});
    database->write([](Connection& c) {
      // schema_migrations as db::migrate() leaves it: the probe rewrites its last row.
      c.execute_script(
          "CREATE TABLE blob_row (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, "
          "checksum TEXT, applied_at TEXT);"
          "INSERT INTO schema_migrations VALUES (1, 'first', 'x', '2025-01-01T00:00:00Z');");
    });
    return database;
  }

  // The pragma is the writer connection's own setting; set outside read()/write()
  // so that no committed write transaction is involved.
  static void cap_file(Database& database) {
    Lease writer = database.acquire(true);
    std::int64_t pages = writer->query_one("PRAGMA page_count")->integer(0);
    writer->query("PRAGMA max_page_count = " + std::to_string(pages));
  }
  static void uncap_file(Database& database) {
    database.acquire(true)->query("PRAGMA max_page_count = 1073741823");
  }

  static void insert_big_row(Database& database) {
    database.write([](Connection& c) {
      c.execute("INSERT INTO blob_row (body) VALUES (?)", {std::string(64 * 1024, 'x')});
    });
  }

  static std::int64_t rows(Database& database) {
    return database.read(
        [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM blob_row")->integer(0); });
  }

  TemporaryFolder folder_;
};

TEST_F(StorageFull, AFullDiskIsStorageFullNotAnInternalErrorAndClearsAfterAWrite) {
  auto database = open_database(60'000);
  EXPECT_FALSE(database->storage_full());
  cap_file(*database);
  CaughtError error =
      expect_error([&] { insert_big_row(*database); }, ErrorKind::unavailable, "storage_full");
  EXPECT_EQ(http_status(error.kind), 503);
  EXPECT_NE(error.message.en.find("storage is full"), std::string::npos) << error.message.en;
  EXPECT_NE(error.message.th.find("เต็ม"), std::string::npos);
  EXPECT_NE(error.what.find("disk is full"), std::string::npos) << error.what;
  EXPECT_TRUE(database->storage_full());
  EXPECT_TRUE(database->storage_full()) << "no probe within a minute of the failure";
  // Reads still work, and nothing was half written.
  EXPECT_EQ(rows(*database), 0);

  uncap_file(*database);  // space returns
  EXPECT_TRUE(database->storage_full()) << "nothing has been written since";
  insert_big_row(*database);
  EXPECT_FALSE(database->storage_full()) << "a committed write clears the state";
  EXPECT_EQ(rows(*database), 1);
}

TEST_F(StorageFull, WithoutUserWritesTheStateClearsByItselfOnceTheDatabaseTakesAWrite) {
  auto database = open_database(0);
  cap_file(*database);
  expect_error([&] { insert_big_row(*database); }, ErrorKind::unavailable, "storage_full");
  {
    // While the writer cannot be had, the probe fails and the state stays.
    Lease busy_writer = database->acquire(true);
    std::thread([&] { EXPECT_TRUE(database->storage_full()); }).join();
  }
  std::this_thread::sleep_for(1100ms);  // probes run at most once a second
  uncap_file(*database);
  EXPECT_FALSE(database->storage_full()) << "the probe write committed";
  insert_big_row(*database);
  EXPECT_EQ(rows(*database), 1);
}

}  // namespace
}  // namespace changwat::db
