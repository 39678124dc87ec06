// The read model the monitoring module uses: latest report at a month, counts by
// status, missing reports, swapping one project in; status names.
#include "modules/progress/model.hpp"

#include <gtest/gtest.h>

#include "modules/progress/rules.hpp"

namespace changwat::progress {
namespace {

std::shared_ptr<const ProjectProgress> project(std::int64_t id, std::vector<ProgressPoint> months) {
  auto p = std::make_shared<ProjectProgress>();
  p->element_id = id;
  p->months = std::move(months);
  return p;
}

ProgressSnapshot sample() {
  return ProgressSnapshot(2569, 1,
                          {{1, project(1, {{{2025, 10}, 5, ProgressStatus::contracted},
                                           {{2025, 12}, 30, ProgressStatus::in_progress},
                                           {{2026, 2}, 35, ProgressStatus::delayed}})},
                           {2, project(2, {{{2025, 11}, 100, ProgressStatus::completed}})}});
}

TEST(ProgressModel, StatusNamesRoundTripInDeclarationOrder) {
  for (std::size_t i = 0; i < kStatusCount; ++i) {
    auto status = static_cast<ProgressStatus>(i);
    EXPECT_EQ(parse_progress_status(to_string(status)), status);
    EXPECT_FALSE(name_th(status).empty());
  }
  EXPECT_EQ(to_string(ProgressStatus::in_progress), "in_progress");
  EXPECT_FALSE(parse_progress_status("finished"));
}

TEST(ProgressModel, LatestIsTheLastReportNotAfterTheMonth) {
  ProgressSnapshot snapshot = sample();
  EXPECT_EQ(snapshot.latest(1)->physical_percent, 35);
  EXPECT_EQ(snapshot.latest(1, Month{2026, 1})->physical_percent, 30);  // December's
  EXPECT_EQ(snapshot.latest(1, Month{2025, 10})->status, ProgressStatus::contracted);
  EXPECT_FALSE(snapshot.latest(1, Month{2025, 9}));
  EXPECT_FALSE(snapshot.latest(99));
}

TEST(ProgressModel, SummaryCountsStatusesAndProjectsWithoutReports) {
  ProgressSnapshot snapshot = sample();
  std::vector<std::int64_t> ids{1, 2, 3};
  StatusSummary latest = snapshot.summarize(ids);
  EXPECT_EQ(latest.projects, 3);
  EXPECT_EQ(latest.without_report, 1);
  EXPECT_EQ(latest.count(ProgressStatus::delayed), 1);
  EXPECT_EQ(latest.count(ProgressStatus::completed), 1);
  EXPECT_DOUBLE_EQ(*latest.average_physical_percent(), (35.0 + 100.0) / 2);
  StatusSummary october = snapshot.summarize(ids, Month{2025, 10});
  EXPECT_EQ(october.without_report, 2);
  EXPECT_EQ(october.count(ProgressStatus::contracted), 1);
  EXPECT_FALSE(snapshot.summarize(std::vector<std::int64_t>{3}).average_physical_percent());
}

TEST(ProgressModel, MissingReportListsProjectsWithoutThatExactMonth) {
  ProgressSnapshot snapshot = sample();
  std::vector<std::int64_t> ids{1, 2, 3};
  EXPECT_EQ(snapshot.missing_report(ids, Month{2025, 12}), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(snapshot.missing_report(ids, Month{2025, 11}), (std::vector<std::int64_t>{1, 3}));
}

TEST(ProgressModel, WithReplacesOneProjectAndLeavesTheOriginal) {
  ProgressSnapshot snapshot = sample();
  auto next = snapshot.with(3, project(3, {{{2026, 1}, 10, ProgressStatus::in_progress}}), 2);
  EXPECT_EQ(next->revision(), 2);
  EXPECT_TRUE(next->find(3));
  EXPECT_FALSE(snapshot.find(3));
  EXPECT_EQ(next->find(1), snapshot.find(1));  // shared, not copied
}

TEST(ProgressRules, FiscalYearStartsInOctober) {
  EXPECT_EQ(rules::fiscal_year_of({2025, 9}), 2568);
  EXPECT_EQ(rules::fiscal_year_of({2025, 10}), 2569);
  EXPECT_EQ(rules::fiscal_year_of({2026, 9}), 2569);
}

}  // namespace
}  // namespace changwat::progress
