#include "modules/plan/store_rows.hpp"

namespace changwat::plan::rows {

std::string version_columns(bool count) {
  return std::string(
             "v.id, v.plan_id, v.number, v.status, v.based_on, v.created_by, v.created_at, "
             "v.approved_by, v.approved_at, v.note, v.revision, v.version, ") +
         (count ? "(SELECT COUNT(*) FROM plan_element e WHERE e.plan_version_id = v.id)" : "0");
}

Plan plan(const db::Row& row) {
  Plan p;
  db::RowReader(row).read(p.id, p.province_code, p.name_th, p.name_en, p.period.first_fiscal_year,
                          p.period.last_fiscal_year, p.demo_key, p.demo, p.created_at,
                          p.row_version);
  return p;
}

PlanVersion version(const db::Row& row) {
  PlanVersion v;
  db::RowReader(row).read(v.id, v.plan_id, v.number,
                          db::stored(v.status, parse_version_status, "plan_version.status"),
                          v.based_on, v.created_by, v.created_at, v.approved_by, v.approved_at,
                          v.note, v.revision, v.row_version, v.element_count);
  return v;
}

Element element(const db::Row& row) {
  Element e;
  db::RowReader(row).read(e.element_id, e.plan_id, e.parent_id,
                          db::stored(e.kind, parse_element_kind, "plan_element.kind"), e.code,
                          e.text_th, e.text_en, e.description_th, e.description_en, e.position,
                          e.demo, e.version, e.plan_version_id);
  return e;
}

KpiDetails kpi(db::RowReader row) {
  KpiDetails k;
  row.read(k.unit_th, k.unit_en, db::stored(k.direction, parse_kpi_direction, "plan_kpi.direction"),
           k.range_low, k.range_high, k.baseline_value, k.baseline_year, k.formula_th, k.formula_en,
           k.data_source_th, k.data_source_en, k.frequency, k.owner_agency_code);
  return k;
}

KpiTarget target(db::RowReader row) {
  KpiTarget t;
  row.read(t.fiscal_year, t.value, t.version);
  return t;
}

ProjectDetails project(db::RowReader row) {
  ProjectDetails p;
  row.read(db::stored(p.kind, parse_project_kind, "plan_project.project_kind"), p.ranking,
           db::stored(p.proposal, parse_proposal_status, "plan_project.proposal_status"),
           p.proposed_by_agency, p.agency_code, p.first_fiscal_year, p.last_fiscal_year,
           db::stored(p.budget_source, parse_budget_source, "plan_project.budget_source"),
           p.budget_satang, p.objectives_th, p.objectives_en, p.start_date, p.end_date,
           db::stored(p.term, parse_project_term, "plan_project.term"));
  return p;
}

ProjectIndicator indicator(db::RowReader row) {
  ProjectIndicator i;
  row.read(db::stored(i.level, parse_indicator_level, "plan_project_indicator.level"), i.text_th,
           i.text_en, i.unit_th, i.target_value);
  return i;
}

std::vector<db::Value> kpi_values(const KpiDetails& kpi) {
  return {kpi.unit_th,
          kpi.unit_en,
          std::string(to_string(kpi.direction)),
          db::nullable(kpi.range_low),
          db::nullable(kpi.range_high),
          db::nullable(kpi.baseline_value),
          db::nullable(kpi.baseline_year),
          kpi.formula_th,
          kpi.formula_en,
          kpi.data_source_th,
          kpi.data_source_en,
          kpi.frequency,
          db::nullable(kpi.owner_agency_code)};
}

std::vector<db::Value> project_values(const ProjectDetails& project) {
  return {std::string(to_string(project.kind)),
          db::nullable(project.ranking),
          std::string(to_string(project.proposal)),
          db::nullable(project.proposed_by_agency),
          db::nullable(project.agency_code),
          db::nullable(project.first_fiscal_year),
          db::nullable(project.last_fiscal_year),
          std::string(to_string(project.budget_source)),
          project.budget_satang,
          project.objectives_th,
          project.objectives_en,
          db::nullable(project.start_date),
          db::nullable(project.end_date),
          std::string(to_string(project.term))};
}

std::vector<db::Value> indicator_values(const ProjectIndicator& indicator) {
  return {std::string(to_string(indicator.level)), indicator.text_th, indicator.text_en,
          indicator.unit_th, db::nullable(indicator.target_value)};
}

const std::array<ElementTable, 10>& element_tables() {
  static const std::array<ElementTable, 10> tables{{
      {"plan_element",
       "element_id, plan_id, province_code, parent_id, kind, code, text_th, text_en, "
       "description_th, description_en, position, demo, version"},
      {"plan_element_dimension", "element_id, province_code, dimension"},
      {"plan_element_alignment", "element_id, province_code, target_code"},
      {"plan_kpi", std::string("element_id, province_code, ") + kKpiColumns},
      {"plan_kpi_target", std::string("element_id, province_code, ") + kTargetColumns},
      {"plan_project", std::string("element_id, province_code, ") + kProjectColumns},
      {"plan_project_area", "element_id, province_code, area_code, position"},
      {"plan_project_agency", "element_id, province_code, agency_code, position"},
      {"plan_project_guideline", "element_id, province_code, guideline_id, position"},
      {"plan_project_indicator",
       std::string("element_id, province_code, position, ") + kIndicatorColumns},
  }};
  return tables;
}

}  // namespace changwat::plan::rows
