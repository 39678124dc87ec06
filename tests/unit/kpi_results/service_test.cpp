// The KPI results service on a real SQLite database with the demo plan: rights,
// versions, years, the rollup KPI → strategy → province, the cache seeing writes.
#include "modules/kpi_results/service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "modules/plan/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::kpi_results {
namespace {

using changwat::testing::expect_error;

class KpiResultsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-kpi-results-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    service_ = std::make_unique<KpiResultsService>(*database_, *areas_, *plans_);
    plan_id_ = *plans_->plan_id_by_demo_key("trat-2566-2570");
    province_ = plans_->get_plan(Actor::command_line(), plan_id_).province_code;
    strategy_ = actor(Role::strategy_officer);
    executive_ = actor(Role::executive);
  }
  void TearDown() override { std::filesystem::remove(path_); }

  Actor actor(Role role) {
    Actor result;
    result.principal = Principal{};
    result.principal->username = "test-" + std::to_string(static_cast<int>(role));
    result.principal->role = role;
    result.principal->province_code = province_;
    return result;
  }
  std::int64_t kpi(const char* code) {
    return plans_->find_element_by_code(plan_id_, code)->element_id;
  }
  Actual put(const char* code, int year, Period period, double value,
             std::optional<std::int64_t> version = std::nullopt) {
    ActualInput input;
    input.fiscal_year = year;
    input.period = period;
    input.value = value;
    input.evidence_th = "รายงานผล";
    input.expected_version = version;
    return service_->set_actual(strategy_, kpi(code), input);
  }
  Rubric rubric(const char* code, std::vector<Threshold> thresholds, double weight,
                Direction direction = Direction::higher_is_better) {
    RubricInput input;
    input.thresholds = std::move(thresholds);
    input.direction = direction;
    input.weight = weight;
    std::optional<Rubric> existing = service_->rubric(strategy_, kpi(code));
    if (existing) input.expected_version = existing->version;
    return service_->set_rubric(strategy_, kpi(code), input);
  }
  const KpiScore& score_of(const PlanScores& scores, const char* code) {
    for (const KpiScore& score : scores.kpis)
      if (score.code == code) return score;
    ADD_FAILURE() << "no KPI " << code;
    return scores.kpis.front();
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<KpiResultsService> service_;
  std::int64_t plan_id_ = 0;
  std::string province_;
  Actor strategy_;
  Actor executive_;
};

TEST_F(KpiResultsServiceTest, OnlyTheStrategyOfficeAndAdminsWrite) {
  ActualInput input;
  input.fiscal_year = 2568;
  input.value = 1;
  input.evidence_th = "หลักฐาน";
  expect_error([&] { service_->set_actual(executive_, kpi("K1.1"), input); }, ErrorKind::forbidden,
               "forbidden");
  expect_error([&] { service_->set_actual(actor(Role::agency_officer), kpi("K1.1"), input); },
               ErrorKind::forbidden, "forbidden");
  expect_error([&] { service_->set_actual(Actor{}, kpi("K1.1"), input); },
               ErrorKind::unauthenticated, "unauthenticated");
  EXPECT_NO_THROW(service_->set_actual(actor(Role::admin), kpi("K1.1"), input));
  EXPECT_EQ(service_->actuals(executive_, kpi("K1.1"), std::nullopt).size(), 1u);
}

TEST_F(KpiResultsServiceTest, AStaleVersionIsAConflictNotALostUpdate) {
  Actual first = put("K1.1", 2568, Period::q1, 10);
  EXPECT_EQ(first.version, 1);
  Actual second = put("K1.1", 2568, Period::q1, 11, first.version);
  EXPECT_EQ(second.version, 2);
  expect_error([&] { put("K1.1", 2568, Period::q1, 12, first.version); }, ErrorKind::conflict,
               "stale_version");
  // Creating again without a version is stale too: the row exists.
  expect_error([&] { put("K1.1", 2568, Period::q1, 12); }, ErrorKind::conflict, "stale_version");
  EXPECT_DOUBLE_EQ(service_->actuals(strategy_, kpi("K1.1"), 2568).at(0).value, 11);
}

TEST_F(KpiResultsServiceTest, AYearOutsideThePlanIsRefusedAndNothingStored) {
  auto caught = expect_error([&] { put("K1.1", 2571, Period::year, 1); }, ErrorKind::rule,
                             "fiscal_year_outside_plan");
  EXPECT_TRUE(caught.fields.count("fiscal_year"));
  EXPECT_TRUE(service_->actuals(strategy_, kpi("K1.1"), std::nullopt).empty());
}

