// Plans and versions: drafts, approval, revisions, stable element ids, diffs,
// the tree cache, and who may read what.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fixture.hpp"

namespace changwat::plan {
namespace {

using namespace testing;

class Versions : public PlanTest {};

TEST_F(Versions, ANewPlanIsDraftVersionOne) {
  Plan plan =
      service().create_plan(strategy(), {"แผนพัฒนา", "Plan", {2566, 2570}, "เริ่ม", std::nullopt});
  EXPECT_EQ(plan.current_version, 1);
  EXPECT_EQ(plan.current_status, VersionStatus::draft);
  EXPECT_EQ(plan.draft_version, 1);
  EXPECT_FALSE(plan.approved_version.has_value());
  EXPECT_EQ(plan.province_code, "23");
  auto versions = service().versions(strategy(), plan.id);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].created_by, "strategy");
  EXPECT_EQ(versions[0].note, "เริ่ม");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan' AND action = 'create'"), 1);
}

TEST_F(Versions, OnlyTheStrategyOfficeCreatesPlans) {
  expect_error(
      [&] {
        service().create_plan(agency_officer(), {"แผน", "", {2566, 2570}, {}, std::nullopt});
      },
      ErrorKind::forbidden, "forbidden");
  expect_error(
      [&] {
        service().create_plan(anonymous(), {"แผน", "", {2566, 2570}, {}, std::nullopt});
      },
      ErrorKind::unauthenticated, "unauthenticated");
  expect_error(
      [&] {
        service().create_plan(strategy(), {"", "", {2566, 2570}, {}, std::nullopt});
      },
      ErrorKind::validation, "invalid_input");
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan"), 0);
}

TEST_F(Versions, ApprovalFreezesTheDraftAndRevisionCopiesIt) {
  auto small = small_plan();
  auto approved = service().approve(strategy(), small.plan_id, 1, "ที่ประชุม กบจ. เห็นชอบ");
  EXPECT_EQ(approved.status, VersionStatus::approved);
  EXPECT_EQ(approved.approved_by, "strategy");
  ASSERT_TRUE(approved.approved_at.has_value());
  EXPECT_EQ(approved.approved_at->size(), 20u);  // 2026-11-25T16:57:28Z

  auto frozen = expect_error(
      [&] {
        Element changed = small.strategy;
        changed.text_th = "แก้ไข";
        service().update_element(strategy(), small.plan_id, changed, small.strategy.version);
      },
      ErrorKind::rule, "plan_frozen");
  EXPECT_NE(frozen.message.en.find("revision"), std::string::npos);

  auto revision = service().start_revision(strategy(), small.plan_id, "ปรับแผนปี 2568");
  EXPECT_EQ(revision.number, 2);
  EXPECT_EQ(revision.status, VersionStatus::draft);
  EXPECT_EQ(revision.based_on, 1);
  EXPECT_EQ(revision.element_count, 2);
  expect_error([&] { service().start_revision(strategy(), small.plan_id, {}); }, ErrorKind::rule,
               "draft_open");

  // The same element ids live on in the new draft, and can be edited there.
  Element in_draft = service().element(strategy(), small.plan_id, small.strategy.element_id, 2);
  EXPECT_EQ(in_draft.text_th, small.strategy.text_th);
  in_draft.text_th = "ยุทธศาสตร์ที่ 1 (ปรับ)";
  service().update_element(strategy(), small.plan_id, in_draft, in_draft.version);
  EXPECT_EQ(service().element(strategy(), small.plan_id, small.strategy.element_id, 1).text_th,
            "ยุทธศาสตร์ที่ 1");

  service().approve(strategy(), small.plan_id, 2, {});
  auto versions = service().versions(strategy(), small.plan_id);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].status, VersionStatus::superseded);
  EXPECT_EQ(versions[1].status, VersionStatus::approved);
  Plan plan = service().get_plan(anonymous(), small.plan_id);
  EXPECT_EQ(plan.current_version, 2);
  EXPECT_EQ(plan.current_status, VersionStatus::approved);
  EXPECT_FALSE(plan.draft_version.has_value());
}

