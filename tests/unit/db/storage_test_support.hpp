#pragma once
// Runs storage tests on real engines: a fresh SQLite file per test, and a
// private database on the PostgreSQL server named by CHANGWAT_TEST_POSTGRES_URL
// (scripts/test.sh starts one with scripts/pg-test-server.sh). Without that
// variable the PostgreSQL cases fail, saying how to run them.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "base/error.hpp"
#include "db/database.hpp"
#include "support/expect_error.hpp"

namespace changwat::db {

// Names the engine in test output ("sqlite", not "4-byte object <00-00 00-00>").
inline void PrintTo(Engine engine, std::ostream* out) {
  *out << (engine == Engine::sqlite ? "sqlite" : "postgres");
}

}  // namespace changwat::db

namespace changwat::db::testing {

// URL of this test run's own PostgreSQL database (created on first use, dropped
// at exit); empty, with `why` filled in, if no server is configured.
std::string postgres_test_url(std::string& why);

// `url` with its database name replaced, e.g. …/postgres -> …/name.
std::string with_database_name(const std::string& url, const std::string& name);

std::string engine_name(const ::testing::TestParamInfo<Engine>& info);

// A fresh temporary folder, removed when the object goes away.
class TemporaryFolder {
 public:
  TemporaryFolder();
  ~TemporaryFolder();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Each test starts with an empty database: a new SQLite file, or a PostgreSQL
// schema dropped and created again.
class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;

  Engine engine() const { return GetParam(); }
  const std::string& url() const { return url_; }
  std::unique_ptr<Database> open(Options options = {}) const;
  // Runs `sql` after rendering {{ID}} and --@engine blocks.
  void create_schema(Database& database, const std::string& sql) const;

 private:
  std::unique_ptr<TemporaryFolder> folder_;
  std::string url_;
};

using changwat::testing::CaughtError;
using changwat::testing::expect_error;

}  // namespace changwat::db::testing
