#include "fixture.hpp"

#include <cstdlib>

#include "db/migrations.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::participation::testing {

void DatabaseTest::SetUp() {
  std::string pattern = (std::filesystem::temp_directory_path() / "participation-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  folder_ = pattern;
  database_ = db::Database::open("sqlite:" + (folder_ / "test.db").string(), {.readers = 2});
  db::migrate(*database_);
  areas::seed_reference_data(*database_);
  areas::seed_demo_villages(*database_);
  areas_ = std::make_unique<areas::AreaService>(*database_);
}

void DatabaseTest::TearDown() {
  areas_.reset();
  database_.reset();
  std::error_code error;
  std::filesystem::remove_all(folder_, error);
  EXPECT_FALSE(error) << "could not remove " << folder_ << ": " << error.message();
}

std::int64_t DatabaseTest::count(const std::string& sql) {
  return database_->read(
      [&](db::Connection& connection) { return connection.query_one(sql)->integer(0); });
}

Actor DatabaseTest::add_user(const std::string& username, Role role,
                             std::optional<std::string> area_code) {
  Principal principal;
  principal.username = username;
  principal.display_name = username;
  principal.role = role;
  principal.province_code = "23";
  principal.area_code = area_code;
  principal.user_id = database_->write([&](db::Connection& connection) {
    return connection.insert_returning_id(
        "INSERT INTO app_user (province_code, username, display_name, password_hash, role, "
        "area_code, created_at) VALUES ('23', ?, ?, 'not-a-hash', ?, ?, "
        "'2025-01-01T00:00:00Z') RETURNING id",
        {username, username, std::string(role_name(role)), db::nullable(area_code)});
  });
  Actor actor;
  actor.principal = principal;
  actor.address = "192.0.2.10";
  actor.request_id = "test-" + username;
  return actor;
}

}  // namespace changwat::participation::testing
