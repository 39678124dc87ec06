// The working-day calendar, the rules as data, the checks of a record and the
// deadlines: pure functions, no database.
#include "modules/procurement/rules.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace changwat::procurement {
namespace {

using changwat::testing::expect_error;

thai::Date d(int y, int m, int day) { return {y, m, day}; }

Calendar calendar_2026() {
  Calendar calendar;
  // 2026-01-01 (Thu) and 2026-01-02 (Fri) holidays; weekends 3-4 Jan.
  calendar.add_year(2026, {"2026-01-01", "2026-01-02", "2026-04-13", "2026-04-14", "2026-04-15"});
  return calendar;
}

TEST(Calendar, WorkingDaysSkipWeekendsAndLoadedHolidays) {
  Calendar calendar = calendar_2026();
  EXPECT_FALSE(calendar.is_working_day(d(2026, 1, 1)));  // holiday
  EXPECT_FALSE(calendar.is_working_day(d(2026, 1, 3)));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(d(2026, 1, 4)));  // Sunday
  EXPECT_TRUE(calendar.is_working_day(d(2026, 1, 5)));   // Monday
  // Wednesday 31 Dec 2025 + 1 working day: Thu/Fri holidays, weekend -> Monday 5 Jan.
  auto next = calendar.add_working_days(d(2025, 12, 31), 1);
  EXPECT_EQ(next.date, d(2026, 1, 5));
  EXPECT_FALSE(next.holidays_loaded);  // started in 2025, which is not loaded
  auto inside = calendar.add_working_days(d(2026, 1, 5), 5);
  EXPECT_EQ(inside.date, d(2026, 1, 12));
  EXPECT_TRUE(inside.holidays_loaded);
  // Songkran: Friday 10 Apr + 1 -> Thursday 16 Apr (13-15 holidays, weekend).
  EXPECT_EQ(calendar.add_working_days(d(2026, 4, 10), 1).date, d(2026, 4, 16));
}

TEST(Calendar, AYearWithoutHolidaysCountsWeekendsOnlyAndSaysSo) {
  Calendar calendar;                                          // nothing loaded
  auto due = calendar.add_working_days(d(2025, 10, 15), 30);  // Wed + 30 working days
  EXPECT_EQ(due.date, d(2025, 11, 26));
  EXPECT_FALSE(due.holidays_loaded);
  calendar.add_year(2025, {"2025-10-23"});
  auto with = calendar.add_working_days(d(2025, 10, 15), 30);
  EXPECT_EQ(with.date, d(2025, 11, 27));  // one holiday more
  EXPECT_TRUE(with.holidays_loaded);
}

TEST(Calendar, CountsWorkingDaysBothEndsIncluded) {
  Calendar calendar = calendar_2026();
  EXPECT_EQ(calendar.working_days(d(2026, 1, 5), d(2026, 1, 7)).days, 3);
  EXPECT_EQ(calendar.working_days(d(2026, 1, 1), d(2026, 1, 6)).days, 2);  // Mon, Tue
  EXPECT_EQ(calendar.working_days(d(2026, 1, 9), d(2026, 1, 8)).days, 0);
  EXPECT_EQ(calendar.nth_working_day_from(d(2026, 1, 5), 3).date, d(2026, 1, 7));
  EXPECT_EQ(calendar.nth_working_day_from(d(2026, 1, 3), 1).date, d(2026, 1, 5));
}

TEST(RulesData, TheEmbeddedFileHasEveryRuleWithItsSource) {
  RuleSet rules = embedded_rules();
  EXPECT_EQ(rules.e_procurement_above(), 50'000'000);  // 500,000 baht
  EXPECT_EQ(rules.tor_hearing_required_above(), 500'000'000);
  EXPECT_EQ(rules.plan_published_working_days(), 30);
  EXPECT_EQ(rules.tor_hearing_working_days(), 3);
  for (const auto& rule : rules.rules) EXPECT_FALSE(rule.source.empty()) << rule.key;
}

