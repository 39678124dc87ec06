// Unique and foreign-key violations become the same typed errors on both engines.
#include <gtest/gtest.h>

#include "db/database_error.hpp"
#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::EngineTest;
using testing::expect_error;

class Constraints : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open();
    create_schema(*database_,
                  "CREATE TABLE agency (code TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n"
                  "CREATE TABLE project (id {{ID}}, agency_code TEXT NOT NULL "
                  "REFERENCES agency (code), title TEXT NOT NULL);\n");
    database_->write([](Connection& c) {
      c.execute("INSERT INTO agency (code, name) VALUES (?, ?)", {"TRAT01", "สำนักงานจังหวัดตราด"});
    });
  }

  std::unique_ptr<Database> database_;
};

TEST_P(Constraints, UniqueViolationIsConflictDuplicate) {
  CaughtError error = expect_error(
      [&] {
        database_->write([](Connection& c) {
          c.execute("INSERT INTO agency (code, name) VALUES (?, ?)",
                    {"TRAT02", "สำนักงานจังหวัดตราด"});
        });
      },
      ErrorKind::conflict, "duplicate");
  EXPECT_EQ(http_status(error.kind), 409);
  // The constraint is named for the logs only.
  EXPECT_EQ(error.message.en.find("agency"), std::string::npos);
  EXPECT_NE(error.what.find("agency"), std::string::npos);
}

TEST_P(Constraints, PrimaryKeyViolationIsConflictDuplicate) {
  expect_error(
      [&] {
        database_->write([](Connection& c) {
          c.execute("INSERT INTO agency (code, name) VALUES (?, ?)", {"TRAT01", "another"});
        });
      },
      ErrorKind::conflict, "duplicate");
}

TEST_P(Constraints, MissingParentIsRuleReferenced) {
  CaughtError error = expect_error(
      [&] {
        database_->write([](Connection& c) {
          c.execute("INSERT INTO project (agency_code, title) VALUES (?, ?)", {"NOPE", "x"});
        });
      },
      ErrorKind::rule, "referenced");
  EXPECT_EQ(http_status(error.kind), 422);
}

TEST_P(Constraints, DeletingAReferencedRowIsRuleReferenced) {
  database_->write([](Connection& c) {
    c.execute("INSERT INTO project (agency_code, title) VALUES (?, ?)", {"TRAT01", "ถนน"});
  });
  expect_error(
      [&] {
        database_->write(
            [](Connection& c) { c.execute("DELETE FROM agency WHERE code = ?", {"TRAT01"}); });
      },
      ErrorKind::rule, "referenced");
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM agency")->integer(0);
  }),
            1);
}

TEST_P(Constraints, TheDatabaseKeepsWorkingAfterAViolation) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    EXPECT_THROW(database_->write([](Connection& c) {
      c.execute("INSERT INTO agency (code, name) VALUES ('TRAT01', 'dup')");
    }),
                 Error);
  }
  database_->write(
      [](Connection& c) { c.execute("INSERT INTO agency (code, name) VALUES ('TRAT02', 'ok')"); });
  EXPECT_EQ(database_->read([](Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM agency")->integer(0);
  }),
            2);
}

INSTANTIATE_TEST_SUITE_P(Engines, Constraints, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

}  // namespace
}  // namespace changwat::db
