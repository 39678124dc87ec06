// The follow-up service on a real SQLite database with the demo plan, action plan,
// progress, procurement and KPI results, on a day the test chooses: a pack issued once
// from those records and kept byte for byte, directives' refusals and status order,
// findings' response and closure, another province's records unseen.
#include "modules/follow_up/service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <memory>

#include "base/secret.hpp"
#include "db/migrations.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/follow_up/module.hpp"
#include "modules/kpi_results/module.hpp"
#include "modules/participation/module.hpp"
#include "modules/plan/module.hpp"
#include "modules/procurement/module.hpp"
#include "modules/progress/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::follow_up {
namespace {

using changwat::testing::expect_error;

class FollowUpServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-follow-up-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    participation_ =
        std::make_unique<participation::ParticipationService>(*database_, *areas_, *plans_);
    action_plans_ = std::make_unique<action_plan::ActionPlanService>(*database_, *areas_, *plans_);
    action_plan::load_demo(*action_plans_);
    progress_ = std::make_unique<progress::ProgressService>(
        *database_, *areas_, *plans_, *action_plans_,
        progress::ProgressOptions{path_.string() + "-photos", false});
    progress::load_demo(*progress_);
    procurement_ =
        std::make_unique<procurement::ProcurementService>(*database_, *areas_, *action_plans_);
    procurement::load_demo(*procurement_);
    kpis_ = std::make_unique<kpi_results::KpiResultsService>(*database_, *areas_, *plans_);
    kpi_results::load_demo(*kpis_);
    monitoring_ = std::make_unique<monitoring::MonitoringService>(
        *database_, *areas_,
        monitoring::Sources{*plans_, *action_plans_, progress_.get(), procurement_.get(),
                            kpis_.get()},
        [this] { return today_; });
    service_ =
        std::make_unique<FollowUpService>(*database_, *areas_,
                                          Sources{*plans_, *participation_, *action_plans_,
                                                  *progress_, *procurement_, *kpis_, *monitoring_},
                                          [this] { return today_; });
    auto plan_id = *plans_->plan_id_by_demo_key("trat-2566-2570");
    province_ = plans_->get_plan(Actor::command_line(), plan_id).province_code;
    strategy_ = actor(Role::strategy_officer, "TRAT-PO");
    committee_ = service_->create_committee(actor(Role::admin), committee_input()).id;
    meeting_ = service_->create_meeting(strategy_, meeting_input()).id;
  }
  void TearDown() override {
    service_.reset();
    monitoring_.reset();
    progress_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove_all(path_.string() + "-photos");
  }

  Actor actor(Role role, std::optional<std::string> agency = std::nullopt,
              std::optional<std::string> province = std::nullopt) {
    Actor result;
    result.principal = Principal{};
    result.principal->username = "test-" + std::to_string(static_cast<int>(role));
    result.principal->role = role;
    result.principal->province_code = province.value_or(province_);
    result.principal->agency_code = std::move(agency);
    return result;
  }
  static NewCommittee committee_input() {
    NewCommittee input;
    input.short_th = "คทง.ทดสอบ";
    input.name_th = "คณะทำงานเร่งรัดการใช้จ่ายงบประมาณ (ทดสอบ)";
    input.members = {{"TRAT-PO", "เลขานุการ"}, {"TRAT-CGD", "กรรมการ"}};
    return input;
  }
  NewMeeting meeting_input() {
    NewMeeting input;
    input.committee_id = committee_;
    input.held_on = "2026-09-20";
    input.title_th = "ประชุมเร่งรัดการเบิกจ่าย (ทดสอบ)";
    return input;
  }
  NewDirective directive_input(std::string agency = "TRAT-DOAE", std::string due = "2026-12-31") {
    NewDirective input;
    input.meeting_id = meeting_;
    input.text_th = "เร่งรัดการเบิกจ่าย";
    input.agency_code = std::move(agency);
    input.due_on = std::move(due);
    return input;
  }
  NewFinding finding_input() {
    NewFinding input;
    input.kind = FindingKind::internal_audit;
    input.agency_code = "TRAT-DOAE";
    input.finding_th = "เอกสารไม่ครบ";
    input.risk = Risk::high;
    input.recommendation_th = "ตรวจเอกสารก่อนเบิกจ่าย";
    input.due_on = "2027-01-31";
    return input;
  }

  thai::Date today_{2026, 10, 15};
  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<participation::ParticipationService> participation_;
  std::unique_ptr<action_plan::ActionPlanService> action_plans_;
  std::unique_ptr<progress::ProgressService> progress_;
  std::unique_ptr<procurement::ProcurementService> procurement_;
  std::unique_ptr<kpi_results::KpiResultsService> kpis_;
  std::unique_ptr<monitoring::MonitoringService> monitoring_;
  std::unique_ptr<FollowUpService> service_;
  std::string province_;
  Actor strategy_;
  std::int64_t committee_ = 0;
  std::int64_t meeting_ = 0;
};

