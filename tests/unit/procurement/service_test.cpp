// ProcurementService on a real SQLite database with the demo plan and action plan:
// rights, versions, the holiday table and the read model monitoring calls.
#include "modules/procurement/service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/plan/module.hpp"
#include "modules/procurement/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::procurement {
namespace {

using changwat::testing::expect_error;

Actor actor_with(Role role, std::optional<std::string> agency = std::nullopt) {
  Actor actor;
  actor.principal = Principal{};
  actor.principal->username = std::string(role_name(role)) + agency.value_or("");
  actor.principal->role = role;
  actor.principal->agency_code = agency;
  actor.principal->province_code = "23";
  return actor;
}

class ProcurementServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-procurement-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string(), {.readers = 2});
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    action_plans_ = std::make_unique<action_plan::ActionPlanService>(*database_, *areas_, *plans_);
    action_plan::load_demo(*action_plans_);
    service_ = std::make_unique<ProcurementService>(*database_, *areas_, *action_plans_);
    auto id = action_plans_->id_by_demo_key("trat-action-plan-2569");
    ASSERT_TRUE(id);
    auto view = action_plans_->view(*id);
    plan_id_ = view.ledger->header.plan_id;
    element_ = plans_->find_element_by_code(plan_id_, "P07")->element_id;
  }
  void TearDown() override {
    service_.reset();
    action_plans_.reset();
    plans_.reset();
    areas_.reset();
    database_.reset();
    std::filesystem::remove(path_);
  }

  ProcurementInput small_purchase() {
    ProcurementInput input;
    input.method = Method::specific;
    input.legal_ground = "56(2)(ข)";
    input.reference_price_satang = 9'000'000;  // 90,000 baht
    input.allocated_on = "2025-10-15";
    input.stages.plan_published = "2025-10-20";
    return input;
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<action_plan::ActionPlanService> action_plans_;
  std::unique_ptr<ProcurementService> service_;
  std::int64_t plan_id_ = 0;
  std::int64_t element_ = 0;
  Actor strategy_ = actor_with(Role::strategy_officer);
};

TEST_F(ProcurementServiceTest, AStaleVersionIsAConflictNotALostUpdate) {
  auto made = service_->create(strategy_, element_, small_purchase());
  EXPECT_EQ(made.procurement.fiscal_year, 2569);
  EXPECT_EQ(made.procurement.version, 1);
  auto input = small_purchase();
  input.egp_project_number = "68100000001";
  auto changed = service_->update(strategy_, made.procurement.id, input, 1);
  EXPECT_EQ(changed.procurement.version, 2);
  EXPECT_EQ(changed.procurement.egp_project_number, "68100000001");
  expect_error([&] { service_->update(strategy_, made.procurement.id, input, 1); },
               ErrorKind::conflict, "stale_version");
}

TEST_F(ProcurementServiceTest, AnotherAgencysOfficerMayNotWriteTheProjectsOwnMay) {
  auto made = service_->create(strategy_, element_, small_purchase());
  ASSERT_TRUE(made.procurement.agency_code);
  Actor own = actor_with(Role::agency_officer, *made.procurement.agency_code);
  Actor other = actor_with(Role::agency_officer, "SOMEONE-ELSE");
  expect_error([&] { service_->create(other, element_, small_purchase()); }, ErrorKind::forbidden,
               "not_own_agency");
  EXPECT_NO_THROW(service_->create(own, element_, small_purchase()));
  Actor executive = actor_with(Role::executive);
  expect_error([&] { service_->create(executive, element_, small_purchase()); },
               ErrorKind::forbidden, "forbidden");
  expect_error([&] { service_->create(Actor{}, element_, small_purchase()); },
               ErrorKind::unauthenticated, "unauthenticated");
  EXPECT_EQ(service_->list_for_project(executive, element_).size(), 2u);
}

TEST_F(ProcurementServiceTest, NothingIsStoredWhenARuleRefuses) {
  auto input = small_purchase();
  input.legal_ground.reset();
  expect_error([&] { service_->create(strategy_, element_, input); }, ErrorKind::rule,
               "legal_ground_required");
  EXPECT_TRUE(service_->list_for_project(strategy_, element_).empty());
}

