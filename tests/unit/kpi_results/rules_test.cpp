// The scoring function and the rubric shape rules: pure functions, edges first.
#include "modules/kpi_results/rules.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "support/expect_error.hpp"

namespace changwat::kpi_results {
namespace {

using changwat::testing::expect_error;

const std::vector<Threshold> kRising{{100, 1}, {200, 3}, {300, 5}};
const std::vector<Threshold> kFalling{{40, 0}, {30, 50}, {20, 100}};

TEST(RubricScore, ExactlyOnAThresholdGivesItsScore) {
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 100), 1);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 200), 3);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 300), 5);
}

TEST(RubricScore, LinearBetweenAdjacentThresholds) {
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 150), 2);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 275), 4.5);
  EXPECT_NEAR(rules::score(kRising, Direction::higher_is_better, 100.001), 1.00002, 1e-9);
}

TEST(RubricScore, FirstScoreBelowTheFirstThresholdLastScoreBeyondTheLast) {
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 99.999), 1);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, -1e12), 1);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 300.0001), 5);
  EXPECT_DOUBLE_EQ(rules::score(kRising, Direction::higher_is_better, 1e12), 5);
}

TEST(RubricScore, LowerIsBetterMirrorsTheRule) {
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 45), 0);  // worse than first
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 40), 0);
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 35), 25);
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 30), 50);
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 22), 90);
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 20), 100);
  EXPECT_DOUBLE_EQ(rules::score(kFalling, Direction::lower_is_better, 0), 100);  // beyond last
}

TEST(RubricScore, TwoThresholdsAndNegativeValues) {
  const std::vector<Threshold> two{{-10, 0}, {10, 100}};
  EXPECT_DOUBLE_EQ(rules::score(two, Direction::higher_is_better, 0), 50);
  EXPECT_DOUBLE_EQ(rules::score(two, Direction::higher_is_better, -20), 0);
  EXPECT_DOUBLE_EQ(rules::score(two, Direction::higher_is_better, 20), 100);
}

TEST(RubricShape, ValidRubricsPass) {
  EXPECT_NO_THROW(rules::check_rubric(kRising, Direction::higher_is_better, 1));
  EXPECT_NO_THROW(rules::check_rubric(kFalling, Direction::lower_is_better, 0.5));
}

TEST(RubricShape, FewerThanTwoThresholdsIsRefused) {
  const std::vector<Threshold> one{{1, 1}};
  auto caught = expect_error([&] { rules::check_rubric(one, Direction::higher_is_better, 1); },
                             ErrorKind::rule, "invalid_rubric");
  EXPECT_TRUE(caught.fields.count("thresholds"));
  expect_error([&] { rules::check_rubric({}, Direction::higher_is_better, 1); }, ErrorKind::rule,
               "invalid_rubric");
}

TEST(RubricShape, ValuesMustRunTheDirectionsWayStrictly) {
  // Increasing values with lower_is_better, decreasing with higher_is_better, equal ones.
  expect_error([&] { rules::check_rubric(kRising, Direction::lower_is_better, 1); },
               ErrorKind::rule, "invalid_rubric");
  expect_error([&] { rules::check_rubric(kFalling, Direction::higher_is_better, 1); },
               ErrorKind::rule, "invalid_rubric");
  const std::vector<Threshold> flat{{100, 1}, {100, 2}};
  expect_error([&] { rules::check_rubric(flat, Direction::higher_is_better, 1); }, ErrorKind::rule,
               "invalid_rubric");
  expect_error([&] { rules::check_rubric(flat, Direction::lower_is_better, 1); }, ErrorKind::rule,
               "invalid_rubric");
}

TEST(RubricShape, ScoresMustIncrease) {
  const std::vector<Threshold> falling_scores{{1, 5}, {2, 3}};
  const std::vector<Threshold> equal_scores{{1, 3}, {2, 3}};
  expect_error([&] { rules::check_rubric(falling_scores, Direction::higher_is_better, 1); },
               ErrorKind::rule, "invalid_rubric");
  expect_error([&] { rules::check_rubric(equal_scores, Direction::higher_is_better, 1); },
               ErrorKind::rule, "invalid_rubric");
}

TEST(RubricShape, WeightAndNumbersMustBeUsable) {
  auto caught = expect_error([&] { rules::check_rubric(kRising, Direction::higher_is_better, 0); },
                             ErrorKind::rule, "invalid_rubric");
  EXPECT_TRUE(caught.fields.count("weight"));
  expect_error([&] { rules::check_rubric(kRising, Direction::higher_is_better, -1); },
               ErrorKind::rule, "invalid_rubric");
  const std::vector<Threshold> nan{{1, 1}, {std::nan(""), 2}};
  expect_error([&] { rules::check_rubric(nan, Direction::higher_is_better, 1); }, ErrorKind::rule,
               "invalid_rubric");
}

TEST(CountedActual, TheYearElseTheLatestQuarter) {
  Actual q1, q3, year;
  q1.period = Period::q1;
  q3.period = Period::q3;
  year.period = Period::year;
  std::vector<const Actual*> quarters{&q3, &q1};
  EXPECT_EQ(rules::counted_actual(quarters), &q3);
  std::vector<const Actual*> all{&q1, &year, &q3};
  EXPECT_EQ(rules::counted_actual(all), &year);
  EXPECT_EQ(rules::counted_actual({}), nullptr);
}

TEST(ActualYears, OutsideThePlanAndDataYearsAreRefused) {
  auto caught = expect_error([] { rules::check_actual_years(2571, std::nullopt, 2566, 2570); },
                             ErrorKind::rule, "fiscal_year_outside_plan");
  EXPECT_TRUE(caught.fields.count("fiscal_year"));
  expect_error([] { rules::check_actual_years(2565, std::nullopt, 2566, 2570); }, ErrorKind::rule,
               "fiscal_year_outside_plan");
  EXPECT_NO_THROW(rules::check_actual_years(2566, 2564, 2566, 2570));  // GPP two years late
  expect_error([] { rules::check_actual_years(2568, 2569, 2566, 2570); }, ErrorKind::rule,
               "data_year_out_of_range");
  expect_error([] { rules::check_actual_years(2568, 2562, 2566, 2570); }, ErrorKind::rule,
               "data_year_out_of_range");
}

TEST(OnTrack, FollowsThePlansDirection) {
  using plan::KpiDirection;
  EXPECT_TRUE(rules::on_track(KpiDirection::higher_is_better, 10, 10, {}, {}));
  EXPECT_FALSE(rules::on_track(KpiDirection::higher_is_better, 9.9, 10, {}, {}));
  EXPECT_TRUE(rules::on_track(KpiDirection::lower_is_better, 9.9, 10, {}, {}));
  EXPECT_FALSE(rules::on_track(KpiDirection::lower_is_better, 10.1, 10, {}, {}));
  EXPECT_TRUE(rules::on_track(KpiDirection::within_range, 2.9, 2, 1.0, 3.0));
  EXPECT_FALSE(rules::on_track(KpiDirection::within_range, 3.1, 2, 1.0, 3.0));
}

}  // namespace
}  // namespace changwat::kpi_results