TEST(RulesData, AFileWithoutAFigureIsRefusedAtStart) {
  expect_error([] { parse_rules(R"({"rules": []})"); }, ErrorKind::internal,
               "procurement_rules_invalid");
  expect_error(
      [] {
        parse_rules(R"({"rules": [{"key": "e_procurement_above", "rule_th": "x", "rule_en": "x",
                                   "source": "x", "threshold_satang": -1}]})");
      },
      ErrorKind::internal, "procurement_rules_invalid");
}

Procurement record(Method method, Satang reference) {
  Procurement r;
  r.title_th = "งานทดสอบ";
  r.method = method;
  r.reference_price_satang = reference;
  r.budget_satang = reference;
  return r;
}

TEST(Checks, StageDatesOutOfOrderNameTheField) {
  RuleSet rules = embedded_rules();
  Procurement r = record(Method::specific, 10'000'00);
  r.legal_ground = "56(2)(ข)";
  r.stages.invitation = "2026-02-10";
  r.stages.bid_day = "2026-02-01";
  auto caught = expect_error([&] { rules::check_procurement(rules, r); }, ErrorKind::rule,
                             "stages_out_of_order");
  EXPECT_TRUE(caught.fields.count("stages.bid_day"));
  r.stages.bid_day = "2026-02-10";  // the same day is fine
  EXPECT_NO_THROW(rules::check_procurement(rules, r));
  r.stages.tor_hearing_from = "2026-01-05";  // a hearing needs its last day too
  caught = expect_error([&] { rules::check_procurement(rules, r); }, ErrorKind::rule,
                        "stages_out_of_order");
  EXPECT_TRUE(caught.fields.count("stages.tor_hearing_to"));
}

TEST(Checks, SelectionAndSpecificNeedASection56Ground) {
  RuleSet rules = embedded_rules();
  for (Method method : {Method::selection, Method::specific}) {
    Procurement r = record(method, 100'000'00);
    auto caught = expect_error([&] { rules::check_procurement(rules, r); }, ErrorKind::rule,
                               "legal_ground_required");
    EXPECT_TRUE(caught.fields.count("legal_ground"));
    r.legal_ground = "56(1)(ข)";
    EXPECT_NO_THROW(rules::check_procurement(rules, r));
  }
}

TEST(Checks, PriceQuotationAboveTheThresholdNeedsAReason) {
  RuleSet rules = embedded_rules();
  Procurement at = record(Method::price_quotation, 50'000'000);  // exactly 500,000: not above
  EXPECT_NO_THROW(rules::check_procurement(rules, at));
  Procurement above = record(Method::price_quotation, 50'000'100);
  auto caught = expect_error([&] { rules::check_procurement(rules, above); }, ErrorKind::rule,
                             "method_reason_required");
  EXPECT_TRUE(caught.fields.count("method_reason_th"));
  above.method_reason_th = "เกาะไม่มีอินเทอร์เน็ต";
  EXPECT_NO_THROW(rules::check_procurement(rules, above));
}

TEST(Checks, AboveTheThresholdEMarketForCatalogItemsEBiddingOtherwise) {
  RuleSet rules = embedded_rules();
  Procurement market = record(Method::e_market, 80'000'000);
  expect_error([&] { rules::check_procurement(rules, market); }, ErrorKind::rule,
               "method_not_allowed");
  market.in_e_catalog = true;
  EXPECT_NO_THROW(rules::check_procurement(rules, market));
  Procurement bidding = record(Method::e_bidding, 80'000'000);
  bidding.in_e_catalog = true;
  expect_error([&] { rules::check_procurement(rules, bidding); }, ErrorKind::rule,
               "method_not_allowed");
  bidding.in_e_catalog = false;
  EXPECT_NO_THROW(rules::check_procurement(rules, bidding));
  Procurement small = record(Method::e_market, 40'000'000);  // below: either
  EXPECT_NO_THROW(rules::check_procurement(rules, small));
}

