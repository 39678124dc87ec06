#include "storage_test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "db/dialect.hpp"

namespace changwat::db::testing {
namespace {

std::string run_database_name() { return "changwat_unit_db_" + std::to_string(::getpid()); }

// Drops this run's PostgreSQL database after the last test.
class PostgresDatabaseCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
    if (server == nullptr || !created()) return;
    auto maintenance = Database::open(server, {.readers = 1});
    maintenance->acquire(true)->execute_script("DROP DATABASE IF EXISTS " + run_database_name() +
                                               " WITH (FORCE)");
  }
  static std::atomic<bool>& created() {
    static std::atomic<bool> flag{false};
    return flag;
  }
};

[[maybe_unused]] ::testing::Environment* const cleanup =
    ::testing::AddGlobalTestEnvironment(new PostgresDatabaseCleanup);

}  // namespace

std::string with_database_name(const std::string& url, const std::string& name) {
  std::size_t authority = url.find("://");
  std::size_t start = url.find('/', authority == std::string::npos ? 0 : authority + 3);
  std::size_t query = url.find('?', authority == std::string::npos ? 0 : authority + 3);
  if (start == std::string::npos || (query != std::string::npos && start > query)) {
    std::size_t insert_at = query == std::string::npos ? url.size() : query;
    return url.substr(0, insert_at) + "/" + name + url.substr(insert_at);
  }
  std::size_t end = query == std::string::npos ? url.size() : query;
  return url.substr(0, start + 1) + name + url.substr(end);
}

std::string postgres_test_url(std::string& why) {
  const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
  if (server == nullptr || *server == '\0') {
    why =
        "CHANGWAT_TEST_POSTGRES_URL is not set, so the PostgreSQL half of the storage tests "
        "cannot run. Run them with scripts/test.sh, or by hand:\n"
        "  scripts/pg-test-server.sh start /tmp/changwat-pg 55432\n"
        "  CHANGWAT_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:55432/postgres "
        "build/tests/unit/unit_db";
    return "";
  }
  static std::once_flag once;
  static std::string url;
  std::call_once(once, [&] {
    auto maintenance = Database::open(server, {.readers = 1});
    Lease connection = maintenance->acquire(true);
    connection->execute_script("DROP DATABASE IF EXISTS " + run_database_name() + " WITH (FORCE)");
    connection->execute_script("CREATE DATABASE " + run_database_name() +
                               " TEMPLATE template0 ENCODING 'UTF8'");
    PostgresDatabaseCleanup::created() = true;
    url = with_database_name(server, run_database_name());
  });
  return url;
}

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgres";
}

TemporaryFolder::TemporaryFolder() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("changwat-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TemporaryFolder::~TemporaryFolder() {
  std::error_code ignored;  // a destructor cannot report; leftovers live in /tmp
  std::filesystem::remove_all(path_, ignored);
}

void EngineTest::SetUp() {
  if (engine() == Engine::sqlite) {
    folder_ = std::make_unique<TemporaryFolder>();
    url_ = "sqlite:" + (folder_->path() / "test.sqlite").string();
    return;
  }
  std::string why;
  url_ = postgres_test_url(why);
  ASSERT_FALSE(url_.empty()) << why;
  auto database = Database::open(url_, {.readers = 1});
  database->acquire(true)->execute_script(
      "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
}

std::unique_ptr<Database> EngineTest::open(Options options) const {
  return Database::open(url_, options);
}

void EngineTest::create_schema(Database& database, const std::string& sql) const {
  database.write(
      [&](Connection& connection) { connection.execute_script(render_dialect(sql, engine())); });
}

}  // namespace changwat::db::testing
