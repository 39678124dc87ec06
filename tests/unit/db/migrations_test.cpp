// migrate() and check_not_newer() on both engines, with migration files given
// by the test (the embedded ones are applied once at the end, for real).
#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::EngineTest;
using testing::expect_error;

const EmbeddedFile area{"0001_area.sql",
                        "CREATE TABLE area (code TEXT PRIMARY KEY, name_th TEXT NOT NULL);\n"};
const EmbeddedFile project{"0002_project.sql",
                           "CREATE TABLE project (id {{ID}}, area_code TEXT REFERENCES area "
                           "(code), title TEXT NOT NULL);\n"
                           "--@sqlite\n"
                           "CREATE TABLE only_sqlite (x INTEGER);\n"
                           "--@end\n"
                           "--@postgres\n"
                           "CREATE TABLE only_postgres (x BIGINT);\n"
                           "--@end\n"};
const EmbeddedFile later{"0003_later.sql", "CREATE TABLE later (x BIGINT);\n"};

// Computed independently with `printf '<file text>' | sha256sum`.
constexpr const char* area_sha256 =
    "09ff67aaa126ed8e9097d2f5804e72120a2fbf0effc15094cbc0d74386be6e5d";
constexpr const char* project_sha256 =
    "8b1bac093cfa256bbf877f5d56cd9787ccf2dd487627e79bd08e13e3d0a80d24";

class Migrations : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    database_ = open();
  }

  bool table_exists(const std::string& name) {
    return database_->read([&](Connection& c) {
      std::string sql = engine() == Engine::sqlite
                            ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                            : "SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND "
                              "tablename = ?";
      return c.query_one(sql, {name}).has_value();
    });
  }

  std::vector<Row> applied() {
    return database_->read([](Connection& c) {
      return c.query(
          "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
    });
  }

  std::unique_ptr<Database> database_;
};

TEST_P(Migrations, AppliesEachMigrationOnceAndRecordsIt) {
  EXPECT_EQ(migrate(*database_, {area, project}), 2);
  EXPECT_EQ(migrate(*database_, {area, project}), 0);

  std::vector<Row> rows = applied();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].integer(0), 1);
  EXPECT_EQ(rows[0].text(1), "area");
  EXPECT_EQ(rows[0].text(2), area_sha256);
  EXPECT_EQ(rows[1].integer(0), 2);
  EXPECT_EQ(rows[1].text(1), "project");
  EXPECT_EQ(rows[1].text(2), project_sha256);
  const std::regex iso_utc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  EXPECT_TRUE(std::regex_match(rows[0].text(3), iso_utc)) << rows[0].text(3);

  // The tables work, {{ID}} gives ids, and only this engine's block ran.
  database_->write([](Connection& c) {
    c.execute("INSERT INTO area (code, name_th) VALUES ('23', 'ตราด')");
    EXPECT_GT(c.insert_returning_id(
                  "INSERT INTO project (area_code, title) VALUES ('23', 'ท่าเรือ') RETURNING id", {}),
              0);
  });
  EXPECT_EQ(table_exists("only_sqlite"), engine() == Engine::sqlite);
  EXPECT_EQ(table_exists("only_postgres"), engine() == Engine::postgres);
}

TEST_P(Migrations, AppliesNewMigrationsLater) {
  EXPECT_EQ(migrate(*database_, {area}), 1);
  EXPECT_FALSE(table_exists("project"));
  EXPECT_EQ(migrate(*database_, {area, project}), 1);
  EXPECT_TRUE(table_exists("project"));
  EXPECT_EQ(applied().size(), 2u);
}

TEST_P(Migrations, RefusesAMigrationChangedAfterItWasApplied) {
  migrate(*database_, {area, project});
  EmbeddedFile edited{area.name, "CREATE TABLE area (code TEXT PRIMARY KEY, name_th TEXT);\n"};
  CaughtError error = expect_error(
      [&] {
        migrate(*database_, {edited, project});
      },
      ErrorKind::rule, "migration_checksum");
  EXPECT_NE(error.message.en.find("0001_area"), std::string::npos);
  EXPECT_NE(error.message.th.find("0001_area"), std::string::npos);
  expect_error(
      [&] {
        check_not_newer(*database_, {edited, project});
      },
      ErrorKind::rule, "migration_checksum");
  EXPECT_EQ(applied()[0].text(2), area_sha256);
}

