#pragma once
// The plan tables as the stores read and write them: one column list and one row
// mapping per entity, shared by every query of that entity (a whole version, one
// element, one target). Internal to the plan module's *_store.cpp.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "db/row_reader.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan::rows {

// ---- Column lists, in the order the mappings below read them ----
inline constexpr const char* kPlanColumns =
    "id, province_code, name_th, name_en, first_fiscal_year, last_fiscal_year, demo_key, demo, "
    "created_at, version";
// The last column is the element count; `count` says whether to compute it (a scan per
// version) or read 0.
std::string version_columns(bool count);
inline constexpr const char* kElementColumns =
    "element_id, plan_id, parent_id, kind, code, text_th, text_en, description_th, "
    "description_en, position, demo, version, plan_version_id";
inline constexpr const char* kKpiColumns =
    "unit_th, unit_en, direction, range_low, range_high, baseline_value, baseline_year, "
    "formula_th, formula_en, data_source_th, data_source_en, frequency, owner_agency_code";
inline constexpr const char* kTargetColumns = "fiscal_year, value, version";
inline constexpr const char* kProjectColumns =
    "project_kind, ranking, proposal_status, proposed_by_agency, agency_code, "
    "first_fiscal_year, last_fiscal_year, budget_source, budget_satang, objectives_th, "
    "objectives_en, start_date, end_date, term";
inline constexpr const char* kIndicatorColumns = "level, text_th, text_en, unit_th, target_value";

// ---- Row mappings. Plans, versions and elements are whole rows; the details of an
// element (KPI, target, project, indicator) are read from where the reader stands,
// after the element_id a query of several elements puts first ----
Plan plan(const db::Row& row);
PlanVersion version(const db::Row& row);
Element element(const db::Row& row);
KpiDetails kpi(db::RowReader row);
KpiTarget target(db::RowReader row);
ProjectDetails project(db::RowReader row);
ProjectIndicator indicator(db::RowReader row);

// ---- Parameters in the same column order, for INSERT and UPDATE ----
std::vector<db::Value> kpi_values(const KpiDetails& kpi);
std::vector<db::Value> project_values(const ProjectDetails& project);
std::vector<db::Value> indicator_values(const ProjectIndicator& indicator);

// Every table whose rows belong to one element of one version (keyed by
// plan_version_id, element_id), parents first: the order copies follow; deletes go
// the other way. `columns` are every column but plan_version_id.
struct ElementTable {
  const char* name;
  std::string columns;
};
const std::array<ElementTable, 10>& element_tables();

}  // namespace changwat::plan::rows
