#include "db/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>

#include "db/connection_pool.hpp"
#include "db/database_error.hpp"
#include "db/postgres/postgres_connection.hpp"

namespace changwat::db {
namespace {

using postgres::PostgresConnection;
using Pool = ConnectionPool<PostgresConnection>;

void check_url(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options != nullptr) {
    PQconninfoFree(options);
    return;
  }
  std::string detail = error != nullptr ? error : "out of memory";
  PQfreemem(error);
  throw_invalid_location({"ที่อยู่ฐานข้อมูล PostgreSQL ไม่ถูกต้อง", "The PostgreSQL URL is not valid"},
                         "PQconninfoParse: " + detail);
}

std::vector<std::unique_ptr<PostgresConnection>> connect_all(const std::string& url,
                                                             const Options& options) {
  std::vector<std::unique_ptr<PostgresConnection>> connections;
  int count = std::max(1, options.readers);
  for (int i = 0; i < count; ++i) {
    connections.push_back(std::make_unique<PostgresConnection>(url, options.busy_timeout_ms));
  }
  return connections;
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, const Options& options)
      : Database(options),
        pool_(connect_all(url, options)),
        ping_wait_(options.busy_timeout_ms),
        acquire_wait_(options.acquire_timeout_ms) {}

  Engine engine() const override { return Engine::postgres; }

  Lease acquire(bool) override {
    PostgresConnection* connection = pool_.take_within(acquire_wait_);
    if (connection == nullptr) {
      throw_pool_timeout("no free PostgreSQL connection within " +
                         std::to_string(acquire_wait_.count()) + " ms");
    }
    return lease(*connection);
  }

  PoolStats stats() const override {
    PoolCounts counts = pool_.counts();
    return {counts.total, counts.in_use, 0, 0, counts.waits, counts.timeouts};
  }

  bool ping() override {
    PostgresConnection* connection = pool_.take_within(ping_wait_);
    if (connection == nullptr) return false;  // every connection stayed busy too long
    Lease borrowed(connection, [this](Connection* returned) {
      pool_.give_back(static_cast<PostgresConnection&>(*returned));
    });
    // Catching is the point here: /healthz asks "can the database answer?", and
    // an Error means no.
    bool was_healthy = connection->healthy();
    try {
      if (!was_healthy) connection->reconnect();
      return connection->query_one("SELECT 1").has_value();
    } catch (const Error&) {
      if (!was_healthy || connection->healthy()) return false;
    }
    // The server dropped this idle connection (a restart, a terminated
    // backend); only a failed fresh connection means the database is down.
    try {
      connection->reconnect();
      return connection->query_one("SELECT 1").has_value();
    } catch (const Error&) {
      return false;
    }
  }

 private:
  // A connection lost earlier (server restart, terminated backend) is
  // re-established here, so requests succeed again once the server is back.
  Lease lease(PostgresConnection& connection) {
    pool_.restore_if_lost(connection, [&] { connection.reconnect(); });
    return Lease(&connection, [this](Connection* returned) {
      auto& postgres_connection = static_cast<PostgresConnection&>(*returned);
      postgres_connection.reset_for_reuse();
      pool_.give_back(postgres_connection);
    });
  }

  Pool pool_;
  std::chrono::milliseconds ping_wait_;
  std::chrono::milliseconds acquire_wait_;
};

}  // namespace

std::unique_ptr<Database> open_postgres_database(const std::string& url, const Options& options) {
  check_url(url);
  return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace changwat::db
