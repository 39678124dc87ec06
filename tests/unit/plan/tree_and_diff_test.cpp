#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "fixture.hpp"
#include "modules/plan/diff.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/tree_order.hpp"
#include "modules/plan/tree_writer.hpp"

namespace changwat::plan {
namespace {

using testing::make;
using testing::make_kpi;
using testing::make_project;

Element with_id(Element element, std::int64_t id, int position) {
  element.element_id = id;
  element.position = position;
  return element;
}

TEST(TreeOrder, ParentsComeBeforeChildrenAndSiblingsFollowPosition) {
  std::vector<Element> elements{
      with_id(make(ElementKind::guideline, "G2", "g2", 10), 12, 1),
      with_id(make(ElementKind::strategy, "S2", "s2"), 11, 1),
      with_id(make(ElementKind::guideline, "G1", "g1", 10), 13, 0),
      with_id(make(ElementKind::strategy, "S1", "s1"), 10, 0),
      with_id(make(ElementKind::vision, "V", "v"), 1, 0),
  };
  elements[4].position = 0;
  elements[3].position = 1;
  elements[1].position = 2;
  sort_into_tree_order(elements);
  std::vector<std::string> codes;
  for (const auto& element : elements) codes.push_back(element.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"V", "S1", "G1", "G2", "S2"}));
}

TEST(TreeJson, NestsChildrenAndCarriesKpiAndProjectFields) {
  PlanTree tree;
  tree.plan.id = 7;
  tree.plan.name_th = "แผน";
  tree.plan.period = {2566, 2570};
  tree.version.number = 2;
  tree.version.status = VersionStatus::approved;
  tree.elements = {with_id(make(ElementKind::strategy, "S1", "s1"), 1, 0),
                   with_id(make(ElementKind::guideline, "G1", "g1", 1), 2, 0),
                   with_id(make_kpi("K1", 2, {{2567, 12.5}}), 3, 0),
                   with_id(make_project("P1", 2), 4, 1)};
  tree.elements[3].project->kind = ProjectKind::reserve;
  tree.elements[3].project->ranking = 3;
  auto json = boost::json::parse(write_tree_json(tree)).as_object();
  EXPECT_EQ(json["plan_id"].as_int64(), 7);
  EXPECT_EQ(json["version"].as_int64(), 2);
  EXPECT_EQ(json["status"].as_string(), "approved");
  EXPECT_EQ(json["period"].as_object()["first_fiscal_year"].as_int64(), 2566);
  auto& strategy = json["children"].as_array().at(0).as_object();
  EXPECT_EQ(strategy["kind"].as_string(), "strategy");
  auto& guideline = strategy["children"].as_array().at(0).as_object();
  ASSERT_EQ(guideline["children"].as_array().size(), 2u);
  auto& kpi = guideline["children"].as_array().at(0).as_object();
  EXPECT_EQ(kpi["targets"].as_object()["2567"].as_double(), 12.5);
  EXPECT_EQ(kpi["baseline"].as_object()["value"].as_int64(), 10);
  auto& project = guideline["children"].as_array().at(1).as_object();
  EXPECT_EQ(project["kind"].as_string(), "project");
  EXPECT_EQ(project["project_kind"].as_string(), "reserve");
  EXPECT_EQ(project["project"].as_object()["kind"].as_string(), "reserve");
  EXPECT_EQ(project["project"].as_object()["ranking"].as_int64(), 3);
  EXPECT_EQ(project["budget_satang"].as_int64(), 150'000'000);
  EXPECT_EQ(project["agency"].as_string(), "TRAT-DOAE");
  EXPECT_EQ(project["areas"].as_array().at(0).as_string(), "2301");
}

// The streaming writer and the DOM builder used elsewhere describe a node alike.
TEST(TreeJson, StreamingWriterMatchesTheNodeDocument) {
  PlanTree tree;
  tree.plan.period = {2566, 2570};
  Element kpi = with_id(make_kpi("K1", 1, {{2567, 12.5}, {2568, 13}}), 2, 0);
  kpi.kpi->direction = KpiDirection::within_range;
  kpi.kpi->range_low = 1.5;
  kpi.kpi->range_high = 3;
  kpi.text_th = "ข้อความมี \"อัญประกาศ\" และ \\ กับ\tแท็บ";
  Element project = with_id(make_project("P1", 1), 3, 1);
  project.project->supporting_agency_codes = {"TRAT-PAO"};
  project.project->guideline_ids = {1};
  project.dimensions = {Dimension::economy, Dimension::security};
  project.alignment_codes = {"SDG-08"};
  project.demo = true;
  Element vision = with_id(make(ElementKind::vision, "", "วิสัยทัศน์"), 4, 1);
  tree.elements = {with_id(make(ElementKind::guideline, "G1", "g1"), 1, 0), kpi, project, vision};
  tree.elements[0].parent_id.reset();
  auto written = boost::json::parse(write_tree_json(tree)).as_object();
  std::vector<boost::json::object> nodes;
  std::function<void(const boost::json::array&)> collect = [&](const boost::json::array& list) {
    for (const auto& item : list) {
      boost::json::object node = item.as_object();
      collect(node["children"].as_array());
      node.erase("children");
      nodes.push_back(node);
    }
  };
  collect(written["children"].as_array());
  ASSERT_EQ(nodes.size(), tree.elements.size());
  for (const auto& element : tree.elements) {
    auto expected =
        boost::json::parse(boost::json::serialize(tree_node_to_json(element))).as_object();
    auto found = std::find_if(nodes.begin(), nodes.end(), [&](const auto& node) {
      return node.at("id").as_int64() == element.element_id;
    });
    ASSERT_NE(found, nodes.end());
    EXPECT_EQ(*found, expected) << boost::json::serialize(*found) << "\n"
                                << boost::json::serialize(expected);
  }
}

