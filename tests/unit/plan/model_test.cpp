#include "modules/plan/model.hpp"

#include <gtest/gtest.h>

namespace changwat::plan {
namespace {

// The names are what the tables' CHECK constraints and the API expect; the tables
// list them in enum order (base/enum_names.hpp), so each value is checked by name.
TEST(Model, EveryValueHasItsStoredName) {
  EXPECT_EQ(to_string(ElementKind::vision), "vision");
  EXPECT_EQ(to_string(ElementKind::mission), "mission");
  EXPECT_EQ(to_string(ElementKind::value), "value");
  EXPECT_EQ(to_string(ElementKind::goal), "goal");
  EXPECT_EQ(to_string(ElementKind::strategy), "strategy");
  EXPECT_EQ(to_string(ElementKind::guideline), "guideline");
  EXPECT_EQ(to_string(ElementKind::kpi), "kpi");
  EXPECT_EQ(to_string(ElementKind::program), "program");
  EXPECT_EQ(to_string(ElementKind::project), "project");
  EXPECT_EQ(to_string(VersionStatus::draft), "draft");
  EXPECT_EQ(to_string(VersionStatus::approved), "approved");
  EXPECT_EQ(to_string(VersionStatus::superseded), "superseded");
  EXPECT_EQ(to_string(ProjectKind::main), "main");
  EXPECT_EQ(to_string(ProjectKind::reserve), "reserve");
  EXPECT_EQ(to_string(ProposalStatus::proposed), "proposed");
  EXPECT_EQ(to_string(ProposalStatus::accepted), "accepted");
  EXPECT_EQ(to_string(ProjectTerm::short_term), "short_term");
  EXPECT_EQ(to_string(ProjectTerm::long_term), "long_term");
  EXPECT_EQ(to_string(Dimension::economy), "economy");
  EXPECT_EQ(to_string(Dimension::society), "society");
  EXPECT_EQ(to_string(Dimension::environment), "environment");
  EXPECT_EQ(to_string(Dimension::security), "security");
  EXPECT_EQ(to_string(KpiDirection::higher_is_better), "higher_is_better");
  EXPECT_EQ(to_string(KpiDirection::lower_is_better), "lower_is_better");
  EXPECT_EQ(to_string(KpiDirection::within_range), "within_range");
  EXPECT_EQ(to_string(BudgetSource::provincial), "provincial");
  EXPECT_EQ(to_string(BudgetSource::province_group), "province_group");
  EXPECT_EQ(to_string(BudgetSource::ministry), "ministry");
  EXPECT_EQ(to_string(BudgetSource::local), "local");
  EXPECT_EQ(to_string(BudgetSource::other), "other");
  EXPECT_EQ(to_string(IndicatorLevel::output), "output");
  EXPECT_EQ(to_string(IndicatorLevel::outcome), "outcome");
}

TEST(Model, NamesParseBackAndUnknownNamesDoNot) {
  EXPECT_EQ(parse_element_kind("guideline"), ElementKind::guideline);
  EXPECT_EQ(parse_budget_source("other"), BudgetSource::other);
  EXPECT_EQ(parse_indicator_level("outcome"), IndicatorLevel::outcome);
  EXPECT_FALSE(parse_element_kind("Vision").has_value());
  EXPECT_FALSE(parse_version_status("").has_value());
}

TEST(Model, KindNamesForPeople) {
  EXPECT_EQ(kind_name_th(ElementKind::vision), "วิสัยทัศน์");
  EXPECT_EQ(kind_name_th(ElementKind::strategy), "ประเด็นการพัฒนา");
  EXPECT_EQ(kind_name_th(ElementKind::project), "โครงการ");
  EXPECT_EQ(kind_name_en(ElementKind::value), "values");
  EXPECT_EQ(kind_name_en(ElementKind::kpi), "indicator");
  EXPECT_EQ(kind_name_en(ElementKind::project), "project");
}

}  // namespace
}  // namespace changwat::plan