TEST_P(Migrations, RefusesADatabaseFromANewerProgram) {
  migrate(*database_, {area, project, later});
  CaughtError error = expect_error(
      [&] {
        migrate(*database_, {area, project});
      },
      ErrorKind::rule, "database_newer");
  EXPECT_NE(error.message.en.find("0003"), std::string::npos);
  EXPECT_NE(error.message.th.find("0003"), std::string::npos);
  expect_error(
      [&] {
        check_not_newer(*database_, {area, project});
      },
      ErrorKind::rule, "database_newer");
  EXPECT_EQ(applied().size(), 3u);
}

TEST_P(Migrations, AFailingMigrationLeavesNoTrace) {
  EmbeddedFile broken{"0002_project.sql", "CREATE TABLE half_done (x BIGINT);\nTHIS IS NOT SQL;\n"};
  CaughtError error = expect_error(
      [&] {
        migrate(*database_, {area, broken});
      },
      ErrorKind::internal, "migration_failed");
  EXPECT_NE(error.what.find("0002_project"), std::string::npos);
  EXPECT_FALSE(table_exists("half_done"));  // its transaction rolled back
  ASSERT_EQ(applied().size(), 1u);          // the earlier one stays applied
  EXPECT_EQ(migrate(*database_, {area, project}), 1);
}

TEST_P(Migrations, CheckingAnEmptyDatabaseChangesNothing) {
  check_not_newer(*database_, {area, project});
  EXPECT_FALSE(table_exists("schema_migrations"));
}

TEST_P(Migrations, TwoServersMigratingAtOnceApplyEachMigrationOnce) {
  auto other = open();
  int applied_here = 0;
  int applied_there = 0;
  std::exception_ptr failure_there;
  std::thread there([&] {
    try {
      applied_there = migrate(*other, {area, project, later});
    } catch (...) {
      failure_there = std::current_exception();
    }
  });
  applied_here = migrate(*database_, {area, project, later});
  there.join();
  if (failure_there) std::rethrow_exception(failure_there);
  EXPECT_EQ(applied_here + applied_there, 3);
  EXPECT_EQ(applied().size(), 3u);
}

TEST_P(Migrations, TheEmbeddedMigrationsApply) {
  int files = static_cast<int>(embedded_migrations().size());
  ASSERT_GT(files, 0);
  EXPECT_EQ(migrate(*database_), files);
  EXPECT_EQ(migrate(*database_), 0);
  check_not_newer(*database_);
  EXPECT_EQ(applied().back().integer(0), latest_known_version());
}

INSTANTIATE_TEST_SUITE_P(Engines, Migrations, ::testing::Values(Engine::sqlite, Engine::postgres),
                         testing::engine_name);

TEST(MigrationFiles, RenderForTheEngineAndKeepTheRawChecksum) {
  auto sqlite = load_migrations(Engine::sqlite, {project, area});
  auto postgres = load_migrations(Engine::postgres, {project, area});
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[0].version, 1);  // sorted by version
  EXPECT_EQ(sqlite[1].checksum, project_sha256);
  EXPECT_EQ(postgres[1].checksum, project_sha256);
  EXPECT_NE(sqlite[1].sql.find("AUTOINCREMENT"), std::string::npos);
  EXPECT_NE(postgres[1].sql.find("BIGSERIAL"), std::string::npos);
  EXPECT_EQ(latest_known_version({area, later}), 3);
}

TEST(MigrationFiles, RefuseBadNamesAndDuplicateVersions) {
  for (const char* name : {"1_area.sql", "0001-area.sql", "0001_Area.sql", "0001_area.txt",
                           "0000_zero.sql", "0001_.sql"}) {
    expect_error(
        [&] {
          load_migrations(Engine::sqlite, {{name, "SELECT 1;"}});
        },
        ErrorKind::internal, "migration_invalid");
  }
  expect_error(
      [&] {
        load_migrations(Engine::sqlite, {area, {"0001_again.sql", "SELECT 1;"}});
      },
      ErrorKind::internal, "migration_invalid");
}

}  // namespace
}  // namespace changwat::db
