// The monitoring service on a real SQLite database with the demo plan and the demo
// action plan FY 2569, on days the test chooses: warnings raised from the money,
// stored once (a quiet read writes nothing), a person's resolution quiet for seven
// days and raised again after them, automatic resolution when the cause goes away,
// rights, another province, and dashboards equal to the action plan's rollup.
#include "modules/monitoring/service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/plan/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::monitoring {
namespace {

using changwat::testing::expect_error;

class MonitoringServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-monitoring-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    action_plans_ = std::make_unique<action_plan::ActionPlanService>(*database_, *areas_, *plans_);
    action_plan::load_demo(*action_plans_);
    service_ = std::make_unique<MonitoringService>(
        *database_, *areas_, Sources{*plans_, *action_plans_, nullptr, nullptr, nullptr},
        [this] { return today_; });
    action_plan_id_ = *action_plans_->id_by_demo_key("trat-action-plan-2569");
    province_ = action_plans_->view(action_plan_id_).ledger->header.province_code;
  }
  void TearDown() override {
    service_.reset();
    std::filesystem::remove(path_);
  }

  Actor actor(Role role, std::optional<std::string> agency = std::nullopt,
              std::optional<std::string> province = std::nullopt) {
    Actor result;
    result.principal = Principal{};
    result.principal->username = "test-" + std::to_string(static_cast<int>(role));
    result.principal->role = role;
    result.principal->province_code = province.value_or(province_);
    result.principal->agency_code = std::move(agency);
    return result;
  }
  std::vector<Warning> open_of(WarningKind kind, std::optional<std::int64_t> element = {}) {
    std::vector<Warning> result;
    for (const auto& warning : service_->evaluate(province_, 2569)) {
      if (warning.kind == kind && warning.status == WarningStatus::open &&
          (!element || warning.element_id == *element)) {
        result.push_back(warning);
      }
    }
    return result;
  }
  std::int64_t revision() {
    return database_->read([&](db::Connection& c) {
      auto row =
          c.query_one("SELECT revision FROM monitoring_state WHERE province_code = ?", {province_});
      return row ? row->integer(0) : std::int64_t{0};
    });
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<action_plan::ActionPlanService> action_plans_;
  std::unique_ptr<MonitoringService> service_;
  std::int64_t action_plan_id_ = 0;
  std::string province_;
  thai::Date today_{2026, 10, 15};
};

TEST_F(MonitoringServiceTest, RaisesOnceAndAQuietReadWritesNothing) {
  auto behind = open_of(WarningKind::behind_disbursement_target);
  ASSERT_FALSE(behind.empty());
  for (const auto& warning : behind) {
    EXPECT_EQ(warning.raised_on, "2026-10-15");
    EXPECT_TRUE(warning.agency_code.has_value());
    EXPECT_FALSE(warning.message_th.empty());
    EXPECT_FALSE(warning.message_en.empty());
  }
  std::int64_t after_first = revision();
  EXPECT_GT(after_first, 0);
  // Nothing changed: the same warnings, no write.
  EXPECT_EQ(open_of(WarningKind::behind_disbursement_target).size(), behind.size());
  EXPECT_EQ(revision(), after_first);
  // A new day re-evaluates; causes unchanged keep their warnings (same ids).
  today_ = {2026, 10, 16};
  auto next_day = open_of(WarningKind::behind_disbursement_target);
  ASSERT_EQ(next_day.size(), behind.size());
  EXPECT_EQ(next_day.front().id, behind.front().id);
  EXPECT_EQ(next_day.front().raised_on, "2026-10-15");
}

TEST_F(MonitoringServiceTest, AResolutionIsQuietForSevenDaysThenRaisedAgain) {
  auto behind = open_of(WarningKind::behind_disbursement_target);
  ASSERT_FALSE(behind.empty());
  const Warning first = behind.front();
  Resolution resolution;
  resolution.note_th = "เร่งรัดการเบิกจ่ายแล้ว";
  Warning resolved = service_->resolve(actor(Role::strategy_officer), first.id, resolution);
  EXPECT_EQ(resolved.status, WarningStatus::resolved);
  EXPECT_EQ(resolved.resolved_on, "2026-10-15");
  EXPECT_EQ(resolved.resolved_measure, first.measure);
  EXPECT_FALSE(resolved.resolved_automatically);

  today_ = {2026, 10, 21};  // six days later
  EXPECT_TRUE(open_of(WarningKind::behind_disbursement_target, first.element_id).empty());
  today_ = {2026, 10, 22};  // seven days later
  auto again = open_of(WarningKind::behind_disbursement_target, first.element_id);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_NE(again.front().id, first.id);
  EXPECT_EQ(again.front().raised_on, "2026-10-22");
}

