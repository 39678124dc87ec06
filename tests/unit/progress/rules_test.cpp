// Rules without a database: rights, report fields, a drop needs a reason, device
// positions and capture times.
#include "modules/progress/rules.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace changwat::progress {
namespace {

using changwat::testing::expect_error;

Actor officer(Role role, std::optional<std::string> agency = std::nullopt,
              std::string province = "23") {
  Actor actor;
  actor.principal = Principal{};
  actor.principal->username = "u";
  actor.principal->role = role;
  actor.principal->province_code = std::move(province);
  actor.principal->agency_code = std::move(agency);
  return actor;
}

ProgressReport report(double percent, std::optional<std::string> reason = std::nullopt) {
  ProgressReport r;
  r.month = {2026, 3};
  r.physical_percent = percent;
  r.reason_th = std::move(reason);
  return r;
}

TEST(ProgressRules, WritersAreTheProjectsAgencyTheStrategyOfficeAndAdmins) {
  rules::require_writer(officer(Role::agency_officer, "A"), "23", "A");
  rules::require_writer(officer(Role::strategy_officer), "23", "A");
  rules::require_writer(officer(Role::admin), "23", std::nullopt);
  expect_error([] { rules::require_writer(officer(Role::agency_officer, "B"), "23", "A"); },
               ErrorKind::forbidden, "not_own_agency");
  expect_error([] { rules::require_writer(officer(Role::executive), "23", "A"); },
               ErrorKind::forbidden, "forbidden");
  expect_error([] { rules::require_writer(officer(Role::strategy_officer, {}, "24"), "23", "A"); },
               ErrorKind::forbidden, "forbidden");
  expect_error([] { rules::require_writer(Actor{}, "23", "A"); }, ErrorKind::unauthenticated,
               "unauthenticated");
}

TEST(ProgressRules, EverySignedInRoleReadsItsProvince) {
  rules::require_reader(officer(Role::auditor), "23");
  rules::require_reader(officer(Role::public_user), "23");
  expect_error([] { rules::require_reader(Actor{}, "23"); }, ErrorKind::unauthenticated,
               "unauthenticated");
  expect_error([] { rules::require_reader(officer(Role::admin, {}, "24"), "23"); },
               ErrorKind::not_found, "not_found");
}

TEST(ProgressRules, PercentOutsideZeroToHundredAndUnknownIndicatorsAreRefused) {
  rules::check_report(report(0), 0);
  rules::check_report(report(100), 0);
  auto above = expect_error([] { rules::check_report(report(100.5), 0); }, ErrorKind::validation,
                            "invalid_input");
  EXPECT_TRUE(above.fields.count("physical_percent"));
  expect_error([] { rules::check_report(report(-1), 0); }, ErrorKind::validation, "invalid_input");
  ProgressReport with_indicator = report(10);
  with_indicator.indicators = {{2, 5.0}};
  auto unknown = expect_error([&] { rules::check_report(with_indicator, 2); },
                              ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(unknown.fields.count("indicators"));
  rules::check_report(with_indicator, 3);
  with_indicator.indicators = {{0, 1.0}, {0, 2.0}};
  expect_error([&] { rules::check_report(with_indicator, 3); }, ErrorKind::validation,
               "invalid_input");
}

TEST(ProgressRules, ADropBelowTheEarlierMonthNeedsAReason) {
  ProgressReport earlier = report(40);
  earlier.month = {2026, 2};
  rules::check_drop(report(40), earlier);  // the same is no drop
  rules::check_drop(report(50), earlier);
  rules::check_drop(report(30), std::nullopt);
  auto refused = expect_error([&] { rules::check_drop(report(30), earlier); }, ErrorKind::rule,
                              "progress_dropped");
  EXPECT_TRUE(refused.fields.count("reason_th"));
  EXPECT_NE(refused.message.en.find("2026-02"), std::string::npos) << refused.message.en;
  rules::check_drop(report(30, "วัดปริมาณงานใหม่"), earlier);
}

TEST(ProgressRules, DevicePositionsMustBeOnTheGlobeAndInPairs) {
  auto both = rules::parse_position("12.2436", "102.5151", "8.5");
  EXPECT_DOUBLE_EQ(*both.latitude, 12.2436);
  EXPECT_DOUBLE_EQ(*both.longitude, 102.5151);
  EXPECT_DOUBLE_EQ(*both.accuracy_m, 8.5);
  EXPECT_FALSE(rules::parse_position(std::nullopt, std::nullopt, std::nullopt).latitude);
  for (auto [lat, lon] : std::vector<std::pair<const char*, const char*>>{
           {"91", "102"}, {"12", "180.5"}, {"abc", "102"}, {"12", "nan"}, {"0", "0"}, {"", "1"}}) {
    expect_error([&] { rules::parse_position(lat, lon, std::nullopt); }, ErrorKind::rule,
                 "invalid_position");
  }
  expect_error([] { rules::parse_position("12", std::nullopt, std::nullopt); }, ErrorKind::rule,
               "invalid_position");
  expect_error([] { rules::parse_position("12", "102", "-3"); }, ErrorKind::rule,
               "invalid_position");
}

TEST(ProgressRules, CaptureTimesAreIsoWithAZone) {
  EXPECT_TRUE(rules::parse_taken_at("2026-03-05T10:15:00+07:00"));
  EXPECT_TRUE(rules::parse_taken_at("2026-03-05T03:15:00.250Z"));
  EXPECT_TRUE(rules::parse_taken_at("2026-03-05T03:15Z"));
  EXPECT_FALSE(rules::parse_taken_at("2026-03-05T10:15:00"));
  EXPECT_FALSE(rules::parse_taken_at("2026-13-05T10:15:00Z"));
  EXPECT_FALSE(rules::parse_taken_at("05/03/2569"));
}

}  // namespace
}  // namespace changwat::progress
