// What only the SQLite engine does: file checks, pragmas, WAL, busy timeout,
// the in-memory database.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::expect_error;
using testing::TemporaryFolder;
namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void expect_refused_untouched(const fs::path& path) {
  std::string before = read_bytes(path);
  CaughtError error = expect_error([&] { Database::open("sqlite:" + path.string()); },
                                   ErrorKind::validation, "invalid_input");
  ASSERT_EQ(error.fields.count("db"), 1u);
  EXPECT_NE(error.fields.at("db").en.find("is not an SQLite database"), std::string::npos)
      << error.fields.at("db").en;
  EXPECT_NE(error.fields.at("db").th.find("ไม่ใช่ฐานข้อมูล SQLite"), std::string::npos);
  EXPECT_EQ(read_bytes(path), before) << "the file was modified";
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
  EXPECT_FALSE(fs::exists(path.string() + "-shm"));
}

TEST(SqliteFile, RefusesATextFileWithoutTouchingIt) {
  TemporaryFolder folder;
  fs::path path = folder.path() / "notes.txt";
  write_bytes(path, std::string(3000, 'x') + "\nจังหวัดตราด\n");
  expect_refused_untouched(path);
}

TEST(SqliteFile, RefusesAFileShorterThanTheHeader) {
  TemporaryFolder folder;
  fs::path path = folder.path() / "short.sqlite";
  write_bytes(path, "SQLi");
  expect_refused_untouched(path);
}

TEST(SqliteFile, RefusesAFileWithTheRightMagicButNoDatabase) {
  TemporaryFolder folder;
  fs::path path = folder.path() / "fake.sqlite";
  write_bytes(path, std::string("SQLite format 3\0", 16) + std::string(8192, '\xAB'));
  expect_refused_untouched(path);
}

TEST(SqliteFile, RefusesAFolder) {
  TemporaryFolder folder;
  CaughtError error = expect_error([&] { Database::open("sqlite:" + folder.path().string()); },
                                   ErrorKind::validation, "invalid_input");
  EXPECT_EQ(error.fields.count("db"), 1u);
}

TEST(SqliteFile, RefusesAFileInAMissingFolder) {
  TemporaryFolder folder;
  CaughtError error = expect_error(
      [&] { Database::open("sqlite:" + (folder.path() / "missing" / "x.sqlite").string()); },
      ErrorKind::validation, "invalid_input");
  EXPECT_EQ(error.fields.count("db"), 1u);
}

TEST(SqliteFile, TurnsAnEmptyFileIntoADatabase) {
  TemporaryFolder folder;
  fs::path path = folder.path() / "empty.sqlite";
  write_bytes(path, "");
  auto database = Database::open("sqlite:" + path.string());
  database->write([](Connection& c) { c.execute_script("CREATE TABLE t (x INTEGER)"); });
  database.reset();
  EXPECT_EQ(read_bytes(path).substr(0, 15), "SQLite format 3");
}

TEST(SqliteFile, ConfiguresEveryConnection) {
  TemporaryFolder folder;
  auto database = Database::open("sqlite:" + (folder.path() / "db.sqlite").string(),
                                 {.readers = 2, .busy_timeout_ms = 1234});
  {
    Lease writer = database->acquire(true);
    EXPECT_EQ(writer->query_one("PRAGMA journal_mode")->text(0), "wal");
    EXPECT_EQ(writer->query_one("PRAGMA foreign_keys")->integer(0), 1);
    EXPECT_EQ(writer->query_one("PRAGMA synchronous")->integer(0), 1);  // NORMAL
    EXPECT_EQ(writer->query_one("PRAGMA busy_timeout")->integer(0), 1234);
  }
  Lease first = database->acquire(false);
  Lease second = database->acquire(false);
  for (Connection* reader : {&*first, &*second}) {
    EXPECT_EQ(reader->query_one("PRAGMA journal_mode")->text(0), "wal");
    EXPECT_EQ(reader->query_one("PRAGMA foreign_keys")->integer(0), 1);
    EXPECT_EQ(reader->query_one("PRAGMA busy_timeout")->integer(0), 1234);
  }
}