TEST_F(ProcurementServiceTest, HolidaysLoadedForAYearMoveTheDeadline) {
  auto made = service_->create(strategy_, element_, small_purchase());
  ASSERT_FALSE(made.deadlines.empty());
  EXPECT_EQ(made.deadlines[0].rule, "plan_published");
  EXPECT_EQ(made.deadlines[0].due_on, "2025-11-26");
  EXPECT_FALSE(made.deadlines[0].holidays_loaded);
  expect_error(
      [&] {
        service_->set_holidays(actor_with(Role::agency_officer, "TRAT-PO"), 2025, "มติ ครม.", {},
                               std::nullopt);
      },
      ErrorKind::forbidden, "forbidden");
  expect_error([&] { service_->set_holidays(strategy_, 2568, "มติ ครม.", {}, std::nullopt); },
               ErrorKind::validation, "invalid_input");
  auto year =
      service_->set_holidays(strategy_, 2025, "มติ ครม. (ทดสอบ)",
                             {{"2025-10-23", "วันปิยมหาราช", "Chulalongkorn Day"}}, std::nullopt);
  EXPECT_EQ(year.version, 1);
  auto after = service_->get(strategy_, made.procurement.id);
  EXPECT_EQ(after.deadlines[0].due_on, "2025-11-27");
  EXPECT_TRUE(after.deadlines[0].holidays_loaded);
  expect_error([&] { service_->set_holidays(strategy_, 2025, "x", {}, 7); }, ErrorKind::conflict,
               "stale_version");
}

TEST_F(ProcurementServiceTest, ContractInstalmentsInspectionAndTheReadModel) {
  auto input = small_purchase();
  input.stages.contract_signed = "2025-11-01";
  input.contract_value_satang = 8'000'000;
  auto made = service_->create(strategy_, element_, input);
  std::int64_t id = made.procurement.id;
  auto with = service_->set_instalments(strategy_, id,
                                        {{1, "2025-12-01", 4'000'000, "2025-11-28", {}, {}, {}, {}},
                                         {2, "2026-01-15", 4'000'000, {}, {}, {}, {}, {}}},
                                        1);
  EXPECT_EQ(with.procurement.instalments.size(), 2u);
  InspectionInput early{"2025-11-20", "คณะกรรมการตรวจรับ", true, std::nullopt, std::nullopt};
  auto caught = expect_error([&] { service_->inspect(strategy_, id, 1, early, 2); },
                             ErrorKind::rule, "inspected_before_delivery");
  EXPECT_TRUE(caught.fields.count("inspected_on"));
  InspectionInput ok{"2025-11-30", "คณะกรรมการตรวจรับ", true, std::nullopt, std::nullopt};
  auto inspected = service_->inspect(strategy_, id, 1, ok, 2);
  EXPECT_EQ(inspected.procurement.instalments[0].accepted, true);

  auto snapshot = service_->snapshot(thai::Date{2026, 2, 1});
  EXPECT_EQ(snapshot->project_stage(element_), Stage::contracted);
  auto overdue = snapshot->overdue_instalments({});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].number, 2);
  EXPECT_EQ(overdue[0].days_overdue, 17);
  EXPECT_EQ(overdue[0].procurement->element_id, element_);
  // Signed 1 Nov 2025: the single-year deadline (31 Dec 2025) was met.
  EXPECT_TRUE(snapshot->not_committed({}).empty());
  // A write shows at once.
  service_->inspect(strategy_, id, 2,
                    {"2026-01-20", "คณะกรรมการตรวจรับ", true, std::nullopt, "2026-01-15"}, 3);
  auto next = service_->snapshot(thai::Date{2026, 2, 1});
  EXPECT_TRUE(next->overdue_instalments({}).empty());
  EXPECT_EQ(next->project_stage(element_), Stage::completed);
}

TEST_F(ProcurementServiceTest, TheDemoCoversEveryStageLateDeadlinesAndAnOverdueInstalment) {
  load_demo(*service_);
  load_demo(*service_);  // idempotent
  auto snapshot = service_->snapshot(thai::Date{2026, 12, 2});
  EXPECT_EQ(snapshot->procurements.size(), 13u);
  std::vector<std::int64_t> elements;
  for (const auto& [element, indexes] : snapshot->by_element) elements.push_back(element);
  auto counts = snapshot->stage_counts(elements);
  for (std::size_t stage = 0; stage < kStageCount; ++stage) {
    EXPECT_GT(counts.by_stage[stage], 0) << to_string(static_cast<Stage>(stage));
  }
  auto overdue = snapshot->overdue_instalments({});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].due_on, "2026-10-30");
  EXPECT_FALSE(snapshot->not_committed({std::nullopt, 2569, std::nullopt}).empty());
  EXPECT_FALSE(snapshot->late_deadlines({}).empty());
  for (const auto& summary : snapshot->procurements) EXPECT_TRUE(summary.demo);
  auto year = service_->holidays(strategy_, 2026);
  ASSERT_TRUE(year);
  EXPECT_TRUE(year->demo);
}

}  // namespace
}  // namespace changwat::procurement
