// What only the PostgreSQL engine does: connecting, losing and regaining the
// server, prepared statements, typed text results.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "storage_test_support.hpp"

namespace changwat::db {
namespace {

using testing::CaughtError;
using testing::expect_error;

// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
int unused_port() {
  int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

TEST(PostgresDown, OpenIsUnavailableInThaiAndEnglish) {
  std::string url =
      "postgresql://postgres@127.0.0.1:" + std::to_string(unused_port()) + "/postgres";
  CaughtError error =
      expect_error([&] { Database::open(url, {.readers = 2, .busy_timeout_ms = 2000}); },
                   ErrorKind::unavailable, "database_unavailable");
  EXPECT_EQ(http_status(error.kind), 503);
  // Where and why go to the logs, not to users.
  EXPECT_EQ(error.message.en.find("127.0.0.1"), std::string::npos);
  EXPECT_NE(error.what.find("127.0.0.1"), std::string::npos) << error.what;
}

class Postgres : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    url_ = testing::postgres_test_url(why);
    ASSERT_FALSE(url_.empty()) << why;
  }

  std::unique_ptr<Database> open(int connections) {
    return Database::open(url_, {.readers = connections});
  }

  // Ends the server process behind `victim`, as a crash or an administrator would.
  void terminate(Connection& victim) {
    std::int64_t pid = victim.query_one("SELECT pg_backend_pid()")->integer(0);
    auto admin = open(1);
    bool terminated =
        admin->acquire(true)
            ->query_one("SELECT pg_terminate_backend(CAST(? AS INTEGER), 5000)", {pid})
            ->integer(0);
    ASSERT_TRUE(terminated);
  }

  std::string url_;
};

TEST_F(Postgres, ALostConnectionFailsTheCallThenComesBack) {
  auto database = open(1);
  std::int64_t first_pid = 0;
  {
    Lease lease = database->acquire(false);
    first_pid = lease->query_one("SELECT pg_backend_pid()")->integer(0);
    terminate(*lease);
    expect_error([&] { lease->query("SELECT 1"); }, ErrorKind::unavailable, "database_unavailable");
    EXPECT_FALSE(lease->healthy());
    expect_error([&] { lease->query("SELECT 1"); }, ErrorKind::unavailable, "database_unavailable");
  }
  // The pool's only connection is re-established on the next acquire.
  Lease again = database->acquire(false);
  EXPECT_TRUE(again->healthy());
  std::int64_t second_pid = again->query_one("SELECT pg_backend_pid()")->integer(0);
  EXPECT_NE(second_pid, first_pid);
}

TEST_F(Postgres, ATransactionOnALostConnectionIsUnavailableAndTheNextOneWorks) {
  auto database = open(1);
  database->write(
      [](Connection& c) { c.execute_script("CREATE TABLE IF NOT EXISTS kept (x BIGINT)"); });
  database->write([](Connection& c) { c.execute("DELETE FROM kept"); });
  expect_error(
      [&] {
        database->write([&](Connection& c) {
          c.execute("INSERT INTO kept (x) VALUES (1)");
          terminate(c);
          c.execute("INSERT INTO kept (x) VALUES (2)");
        });
      },
      ErrorKind::unavailable, "database_unavailable");
  database->write([](Connection& c) { c.execute("INSERT INTO kept (x) VALUES (3)"); });
  EXPECT_EQ(database->read([](Connection& c) {
    return c.query_one("SELECT COALESCE(SUM(x), 0) FROM kept")->integer(0);
  }),
            3);  // the interrupted transaction left nothing
  database->write([](Connection& c) { c.execute_script("DROP TABLE kept"); });
}

TEST_F(Postgres, PingReconnectsAfterALostConnection) {
  auto database = open(1);
  {
    Lease lease = database->acquire(false);
    terminate(*lease);
  }
  EXPECT_TRUE(database->ping());
  EXPECT_TRUE(database->ping());
}

TEST_F(Postgres, PreparesEachStatementOncePerConnection) {
  auto database = open(1);
  Lease lease = database->acquire(false);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(lease->query_one("SELECT ? AS prepared_once_marker", {std::int64_t{i}})->text(0),
              std::to_string(i));
  }
  std::vector<Row> prepared =
      lease->query("SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE ?",
                   {"%prepared_once_marker%"});
  ASSERT_EQ(prepared.size(), 1u);
  EXPECT_TRUE(prepared[0].text(0).starts_with("s")) << prepared[0].text(0);
  EXPECT_NE(prepared[0].text(1).find("$1"), std::string::npos) << prepared[0].text(1);
}

TEST_F(Postgres, QuestionMarksInsideStringsAreNotParameters) {
  auto database = open(1);
  Row row =
      *database->acquire(false)->query_one("SELECT '¿what?' AS q, ? AS p, 'it''s ?'", {"ตราด?"});
  EXPECT_EQ(row.text(0), "¿what?");
  EXPECT_EQ(row.text(1), "ตราด?");
  EXPECT_EQ(row.text(2), "it's ?");
}

TEST_F(Postgres, TypedColumnsArriveTypedAndNumericAsText) {
  auto database = open(1);
  Row row = *database->acquire(false)->query_one(
      "SELECT true, false, CAST(1 AS SMALLINT), CAST(2 AS INTEGER), CAST(3 AS BIGINT), "
      "CAST(1.5 AS REAL), CAST(2.25 AS DOUBLE PRECISION), CAST(1250.00 AS NUMERIC), "
      "SUM(x), NULL, 'ข้อความ' FROM (VALUES (CAST(40 AS BIGINT)), (2)) AS v(x)");
  EXPECT_EQ(std::get<std::int64_t>(row.value(0)), 1);
  EXPECT_EQ(std::get<std::int64_t>(row.value(1)), 0);
  EXPECT_EQ(std::get<std::int64_t>(row.value(2)), 1);
  EXPECT_EQ(std::get<std::int64_t>(row.value(3)), 2);
  EXPECT_EQ(std::get<std::int64_t>(row.value(4)), 3);
  EXPECT_EQ(std::get<double>(row.value(5)), 1.5);
  EXPECT_EQ(std::get<double>(row.value(6)), 2.25);
  EXPECT_EQ(std::get<std::string>(row.value(7)), "1250.00");
  EXPECT_EQ(row.integer(7), 1250);
  EXPECT_EQ(row.integer(8), 42);  // SUM(bigint) is numeric
  EXPECT_TRUE(row.is_null(9));
  EXPECT_EQ(row.text(10), "ข้อความ");
}

TEST_F(Postgres, ANestedQueryDuringForEachIsRefusedAndHarmless) {
  auto database = open(1);
  Lease lease = database->acquire(false);
  expect_error(
      [&] {
        lease->for_each("SELECT generate_series(1, 100)", {},
                        [&](const Row&) { lease->query("SELECT 1"); });
      },
      ErrorKind::internal, "database_error");
  EXPECT_TRUE(lease->healthy());
  EXPECT_EQ(lease->query_one("SELECT 5")->integer(0), 5);
}

TEST_F(Postgres, SessionsUseUtc) {
  auto database = open(1);
  EXPECT_EQ(database->acquire(false)->query_one("SHOW TIME ZONE")->text(0), "UTC");
}

}  // namespace
}  // namespace changwat::db