TEST_F(Versions, ApprovingTheWrongNumberIsStaleAndEmptyPlansCannotBeApproved) {
  Plan empty = service().create_plan(strategy(), {"ว่าง", "", {2566, 2570}, {}, std::nullopt});
  expect_error([&] { service().approve(strategy(), empty.id, 1, {}); }, ErrorKind::rule,
               "empty_version");
  auto small = small_plan();
  auto caught = expect_error([&] { service().approve(strategy(), small.plan_id, 3, {}); },
                             ErrorKind::conflict, "stale_version");
  EXPECT_TRUE(caught.fields.contains("version"));
  expect_error([&] { service().approve(agency_officer(), small.plan_id, 1, {}); },
               ErrorKind::forbidden, "forbidden");
  service().approve(strategy(), small.plan_id, 1, {});
  expect_error([&] { service().approve(strategy(), small.plan_id, 1, {}); }, ErrorKind::rule,
               "no_draft");
}

TEST_F(Versions, DraftsAreForStaffApprovedVersionsForEveryone) {
  auto small = small_plan();
  expect_error([&] { service().tree(anonymous(), small.plan_id, std::nullopt); },
               ErrorKind::unauthenticated, "unauthenticated");
  EXPECT_EQ(service().tree(executive(), small.plan_id, std::nullopt)->elements.size(), 2u);
  // The plan itself (name, period, status) is listed publicly even as a draft.
  ASSERT_EQ(service().list_plans(anonymous()).size(), 1u);
  service().approve(strategy(), small.plan_id, 1, {});
  EXPECT_EQ(service().tree(anonymous(), small.plan_id, std::nullopt)->elements.size(), 2u);
  service().start_revision(strategy(), small.plan_id, {});
  expect_error([&] { service().tree(anonymous(), small.plan_id, 2); }, ErrorKind::unauthenticated,
               "unauthenticated");
  // Anonymous readers get the version in force, not the open draft.
  EXPECT_EQ(service().tree(anonymous(), small.plan_id, std::nullopt)->version.number, 1);
  expect_error([&] { service().tree(anonymous(), small.plan_id, 9); }, ErrorKind::not_found,
               "not_found");
  expect_error([&] { service().tree(anonymous(), 999, std::nullopt); }, ErrorKind::not_found,
               "not_found");
}

TEST_F(Versions, DiffShowsAddedRemovedChangedAndTargetValues) {
  auto small = small_plan();
  Element kpi =
      service().create_element(strategy(), small.plan_id,
                               make_kpi("K1", small.strategy.element_id, {{2567, 10}, {2568, 20}}));
  Element doomed = service().create_element(strategy(), small.plan_id,
                                            make_project("P1", small.guideline.element_id));
  service().approve(strategy(), small.plan_id, 1, {});
  service().start_revision(strategy(), small.plan_id, {});
  auto target = service().element(strategy(), small.plan_id, kpi.element_id, 2).kpi->targets[1];
  service().set_target(strategy(), small.plan_id, kpi.element_id, 2568, 25.0, target.version);
  service().delete_element(strategy(), small.plan_id, doomed.element_id, doomed.version);
  Element added = service().create_element(strategy(), small.plan_id,
                                           make_project("P2", small.guideline.element_id));

  PlanDiff diff = service().diff(strategy(), small.plan_id, 1, 2);
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].element_id, added.element_id);
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].element_id, doomed.element_id);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].element_id, kpi.element_id);
  EXPECT_EQ(diff.changed[0].changes[0].field, "targets.2568");
  EXPECT_EQ(diff.changed[0].changes[0].after_json, "25");
  EXPECT_EQ(diff.from.number, 1);
  EXPECT_EQ(diff.to.status, VersionStatus::draft);
  // The JSON document is kept while both versions are unchanged, rebuilt after an edit.
  auto json = service().diff_json(strategy(), small.plan_id, 1, 2);
  EXPECT_EQ(service().diff_json(strategy(), small.plan_id, 1, 2).get(), json.get());
  EXPECT_NE(json->find("targets.2568"), std::string::npos);
  Element reread = service().element(strategy(), small.plan_id, added.element_id, 2);
  reread.text_th = "โครงการที่เพิ่มแล้วแก้ชื่อ";
  service().update_element(strategy(), small.plan_id, reread, reread.version);
  auto rebuilt = service().diff_json(strategy(), small.plan_id, 1, 2);
  EXPECT_NE(rebuilt.get(), json.get());
  EXPECT_NE(rebuilt->find("โครงการที่เพิ่มแล้วแก้ชื่อ"), std::string::npos);
  // The public may compare frozen versions only.
  expect_error([&] { service().diff(anonymous(), small.plan_id, 1, 2); },
               ErrorKind::unauthenticated, "unauthenticated");
}

