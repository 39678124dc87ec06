// tests/unit/sample/service_test.cpp — links changwat_sample (the folder's name).
// A real SQLite database with every migration and the reference data; assert what
// can fail: rights, versions, the audit entry.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "modules/plan/module.hpp"
#include "modules/sample/service.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::sample {
namespace {

class SampleServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-sample-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    service_ = std::make_unique<SampleService>(*database_, *areas_, *plans_);
    plan_id_ = *plans_->plan_id_by_demo_key("trat-2566-2570");
    strategy_.principal = Principal{};
    strategy_.principal->role = Role::strategy_officer;
    strategy_.principal->province_code = plans_->get_plan(strategy_, plan_id_).province_code;
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<SampleService> service_;
  std::int64_t plan_id_ = 0;
  Actor strategy_;
};

TEST_F(SampleServiceTest, AStaleVersionIsAConflictNotALostUpdate) {
  Item item = service_->create(strategy_, {plan_id_, "ชื่อเดิม"});
  service_->update(strategy_, item.id, {item.version, "ชื่อใหม่", std::nullopt});
  changwat::testing::expect_error(
      [&] { service_->update(strategy_, item.id, {item.version, "ชื่อที่สาม", std::nullopt}); },
      ErrorKind::conflict, "stale_version");
}

}  // namespace
}  // namespace changwat::sample