TEST(SqliteFile, CheckpointsAndRemovesTheWalOnClose) {
  TemporaryFolder folder;
  fs::path path = folder.path() / "db.sqlite";
  {
    auto database = Database::open("sqlite:" + path.string());
    database->write([](Connection& c) {
      c.execute_script("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);");
    });
    EXPECT_TRUE(fs::exists(path.string() + "-wal"));
  }
  EXPECT_FALSE(fs::exists(path.string() + "-wal"));
  auto reopened = Database::open("sqlite:" + path.string());
  EXPECT_EQ(
      reopened->read([](Connection& c) { return c.query_one("SELECT x FROM t")->integer(0); }), 7);
}

TEST(SqliteFile, BusyBeyondTheTimeoutIsUnavailable) {
  TemporaryFolder folder;
  std::string url = "sqlite:" + (folder.path() / "db.sqlite").string();
  auto first = Database::open(url, {.readers = 1, .busy_timeout_ms = 150});
  auto second = Database::open(url, {.readers = 1, .busy_timeout_ms = 150});
  first->write([](Connection& c) { c.execute_script("CREATE TABLE t (x INTEGER)"); });

  Lease holder = first->acquire(true);
  holder->begin(true);  // another process' writer holds the lock
  auto started = std::chrono::steady_clock::now();
  expect_error([&] { second->write([](Connection& c) { c.execute("INSERT INTO t VALUES (1)"); }); },
               ErrorKind::unavailable, "database_unavailable");
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(140));
  holder->rollback();
  second->write([](Connection& c) { c.execute("INSERT INTO t VALUES (1)"); });
}

TEST(SqliteFile, ANestedQueryMayRepeatTheStreamingStatement) {
  auto database = Database::open("sqlite::memory:");
  database->write([](Connection& c) {
    c.execute_script("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
    std::int64_t sum = 0;
    c.for_each("SELECT x FROM t WHERE x >= ?", {std::int64_t{1}}, [&](const Row& row) {
      // Same SQL text while the outer statement is still stepping.
      sum += static_cast<std::int64_t>(
          c.query("SELECT x FROM t WHERE x >= ?", {row.integer(0)}).size());
    });
    EXPECT_EQ(sum, 3 + 2 + 1);
  });
}

TEST(SqliteFile, ASecondWriterLeaseOnTheSameThreadIsRefusedInsteadOfHanging) {
  TemporaryFolder folder;
  auto database = Database::open("sqlite:" + (folder.path() / "db.sqlite").string());
  database->write([&](Connection& outer) {
    outer.execute_script("CREATE TABLE t (x INTEGER)");
    // write() nested in write() joins the transaction (see nesting_test.cpp); a
    // direct acquire() of the writer would wait for itself, so it is refused.
    expect_error([&] { database->acquire(true); }, ErrorKind::internal, "database_error");
    database->write([](Connection& c) { c.execute("INSERT INTO t VALUES (1)"); });
    // A nested read uses the writer too, so it sees the uncommitted table.
    EXPECT_EQ(database->read(
                  [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM t")->integer(0); }),
              1);
  });
  // Other threads still queue for the writer normally.
  std::thread other(
      [&] { database->write([](Connection& c) { c.execute("INSERT INTO t VALUES (2)"); }); });
  other.join();
  EXPECT_EQ(database->read(
                [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM t")->integer(0); }),
            2);
}

TEST(SqliteMemory, ReadsShareTheSingleConnection) {
  auto database = Database::open("sqlite::memory:", {.readers = 4});
  EXPECT_EQ(database->engine(), Engine::sqlite);
  PoolStats stats = database->stats();
  EXPECT_EQ(stats.writers_total, 1);
  EXPECT_EQ(stats.readers_total, 0);
  database->write([](Connection& c) {
    c.execute_script("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('ตราด');");
  });
  EXPECT_EQ(database->read([](Connection& c) { return c.query_one("SELECT x FROM t")->text(0); }),
            "ตราด");
  EXPECT_TRUE(database->ping());
}

}  // namespace
}  // namespace changwat::db