TEST_F(Versions, FrozenTreesAreCachedDraftTreesFollowEachChange) {
  auto small = small_plan();
  TreeDocument first = service().tree_document(strategy(), small.plan_id, std::nullopt);
  TreeDocument again = service().tree_document(strategy(), small.plan_id, std::nullopt);
  EXPECT_EQ(first.json.get(), again.json.get());  // same revision: same document
  service().create_element(strategy(), small.plan_id,
                           make_project("P1", small.guideline.element_id));
  TreeDocument changed = service().tree_document(strategy(), small.plan_id, std::nullopt);
  EXPECT_NE(changed.etag, first.etag);
  EXPECT_NE(changed.json->find("\"P1\""), std::string::npos);
  EXPECT_EQ(first.json->find("\"P1\""), std::string::npos);

  service().approve(strategy(), small.plan_id, 1, {});
  TreeDocument approved = service().tree_document(anonymous(), small.plan_id, 1);
  auto json = boost::json::parse(*approved.json).as_object();
  EXPECT_EQ(json["status"].as_string(), "approved");
  service().start_revision(strategy(), small.plan_id, {});
  service().approve(strategy(), small.plan_id, 2, {});
  // The status of version 1 changed to superseded: the cached document follows.
  TreeDocument superseded = service().tree_document(anonymous(), small.plan_id, 1);
  EXPECT_EQ(boost::json::parse(*superseded.json).as_object()["status"].as_string(), "superseded");
  EXPECT_NE(superseded.etag, approved.etag);
}

TEST_F(Versions, PlanNameAndPeriodChangesUseTheRowVersion) {
  auto small = small_plan();
  Plan plan = service().get_plan(strategy(), small.plan_id);
  Plan renamed = service().update_plan(
      strategy(), plan.id, {"แผนใหม่", std::nullopt, PlanPeriod{2567, 2570}, plan.row_version});
  EXPECT_EQ(renamed.name_th, "แผนใหม่");
  EXPECT_EQ(renamed.period.first_fiscal_year, 2567);
  expect_error(
      [&] {
        service().update_plan(strategy(), plan.id,
                              {"อีกชื่อ", std::nullopt, std::nullopt, plan.row_version});
      },
      ErrorKind::conflict, "stale_version");
  // A period that leaves out existing targets is refused.
  service().create_element(strategy(), plan.id,
                           make_kpi("K1", small.strategy.element_id, {{2567, 1}}));
  expect_error(
      [&] {
        service().update_plan(
            strategy(), plan.id,
            {std::nullopt, std::nullopt, PlanPeriod{2568, 2570}, renamed.row_version});
      },
      ErrorKind::rule, "period_excludes_content");
  service().approve(strategy(), plan.id, 1, {});
  expect_error(
      [&] {
        service().update_plan(
            strategy(), plan.id,
            {std::nullopt, std::nullopt, PlanPeriod{2566, 2570}, renamed.row_version});
      },
      ErrorKind::rule, "period_frozen");
}

}  // namespace
}  // namespace changwat::plan
