#include "db/database_url.hpp"

#include <gtest/gtest.h>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::expect_error;

TEST(DatabaseUrl, ReadsSqlitePaths) {
  DatabaseLocation file = parse_database_url("sqlite:/var/lib/changwat/trat.sqlite");
  EXPECT_EQ(file.engine, Engine::sqlite);
  EXPECT_EQ(file.target, "/var/lib/changwat/trat.sqlite");
  EXPECT_FALSE(file.in_memory);

  DatabaseLocation relative = parse_database_url("SQLite:data/ตราด.sqlite");
  EXPECT_EQ(relative.target, "data/ตราด.sqlite");

  DatabaseLocation memory = parse_database_url("sqlite::memory:");
  EXPECT_EQ(memory.engine, Engine::sqlite);
  EXPECT_TRUE(memory.in_memory);
}

TEST(DatabaseUrl, KeepsPostgresUrlsWhole) {
  for (std::string url : {"postgresql://changwat@db.example:5432/trat?sslmode=require",
                          "postgres://127.0.0.1/trat", "POSTGRESQL://h/d"}) {
    DatabaseLocation location = parse_database_url(url);
    EXPECT_EQ(location.engine, Engine::postgres) << url;
    EXPECT_EQ(location.target, url);
  }
}

TEST(DatabaseUrl, RefusesOtherLocationsWithFieldDb) {
  for (std::string url : {"", "trat.sqlite", "mysql://h/d", "sqlite:", "sqlite:file:x.db?mode=ro",
                          "postgresql:/missing-slash"}) {
    CaughtError error =
        expect_error([&] { parse_database_url(url); }, ErrorKind::validation, "invalid_input");
    ASSERT_EQ(error.fields.count("db"), 1u) << url;
    EXPECT_FALSE(error.fields.at("db").th.empty());
    EXPECT_FALSE(error.fields.at("db").en.empty());
  }
}

TEST(DatabaseOpen, RefusesBadUrlsBeforeConnecting) {
  CaughtError error =
      expect_error([] { Database::open("oracle://h/d"); }, ErrorKind::validation, "invalid_input");
  EXPECT_EQ(error.fields.count("db"), 1u);
  // libpq's own parser rejects this one (an unterminated IPv6 host).
  CaughtError postgres = expect_error([] { Database::open("postgresql://[::1/trat"); },
                                      ErrorKind::validation, "invalid_input");
  EXPECT_EQ(postgres.fields.count("db"), 1u);
}

TEST(DatabaseOpen, RefusesNegativeOptions) {
  expect_error([] { Database::open("sqlite::memory:", {.readers = -1}); }, ErrorKind::internal,
               "database_error");
}

}  // namespace
}  // namespace changwat::db
