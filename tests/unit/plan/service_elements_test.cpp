// Editing the draft: the tree's shape, codes, optimistic concurrency, moves and
// cycles, deletions, KPI targets in place, alignment links, agency proposals —
// and that a refused change leaves nothing behind.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace changwat::plan {
namespace {

using namespace testing;

class Elements : public PlanTest {
 protected:
  void SetUp() override {
    PlanTest::SetUp();
    small_ = small_plan();
  }
  std::int64_t plan() const { return small_.plan_id; }
  std::int64_t guideline() const { return small_.guideline.element_id; }
  std::int64_t strategy_id() const { return small_.strategy.element_id; }
  std::int64_t elements() { return count("SELECT COUNT(*) FROM plan_element"); }
  Small small_;
};

TEST_F(Elements, CreateAssignsPositionsAndRecordsTheAudit) {
  Element p1 = service().create_element(strategy(), plan(), make_project("P1", guideline()));
  Element p2 = service().create_element(strategy(), plan(), make_project("P2", guideline()));
  Element first = make_project("P0", guideline());
  first.position = 0;
  Element p0 = service().create_element(strategy(), plan(), first);
  EXPECT_EQ(p0.position, 0);
  EXPECT_EQ(service().element(strategy(), plan(), p1.element_id, std::nullopt).position, 1);
  EXPECT_EQ(service().element(strategy(), plan(), p2.element_id, std::nullopt).position, 2);
  EXPECT_EQ(p1.version, 1);
  EXPECT_EQ(p1.project->budget_satang, 150'000'000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan_element' "
                  "AND action = 'create'"),
            5);  // strategy, guideline, 3 projects
}

