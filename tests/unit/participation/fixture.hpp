#pragma once
// A real SQLite database for participation tests: every migration applied, Thai
// reference areas and Trat's demo villages loaded, in a temporary folder that is
// removed afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "platform/areas/area_service.hpp"
#include "support/expect_error.hpp"

namespace changwat::participation::testing {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  db::Database& database() { return *database_; }
  areas::AreaService& areas() { return *areas_; }
  std::int64_t count(const std::string& sql);
  // A signed-in actor backed by a real app_user row.
  Actor add_user(const std::string& username, Role role,
                 std::optional<std::string> area_code = std::nullopt);

 private:
  std::filesystem::path folder_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
};

using changwat::testing::CaughtError;
using changwat::testing::expect_error;

}  // namespace changwat::participation::testing