TEST(Diff, FindsAddedRemovedAndChangedFieldsIncludingTargets) {
  PlanTree from;
  from.version.number = 1;
  from.elements = {with_id(make(ElementKind::strategy, "S1", "s1"), 1, 0),
                   with_id(make(ElementKind::strategy, "S2", "s2"), 2, 1),
                   with_id(make_kpi("K1", 1, {{2567, 10}, {2568, 20}}), 3, 0)};
  PlanTree to = from;
  to.version.number = 2;
  to.elements.erase(to.elements.begin() + 1);                                     // S2 removed
  to.elements.push_back(with_id(make(ElementKind::strategy, "S3", "s3"), 4, 2));  // S3 added
  to.elements[0].text_th = "s1 ใหม่";                                              // S1 text changed
  to.elements[0].version += 1;                // as every edit does
  to.elements[1].kpi->targets[1].value = 25;  // K1 2568 target
  to.elements[1].position = 7;                // renumbering alone is not a change
  PlanDiff diff = compare_versions(from, to);
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].code, "S3");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].code, "S2");
  ASSERT_EQ(diff.changed.size(), 2u);
  const auto& s1 = diff.changed[0];
  EXPECT_EQ(s1.element_id, 1);
  ASSERT_EQ(s1.changes.size(), 1u);
  EXPECT_EQ(s1.changes[0].field, "text_th");
  EXPECT_EQ(s1.changes[0].before_json, "\"s1\"");
  const auto& k1 = diff.changed[1];
  ASSERT_EQ(k1.changes.size(), 1u);
  EXPECT_EQ(k1.changes[0].field, "targets.2568");
  EXPECT_EQ(k1.changes[0].before_json, "20");
  EXPECT_EQ(k1.changes[0].after_json, "25");
  auto json = diff_to_json(diff);
  EXPECT_EQ(json["summary"].as_object()["target_changes"].to_number<std::int64_t>(), 1);
}

TEST(Diff, AnUnchangedRowVersionMeansUnchangedContentExceptTargets) {
  // Every edit raises the row version, so the diff trusts an equal version; KPI
  // targets have versions of their own and are always compared.
  PlanTree from;
  from.elements = {with_id(make_kpi("K1", 1, {{2567, 10}}), 5, 0)};
  PlanTree to = from;
  to.elements[0].kpi->targets[0].value = 11;
  ASSERT_EQ(compare_versions(from, to).changed.size(), 1u);
  to.elements[0].kpi->targets[0].value = 10;
  to.elements[0].kpi->unit_th = "ไม่ควรเกิดขึ้นโดยไม่เพิ่มเวอร์ชัน";
  EXPECT_TRUE(compare_versions(from, to).changed.empty());
  to.elements[0].version += 1;
  auto diff = compare_versions(from, to);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].changes[0].field, "unit_th");
}

TEST(Diff, IdenticalVersionsHaveNoDifferences) {
  PlanTree from;
  from.elements = {with_id(make_project("P1", 1), 5, 0)};
  PlanDiff diff = compare_versions(from, from);
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
  EXPECT_TRUE(diff.changed.empty());
}

TEST(Diff, ProjectFieldsAreComparedOneByOne) {
  PlanTree from;
  from.elements = {with_id(make_project("P1", 1), 5, 0)};
  PlanTree to = from;
  to.elements[0].project->area_codes = {"2301", "2302"};
  to.elements[0].project->budget_satang = 1;
  to.elements[0].version += 1;
  PlanDiff diff = compare_versions(from, to);
  ASSERT_EQ(diff.changed.size(), 1u);
  std::vector<std::string> fields;
  for (const auto& change : diff.changed[0].changes) fields.push_back(change.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"project.areas", "project.budget_satang"}));
}

}  // namespace
}  // namespace changwat::plan
