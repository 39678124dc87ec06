#include "modules/plan/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::plan {
namespace {

// The names used in SQL, JSON and routes, in each enum's declaration order
// (base/enum_names.hpp).
constexpr EnumNames<ElementKind, 9> kElementKinds{
    {"vision", "mission", "value", "goal", "strategy", "guideline", "kpi", "program", "project"}};
constexpr EnumNames<VersionStatus, 3> kVersionStatuses{{"draft", "approved", "superseded"}};
constexpr EnumNames<ProjectKind, 2> kProjectKinds{{"main", "reserve"}};
constexpr EnumNames<ProposalStatus, 2> kProposalStatuses{{"proposed", "accepted"}};
constexpr EnumNames<ProjectTerm, 2> kProjectTerms{{"short_term", "long_term"}};
constexpr EnumNames<Dimension, 4> kDimensions{{"economy", "society", "environment", "security"}};
constexpr EnumNames<KpiDirection, 3> kKpiDirections{
    {"higher_is_better", "lower_is_better", "within_range"}};
constexpr EnumNames<BudgetSource, 5> kBudgetSources{
    {"provincial", "province_group", "ministry", "local", "other"}};
constexpr EnumNames<IndicatorLevel, 2> kIndicatorLevels{{"output", "outcome"}};
// What people read in Thai and English documents and messages.
constexpr EnumNames<ElementKind, 9> kKindNamesTh{{"วิสัยทัศน์", "พันธกิจ", "ค่านิยม", "เป้าหมายการพัฒนา",
                                                  "ประเด็นการพัฒนา", "แนวทางการพัฒนา", "ตัวชี้วัด",
                                                  "แผนงาน", "โครงการ"}};
constexpr EnumNames<ElementKind, 9> kKindNamesEn{{"vision", "mission", "values", "development goal",
                                                  "strategy", "guideline", "indicator", "program",
                                                  "project"}};

}  // namespace

std::string_view to_string(ElementKind kind) { return kElementKinds.name(kind); }
std::string_view to_string(VersionStatus status) { return kVersionStatuses.name(status); }
std::string_view to_string(ProjectKind kind) { return kProjectKinds.name(kind); }
std::string_view to_string(ProposalStatus status) { return kProposalStatuses.name(status); }
std::string_view to_string(ProjectTerm term) { return kProjectTerms.name(term); }
std::string_view to_string(Dimension dimension) { return kDimensions.name(dimension); }
std::string_view to_string(KpiDirection direction) { return kKpiDirections.name(direction); }
std::string_view to_string(BudgetSource source) { return kBudgetSources.name(source); }
std::string_view to_string(IndicatorLevel level) { return kIndicatorLevels.name(level); }

std::optional<ElementKind> parse_element_kind(std::string_view s) { return kElementKinds.parse(s); }
std::optional<VersionStatus> parse_version_status(std::string_view s) {
  return kVersionStatuses.parse(s);
}
std::optional<ProjectKind> parse_project_kind(std::string_view s) { return kProjectKinds.parse(s); }
std::optional<ProposalStatus> parse_proposal_status(std::string_view s) {
  return kProposalStatuses.parse(s);
}
std::optional<ProjectTerm> parse_project_term(std::string_view s) { return kProjectTerms.parse(s); }
std::optional<Dimension> parse_dimension(std::string_view text) { return kDimensions.parse(text); }
std::optional<KpiDirection> parse_kpi_direction(std::string_view s) {
  return kKpiDirections.parse(s);
}
std::optional<BudgetSource> parse_budget_source(std::string_view s) {
  return kBudgetSources.parse(s);
}
std::optional<IndicatorLevel> parse_indicator_level(std::string_view s) {
  return kIndicatorLevels.parse(s);
}

std::string_view kind_name_th(ElementKind kind) { return kKindNamesTh.name(kind); }
std::string_view kind_name_en(ElementKind kind) { return kKindNamesEn.name(kind); }

}  // namespace changwat::plan