TEST_F(Elements, WrongParentKindIsAValidationErrorAndNothingIsWritten) {
  std::int64_t before = elements();
  auto caught = expect_error(
      [&] { service().create_element(strategy(), plan(), make_project("P1", strategy_id())); },
      ErrorKind::validation, "invalid_input");
  ASSERT_TRUE(caught.fields.contains("parent_id"));
  EXPECT_NE(caught.fields["parent_id"].en.find("guideline or a program"), std::string::npos);
  expect_error(
      [&] {
        service().create_element(strategy(), plan(), make(ElementKind::guideline, "G9", "ไม่มีแม่"));
      },
      ErrorKind::validation, "invalid_input");
  expect_error([&] { service().create_element(strategy(), plan(), make_project("P1", 987654)); },
               ErrorKind::validation, "invalid_input");
  EXPECT_EQ(elements(), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_element_identity"), before);
}

TEST_F(Elements, DuplicateCodesAreAConflictOnTheCodeField) {
  service().create_element(strategy(), plan(), make_project("P1", guideline()));
  auto caught = expect_error(
      [&] { service().create_element(strategy(), plan(), make_project("P1", guideline())); },
      ErrorKind::conflict, "duplicate_code");
  EXPECT_TRUE(caught.fields.contains("code"));
  // Elements without a code never clash.
  service().create_element(strategy(), plan(), make(ElementKind::value, "", "ค่านิยม 1"));
  service().create_element(strategy(), plan(), make(ElementKind::value, "", "ค่านิยม 2"));
}

TEST_F(Elements, StaleVersionsAreRefused) {
  Element p1 = service().create_element(strategy(), plan(), make_project("P1", guideline()));
  Element edit = p1;
  edit.text_th = "ชื่อใหม่";
  Element saved = service().update_element(strategy(), plan(), edit, p1.version);
  EXPECT_EQ(saved.version, p1.version + 1);
  EXPECT_EQ(saved.text_th, "ชื่อใหม่");
  edit.text_th = "อีกชื่อ";
  expect_error([&] { service().update_element(strategy(), plan(), edit, p1.version); },
               ErrorKind::conflict, "stale_version");
  expect_error([&] { service().delete_element(strategy(), plan(), p1.element_id, p1.version); },
               ErrorKind::conflict, "stale_version");
  EXPECT_EQ(service().element(strategy(), plan(), p1.element_id, std::nullopt).text_th, "ชื่อใหม่");
}

TEST_F(Elements, TheKindOfAnElementCannotChange) {
  Element edit = small_.guideline;
  edit.kind = ElementKind::program;
  auto caught = expect_error(
      [&] { service().update_element(strategy(), plan(), edit, small_.guideline.version); },
      ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(caught.fields.contains("kind"));
}

TEST_F(Elements, MovingUnderADescendantIsACycle) {
  Element program = service().create_element(
      strategy(), plan(), make(ElementKind::program, "PG1", "แผนงาน", guideline()));
  Element s2 =
      service().create_element(strategy(), plan(), make(ElementKind::strategy, "S2", "s2"));
  // A guideline under its own program (its child) would close a loop.
  auto caught = expect_error(
      [&] {
        service().move_element(strategy(), plan(), guideline(), {program.element_id, 0},
                               small_.guideline.version);
      },
      ErrorKind::rule, "cycle");
  EXPECT_TRUE(caught.fields.contains("parent_id"));
  expect_error(
      [&] {
        service().move_element(strategy(), plan(), guideline(), {guideline(), 0},
                               small_.guideline.version);
      },
      ErrorKind::rule, "cycle");
  // A legal move: the guideline goes to strategy S2, the program travels with it.
  Element moved = service().move_element(strategy(), plan(), guideline(), {s2.element_id, 0},
                                         small_.guideline.version);
  EXPECT_EQ(moved.parent_id, s2.element_id);
  EXPECT_EQ(moved.version, small_.guideline.version + 1);
  EXPECT_EQ(service().element(strategy(), plan(), program.element_id, std::nullopt).parent_id,
            guideline());
  // Kind rules still apply to moves.
  expect_error(
      [&] {
        service().move_element(strategy(), plan(), program.element_id, {std::nullopt, 0},
                               program.version);
      },
      ErrorKind::validation, "invalid_input");
}

TEST_F(Elements, UpdateWithANewParentMovesInTheSameTransaction) {
  Element s2 =
      service().create_element(strategy(), plan(), make(ElementKind::strategy, "S2", "s2"));
  Element g2 = service().create_element(strategy(), plan(),
                                        make(ElementKind::guideline, "G2", "g2", s2.element_id));
  Element p1 = service().create_element(strategy(), plan(), make_project("P1", guideline()));
  Element edit = p1;
  edit.parent_id = g2.element_id;
  edit.text_th = "ย้ายและแก้ชื่อ";
  Element saved = service().update_element(strategy(), plan(), edit, p1.version);
  EXPECT_EQ(saved.parent_id, g2.element_id);
  EXPECT_EQ(saved.text_th, "ย้ายและแก้ชื่อ");
  EXPECT_EQ(saved.version, p1.version + 2);
}

TEST_F(Elements, DeletingAnElementWithChildrenIsRefusedWithTheReason) {
  service().create_element(strategy(), plan(), make_project("P1", guideline()));
  service().create_element(strategy(), plan(), make_project("P2", guideline()));
  auto caught = expect_error(
      [&] { service().delete_element(strategy(), plan(), guideline(), small_.guideline.version); },
      ErrorKind::rule, "element_has_children");
  EXPECT_NE(caught.message.en.find("2 project"), std::string::npos);
  EXPECT_NE(caught.message.th.find("โครงการ 2 รายการ"), std::string::npos);
}

TEST_F(Elements, DeleteGuardsOfOtherModulesCanRefuse) {
  Element p1 = service().create_element(strategy(), plan(), make_project("P1", guideline()));
  service().add_delete_guard([&](db::Connection&, std::int64_t id) -> std::optional<Message> {
    if (id == p1.element_id) return Message{"มีรายงานความก้าวหน้า", "it has progress reports"};
    return std::nullopt;
  });
  auto caught =
      expect_error([&] { service().delete_element(strategy(), plan(), p1.element_id, p1.version); },
                   ErrorKind::rule, "element_in_use");
  EXPECT_NE(caught.message.en.find("progress reports"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_project"), 1);
}

TEST_F(Elements, GuidelinesNamedByProjectsCannotBeDeleted) {
  Element s2 =
      service().create_element(strategy(), plan(), make(ElementKind::strategy, "S2", "s2"));
  Element g2 = service().create_element(strategy(), plan(),
                                        make(ElementKind::guideline, "G2", "g2", s2.element_id));
  Element p1 = make_project("P1", guideline());
  p1.project->guideline_ids = {g2.element_id};
  service().create_element(strategy(), plan(), p1);
  expect_error([&] { service().delete_element(strategy(), plan(), g2.element_id, g2.version); },
               ErrorKind::rule, "element_in_use");
  Element bad = make_project("P2", guideline());
  bad.project->guideline_ids = {s2.element_id};  // a strategy, not a guideline
  auto caught = expect_error([&] { service().create_element(strategy(), plan(), bad); },
                             ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(caught.fields.contains("guideline_ids"));
}

TEST_F(Elements, DeleteRenumbersSiblings) {
  Element p1 = service().create_element(strategy(), plan(), make_project("P1", guideline()));
  Element p2 = service().create_element(strategy(), plan(), make_project("P2", guideline()));
  service().delete_element(strategy(), plan(), p1.element_id, p1.version);
  EXPECT_EQ(service().element(strategy(), plan(), p2.element_id, std::nullopt).position, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_project_area"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete'"), 1);
}

TEST_F(Elements, KpiTargetsAreEditedInPlacePerFiscalYear) {
  Element kpi =
      service().create_element(strategy(), plan(), make_kpi("K1", strategy_id(), {{2567, 10}}));
  KpiTarget created = service().set_target(strategy(), plan(), kpi.element_id, 2568, 12.5, {});
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(created.value, 12.5);
  KpiTarget updated =
      service().set_target(strategy(), plan(), kpi.element_id, 2568, 13.0, created.version);
  EXPECT_EQ(updated.version, 2);
  expect_error([&] { service().set_target(strategy(), plan(), kpi.element_id, 2568, 14.0, 1); },
               ErrorKind::conflict, "stale_version");
  expect_error([&] { service().set_target(strategy(), plan(), kpi.element_id, 2568, 14.0, {}); },
               ErrorKind::conflict, "stale_version");
  auto outside =
      expect_error([&] { service().set_target(strategy(), plan(), kpi.element_id, 2571, 1.0, {}); },
                   ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(outside.fields.contains("fiscal_year"));
  expect_error([&] { service().set_target(strategy(), plan(), guideline(), 2568, 1.0, {}); },
               ErrorKind::rule, "not_a_kpi");
  expect_error(
      [&] { service().set_target(agency_officer(), plan(), kpi.element_id, 2569, 1.0, {}); },
      ErrorKind::forbidden, "forbidden");
  // Editing the KPI's other fields keeps its targets and their versions.
  Element reread = service().element(strategy(), plan(), kpi.element_id, std::nullopt);
  EXPECT_EQ(reread.version, kpi.version);  // targets have their own versions
  reread.kpi->unit_th = "คน";
  Element saved = service().update_element(strategy(), plan(), reread, reread.version);
  ASSERT_EQ(saved.kpi->targets.size(), 2u);
  EXPECT_EQ(saved.kpi->targets[1].value, 13.0);
  EXPECT_EQ(saved.kpi->targets[1].version, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'plan_kpi_target'"), 2);
}

TEST_F(Elements, AlignmentLinksAreCheckedAgainstTheCatalog) {
  Element aligned = service().set_alignments(strategy(), plan(), strategy_id(),
                                             {"SDG-14", "NS-2", "NS-2"}, small_.strategy.version);
  EXPECT_EQ(aligned.alignment_codes, (std::vector<std::string>{"NS-2", "SDG-14"}));
  EXPECT_EQ(aligned.version, small_.strategy.version + 1);
  auto caught = expect_error(
      [&] {
        service().set_alignments(strategy(), plan(), strategy_id(), {"NOPE-1"}, aligned.version);
      },
      ErrorKind::validation, "invalid_input");
  EXPECT_NE(caught.fields["codes"].en.find("NOPE-1"), std::string::npos);
  EXPECT_EQ(
      service().element(strategy(), plan(), strategy_id(), std::nullopt).alignment_codes.size(),
      2u);
}

TEST_F(Elements, AgencyOfficersProposeProjectsOfTheirOwnAgencyOnly) {
  Element mine = make_project("A1", guideline(), "");
  mine.project->agency_code.reset();
  Element proposed = service().create_element(agency_officer("TRAT-DOAE"), plan(), mine);
  EXPECT_EQ(proposed.project->agency_code, "TRAT-DOAE");
  EXPECT_EQ(proposed.project->proposal, ProposalStatus::proposed);
  EXPECT_EQ(proposed.project->proposed_by_agency, "TRAT-DOAE");

  expect_error(
      [&] {
        service().create_element(agency_officer("TRAT-DOAE"), plan(),
                                 make_project("A2", guideline(), "TRAT-FISH"));
      },
      ErrorKind::forbidden, "agency_scope");
  expect_error(
      [&] {
        service().create_element(agency_officer("TRAT-DOAE"), plan(),
                                 make(ElementKind::guideline, "G5", "g", strategy_id()));
      },
      ErrorKind::forbidden, "agency_scope");
  Element theirs =
      service().create_element(strategy(), plan(), make_project("F1", guideline(), "TRAT-FISH"));
  Element edit = theirs;
  edit.text_th = "แก้โครงการหน่วยอื่น";
  expect_error(
      [&] { service().update_element(agency_officer("TRAT-DOAE"), plan(), edit, theirs.version); },
      ErrorKind::forbidden, "agency_scope");
  expect_error(
      [&] { service().create_element(executive(), plan(), make_project("E1", guideline())); },
      ErrorKind::forbidden, "forbidden");

  // Pending proposals block approval until the strategy office accepts them.
  expect_error([&] { service().approve(strategy(), plan(), 1, {}); }, ErrorKind::rule,
               "pending_proposals");
  Element accept = proposed;
  accept.project->proposal = ProposalStatus::accepted;
  service().update_element(strategy(), plan(), accept, proposed.version);
  EXPECT_EQ(service().approve(strategy(), plan(), 1, {}).status, VersionStatus::approved);
}

TEST_F(Elements, ProjectDetailsSurviveARoundTrip) {
  Element project = make_project("P1", guideline(), "TRAT-DOAE", {"2306", "230601", "23060101"});
  project.project->kind = ProjectKind::reserve;
  project.project->ranking = 2;
  project.project->supporting_agency_codes = {"TRAT-PAO", "TRAT-MOTS"};
  project.project->budget_source = BudgetSource::province_group;
  project.project->objectives_th = "เพื่อทดสอบ";
  project.project->start_date = "2024-10-01";
  project.project->end_date = "2025-09-30";
  project.project->term = ProjectTerm::long_term;
  project.project->indicators = {{IndicatorLevel::output, "ถนน", "road", "กม.", 2.5},
                                 {IndicatorLevel::outcome, "ผู้ใช้", "users", "คน", std::nullopt}};
  project.dimensions = {Dimension::economy, Dimension::environment, Dimension::economy};
  project.alignment_codes = {"SDG-09"};
  Element saved = service().create_element(strategy(), plan(), project);
  Element read = service().element(strategy(), plan(), saved.element_id, std::nullopt);
  const auto& details = *read.project;
  EXPECT_EQ(details.kind, ProjectKind::reserve);
  EXPECT_EQ(details.ranking, 2);
  EXPECT_EQ(details.area_codes, (std::vector<std::string>{"2306", "230601", "23060101"}));
  EXPECT_EQ(details.supporting_agency_codes, (std::vector<std::string>{"TRAT-PAO", "TRAT-MOTS"}));
  EXPECT_EQ(details.budget_source, BudgetSource::province_group);
  EXPECT_EQ(details.start_date, "2024-10-01");
  EXPECT_EQ(details.term, ProjectTerm::long_term);
  ASSERT_EQ(details.indicators.size(), 2u);
  EXPECT_EQ(details.indicators[0].target_value, 2.5);
  EXPECT_FALSE(details.indicators[1].target_value.has_value());
  EXPECT_EQ(read.dimensions.size(), 2u);
  EXPECT_EQ(read.alignment_codes, (std::vector<std::string>{"SDG-09"}));
}

}  // namespace
}  // namespace changwat::plan