TEST_F(FollowUpServiceTest, APackIsIssuedOnceFromTheRecordsAndKeptByteForByte) {
  service_->create_directive(strategy_, directive_input());
  expect_error([&] { service_->issue_pack(actor(Role::agency_officer, "TRAT-DOAE"), meeting_); },
               ErrorKind::forbidden, "forbidden");
  Pack pack = service_->issue_pack(strategy_, meeting_);
  EXPECT_EQ(pack.fiscal_year, 2569);
  auto summary = boost::json::parse(pack.summary_json).as_object();
  EXPECT_GT(summary.at("projects").as_int64(), 0);
  EXPECT_GT(summary.at("allocated_satang").as_int64(), 0);
  EXPECT_EQ(summary.at("open_directives").as_int64(), 1);
  EXPECT_GT(summary.at("kpis").as_int64(), 0);
  auto [stored, pdf] = service_->pack_document(strategy_, meeting_, true);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_EQ(sha256_hex(pdf), pack.pdf_sha256);
  auto [same, xlsx] = service_->pack_document(strategy_, meeting_, false);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  EXPECT_EQ(sha256_hex(xlsx), pack.xlsx_sha256);

  expect_error([&] { service_->issue_pack(strategy_, meeting_); }, ErrorKind::conflict,
               "pack_issued");
  // Later records never reach the issued documents.
  service_->create_directive(strategy_, directive_input("TRAT-DPT"));
  today_ = {2026, 11, 30};
  auto [later, pdf_later] = service_->pack_document(strategy_, meeting_, true);
  EXPECT_EQ(pdf_later, pdf);
  EXPECT_EQ(later.summary_json, pack.summary_json);
}

TEST_F(FollowUpServiceTest, DirectivesRefuseUnknownAgenciesAndPastDatesAndMoveInOrder) {
  expect_error([&] { service_->create_directive(strategy_, directive_input("TRAT-NOPE")); },
               ErrorKind::rule, "invalid_value");
  auto past = expect_error(
      [&] { service_->create_directive(strategy_, directive_input("TRAT-DOAE", "2026-10-14")); },
      ErrorKind::rule, "invalid_value");
  EXPECT_TRUE(past.fields.contains("due_on"));
  EXPECT_TRUE(service_->directives(strategy_, {}, false).empty());

  Directive directive =
      service_->create_directive(strategy_, directive_input("TRAT-DOAE", "2026-10-15"));
  Actor doae = actor(Role::agency_officer, "TRAT-DOAE");
  expect_error(
      [&] {
        service_->report(actor(Role::agency_officer, "TRAT-DPT"), directive.id,
                         {DirectiveStatus::in_progress, "x", std::nullopt});
      },
      ErrorKind::forbidden, "not_own_agency");
  expect_error(
      [&] {
        service_->report(doae, directive.id, {DirectiveStatus::done, "x", std::nullopt});
      },
      ErrorKind::conflict, "status_out_of_order");
  EXPECT_FALSE(service_->directive(doae, directive.id).overdue);
  today_ = {2026, 10, 16};
  EXPECT_TRUE(service_->directive(doae, directive.id).overdue);
  EXPECT_EQ(service_->directives(doae, {}, true).size(), 1u);
  DirectiveView started =
      service_->report(doae, directive.id, {DirectiveStatus::in_progress, "เริ่มแล้ว", std::nullopt});
  expect_error(
      [&] {
        service_->report(doae, directive.id, {DirectiveStatus::done, "x", std::int64_t{1}});
      },
      ErrorKind::conflict, "stale_version");
  DirectiveView done = service_->report(
      doae, directive.id, {DirectiveStatus::done, "เสร็จแล้ว", started.directive.version});
  EXPECT_EQ(done.directive.status, DirectiveStatus::done);
  EXPECT_FALSE(done.overdue);
  ASSERT_EQ(done.directive.history.size(), 3u);
  EXPECT_EQ(done.directive.history[2].note_th, "เสร็จแล้ว");
}

TEST_F(FollowUpServiceTest, FindingsNeedTheAgencysResponseThenEvidenceToClose) {
  Actor auditor = actor(Role::auditor);
  expect_error([&] { service_->create_finding(strategy_, finding_input()); }, ErrorKind::forbidden,
               "forbidden");
  Finding finding = service_->create_finding(auditor, finding_input());
  expect_error(
      [&] {
        service_->close(auditor, finding.id, {"ปิด", {"หนังสือ"}, std::nullopt});
      },
      ErrorKind::conflict, "response_required");
  expect_error(
      [&] {
        service_->respond(actor(Role::agency_officer, "TRAT-DPT"), finding.id, "แทน", std::nullopt);
      },
      ErrorKind::forbidden, "not_own_agency");
  service_->respond(actor(Role::agency_officer, "TRAT-DOAE"), finding.id, "แก้ไขแล้ว", std::nullopt);
  expect_error(
      [&] {
        service_->close(auditor, finding.id, {"ปิด", {}, std::nullopt});
      },
      ErrorKind::rule, "evidence_required");
  expect_error(
      [&] {
        service_->close(auditor, finding.id, {"ปิด", {""}, std::nullopt});
      },
      ErrorKind::rule, "evidence_required");
  FindingView closed =
      service_->close(auditor, finding.id, {"ปิด", {"หนังสือ ตร 1/2569"}, std::nullopt});
  EXPECT_EQ(closed.finding.status, FindingStatus::closed);
  EXPECT_EQ(closed.finding.closure_evidence, std::vector<std::string>{"หนังสือ ตร 1/2569"});
}

TEST_F(FollowUpServiceTest, AnotherProvinceSeesNothing) {
  Actor other = actor(Role::strategy_officer, std::nullopt, "20");
  expect_error([&] { service_->meeting(other, meeting_); }, ErrorKind::not_found, "not_found");
  EXPECT_TRUE(service_->meetings(other, std::nullopt).empty());
  EXPECT_TRUE(service_->committees(other).empty());
}

}  // namespace
}  // namespace changwat::follow_up
