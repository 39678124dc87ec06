// The Trat demo plan and the documents made from a plan.
#include <gtest/gtest.h>

#include <set>

#include "fixture.hpp"
#include "modules/plan/export.hpp"
#include "modules/plan/module.hpp"
#include "thai/xlsx_reader.hpp"

namespace changwat::plan {
namespace {

using namespace testing;

class Demo : public PlanTest {};

TEST_F(Demo, LoadsTheApprovedTratPlanOnce) {
  load_demo(service());
  load_demo(service());  // idempotent
  auto plans = service().list_plans(anonymous());
  ASSERT_EQ(plans.size(), 1u);
  const Plan& plan = plans[0];
  EXPECT_EQ(plan.current_status, VersionStatus::approved);
  EXPECT_EQ(plan.current_version, 1);
  EXPECT_EQ(plan.period.first_fiscal_year, 2566);
  EXPECT_EQ(plan.period.last_fiscal_year, 2570);
  EXPECT_TRUE(plan.demo);

  auto tree = service().tree(anonymous(), plan.id, std::nullopt);
  std::map<ElementKind, int> kinds;
  std::set<std::string> districts;
  int reserve = 0;
  for (const auto& element : tree->elements) {
    ++kinds[element.kind];
    if (element.kind == ElementKind::vision) {
      EXPECT_EQ(element.text_th, "ตราดเมืองมั่งคั่ง ชุมชนมั่นคง ทรัพยากรธรรมชาติและสิ่งแวดล้อมยั่งยืน");
      EXPECT_FALSE(element.demo);
    }
    if (element.kind == ElementKind::strategy) {
      EXPECT_FALSE(element.demo);
    }
    if (element.kind == ElementKind::project) {
      EXPECT_TRUE(element.demo);
      ASSERT_TRUE(element.project->agency_code.has_value());
      EXPECT_TRUE(areas().find_agency(*element.project->agency_code).has_value());
      for (const auto& code : element.project->area_codes) {
        if (code.size() >= 4) districts.insert(code.substr(0, 4));
      }
      if (element.project->kind == ProjectKind::reserve) {
        ++reserve;
        EXPECT_TRUE(element.project->ranking.has_value());
      }
    }
    if (element.kind == ElementKind::kpi) {
      EXPECT_TRUE(element.kpi->baseline_value.has_value());
      EXPECT_EQ(element.kpi->targets.size(), 5u);
    }
  }
  EXPECT_EQ(kinds[ElementKind::vision], 1);
  EXPECT_EQ(kinds[ElementKind::mission], 5);
  EXPECT_EQ(kinds[ElementKind::strategy], 3);
  EXPECT_GE(kinds[ElementKind::project], 55);
  EXPECT_GE(reserve, 5);
  EXPECT_EQ(districts,
            (std::set<std::string>{"2301", "2302", "2303", "2304", "2305", "2306", "2307"}));
}

TEST_F(Demo, ExportsAPdfAndAWorkbookWithOneSheetPerLevel) {
  load_demo(service());
  std::int64_t plan_id = service().list_plans(anonymous())[0].id;
  std::string pdf = export_plan(service(), plan_id, std::nullopt, ExportFormat::pdf);
  ASSERT_GT(pdf.size(), 10'000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("FontFile"), std::string::npos);  // fonts are embedded

  std::string bytes = export_plan(service(), plan_id, 1, ExportFormat::xlsx);
  auto reader = thai::XlsxReader::from_bytes(bytes);
  EXPECT_EQ(reader.sheet_names(),
            (std::vector<std::string>{"วิสัยทัศน์", "พันธกิจ", "ค่านิยม", "เป้าหมายการพัฒนา", "ประเด็นการพัฒนา",
                                      "แนวทางการพัฒนา", "แผนงาน", "ตัวชี้วัด", "โครงการ"}));
  auto projects = reader.read_sheet("โครงการ");
  auto tree = service().tree(anonymous(), plan_id, std::nullopt);
  int project_count = 0;
  std::int64_t first_budget = -1;
  for (const auto& element : tree->elements) {
    if (element.kind != ElementKind::project) continue;
    if (first_budget < 0) first_budget = element.project->budget_satang;
    ++project_count;
  }
  ASSERT_EQ(projects.rows.size(), static_cast<std::size_t>(project_count) + 1);  // + header
  const auto* budget = projects.rows[1].find(11);
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->kind, thai::XlsxValueKind::number);
  EXPECT_DOUBLE_EQ(budget->number, first_budget / 100.0);  // baht, not satang
  expect_error([&] { export_plan(service(), plan_id, 7, ExportFormat::pdf); }, ErrorKind::not_found,
               "not_found");
}

}  // namespace
}  // namespace changwat::plan
