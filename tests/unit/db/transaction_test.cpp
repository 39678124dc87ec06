// Database::write/read transactions, leases left dirty, optimistic versions.
#include <gtest/gtest.h>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::EngineTest;
using testing::expect_error;

class Transactions : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open();
    create_schema(*database_,
                  "CREATE TABLE plan (id {{ID}}, title TEXT NOT NULL, "
                  "version BIGINT NOT NULL DEFAULT 1)");
  }

  std::int64_t count() {
    return database_->read(
        [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM plan")->integer(0); });
  }

  std::unique_ptr<Database> database_;
};

TEST_P(Transactions, WriteCommitsWhenWorkReturns) {
  std::int64_t id = database_->write([](Connection& c) {
    return c.insert_returning_id("INSERT INTO plan (title) VALUES (?) RETURNING id",
                                 {"แผนพัฒนาจังหวัดตราด"});
  });
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(database_->read([&](Connection& c) {
    return c.query_one("SELECT title FROM plan WHERE id = ?", {id})->text(0);
  }),
            "แผนพัฒนาจังหวัดตราด");
}

TEST_P(Transactions, WriteRollsBackWhenWorkThrows) {
  EXPECT_THROW(database_->write([](Connection& c) {
    c.execute("INSERT INTO plan (title) VALUES (?)", {"first"});
    c.execute("INSERT INTO plan (title) VALUES (?)", {"second"});
    throw std::runtime_error("service refused");
  }),
               std::runtime_error);
  EXPECT_EQ(count(), 0);

  EXPECT_THROW(database_->write([](Connection& c) {
    c.execute("INSERT INTO plan (title) VALUES (?)", {"third"});
    throw_stale_version();
  }),
               Error);
  EXPECT_EQ(count(), 0);
  // The writer is free again.
  database_->write([](Connection& c) { c.execute("INSERT INTO plan (title) VALUES ('ok')"); });
  EXPECT_EQ(count(), 1);
}

TEST_P(Transactions, FailedStatementRollsBackTheWholeTransaction) {
  expect_error(
      [&] {
        database_->write([](Connection& c) {
          c.execute("INSERT INTO plan (title) VALUES (?)", {"kept?"});
          c.execute("INSERT INTO plan (title) VALUES (?)", {nullptr});  // NOT NULL
        });
      },
      ErrorKind::internal, "database_error");
  EXPECT_EQ(count(), 0);
}

TEST_P(Transactions, ALeaseReturnedMidTransactionIsRolledBack) {
  {
    Lease lease = database_->acquire(true);
    lease->begin(true);
    lease->execute("INSERT INTO plan (title) VALUES ('abandoned')");
  }  // no commit
  EXPECT_EQ(count(), 0);
  // The next writer is not stuck behind the abandoned transaction.
  database_->write([](Connection& c) { c.execute("INSERT INTO plan (title) VALUES ('next')"); });
  EXPECT_EQ(count(), 1);
}

TEST_P(Transactions, ReadTransactionsCannotWrite) {
  expect_error(
      [&] {
        database_->read(
            [](Connection& c) { c.execute("INSERT INTO plan (title) VALUES ('sneaky')"); });
      },
      ErrorKind::internal, "database_error");
  EXPECT_EQ(count(), 0);
}

TEST_P(Transactions, StaleVersionUpdatesChangeNothing) {
  std::int64_t id = database_->write([](Connection& c) {
    return c.insert_returning_id("INSERT INTO plan (title) VALUES (?) RETURNING id", {"v1"});
  });
  const char* update =
      "UPDATE plan SET title = ?, version = version + 1 WHERE id = ? AND version = ?";
  // Two editors loaded version 1; the first saves.
  EXPECT_EQ(database_->write([&](Connection& c) {
    return c.execute(update, {"editor A", id, std::int64_t{1}});
  }),
            1);
  // The second still holds version 1: zero rows, which the service turns into 409.
  EXPECT_EQ(database_->write([&](Connection& c) {
    return c.execute(update, {"editor B", id, std::int64_t{1}});
  }),
            0);
  Row row = database_->read([&](Connection& c) {
    return *c.query_one("SELECT title, version FROM plan WHERE id = ?", {id});
  });
  EXPECT_EQ(row.text(0), "editor A");
  EXPECT_EQ(row.integer(1), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, Transactions, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

}  // namespace
}  // namespace changwat::db