TEST_F(KpiResultsServiceTest, AnElementThatIsNotAKpiIsRefused) {
  auto strategy = plans_->find_element_by_code(plan_id_, "S1");
  ASSERT_TRUE(strategy);
  ActualInput input;
  input.fiscal_year = 2568;
  input.evidence_th = "x";
  expect_error([&] { service_->set_actual(strategy_, strategy->element_id, input); },
               ErrorKind::rule, "not_a_kpi");
  expect_error([&] { service_->set_actual(strategy_, 999999, input); }, ErrorKind::not_found,
               "not_found");
}

TEST_F(KpiResultsServiceTest, ScoresRollUpWeightedToStrategiesAndTheProvince) {
  // S1 holds K1.1, K1.2, K1.3 (and K1.1.1, K1.2.1 through its guidelines); K0.1 is goal-level.
  rubric("K1.1", {{0, 0}, {100, 100}}, 3);
  rubric("K1.2", {{0, 0}, {100, 100}}, 1);
  rubric("K0.1", {{0, 0}, {100, 100}}, 4);
  put("K1.1", 2569, Period::q1, 10);
  put("K1.1", 2569, Period::q2, 40);  // latest quarter counts while no year value
  put("K1.2", 2569, Period::year, 80);
  put("K1.2", 2569, Period::q4, 20);  // the year value wins over any quarter
  put("K0.1", 2569, Period::year, 10);

  auto scores = service_->scores(plan_id_, 2569);
  EXPECT_DOUBLE_EQ(*score_of(*scores, "K1.1").score, 40);
  EXPECT_EQ(score_of(*scores, "K1.1").period, Period::q2);
  EXPECT_DOUBLE_EQ(*score_of(*scores, "K1.2").score, 80);
  EXPECT_FALSE(score_of(*scores, "K1.3").score.has_value());  // no rubric, no actual
  EXPECT_FALSE(score_of(*scores, "K0.1").strategy_id.has_value());
  const StrategyScore* s1 = nullptr;
  for (const StrategyScore& strategy : scores->strategies)
    if (strategy.code == "S1") s1 = &strategy;
  ASSERT_NE(s1, nullptr);
  EXPECT_DOUBLE_EQ(*s1->score, (40.0 * 3 + 80.0 * 1) / 4);
  EXPECT_EQ(s1->scored_count, 2);
  EXPECT_EQ(s1->kpi_count, 5);
  EXPECT_DOUBLE_EQ(*scores->province, (40.0 * 3 + 80.0 + 10.0 * 4) / 8);
  // Another fiscal year has nothing.
  EXPECT_FALSE(service_->scores(plan_id_, 2568)->province.has_value());
}

TEST_F(KpiResultsServiceTest, CachedScoresFollowEachWrite) {
  rubric("K1.2", {{0, 0}, {100, 100}}, 1);
  Actual first = put("K1.2", 2569, Period::year, 50);
  auto before = service_->scores(plan_id_, 2569);
  EXPECT_EQ(service_->scores(plan_id_, 2569), before);  // a hit is the same object
  put("K1.2", 2569, Period::year, 70, first.version);
  EXPECT_DOUBLE_EQ(*service_->scores(plan_id_, 2569)->province, 70);
  rubric("K1.2", {{0, 0}, {200, 100}}, 1);
  EXPECT_DOUBLE_EQ(*service_->scores(plan_id_, 2569)->province, 35);
}

TEST_F(KpiResultsServiceTest, BelowTrajectoryComparesWithTheYearsTarget) {
  // K1.2 targets 16,600 in 2569 (higher is better); K2.1 targets 340 (lower is better).
  put("K1.2", 2569, Period::year, 16000);
  put("K2.1", 2569, Period::q2, 330);
  put("K1.3", 2569, Period::year, 80000);
  auto gaps = service_->below_trajectory(plan_id_, 2569);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].code, "K1.2");
  EXPECT_DOUBLE_EQ(gaps[0].target, 16600);
  EXPECT_DOUBLE_EQ(gaps[0].actual, 16000);
  EXPECT_TRUE(gaps[0].agency_code.has_value());
  put("K2.1", 2569, Period::q3, 350);  // now above its target: behind
  EXPECT_EQ(service_->below_trajectory(plan_id_, 2569).size(), 2u);
}

TEST_F(KpiResultsServiceTest, TrendShowsEveryYearOfThePlan) {
  put("K1.2", 2568, Period::year, 16100);
  KpiTrend trend = service_->trend(executive_, kpi("K1.2"));
  ASSERT_EQ(trend.years.size(), 5u);
  EXPECT_EQ(trend.years[2].fiscal_year, 2568);
  EXPECT_DOUBLE_EQ(*trend.years[2].target, 16000);
  EXPECT_DOUBLE_EQ(*trend.years[2].actual, 16100);
  EXPECT_TRUE(*trend.years[2].on_track);
  EXPECT_FALSE(trend.years[3].actual.has_value());
  EXPECT_FALSE(trend.years[3].on_track.has_value());
}

}  // namespace
}  // namespace changwat::kpi_results