TEST(Checks, ATorHearingAboveFiveMillionBaht) {
  RuleSet rules = embedded_rules();
  Procurement r = record(Method::e_bidding, 600'000'000);
  auto caught = expect_error([&] { rules::check_procurement(rules, r); }, ErrorKind::rule,
                             "tor_hearing_required");
  EXPECT_TRUE(caught.fields.count("tor_hearing"));
  r.tor_hearing = true;
  EXPECT_NO_THROW(rules::check_procurement(rules, r));
}

TEST(Checks, AnInstalmentInspectedBeforeItsDeliveryIsRefused) {
  Instalment item;
  item.number = 1;
  item.due_on = "2026-03-31";
  item.amount_satang = 100;
  item.committee_th = "คณะกรรมการตรวจรับ";
  item.inspected_on = "2026-03-01";
  expect_error([&] { rules::check_inspection(item); }, ErrorKind::rule, "not_delivered");
  item.delivered_on = "2026-03-05";
  auto caught = expect_error([&] { rules::check_inspection(item); }, ErrorKind::rule,
                             "inspected_before_delivery");
  EXPECT_TRUE(caught.fields.count("inspected_on"));
  item.inspected_on = "2026-03-05";
  EXPECT_NO_THROW(rules::check_inspection(item));
}

TEST(Checks, InstalmentsNeedASignedContractAndFitItsValue) {
  Procurement r = record(Method::specific, 100'000'00);
  std::vector<Instalment> items(1);
  items[0].number = 1;
  items[0].due_on = "2026-03-31";
  items[0].amount_satang = 60'000'00;
  expect_error([&] { rules::check_instalments(r, items); }, ErrorKind::rule, "contract_not_signed");
  r.stages.contract_signed = "2026-01-10";
  r.contract_value_satang = 50'000'00;
  expect_error([&] { rules::check_instalments(r, items); }, ErrorKind::rule,
               "instalments_above_contract");
  r.contract_value_satang = 60'000'00;
  EXPECT_NO_THROW(rules::check_instalments(r, items));
  items[0].due_on = "2026-01-01";
  expect_error([&] { rules::check_instalments(r, items); }, ErrorKind::rule,
               "instalment_before_contract");
}

TEST(Deadlines, PlanPublishedWithinThirtyWorkingDaysOfTheAllocation) {
  RuleSet rules = embedded_rules();
  Calendar calendar;
  calendar.add_year(2025, {"2025-10-23"});
  Procurement r = record(Method::e_bidding, 100'000'000);
  r.fiscal_year = 2569;
  r.allocated_on = "2025-10-15";
  auto deadlines = compute_deadlines(rules, calendar, r, {}, d(2025, 11, 1));
  ASSERT_FALSE(deadlines.empty());
  EXPECT_EQ(deadlines[0].rule, "plan_published");
  EXPECT_EQ(deadlines[0].due_on, "2025-11-27");
  EXPECT_FALSE(deadlines[0].met.has_value());  // not yet due, not yet done
  EXPECT_TRUE(deadlines[0].holidays_loaded);
  auto late = compute_deadlines(rules, calendar, r, {}, d(2025, 12, 1));
  EXPECT_EQ(late[0].met, false);
  r.stages.plan_published = "2025-11-27";
  EXPECT_EQ(compute_deadlines(rules, calendar, r, {}, d(2025, 12, 1))[0].met, true);
  r.plan_exempt = true;  // the law exempts it: no such deadline
  for (const auto& deadline : compute_deadlines(rules, calendar, r, {}, d(2025, 12, 1))) {
    EXPECT_NE(deadline.rule, "plan_published");
  }
}

