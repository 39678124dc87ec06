// Warning rules as pure functions: the 7-day suppression, "worsens", reconciliation
// of today's causes with the stored warnings, and each kind's rule.
#include "modules/monitoring/rules.hpp"

#include <gtest/gtest.h>

namespace changwat::monitoring {
namespace {

using thai::Date;

Cause cause_of(WarningKind kind, std::int64_t element, double measure, int severity = 1) {
  Cause cause;
  cause.kind = kind;
  cause.element_id = element;
  cause.measure = measure;
  cause.severity = severity;
  cause.due_on = {2026, 3, 31};
  cause.message = {"ข้อความ", "message"};
  return cause;
}

Warning stored_of(std::int64_t id, const Cause& cause, WarningStatus status) {
  Warning warning;
  warning.id = id;
  warning.province_code = "23";
  warning.kind = cause.kind;
  warning.element_id = cause.element_id;
  warning.subject = cause.subject;
  warning.status = status;
  warning.measure = cause.measure;
  warning.severity = cause.severity;
  warning.message_th = cause.message.th;
  warning.message_en = cause.message.en;
  warning.due_on = thai::to_iso(cause.due_on);
  warning.raised_on = "2026-03-01";
  return warning;
}

Warning resolved_by_person(std::int64_t id, const Cause& cause, const std::string& on) {
  Warning warning = stored_of(id, cause, WarningStatus::resolved);
  warning.resolved_on = on;
  warning.resolved_by = "agency";
  warning.resolved_measure = cause.measure;
  warning.resolved_severity = cause.severity;
  return warning;
}

TEST(MonitoringDays, AddAndCount) {
  EXPECT_EQ(rules::add_days({2026, 2, 27}, 3), (Date{2026, 3, 2}));
  EXPECT_EQ(rules::days_between({2025, 12, 31}, {2026, 1, 7}), 7);
  EXPECT_EQ(rules::days_between({2026, 1, 7}, {2025, 12, 31}), -7);
}

TEST(MonitoringSuppression, QuietForSevenDaysUnlessWorse) {
  Settings settings;
  Cause cause = cause_of(WarningKind::behind_disbursement_target, 10, 12.0);
  Warning resolved = resolved_by_person(1, cause, "2026-03-01");
  // Same cause the next day and six days later: quiet.
  EXPECT_TRUE(rules::suppressed(resolved, cause, {2026, 3, 2}, settings));
  EXPECT_TRUE(rules::suppressed(resolved, cause, {2026, 3, 7}, settings));
  // Seven days after the resolution: raised again.
  EXPECT_FALSE(rules::suppressed(resolved, cause, {2026, 3, 8}, settings));
  // Worse by more than worsen_points (1 point): raised at once.
  Cause worse = cause_of(WarningKind::behind_disbursement_target, 10, 13.5);
  EXPECT_TRUE(rules::worsens(resolved, worse, settings));
  EXPECT_FALSE(rules::suppressed(resolved, worse, {2026, 3, 2}, settings));
  // Within the margin: not worse.
  Cause slightly = cause_of(WarningKind::behind_disbursement_target, 10, 12.5);
  EXPECT_FALSE(rules::worsens(resolved, slightly, settings));
  EXPECT_TRUE(rules::suppressed(resolved, slightly, {2026, 3, 2}, settings));
}

TEST(MonitoringSuppression, CountsWorsenByAnyGrowthAndPastDueIsWorse) {
  Settings settings;
  Cause missing = cause_of(WarningKind::progress_report_missing, 10, 1, 0);
  Warning resolved = resolved_by_person(1, missing, "2026-03-01");
  EXPECT_FALSE(rules::worsens(resolved, missing, settings));
  EXPECT_TRUE(
      rules::worsens(resolved, cause_of(WarningKind::progress_report_missing, 10, 2, 0), settings));
  // The same count, now past its due date: worse.
  EXPECT_TRUE(
      rules::worsens(resolved, cause_of(WarningKind::progress_report_missing, 10, 1, 1), settings));
  // Better: not worse.
  EXPECT_FALSE(rules::worsens(resolved, cause_of(WarningKind::progress_report_missing, 10, 0.5, 0),
                              settings));
}

TEST(MonitoringSuppression, AutomaticResolutionNeverSuppresses) {
  Settings settings;
  Cause cause = cause_of(WarningKind::instalment_overdue, 10, 500);
  Warning resolved = resolved_by_person(1, cause, "2026-03-01");
  resolved.resolved_automatically = true;
  resolved.resolved_by.reset();
  EXPECT_FALSE(rules::suppressed(resolved, cause, {2026, 3, 2}, settings));
}

TEST(MonitoringSuppression, SettingChangesTheWindow) {
  Settings settings;
  settings.suppression_days = 3;
  Cause cause = cause_of(WarningKind::instalment_overdue, 10, 500);
  Warning resolved = resolved_by_person(1, cause, "2026-03-01");
  EXPECT_TRUE(rules::suppressed(resolved, cause, {2026, 3, 3}, settings));
  EXPECT_FALSE(rules::suppressed(resolved, cause, {2026, 3, 4}, settings));
}

TEST(MonitoringReconcile, RaisesRefreshesResolvesAndSuppresses) {
  Settings settings;
  Date today{2026, 3, 3};
  Cause fresh = cause_of(WarningKind::behind_disbursement_target, 1, 11);
  Cause changed = cause_of(WarningKind::behind_disbursement_target, 2, 15);
  Cause quiet = cause_of(WarningKind::behind_disbursement_target, 3, 12);
  Cause returned = cause_of(WarningKind::behind_disbursement_target, 4, 12);
  Cause gone = cause_of(WarningKind::behind_disbursement_target, 5, 20);

  std::vector<Warning> stored;
  stored.push_back(
      stored_of(10, cause_of(WarningKind::behind_disbursement_target, 2, 14), WarningStatus::open));
  stored.push_back(resolved_by_person(11, quiet, "2026-03-01"));
  Warning automatic = stored_of(12, returned, WarningStatus::resolved);
  automatic.resolved_automatically = true;
  automatic.resolved_on = "2026-03-02";
  stored.push_back(automatic);
  stored.push_back(stored_of(13, gone, WarningStatus::open));

  auto plan = rules::reconcile({fresh, changed, quiet, returned}, stored, today, settings);
  ASSERT_EQ(plan.raise.size(), 2u);
  EXPECT_EQ(plan.raise[0].element_id, 1);
  EXPECT_EQ(plan.raise[1].element_id, 4);
  ASSERT_EQ(plan.refresh.size(), 1u);
  EXPECT_EQ(plan.refresh[0].id, 10);
  EXPECT_EQ(plan.refresh[0].cause.measure, 15);
  ASSERT_EQ(plan.resolve.size(), 1u);
  EXPECT_EQ(plan.resolve[0], 13);
}

TEST(MonitoringReconcile, NothingToDoWhenStoredMatches) {
  Settings settings;
  Cause cause = cause_of(WarningKind::reserve_available, 7, 1000, 0);
  std::vector<Warning> stored{stored_of(1, cause, WarningStatus::open)};
  EXPECT_TRUE(rules::reconcile({cause}, stored, {2026, 3, 3}, settings).empty());
}

TEST(MonitoringRules, BehindTargetComparesWithTheLatestQuarterEnd) {
  Settings settings;  // 10 points
  rules::Subject project{5, "P05", "โครงการ", "Project", std::string("AG1")};
  std::array<std::optional<double>, 12> targets{};
  targets[2] = 33.0;  // end of Q1 (December)
  std::array<std::int64_t, 12> disbursed{};
  for (auto& month : disbursed) month = 200;  // 20% of 1,000 from October on
  // Latest position in January (index 3): compared with Q1's 33%: 13 points behind.
  auto cause = rules::behind_target(project, 1000, disbursed, 3, targets, 2569, settings);
  ASSERT_TRUE(cause.has_value());
  EXPECT_EQ(cause->kind, WarningKind::behind_disbursement_target);
  EXPECT_DOUBLE_EQ(cause->measure, 13.0);
  EXPECT_EQ(cause->agency_code, "AG1");
  EXPECT_EQ(cause->due_on, (Date{2026, 3, 31}));  // end of Q2
  // 25% disbursed: 8 points behind, within the threshold.
  for (auto& month : disbursed) month = 250;
  EXPECT_FALSE(rules::behind_target(project, 1000, disbursed, 3, targets, 2569, settings));
  // Before the first quarter end nothing to compare with.
  for (auto& month : disbursed) month = 0;
  EXPECT_FALSE(rules::behind_target(project, 1000, disbursed, 1, targets, 2569, settings));
}

TEST(MonitoringRules, NotCommittedWarnsBeforeAndAfterTheDeadline) {
  Settings settings;  // 30 days before
  rules::Subject project{5, "P05", "โครงการ", "Project", std::nullopt};
  rules::ProcurementFacts facts;
  facts.procurement_id = 9;
  facts.deadline = {2025, 12, 31};
  EXPECT_FALSE(rules::not_committed(project, facts, {2025, 11, 30}, settings));
  auto early = rules::not_committed(project, facts, {2025, 12, 1}, settings);
  ASSERT_TRUE(early.has_value());
  EXPECT_EQ(early->severity, 0);
  EXPECT_EQ(early->subject, "procurement:9");
  auto late = rules::not_committed(project, facts, {2026, 1, 2}, settings);
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->severity, 1);
  facts.contract_signed = true;
  EXPECT_FALSE(rules::not_committed(project, facts, {2026, 1, 2}, settings));
}

TEST(MonitoringRules, ReportMissingCountsMonthsDueOrSoonDue) {
  Settings settings;  // due on the 10th of the next month, warned 3 days before
  rules::Subject project{5, "P05", "โครงการ", "Project", std::nullopt};
  const int october = 2025 * 12 + 9;
  // 6 December: October's report is overdue (due 10 Nov), November's not yet near.
  auto cause = rules::report_missing(project, 2569, october, {}, {2025, 12, 6}, settings);
  ASSERT_TRUE(cause.has_value());
  EXPECT_DOUBLE_EQ(cause->measure, 1);
  EXPECT_EQ(cause->severity, 1);
  EXPECT_EQ(cause->due_on, (Date{2025, 11, 10}));
  // 7 December: November's is due within 3 days too.
  cause = rules::report_missing(project, 2569, october, {}, {2025, 12, 7}, settings);
  ASSERT_TRUE(cause.has_value());
  EXPECT_DOUBLE_EQ(cause->measure, 2);
  // Both reported: nothing.
  EXPECT_FALSE(rules::report_missing(project, 2569, october, {october, october + 1}, {2025, 12, 7},
                                     settings));
  // A project starting in January is not asked for October.
  EXPECT_FALSE(rules::report_missing(project, 2569, october + 3, {}, {2025, 12, 7}, settings));
}

TEST(MonitoringRules, KpiBelowRespectsDirectionAndTolerance) {
  Settings settings;
  settings.kpi_tolerance_percent = 5;
  rules::Subject kpi{8, "K1", "ตัวชี้วัด", "KPI", std::nullopt};
  rules::KpiFacts facts{rules::Side::higher_is_better, 90, 100, "year"};
  auto cause = rules::kpi_below(kpi, facts, 2569, settings);
  ASSERT_TRUE(cause.has_value());
  EXPECT_DOUBLE_EQ(cause->measure, 10);
  facts.actual = 96;  // 4% short: within tolerance
  EXPECT_FALSE(rules::kpi_below(kpi, facts, 2569, settings));
  rules::KpiFacts lower{rules::Side::lower_is_better, 12, 10, "Q2"};
  EXPECT_TRUE(rules::kpi_below(kpi, lower, 2569, settings).has_value());
  lower.actual = 9;
  EXPECT_FALSE(rules::kpi_below(kpi, lower, 2569, settings));
}

TEST(MonitoringRules, InstalmentOverdueAfterGraceDays) {
  Settings settings;
  settings.instalment_grace_days = 2;
  rules::Subject project{5, "P05", "โครงการ", "Project", std::nullopt};
  rules::InstalmentFacts facts;
  facts.procurement_id = 3;
  facts.number = 2;
  facts.due_on = {2026, 2, 1};
  facts.amount = 100000;
  EXPECT_FALSE(rules::instalment_overdue(project, facts, {2026, 2, 3}, settings));
  auto cause = rules::instalment_overdue(project, facts, {2026, 2, 4}, settings);
  ASSERT_TRUE(cause.has_value());
  EXPECT_EQ(cause->subject, "instalment:3:2");
}

TEST(MonitoringRules, ReserveDueAtTheNextDeadlineAhead) {
  rules::Subject project{5, "R01", "สำรอง", "Reserve", std::nullopt};
  std::vector<Date> deadlines{{2025, 12, 31}, {2026, 3, 31}};
  auto cause = rules::reserve_available(project, 1, 500000, 400000, deadlines, 2569, {2026, 1, 10});
  ASSERT_TRUE(cause.has_value());
  EXPECT_EQ(cause->due_on, (Date{2026, 3, 31}));
  EXPECT_FALSE(rules::reserve_available(project, 1, 0, 400000, deadlines, 2569, {2026, 1, 10}));
}

}  // namespace
}  // namespace changwat::monitoring
