// Coverage of a plan cycle and the Thai search over needs and projects.
#include <algorithm>

#include "service_test_support.hpp"

namespace changwat::participation {
namespace {

using testing::expect_error;

class CoverageTest : public testing::ServiceTest {
 protected:
  bool uncovered(const AreaCoverage& coverage, const std::string& code) {
    return std::any_of(coverage.without_needs.begin(), coverage.without_needs.end(),
                       [&](const areas::Area& area) { return area.code == code; });
  }
};

TEST_F(CoverageTest, AVillageNeedCoversItsSubdistrictAndDistrict) {
  AreaCoverage before = service().area_coverage(strategy_, plan_id(), std::nullopt);
  ASSERT_EQ(before.levels.size(), 3u);
  EXPECT_EQ(before.levels[0].total, 7);    // districts of Trat
  EXPECT_EQ(before.levels[1].total, 38);   // subdistricts
  EXPECT_GT(before.levels[2].total, 200);  // demo villages
  EXPECT_EQ(before.levels[0].with_needs, 0);

  officer_need(strategy_, "น้ำประปา", "23010103");
  submit_public(anonymous_, "ยังไม่ผ่านการกลั่นกรอง", "230702");  // does not count
  AreaCoverage after = service().area_coverage(strategy_, plan_id(), std::nullopt);
  EXPECT_EQ(after.levels[0].with_needs, 1);
  EXPECT_EQ(after.levels[1].with_needs, 1);
  EXPECT_EQ(after.levels[2].with_needs, 1);
  EXPECT_FALSE(uncovered(after, "2301"));
  EXPECT_FALSE(uncovered(after, "230101"));
  EXPECT_FALSE(uncovered(after, "23010103"));
  EXPECT_TRUE(uncovered(after, "23010102"));
  EXPECT_TRUE(uncovered(after, "230702"));
  AreaCoverage districts = service().area_coverage(strategy_, plan_id(), areas::Level::district);
  EXPECT_EQ(districts.without_needs.size(), 6u);
  expect_error([&] { service().area_coverage(anonymous_, plan_id(), std::nullopt); },
               ErrorKind::unauthenticated, "unauthenticated");
}

TEST_F(CoverageTest, NeedsAnsweredOnlyByAProjectLeaveTheList) {
  Need guideline_only = officer_need(strategy_, "ท่องเที่ยวชุมชนบ้านช้างทูน", "230402");
  service().link(strategy_, guideline_only.id, element_id("G1.1"), guideline_only.version);
  Need answered = officer_need(strategy_, "ท่าเทียบเรือเกาะกูด", "230602");
  service().link(strategy_, answered.id, element_id("P02"), answered.version);
  Need declined = officer_need(strategy_, "สนามบิน", "2304");
  service().change_status(strategy_, declined.id, NeedStatus::declined, std::string("เกินอำนาจ"),
                          declined.version);

  UnansweredNeeds unanswered = service().unanswered_needs(strategy_, plan_id());
  ASSERT_EQ(unanswered.needs.size(), 1u);
  EXPECT_EQ(unanswered.needs[0].need.id, guideline_only.id);
  ASSERT_EQ(unanswered.needs[0].links.size(), 1u);
  EXPECT_EQ(unanswered.needs[0].links[0].element->code, "G1.1");
}

plan::Element plan_element(std::int64_t key, std::optional<std::int64_t> parent,
                           plan::ElementKind kind, const std::string& code,
                           const std::string& text) {
  plan::Element element;
  element.element_id = key;
  element.parent_id = parent;
  element.kind = kind;
  element.code = code;
  element.text_th = text;
  element.text_en = text;
  if (kind == plan::ElementKind::project) {
    element.project.emplace();
    element.project->agency_code = "TRAT-PO";
    element.project->area_codes = {"2301"};
  }
  return element;
}

TEST_F(CoverageTest, ProjectsAnsweringNoNeedAndNoNationalTarget) {
  // Every demo project serves a national target (directly or through its strategy).
  EXPECT_TRUE(service().unlinked_projects(strategy_, plan_id()).projects.empty());

  // A plan whose tree names no national target at all.
  using plan::ElementKind;
  std::int64_t bare = plans().import_plan(
      Actor::command_line(), {"แผนทดสอบ", "Test plan", {2571, 2575}, std::nullopt, std::nullopt},
      {plan_element(1, std::nullopt, ElementKind::strategy, "S9", "ประเด็นทดสอบ"),
       plan_element(2, 1, ElementKind::guideline, "G9.1", "แนวทางทดสอบ"),
       plan_element(3, 2, ElementKind::project, "P9.1", "โครงการที่ตอบความต้องการ"),
       plan_element(4, 2, ElementKind::project, "P9.2", "โครงการที่ไม่ตอบอะไรเลย")},
      true, std::nullopt);
  UnlinkedProjects before = service().unlinked_projects(strategy_, bare);
  ASSERT_EQ(before.projects.size(), 2u);

  NeedInput input;
  input.plan_id = bare;
  input.title = "ความต้องการของแผนทดสอบ";
  input.description = "ก";
  input.area_code = "2301";
  Need need = service().create_need(strategy_, input);
  std::int64_t answering = plans().find_element_by_code(bare, "P9.1")->element_id;
  service().link(strategy_, need.id, answering, need.version);

  UnlinkedProjects after = service().unlinked_projects(strategy_, bare);
  ASSERT_EQ(after.projects.size(), 1u);
  EXPECT_EQ(after.projects[0].code, "P9.2");
  EXPECT_FALSE(after.projects[0].has_alignment);
  expect_error([&] { service().unlinked_projects(anonymous_, bare); }, ErrorKind::unauthenticated,
               "unauthenticated");
}

TEST_F(CoverageTest, SearchFindsThaiWordsInsideNeedsAndProjects) {
  officer_need(strategy_, "การส่งเสริมการท่องเที่ยวชุมชน", "230702", "พัฒนาแหล่งท่องเที่ยวบ้านสลักเพชร");
  officer_need(strategy_, "ซ่อมถนนลูกรัง", "230302", "ถนนเข้าสวนผลไม้เป็นหลุมบ่อ");
  SearchResult result = service().search(anonymous_, "ท่องเที่ยว", 20, std::nullopt);
  EXPECT_EQ(result.needs.total, 1);
  ASSERT_EQ(result.needs.items.size(), 1u);
  EXPECT_EQ(result.needs.items[0].title, "การส่งเสริมการท่องเที่ยวชุมชน");
  EXPECT_FALSE(result.projects.empty());  // P01 พัฒนาแหล่งท่องเที่ยวชุมชน …
  for (const plan::SearchHit& hit : result.projects)
    EXPECT_NE(hit.text_th.find("ท่องเที่ยว"), std::string::npos) << hit.text_th;
  EXPECT_EQ(service().search(anonymous_, "หลุมบ่อ", 20, std::nullopt).needs.total, 1);
  EXPECT_EQ(service().search(anonymous_, "ถนน ท่องเที่ยว", 20, std::nullopt).needs.total, 0);
  expect_error([&] { service().search(anonymous_, "   ", 20, std::nullopt); },
               ErrorKind::validation, "invalid_input");
  expect_error([&] { service().search(anonymous_, "!!!", 20, std::nullopt); },
               ErrorKind::validation, "invalid_input");
}

}  // namespace
}  // namespace changwat::participation