TEST_F(MonitoringServiceTest, TheSuppressionDaysAreASetting) {
  service_->set_setting(actor(Role::strategy_officer), "suppression_days", 2, std::nullopt);
  auto behind = open_of(WarningKind::behind_disbursement_target);
  ASSERT_FALSE(behind.empty());
  service_->resolve(actor(Role::admin), behind.front().id, {"ติดตามแล้ว", std::nullopt});
  today_ = {2026, 10, 16};
  EXPECT_TRUE(open_of(WarningKind::behind_disbursement_target, behind.front().element_id).empty());
  today_ = {2026, 10, 17};
  EXPECT_EQ(open_of(WarningKind::behind_disbursement_target, behind.front().element_id).size(), 1u);
}

TEST_F(MonitoringServiceTest, ACauseThatGoesAwayResolvesItsWarningAutomatically) {
  auto behind = open_of(WarningKind::behind_disbursement_target);
  ASSERT_FALSE(behind.empty());
  const Warning first = behind.front();
  // The project's money fully disbursed at its latest month.
  auto view = action_plans_->view(action_plan_id_);
  const auto* book = view.ledger->find(first.element_id);
  ASSERT_NE(book, nullptr);
  for (const auto& line : book->lines) {
    ASSERT_NE(line.latest(), nullptr);
    action_plan::PositionInput input;
    input.month = line.latest()->month;
    input.gfmis_code = line.line.gfmis_code;
    input.po_outstanding = 0;
    input.disbursed_to_date = line.line.allocated;
    action_plans_->set_position(actor(Role::strategy_officer), action_plan_id_, first.element_id,
                                input);
  }
  EXPECT_TRUE(open_of(WarningKind::behind_disbursement_target, first.element_id).empty());
  Warning after = service_->warning(actor(Role::executive), first.id);
  EXPECT_EQ(after.status, WarningStatus::resolved);
  EXPECT_TRUE(after.resolved_automatically);
}

TEST_F(MonitoringServiceTest, RightsToResolveAndOtherProvinces) {
  auto behind = open_of(WarningKind::behind_disbursement_target);
  ASSERT_FALSE(behind.empty());
  const Warning& warning = behind.front();
  ASSERT_TRUE(warning.agency_code.has_value());
  Resolution resolution{"ดำเนินการแล้ว", std::nullopt};
  expect_error([&] { service_->resolve(actor(Role::executive), warning.id, resolution); },
               ErrorKind::forbidden, "forbidden");
  std::string other = *warning.agency_code == "TRAT-CDD" ? "TRAT-DOAE" : "TRAT-CDD";
  expect_error(
      [&] { service_->resolve(actor(Role::agency_officer, other), warning.id, resolution); },
      ErrorKind::forbidden, "forbidden");
  expect_error(
      [&] {
        service_->resolve(actor(Role::strategy_officer, std::nullopt, "22"), warning.id,
                          resolution);
      },
      ErrorKind::not_found, "not_found");
  expect_error([&] { service_->warning(actor(Role::executive, std::nullopt, "22"), warning.id); },
               ErrorKind::not_found, "not_found");
  expect_error([&] { service_->resolve(Actor{}, warning.id, resolution); },
               ErrorKind::unauthenticated, "unauthenticated");
  Warning done =
      service_->resolve(actor(Role::agency_officer, warning.agency_code), warning.id, resolution);
  EXPECT_EQ(done.status, WarningStatus::resolved);
  expect_error([&] { service_->resolve(actor(Role::strategy_officer), warning.id, resolution); },
               ErrorKind::conflict, "warning_resolved");
}

TEST_F(MonitoringServiceTest, ProvinceDashboardMoneyIsTheActionPlansRollup) {
  auto json = service_->dashboard(actor(Role::executive), {ScopeKind::province, ""}, 2569);
  auto dashboard = boost::json::parse(*json).as_object();
  auto report = action_plans_->spending(actor(Role::executive), action_plan_id_,
                                        action_plan::GroupBy::province);
  ASSERT_EQ(report.groups.size(), 1u);
  EXPECT_EQ(dashboard.at("disbursed_satang").as_int64(), report.groups[0].disbursed);
  EXPECT_EQ(dashboard.at("allocated_satang").as_int64(), report.groups[0].allocated);
  EXPECT_EQ(dashboard.at("open_warnings").as_int64(),
            static_cast<std::int64_t>(open_of(WarningKind::behind_disbursement_target).size() +
                                      open_of(WarningKind::reserve_available).size()));
  // The same document while nothing changed.
  EXPECT_EQ(service_->dashboard(actor(Role::executive), {ScopeKind::province, ""}, 2569), json);
  expect_error(
      [&] {
        service_->dashboard(actor(Role::executive), {ScopeKind::district, "1001"}, 2569);
      },
      ErrorKind::not_found, "not_found");
}

}  // namespace
}  // namespace changwat::monitoring
