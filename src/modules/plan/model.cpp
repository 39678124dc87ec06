#include "modules/plan/model.hpp"

#include <array>
#include <utility>

namespace changwat::plan {
namespace {

// One table per enum keeps the names used in SQL, JSON and routes in one place.
template <class Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<ElementKind, 9> kElementKinds{{{ElementKind::vision, "vision"},
                                               {ElementKind::mission, "mission"},
                                               {ElementKind::value, "value"},
                                               {ElementKind::goal, "goal"},
                                               {ElementKind::strategy, "strategy"},
                                               {ElementKind::guideline, "guideline"},
                                               {ElementKind::kpi, "kpi"},
                                               {ElementKind::program, "program"},
                                               {ElementKind::project, "project"}}};
constexpr Names<VersionStatus, 3> kVersionStatuses{{{VersionStatus::draft, "draft"},
                                                    {VersionStatus::approved, "approved"},
                                                    {VersionStatus::superseded, "superseded"}}};
constexpr Names<ProjectKind, 2> kProjectKinds{
    {{ProjectKind::main, "main"}, {ProjectKind::reserve, "reserve"}}};
constexpr Names<ProposalStatus, 2> kProposalStatuses{
    {{ProposalStatus::proposed, "proposed"}, {ProposalStatus::accepted, "accepted"}}};
constexpr Names<ProjectTerm, 2> kProjectTerms{
    {{ProjectTerm::short_term, "short_term"}, {ProjectTerm::long_term, "long_term"}}};
constexpr Names<Dimension, 4> kDimensions{{{Dimension::economy, "economy"},
                                           {Dimension::society, "society"},
                                           {Dimension::environment, "environment"},
                                           {Dimension::security, "security"}}};
constexpr Names<KpiDirection, 3> kKpiDirections{
    {{KpiDirection::higher_is_better, "higher_is_better"},
     {KpiDirection::lower_is_better, "lower_is_better"},
     {KpiDirection::within_range, "within_range"}}};
constexpr Names<BudgetSource, 5> kBudgetSources{{{BudgetSource::provincial, "provincial"},
                                                 {BudgetSource::province_group, "province_group"},
                                                 {BudgetSource::ministry, "ministry"},
                                                 {BudgetSource::local, "local"},
                                                 {BudgetSource::other, "other"}}};
constexpr Names<IndicatorLevel, 2> kIndicatorLevels{
    {{IndicatorLevel::output, "output"}, {IndicatorLevel::outcome, "outcome"}}};

template <class Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [item, name] : names) {
    if (item == value) return name;
  }
  return {};
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [item, name] : names) {
    if (name == text) return item;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ElementKind kind) { return name_of(kElementKinds, kind); }
std::string_view to_string(VersionStatus status) { return name_of(kVersionStatuses, status); }
std::string_view to_string(ProjectKind kind) { return name_of(kProjectKinds, kind); }
std::string_view to_string(ProposalStatus status) { return name_of(kProposalStatuses, status); }
std::string_view to_string(ProjectTerm term) { return name_of(kProjectTerms, term); }
std::string_view to_string(Dimension dimension) { return name_of(kDimensions, dimension); }
std::string_view to_string(KpiDirection direction) { return name_of(kKpiDirections, direction); }
std::string_view to_string(BudgetSource source) { return name_of(kBudgetSources, source); }
std::string_view to_string(IndicatorLevel level) { return name_of(kIndicatorLevels, level); }

std::optional<ElementKind> parse_element_kind(std::string_view text) {
  return parse_name(kElementKinds, text);
}
std::optional<VersionStatus> parse_version_status(std::string_view text) {
  return parse_name(kVersionStatuses, text);
}
std::optional<ProjectKind> parse_project_kind(std::string_view text) {
  return parse_name(kProjectKinds, text);
}
std::optional<ProposalStatus> parse_proposal_status(std::string_view text) {
  return parse_name(kProposalStatuses, text);
}
std::optional<ProjectTerm> parse_project_term(std::string_view text) {
  return parse_name(kProjectTerms, text);
}
std::optional<Dimension> parse_dimension(std::string_view text) {
  return parse_name(kDimensions, text);
}
std::optional<KpiDirection> parse_kpi_direction(std::string_view text) {
  return parse_name(kKpiDirections, text);
}
std::optional<BudgetSource> parse_budget_source(std::string_view text) {
  return parse_name(kBudgetSources, text);
}
std::optional<IndicatorLevel> parse_indicator_level(std::string_view text) {
  return parse_name(kIndicatorLevels, text);
}

std::string_view kind_name_th(ElementKind kind) {
  switch (kind) {
    case ElementKind::vision:
      return "วิสัยทัศน์";
    case ElementKind::mission:
      return "พันธกิจ";
    case ElementKind::value:
      return "ค่านิยม";
    case ElementKind::goal:
      return "เป้าหมายการพัฒนา";
    case ElementKind::strategy:
      return "ประเด็นการพัฒนา";
    case ElementKind::guideline:
      return "แนวทางการพัฒนา";
    case ElementKind::kpi:
      return "ตัวชี้วัด";
    case ElementKind::program:
      return "แผนงาน";
    case ElementKind::project:
      return "โครงการ";
  }
  return {};
}

std::string_view kind_name_en(ElementKind kind) {
  switch (kind) {
    case ElementKind::vision:
      return "vision";
    case ElementKind::mission:
      return "mission";
    case ElementKind::value:
      return "values";
    case ElementKind::goal:
      return "development goal";
    case ElementKind::strategy:
      return "strategy";
    case ElementKind::guideline:
      return "guideline";
    case ElementKind::kpi:
      return "indicator";
    case ElementKind::program:
      return "program";
    case ElementKind::project:
      return "project";
  }
  return {};
}

}  // namespace changwat::plan
