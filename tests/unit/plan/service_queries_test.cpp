// What other modules read: elements by id across versions, projects of the
// version in force, Thai project search, the alignment report.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace changwat::plan {
namespace {

using namespace testing;

class Queries : public PlanTest {
 protected:
  void SetUp() override {
    PlanTest::SetUp();
    small_ = small_plan();
    Element tourism = make_project("P1", small_.guideline.element_id);
    tourism.text_th = "ส่งเสริมการท่องเที่ยวชุมชนเกาะช้าง";
    tourism.alignment_codes = {"SDG-08"};
    tourism_ = service().create_element(strategy(), small_.plan_id, tourism);
    Element mangrove = make_project("P2", small_.guideline.element_id, "TRAT-MNRE", {"2305"});
    mangrove.text_th = "ปลูกและฟื้นฟูป่าชายเลน";
    mangrove_ = service().create_element(strategy(), small_.plan_id, mangrove);
  }
  Small small_;
  Element tourism_;
  Element mangrove_;
};

TEST_F(Queries, FindElementFollowsTheElementAcrossVersions) {
  auto found = service().find_element(tourism_.element_id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->plan_id, small_.plan_id);
  EXPECT_EQ(found->kind, ElementKind::project);
  EXPECT_EQ(found->project_kind, ProjectKind::main);
  EXPECT_EQ(found->version_number, 1);
  EXPECT_TRUE(found->in_latest_version);
  service().approve(strategy(), small_.plan_id, 1, {});
  service().start_revision(strategy(), small_.plan_id, {});
  Element in_draft = service().element(strategy(), small_.plan_id, mangrove_.element_id, 2);
  service().delete_element(strategy(), small_.plan_id, mangrove_.element_id, in_draft.version);
  auto gone = service().find_element(mangrove_.element_id);
  ASSERT_TRUE(gone.has_value());  // still readable in version 1
  EXPECT_EQ(gone->version_number, 1);
  EXPECT_FALSE(gone->in_latest_version);
  auto kept = service().find_element(tourism_.element_id);
  EXPECT_EQ(kept->version_number, 2);
  EXPECT_FALSE(service().find_element(424242).has_value());
  auto by_code = service().find_element_by_code(small_.plan_id, "P1");
  ASSERT_TRUE(by_code.has_value());
  EXPECT_EQ(by_code->element_id, tourism_.element_id);
}

TEST_F(Queries, ProjectsOfTheVersionInForceInheritAlignment) {
  auto projects = service().projects_of_current_version(small_.plan_id);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].code, "P1");
  EXPECT_TRUE(projects[0].has_alignment);
  EXPECT_FALSE(projects[1].has_alignment);
  EXPECT_EQ(projects[1].agency_code, "TRAT-MNRE");
  EXPECT_EQ(projects[1].area_codes, (std::vector<std::string>{"2305"}));
  // A link on the strategy above reaches the project below.
  service().set_alignments(strategy(), small_.plan_id, small_.strategy.element_id, {"NS-5"},
                           small_.strategy.version);
  projects = service().projects_of_current_version(small_.plan_id);
  EXPECT_TRUE(projects[1].has_alignment);
  EXPECT_TRUE(projects[1].alignment_codes.empty());
  auto summaries = service().elements_of_current_version(small_.plan_id, ElementKind::guideline);
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(summaries[0].code, "G1");
  auto period = service().period_of(small_.plan_id);
  ASSERT_TRUE(period.has_value());
  EXPECT_EQ(period->first_fiscal_year, 2566);
  EXPECT_FALSE(service().period_of(999).has_value());
}

TEST_F(Queries, ProjectSearchFindsThaiWordsAndFollowsEdits) {
  auto hits = service().search_projects("ท่องเที่ยว", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element_id, tourism_.element_id);
  EXPECT_EQ(hits[0].plan_id, small_.plan_id);
  EXPECT_EQ(service().search_projects("ชายเลน", 10).size(), 1u);
  Element edit = mangrove_;
  edit.text_th = "ปลูกป่าชายเลนเพื่อการท่องเที่ยว";
  service().update_element(strategy(), small_.plan_id, edit, mangrove_.version);
  EXPECT_EQ(service().search_projects("ท่องเที่ยว", 10).size(), 2u);
  EXPECT_TRUE(service().search_projects("ไม่มีคำนี้", 10).empty());
}

TEST_F(Queries, AlignmentReportNamesServedTargetsAndElementsServingNone) {
  AlignmentReport report = service().alignment_report(strategy(), small_.plan_id, std::nullopt);
  ASSERT_EQ(report.served.size(), 1u);
  EXPECT_EQ(report.served[0].target.code, "SDG-08");
  EXPECT_EQ(report.served[0].element_ids, (std::vector<std::int64_t>{tourism_.element_id}));
  EXPECT_EQ(report.not_served.size(), service().catalog().targets().size() - 1);
  std::vector<std::string> none;
  for (const auto& element : report.serving_none) none.push_back(element.code);
  EXPECT_EQ(none, (std::vector<std::string>{"S1", "G1", "P2"}));
  service().set_alignments(strategy(), small_.plan_id, small_.strategy.element_id, {"NS-2"},
                           small_.strategy.version);
  report = service().alignment_report(strategy(), small_.plan_id, std::nullopt);
  EXPECT_TRUE(report.serving_none.empty());
  std::vector<std::string> inherited;
  for (const auto& element : report.inherited_only) inherited.push_back(element.code);
  EXPECT_EQ(inherited, (std::vector<std::string>{"G1", "P2"}));
}

}  // namespace
}  // namespace changwat::plan