TEST(Deadlines, WithoutTheYearsHolidaysTheDeadlineSaysSo) {
  RuleSet rules = embedded_rules();
  Calendar calendar;  // no year loaded
  Procurement r = record(Method::e_bidding, 100'000'000);
  r.allocated_on = "2025-10-15";
  auto deadlines = compute_deadlines(rules, calendar, r, {}, d(2025, 11, 1));
  EXPECT_EQ(deadlines[0].due_on, "2025-11-26");  // weekends only
  EXPECT_FALSE(deadlines[0].holidays_loaded);
  EXPECT_FALSE(deadlines[0].note_en.empty());
  EXPECT_FALSE(deadlines[0].note_th.empty());
}

TEST(Deadlines, ATorHearingOfFewerThanThreeWorkingDaysIsNotMet) {
  RuleSet rules = embedded_rules();
  Calendar calendar;
  calendar.add_year(2025, {});
  Procurement r = record(Method::e_bidding, 600'000'000);
  r.tor_hearing = true;
  r.stages.tor_hearing_from = "2025-11-07";  // Friday
  r.stages.tor_hearing_to = "2025-11-10";    // Monday: two working days
  auto deadlines = compute_deadlines(rules, calendar, r, {}, d(2025, 12, 1));
  const Deadline* hearing = nullptr;
  for (const auto& deadline : deadlines) {
    if (deadline.rule == "tor_hearing") hearing = &deadline;
  }
  ASSERT_NE(hearing, nullptr);
  EXPECT_EQ(hearing->met, false);
  EXPECT_EQ(hearing->due_on, "2025-11-11");
  r.stages.tor_hearing_to = "2025-11-11";
  for (const auto& deadline : compute_deadlines(rules, calendar, r, {}, d(2025, 12, 1))) {
    if (deadline.rule == "tor_hearing") {
      EXPECT_EQ(deadline.met, true);
    }
  }
}

TEST(Deadlines, TheCabinetCommitmentDeadlineOfTheYear) {
  RuleSet rules = embedded_rules();
  Calendar calendar;
  std::vector<CommitmentRule> year = {
      {"single_year_procurement", "2025-12-31", "ไตรมาส 1", "Q1", "source-1"},
      {"multi_year_procurement", "2026-03-31", "ไตรมาส 2", "Q2", "source-2"}};
  Procurement r = record(Method::e_bidding, 100'000'000);
  r.plan_exempt = true;
  auto commitment = [&](const thai::Date& today) {
    for (const auto& deadline : compute_deadlines(rules, calendar, r, year, today)) {
      if (deadline.rule == "commitment") return deadline;
    }
    ADD_FAILURE() << "no commitment deadline";
    return Deadline{};
  };
  EXPECT_EQ(commitment(d(2025, 12, 1)).due_on, "2025-12-31");
  EXPECT_FALSE(commitment(d(2025, 12, 1)).met.has_value());
  EXPECT_EQ(commitment(d(2026, 1, 1)).met, false);
  r.multi_year = true;
  EXPECT_EQ(commitment(d(2026, 1, 1)).due_on, "2026-03-31");
  EXPECT_EQ(commitment(d(2026, 1, 1)).source, "source-2");
  r.stages.contract_signed = "2026-03-31";
  EXPECT_EQ(commitment(d(2026, 6, 1)).met, true);
}

TEST(Stage, TheLatestDateReachedOrTermination) {
  Procurement r = record(Method::e_bidding, 100);
  EXPECT_EQ(r.stage(), Stage::preparing);
  r.stages.plan_published = "2025-10-20";
  EXPECT_EQ(r.stage(), Stage::plan_published);
  r.stages.bid_day = "2025-11-20";
  EXPECT_EQ(r.stage(), Stage::bids_opened);
  r.stages.contract_signed = "2025-12-01";
  EXPECT_EQ(r.stage(), Stage::contracted);
  r.instalments.push_back({1, "2026-01-01", 100, "2026-01-01", "2026-01-02", "x", true, {}});
  EXPECT_EQ(r.stage(), Stage::completed);
  r.terminated_on = "2026-02-01";
  EXPECT_EQ(r.stage(), Stage::terminated);
}

}  // namespace
}  // namespace changwat::procurement
