// Several threads on one Database: snapshot reads beside a writer, waiting for
// a free connection, no lost updates.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using namespace std::chrono_literals;
using testing::EngineTest;

class Concurrency : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    auto database = open({.readers = 1});
    create_schema(*database,
                  "CREATE TABLE item (id {{ID}}, label TEXT);\n"
                  "CREATE TABLE counter (id BIGINT PRIMARY KEY, total BIGINT NOT NULL);\n"
                  "INSERT INTO counter (id, total) VALUES (1, 0);");
  }

  static std::int64_t count_items(Database& database) {
    return database.read(
        [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM item")->integer(0); });
  }

  static void wait_until(const std::function<bool()>& condition) {
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!condition() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(5ms);
    }
  }
};

TEST_P(Concurrency, ReadersSeeCommittedRowsWhileAWriterIsMidTransaction) {
  auto database = open({.readers = 4});
  database->write([](Connection& c) {
    for (int i = 0; i < 10; ++i) c.execute("INSERT INTO item (label) VALUES (?)", {"committed"});
  });

  Lease writer = database->acquire(true);
  writer->begin(true);
  for (int i = 0; i < 5; ++i) writer->execute("INSERT INTO item (label) VALUES (?)", {"pending"});

  // Readers neither block on the open write transaction nor see its rows.
  std::vector<std::future<std::int64_t>> readers;
  for (int i = 0; i < 3; ++i) {
    readers.push_back(std::async(std::launch::async, [&] { return count_items(*database); }));
  }
  for (auto& reader : readers) {
    ASSERT_EQ(reader.wait_for(5s), std::future_status::ready) << "a reader was blocked";
    EXPECT_EQ(reader.get(), 10);
  }

  writer->commit();
  EXPECT_EQ(count_items(*database), 15);
}

TEST_P(Concurrency, AcquireWaitsForAFreeConnectionAndCountsTheWait) {
  auto database = open({.readers = 1});
  PoolStats before = database->stats();
  std::optional<Lease> held(database->acquire(false));

  std::atomic<bool> got_one{false};
  std::thread waiter([&] {
    Lease lease = database->acquire(false);
    got_one = true;
    EXPECT_TRUE(lease->query_one("SELECT 1").has_value());
  });
  wait_until([&] { return database->stats().waits > before.waits; });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(got_one) << "acquire() handed out a connection that was in use";
  EXPECT_EQ(database->stats().waits, before.waits + 1);
  EXPECT_EQ(database->stats().readers_in_use, 1);

  held.reset();  // gives the connection back, which wakes the waiter
  waiter.join();
  EXPECT_TRUE(got_one);
  EXPECT_EQ(database->stats().readers_in_use, 0);
}

TEST_P(Concurrency, StatsCountLeases) {
  auto database = open({.readers = 3});
  PoolStats idle = database->stats();
  EXPECT_EQ(idle.readers_total, 3);
  EXPECT_EQ(idle.readers_in_use, 0);
  EXPECT_EQ(idle.writers_in_use, 0);
  {
    Lease writer = database->acquire(true);
    Lease reader = database->acquire(false);
    PoolStats busy = database->stats();
    if (engine() == Engine::sqlite) {
      EXPECT_EQ(busy.writers_total, 1);
      EXPECT_EQ(busy.writers_in_use, 1);
      EXPECT_EQ(busy.readers_in_use, 1);
    } else {  // one shared pool, reported as readers
      EXPECT_EQ(busy.writers_total, 0);
      EXPECT_EQ(busy.readers_in_use, 2);
    }
  }
  PoolStats after = database->stats();
  EXPECT_EQ(after.readers_in_use + after.writers_in_use, 0);
}

TEST_P(Concurrency, ConcurrentWritesLoseNoUpdates) {
  auto database = open({.readers = 3});
  constexpr int threads = 4;
  constexpr int increments = 40;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (int i = 0; i < increments; ++i) {
        database->write([](Connection& c) {
          c.execute("UPDATE counter SET total = total + 1 WHERE id = 1");
          c.execute("INSERT INTO item (label) VALUES (?)", {"from a thread"});
        });
      }
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(database->read([](Connection& c) {
    return c.query_one("SELECT total FROM counter WHERE id = 1")->integer(0);
  }),
            threads * increments);
  EXPECT_EQ(count_items(*database), threads * increments);
}

INSTANTIATE_TEST_SUITE_P(Engines, Concurrency, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

}  // namespace
}  // namespace changwat::db
