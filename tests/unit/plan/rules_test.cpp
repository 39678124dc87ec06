#include "modules/plan/rules.hpp"

#include <gtest/gtest.h>

#include "fixture.hpp"

namespace changwat::plan {
namespace {

using testing::make;
using testing::make_kpi;
using testing::make_project;

TEST(PlanRules, WhichKindHangsUnderWhich) {
  using K = ElementKind;
  EXPECT_TRUE(allowed_parent(K::vision, std::nullopt));
  EXPECT_FALSE(allowed_parent(K::vision, K::strategy));
  EXPECT_TRUE(allowed_parent(K::strategy, std::nullopt));
  EXPECT_TRUE(allowed_parent(K::guideline, K::strategy));
  EXPECT_FALSE(allowed_parent(K::guideline, std::nullopt));
  EXPECT_FALSE(allowed_parent(K::guideline, K::guideline));
  EXPECT_TRUE(allowed_parent(K::kpi, K::goal));
  EXPECT_TRUE(allowed_parent(K::kpi, K::guideline));
  EXPECT_FALSE(allowed_parent(K::kpi, K::project));
  EXPECT_TRUE(allowed_parent(K::program, K::guideline));
  EXPECT_TRUE(allowed_parent(K::project, K::program));
  EXPECT_TRUE(allowed_parent(K::project, K::guideline));
  EXPECT_FALSE(allowed_parent(K::project, K::strategy));
  EXPECT_FALSE(allowed_parent(K::project, std::nullopt));
}

TEST(PlanRules, KpiValuesFitTheirUnit) {
  EXPECT_FALSE(kpi_value_problem("ร้อยละ", 98.5));
  EXPECT_FALSE(kpi_value_problem("ร้อยละ", 0));
  EXPECT_FALSE(kpi_value_problem("ร้อยละ", 100));
  EXPECT_TRUE(kpi_value_problem("ร้อยละ", 100.01));
  EXPECT_TRUE(kpi_value_problem("ร้อยละ", -5));
  EXPECT_FALSE(kpi_value_problem("ชุมชน", 12));
  EXPECT_TRUE(kpi_value_problem("ชุมชน", -5));
  EXPECT_TRUE(kpi_value_problem("ราย", 2.5));
  EXPECT_FALSE(kpi_value_problem("บาท", 1500.25));
  EXPECT_TRUE(kpi_value_problem("บาท", 1500.255));
  EXPECT_TRUE(kpi_value_problem("ล้านบาท", -1));
  EXPECT_FALSE(kpi_value_problem("ล้านบาท", 12.345));
  EXPECT_FALSE(kpi_value_problem("ราย/แสนคน", 2.1));   // a rate, not a count
  EXPECT_FALSE(kpi_value_problem("องศาเซลเซียส", -3));  // other units: size only
  EXPECT_FALSE(kpi_value_problem("ไร่", 1e15));
  EXPECT_TRUE(kpi_value_problem("ไร่", 1e20));  // 99999999999999999999 loses precision
  auto why = kpi_value_problem("ร้อยละ", 150);
  ASSERT_TRUE(why.has_value());
  EXPECT_FALSE(why->th.empty());
  EXPECT_FALSE(why->en.empty());

  KpiDetails kpi;
  kpi.unit_th = "ร้อยละ";
  kpi.targets = {{2567, 98.0, 1}, {2568, 150.0, 1}};
  auto error = changwat::testing::expect_error([&] { check_kpi_values(kpi); }, ErrorKind::rule,
                                               "kpi_value_out_of_range");
  ASSERT_TRUE(error.fields.count("targets"));
  EXPECT_NE(error.fields.at("targets").th.find("2568"), std::string::npos);
}

TEST(PlanRules, AChristianEraYearIsNamedWithItsBuddhistYear) {
  Message why = fiscal_year_message(2023);
  EXPECT_NE(why.th.find("ค.ศ."), std::string::npos);
  EXPECT_NE(why.th.find("2566"), std::string::npos);
  EXPECT_NE(why.en.find("2566"), std::string::npos);
  EXPECT_EQ(fiscal_year_message(99).th.find("ค.ศ."), std::string::npos);
}

class ElementRules : public testing::PlanTest {
 protected:
  FieldErrors check(Element& element) {
    FieldErrors errors;
    check_element_fields(element, {2566, 2570}, "23", areas(), catalog_, errors);
    return errors;
  }
  std::map<std::string, Message> fields_of(Element element) {
    try {
      check(element).throw_if_any();
    } catch (const Error& error) {
      return error.fields();
    }
    return {};
  }
  AlignmentCatalog catalog_;
};

TEST_F(ElementRules, AValidProjectPasses) {
  Element project = make_project("P1", 1, "TRAT-DOAE", {"2301", "230101", "23010101"});
  EXPECT_TRUE(check(project).empty());
}

TEST_F(ElementRules, ReserveProjectNeedsARanking) {
  Element project = make_project("P1", 1);
  project.project->kind = ProjectKind::reserve;
  auto fields = fields_of(project);
  ASSERT_TRUE(fields.contains("ranking"));
  EXPECT_FALSE(fields["ranking"].th.empty());
  project.project->ranking = 2;
  EXPECT_TRUE(fields_of(project).empty());
}

TEST_F(ElementRules, MainProjectLosesAStrayRanking) {
  Element project = make_project("P1", 1);
  project.project->ranking = 5;
  EXPECT_TRUE(check(project).empty());
  EXPECT_FALSE(project.project->ranking.has_value());
}

TEST_F(ElementRules, AreasOutsideTheProvinceOrUnknownAreRefused) {
  Element bangkok = make_project("P1", 1, "TRAT-DOAE", {"1001"});  // Phra Nakhon, Bangkok
  auto fields = fields_of(bangkok);
  ASSERT_TRUE(fields.contains("areas"));
  EXPECT_NE(fields["areas"].en.find("outside"), std::string::npos);
  Element unknown = make_project("P1", 1, "TRAT-DOAE", {"2399"});
  EXPECT_NE(fields_of(unknown)["areas"].en.find("unknown"), std::string::npos);
}

TEST_F(ElementRules, UnknownAgenciesAndAlignmentCodesAreNamed) {
  Element project = make_project("P1", 1, "NOPE");
  project.alignment_codes = {"NS-2", "NS-99"};
  auto fields = fields_of(project);
  EXPECT_TRUE(fields.contains("agency"));
  ASSERT_TRUE(fields.contains("alignments"));
  EXPECT_NE(fields["alignments"].en.find("NS-99"), std::string::npos);
}

TEST_F(ElementRules, KpiTargetsMustFallInsideThePlanPeriod) {
  Element kpi = make_kpi("K1", 1, {{2566, 1}, {2571, 2}});
  auto fields = fields_of(kpi);
  ASSERT_TRUE(fields.contains("targets"));
  EXPECT_NE(fields["targets"].en.find("2571"), std::string::npos);
  Element fine = make_kpi("K1", 1, {{2570, 2}, {2566, 1}});
  EXPECT_TRUE(check(fine).empty());
  EXPECT_EQ(fine.kpi->targets.front().fiscal_year, 2566);  // sorted
}

TEST_F(ElementRules, WithinRangeKpiNeedsBothEndsInOrder) {
  Element kpi = make_kpi("K1", 1, {});
  kpi.kpi->direction = KpiDirection::within_range;
  EXPECT_TRUE(fields_of(kpi).contains("range_low"));
  kpi.kpi->range_low = 5;
  kpi.kpi->range_high = 3;
  EXPECT_TRUE(fields_of(kpi).contains("range_low"));
  kpi.kpi->range_high = 8;
  EXPECT_TRUE(fields_of(kpi).empty());
}

TEST_F(ElementRules, TextLimitsCountCharactersNotBytes) {
  Element element = make(ElementKind::strategy, "S1", std::string(1000, 'x'));
  element.text_en = "Strategy";
  EXPECT_TRUE(check(element).empty());
  std::string thai;
  for (int i = 0; i < 1000; ++i) thai += "ก";  // 3000 bytes, 1000 characters
  element.text_th = thai;
  EXPECT_TRUE(check(element).empty());
  element.text_th += "ก";
  EXPECT_TRUE(fields_of(element).contains("text_th"));
  element.text_th = "";
  EXPECT_TRUE(fields_of(element).contains("text_th"));
}

TEST_F(ElementRules, ProjectDatesAndYearsAreChecked) {
  Element project = make_project("P1", 1);
  project.project->start_date = "2025-02-30";
  project.project->end_date = "2024-01-01";
  project.project->first_fiscal_year = 2569;
  project.project->last_fiscal_year = 2567;
  auto fields = fields_of(project);
  EXPECT_TRUE(fields.contains("start_date"));
  EXPECT_TRUE(fields.contains("last_fiscal_year"));
  project.project->start_date = "2024-10-01";
  project.project->end_date = "2024-09-30";
  EXPECT_TRUE(fields_of(project).contains("end_date"));
  EXPECT_EQ(normalized_iso_date("2024-02-29"), "2024-02-29");
  EXPECT_FALSE(normalized_iso_date("2023-02-29").has_value());
  EXPECT_FALSE(normalized_iso_date("29/02/2567").has_value());
}

TEST_F(ElementRules, PlanFieldsNeedABuddhistEraPeriodOfAtMostTenYears) {
  FieldErrors ok;
  check_plan_fields("แผน", "Plan", {2566, 2570}, ok);
  EXPECT_TRUE(ok.empty());
  FieldErrors ce;
  check_plan_fields("แผน", "", {2023, 2027}, ce);
  EXPECT_FALSE(ce.empty());
  FieldErrors reversed;
  check_plan_fields("แผน", "", {2570, 2566}, reversed);
  EXPECT_FALSE(reversed.empty());
  FieldErrors long_plan;
  check_plan_fields("แผน", "", {2560, 2575}, long_plan);
  EXPECT_FALSE(long_plan.empty());
}

}  // namespace
}  // namespace changwat::plan
