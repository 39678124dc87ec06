#pragma once
// A real SQLite database for plan tests: every migration applied, Thai reference
// areas, Trat's agencies and demo villages loaded, in a temporary folder removed
// afterwards. Also actors for each role and a tiny plan builder.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "base/error.hpp"
#include "db/database.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/area_service.hpp"
#include "support/expect_error.hpp"

namespace changwat::plan::testing {

Actor actor_with(Role role, const std::string& username,
                 std::optional<std::string> agency = std::nullopt);
inline Actor strategy() { return actor_with(Role::strategy_officer, "strategy"); }
inline Actor admin() { return actor_with(Role::admin, "admin"); }
inline Actor agency_officer(const std::string& agency = "TRAT-DOAE") {
  return actor_with(Role::agency_officer, "agency", agency);
}
inline Actor executive() { return actor_with(Role::executive, "executive"); }
inline Actor anonymous() { return Actor{}; }

Element make(ElementKind kind, const std::string& code, const std::string& text_th,
             std::optional<std::int64_t> parent = std::nullopt);
Element make_project(const std::string& code, std::int64_t parent,
                     const std::string& agency = "TRAT-DOAE",
                     std::vector<std::string> areas = {"2301"});
Element make_kpi(const std::string& code, std::int64_t parent,
                 std::vector<std::pair<int, double>> targets);

class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  db::Database& database() { return *database_; }
  areas::AreaService& areas() { return *areas_; }
  PlanService& service() { return *service_; }
  std::int64_t count(const std::string& sql);

  // A draft plan 2566–2570 with one strategy S1 and one guideline G1 under it.
  struct Small {
    std::int64_t plan_id = 0;
    Element strategy;
    Element guideline;
  };
  Small small_plan();

 private:
  std::filesystem::path folder_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<PlanService> service_;
};

using changwat::testing::CaughtError;
using changwat::testing::expect_error;

}  // namespace changwat::plan::testing
