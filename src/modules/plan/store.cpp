#include "modules/plan/store.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "base/error.hpp"

namespace changwat::plan {
namespace {

db::Value nullable_real(const std::optional<double>& value) {
  if (!value) return nullptr;
  return *value;
}

db::Value nullable_int(const std::optional<int>& value) {
  if (!value) return nullptr;
  return static_cast<std::int64_t>(*value);
}

db::Value nullable_id(const std::optional<std::int64_t>& value) {
  if (!value) return nullptr;
  return *value;
}

std::optional<double> optional_real(const db::Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return row.real(column);
}

std::optional<int> optional_int(const db::Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return static_cast<int>(row.integer(column));
}

// Enum values come from our own CHECK-constrained columns; anything else means the
// database was edited by hand, which must not pass silently.
template <class Enum>
Enum must(std::optional<Enum> parsed, const std::string& text) {
  if (!parsed) {
    throw Error(ErrorKind::internal, "plan_bad_row",
                {"ข้อมูลแผนในฐานข้อมูลไม่ถูกต้อง: " + text, "invalid plan data in database: " + text});
  }
  return *parsed;
}

constexpr const char* kPlanColumns =
    "id, province_code, name_th, name_en, first_fiscal_year, last_fiscal_year, demo_key, demo, "
    "created_at, version";

Plan plan_from_row(const db::Row& row) {
  Plan plan;
  plan.id = row.integer(0);
  plan.province_code = row.text(1);
  plan.name_th = row.text(2);
  plan.name_en = row.text(3);
  plan.period.first_fiscal_year = static_cast<int>(row.integer(4));
  plan.period.last_fiscal_year = static_cast<int>(row.integer(5));
  plan.demo_key = row.optional_text(6);
  plan.demo = row.integer(7) != 0;
  plan.created_at = row.text(8);
  plan.row_version = row.integer(9);
  return plan;
}

constexpr const char* kVersionColumns =
    "v.id, v.plan_id, v.number, v.status, v.based_on, v.created_by, v.created_at, "
    "v.approved_by, v.approved_at, v.note, v.revision, v.version, "
    "(SELECT COUNT(*) FROM plan_element e WHERE e.plan_version_id = v.id)";

constexpr const char* kVersionColumnsWithoutCount =
    "v.id, v.plan_id, v.number, v.status, v.based_on, v.created_by, v.created_at, "
    "v.approved_by, v.approved_at, v.note, v.revision, v.version, 0";

PlanVersion version_from_row(const db::Row& row) {
  PlanVersion version;
  version.id = row.integer(0);
  version.plan_id = row.integer(1);
  version.number = static_cast<int>(row.integer(2));
  version.status = must(parse_version_status(row.text(3)), row.text(3));
  version.based_on = optional_int(row, 4);
  version.created_by = row.text(5);
  version.created_at = row.text(6);
  version.approved_by = row.optional_text(7);
  version.approved_at = row.optional_text(8);
  version.note = row.optional_text(9);
  version.revision = row.integer(10);
  version.row_version = row.integer(11);
  version.element_count = static_cast<int>(row.integer(12));
  return version;
}

constexpr const char* kElementColumns =
    "element_id, plan_id, parent_id, kind, code, text_th, text_en, description_th, "
    "description_en, position, demo, version, plan_version_id";

Element element_from_row(const db::Row& row) {
  Element element;
  element.element_id = row.integer(0);
  element.plan_id = row.integer(1);
  element.parent_id = row.optional_integer(2);
  element.kind = must(parse_element_kind(row.text(3)), row.text(3));
  element.code = row.text(4);
  element.text_th = row.text(5);
  element.text_en = row.text(6);
  element.description_th = row.text(7);
  element.description_en = row.text(8);
  element.position = static_cast<int>(row.integer(9));
  element.demo = row.integer(10) != 0;
  element.version = row.integer(11);
  element.plan_version_id = row.integer(12);
  return element;
}

// Every table whose rows belong to one element of one version, children before
// parents (the order deletes must follow; copies go the other way).
constexpr std::array<const char*, 10> kElementTables{"plan_project_indicator",
                                                     "plan_project_guideline",
                                                     "plan_project_agency",
                                                     "plan_project_area",
                                                     "plan_project",
                                                     "plan_kpi_target",
                                                     "plan_kpi",
                                                     "plan_element_alignment",
                                                     "plan_element_dimension",
                                                     "plan_element"};

}  // namespace

// ---- plan ----

std::int64_t PlanStore::insert_plan(const Plan& plan, const std::string& created_by) {
  return connection_.insert_returning_id(
      "INSERT INTO plan (province_code, name_th, name_en, first_fiscal_year, last_fiscal_year, "
      "demo_key, demo, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {plan.province_code, plan.name_th, plan.name_en,
       static_cast<std::int64_t>(plan.period.first_fiscal_year),
       static_cast<std::int64_t>(plan.period.last_fiscal_year), db::nullable(plan.demo_key),
       static_cast<std::int64_t>(plan.demo ? 1 : 0), created_by, plan.created_at});
}

std::optional<Plan> PlanStore::find_plan(std::int64_t plan_id) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kPlanColumns + " FROM plan WHERE id = ?", {plan_id});
  if (!row) return std::nullopt;
  return plan_from_row(*row);
}

std::vector<Plan> PlanStore::list_plans() {
  std::vector<Plan> plans;
  for (const auto& row :
       connection_.query(std::string("SELECT ") + kPlanColumns + " FROM plan ORDER BY id")) {
    plans.push_back(plan_from_row(row));
  }
  return plans;
}

std::optional<std::int64_t> PlanStore::plan_id_by_demo_key(const std::string& demo_key) {
  auto row = connection_.query_one("SELECT id FROM plan WHERE demo_key = ?", {demo_key});
  if (!row) return std::nullopt;
  return row->integer(0);
}

bool PlanStore::update_plan(const Plan& plan, std::int64_t expected_row_version) {
  return connection_.execute(
             "UPDATE plan SET name_th = ?, name_en = ?, first_fiscal_year = ?, "
             "last_fiscal_year = ?, version = version + 1 WHERE id = ? AND version = ?",
             {plan.name_th, plan.name_en, static_cast<std::int64_t>(plan.period.first_fiscal_year),
              static_cast<std::int64_t>(plan.period.last_fiscal_year), plan.id,
              expected_row_version}) == 1;
}

// ---- versions ----

std::vector<PlanVersion> PlanStore::versions(std::int64_t plan_id, bool with_counts) {
  std::vector<PlanVersion> result;
  const std::string columns = with_counts ? kVersionColumns : kVersionColumnsWithoutCount;
  for (const auto& row : connection_.query(
           "SELECT " + columns + " FROM plan_version v WHERE v.plan_id = ? ORDER BY v.number",
           {plan_id})) {
    result.push_back(version_from_row(row));
  }
  return result;
}

std::vector<PlanVersion> PlanStore::all_versions() {
  std::vector<PlanVersion> result;
  for (const auto& row : connection_.query(std::string("SELECT ") + kVersionColumnsWithoutCount +
                                           " FROM plan_version v ORDER BY v.plan_id, v.number")) {
    result.push_back(version_from_row(row));
  }
  return result;
}

std::int64_t PlanStore::insert_version(const PlanVersion& version,
                                       const std::string& province_code) {
  return connection_.insert_returning_id(
      "INSERT INTO plan_version (plan_id, province_code, number, status, based_on, created_by, "
      "created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {version.plan_id, province_code, static_cast<std::int64_t>(version.number),
       std::string(to_string(version.status)), nullable_int(version.based_on), version.created_by,
       version.created_at, db::nullable(version.note)});
}

bool PlanStore::change_status(std::int64_t version_id, VersionStatus from, VersionStatus to,
                              const StatusStamp& stamp) {
  std::string sql =
      "UPDATE plan_version SET status = ?, approved_by = COALESCE(?, approved_by), "
      "approved_at = COALESCE(?, approved_at), note = COALESCE(?, note), "
      "version = version + 1 WHERE id = ? AND status = ?";
  std::vector<db::Value> params{std::string(to_string(to)),
                                db::nullable(stamp.approved_by),
                                db::nullable(stamp.approved_at),
                                db::nullable(stamp.note),
                                version_id,
                                std::string(to_string(from))};
  if (stamp.expected_revision) {
    sql += " AND revision = ?";
    params.emplace_back(*stamp.expected_revision);
  }
  return connection_.execute(sql, params) == 1;
}

bool PlanStore::bump_revision(std::int64_t version_id) {
  return connection_.execute(
             "UPDATE plan_version SET revision = revision + 1 WHERE id = ? AND status = 'draft'",
             {version_id}) == 1;
}

void PlanStore::copy_version(std::int64_t from, std::int64_t to) {
  // Parents before children: each INSERT ... SELECT copies one table whole, and
  // foreign keys are checked when the statement ends.
  const std::vector<db::Value> ids{to, from};
  connection_.execute(
      "INSERT INTO plan_element (plan_version_id, element_id, plan_id, province_code, parent_id, "
      "kind, code, text_th, text_en, description_th, description_en, position, demo, version) "
      "SELECT ?, element_id, plan_id, province_code, parent_id, kind, code, text_th, text_en, "
      "description_th, description_en, position, demo, version FROM plan_element "
      "WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_element_dimension (plan_version_id, element_id, province_code, dimension) "
      "SELECT ?, element_id, province_code, dimension FROM plan_element_dimension "
      "WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_element_alignment (plan_version_id, element_id, province_code, "
      "target_code) SELECT ?, element_id, province_code, target_code FROM plan_element_alignment "
      "WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_kpi (plan_version_id, element_id, province_code, unit_th, unit_en, "
      "direction, range_low, range_high, baseline_value, baseline_year, formula_th, formula_en, "
      "data_source_th, data_source_en, frequency, owner_agency_code) "
      "SELECT ?, element_id, province_code, unit_th, unit_en, direction, range_low, range_high, "
      "baseline_value, baseline_year, formula_th, formula_en, data_source_th, data_source_en, "
      "frequency, owner_agency_code FROM plan_kpi WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_kpi_target (plan_version_id, element_id, province_code, fiscal_year, "
      "value, version) SELECT ?, element_id, province_code, fiscal_year, value, version "
      "FROM plan_kpi_target WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_project (plan_version_id, element_id, province_code, project_kind, "
      "ranking, proposal_status, proposed_by_agency, agency_code, first_fiscal_year, "
      "last_fiscal_year, budget_source, budget_satang, objectives_th, objectives_en, start_date, "
      "end_date, term) SELECT ?, element_id, province_code, project_kind, ranking, "
      "proposal_status, proposed_by_agency, agency_code, first_fiscal_year, last_fiscal_year, "
      "budget_source, budget_satang, objectives_th, objectives_en, start_date, end_date, term "
      "FROM plan_project WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_project_area (plan_version_id, element_id, province_code, area_code, "
      "position) SELECT ?, element_id, province_code, area_code, position FROM plan_project_area "
      "WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_project_agency (plan_version_id, element_id, province_code, agency_code, "
      "position) SELECT ?, element_id, province_code, agency_code, position "
      "FROM plan_project_agency WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_project_guideline (plan_version_id, element_id, province_code, "
      "guideline_id, position) SELECT ?, element_id, province_code, guideline_id, position "
      "FROM plan_project_guideline WHERE plan_version_id = ?",
      ids);
  connection_.execute(
      "INSERT INTO plan_project_indicator (plan_version_id, element_id, province_code, position, "
      "level, text_th, text_en, unit_th, target_value) SELECT ?, element_id, province_code, "
      "position, level, text_th, text_en, unit_th, target_value FROM plan_project_indicator "
      "WHERE plan_version_id = ?",
      ids);
}

std::int64_t PlanStore::count_elements(std::int64_t version_id) {
  return connection_
      .query_one("SELECT COUNT(*) FROM plan_element WHERE plan_version_id = ?", {version_id})
      ->integer(0);
}

std::int64_t PlanStore::count_proposed_projects(std::int64_t version_id) {
  return connection_
      .query_one(
          "SELECT COUNT(*) FROM plan_project WHERE plan_version_id = ? "
          "AND proposal_status = 'proposed'",
          {version_id})
      ->integer(0);
}

// ---- elements ----

std::vector<Element> PlanStore::load_version(std::int64_t version_id) {
  std::vector<Element> elements;
  std::unordered_map<std::int64_t, std::size_t> index;
  const std::vector<db::Value> id{version_id};
  connection_.for_each(
      std::string("SELECT ") + kElementColumns + " FROM plan_element WHERE plan_version_id = ?", id,
      [&](const db::Row& row) {
        index.emplace(row.integer(0), elements.size());
        elements.push_back(element_from_row(row));
      });
  auto at = [&](std::int64_t element_id) -> Element& { return elements.at(index.at(element_id)); };

  connection_.for_each(
      "SELECT element_id, dimension FROM plan_element_dimension WHERE plan_version_id = ? "
      "ORDER BY element_id, dimension",
      id, [&](const db::Row& row) {
        at(row.integer(0)).dimensions.push_back(must(parse_dimension(row.text(1)), row.text(1)));
      });
  connection_.for_each(
      "SELECT element_id, target_code FROM plan_element_alignment WHERE plan_version_id = ? "
      "ORDER BY element_id, target_code",
      id, [&](const db::Row& row) { at(row.integer(0)).alignment_codes.push_back(row.text(1)); });
  connection_.for_each(
      "SELECT element_id, unit_th, unit_en, direction, range_low, range_high, baseline_value, "
      "baseline_year, formula_th, formula_en, data_source_th, data_source_en, frequency, "
      "owner_agency_code FROM plan_kpi WHERE plan_version_id = ?",
      id, [&](const db::Row& row) {
        KpiDetails kpi;
        kpi.unit_th = row.text(1);
        kpi.unit_en = row.text(2);
        kpi.direction = must(parse_kpi_direction(row.text(3)), row.text(3));
        kpi.range_low = optional_real(row, 4);
        kpi.range_high = optional_real(row, 5);
        kpi.baseline_value = optional_real(row, 6);
        kpi.baseline_year = optional_int(row, 7);
        kpi.formula_th = row.text(8);
        kpi.formula_en = row.text(9);
        kpi.data_source_th = row.text(10);
        kpi.data_source_en = row.text(11);
        kpi.frequency = row.text(12);
        kpi.owner_agency_code = row.optional_text(13);
        at(row.integer(0)).kpi = std::move(kpi);
      });
  connection_.for_each(
      "SELECT element_id, fiscal_year, value, version FROM plan_kpi_target "
      "WHERE plan_version_id = ? ORDER BY element_id, fiscal_year",
      id, [&](const db::Row& row) {
        KpiTarget target{static_cast<int>(row.integer(1)), optional_real(row, 2), row.integer(3)};
        at(row.integer(0)).kpi->targets.push_back(target);
      });
  connection_.for_each(
      "SELECT element_id, project_kind, ranking, proposal_status, proposed_by_agency, "
      "agency_code, first_fiscal_year, last_fiscal_year, budget_source, budget_satang, "
      "objectives_th, objectives_en, start_date, end_date, term FROM plan_project "
      "WHERE plan_version_id = ?",
      id, [&](const db::Row& row) {
        ProjectDetails project;
        project.kind = must(parse_project_kind(row.text(1)), row.text(1));
        project.ranking = optional_int(row, 2);
        project.proposal = must(parse_proposal_status(row.text(3)), row.text(3));
        project.proposed_by_agency = row.optional_text(4);
        project.agency_code = row.optional_text(5);
        project.first_fiscal_year = optional_int(row, 6);
        project.last_fiscal_year = optional_int(row, 7);
        project.budget_source = must(parse_budget_source(row.text(8)), row.text(8));
        project.budget_satang = row.integer(9);
        project.objectives_th = row.text(10);
        project.objectives_en = row.text(11);
        project.start_date = row.optional_text(12);
        project.end_date = row.optional_text(13);
        project.term = must(parse_project_term(row.text(14)), row.text(14));
        at(row.integer(0)).project = std::move(project);
      });
  connection_.for_each(
      "SELECT element_id, area_code FROM plan_project_area WHERE plan_version_id = ? "
      "ORDER BY element_id, position",
      id,
      [&](const db::Row& row) { at(row.integer(0)).project->area_codes.push_back(row.text(1)); });
  connection_.for_each(
      "SELECT element_id, agency_code FROM plan_project_agency WHERE plan_version_id = ? "
      "ORDER BY element_id, position",
      id, [&](const db::Row& row) {
        at(row.integer(0)).project->supporting_agency_codes.push_back(row.text(1));
      });
  connection_.for_each(
      "SELECT element_id, guideline_id FROM plan_project_guideline WHERE plan_version_id = ? "
      "ORDER BY element_id, position",
      id, [&](const db::Row& row) {
        at(row.integer(0)).project->guideline_ids.push_back(row.integer(1));
      });
  connection_.for_each(
      "SELECT element_id, level, text_th, text_en, unit_th, target_value "
      "FROM plan_project_indicator WHERE plan_version_id = ? ORDER BY element_id, position",
      id, [&](const db::Row& row) {
        ProjectIndicator indicator;
        indicator.level = must(parse_indicator_level(row.text(1)), row.text(1));
        indicator.text_th = row.text(2);
        indicator.text_en = row.text(3);
        indicator.unit_th = row.text(4);
        indicator.target_value = optional_real(row, 5);
        at(row.integer(0)).project->indicators.push_back(std::move(indicator));
      });
  return elements;
}

std::optional<Element> PlanStore::load_element(std::int64_t version_id, std::int64_t element_id) {
  auto row = connection_.query_one(std::string("SELECT ") + kElementColumns +
                                       " FROM plan_element WHERE plan_version_id = ? "
                                       "AND element_id = ?",
                                   {version_id, element_id});
  if (!row) return std::nullopt;
  Element element = element_from_row(*row);
  const std::vector<db::Value> ids{version_id, element_id};
  for (const auto& r :
       connection_.query("SELECT dimension FROM plan_element_dimension WHERE plan_version_id = ? "
                         "AND element_id = ? ORDER BY dimension",
                         ids)) {
    element.dimensions.push_back(must(parse_dimension(r.text(0)), r.text(0)));
  }
  for (const auto& r :
       connection_.query("SELECT target_code FROM plan_element_alignment WHERE plan_version_id = ? "
                         "AND element_id = ? ORDER BY target_code",
                         ids)) {
    element.alignment_codes.push_back(r.text(0));
  }
  if (element.kind == ElementKind::kpi) {
    auto k = connection_.query_one(
        "SELECT unit_th, unit_en, direction, range_low, range_high, baseline_value, "
        "baseline_year, formula_th, formula_en, data_source_th, data_source_en, frequency, "
        "owner_agency_code FROM plan_kpi WHERE plan_version_id = ? AND element_id = ?",
        ids);
    if (k) {
      KpiDetails kpi;
      kpi.unit_th = k->text(0);
      kpi.unit_en = k->text(1);
      kpi.direction = must(parse_kpi_direction(k->text(2)), k->text(2));
      kpi.range_low = optional_real(*k, 3);
      kpi.range_high = optional_real(*k, 4);
      kpi.baseline_value = optional_real(*k, 5);
      kpi.baseline_year = optional_int(*k, 6);
      kpi.formula_th = k->text(7);
      kpi.formula_en = k->text(8);
      kpi.data_source_th = k->text(9);
      kpi.data_source_en = k->text(10);
      kpi.frequency = k->text(11);
      kpi.owner_agency_code = k->optional_text(12);
      for (const auto& r :
           connection_.query("SELECT fiscal_year, value, version FROM plan_kpi_target "
                             "WHERE plan_version_id = ? AND element_id = ? ORDER BY fiscal_year",
                             ids)) {
        kpi.targets.push_back({static_cast<int>(r.integer(0)), optional_real(r, 1), r.integer(2)});
      }
      element.kpi = std::move(kpi);
    }
  }
  if (element.kind == ElementKind::project) {
    auto p = connection_.query_one(
        "SELECT project_kind, ranking, proposal_status, proposed_by_agency, agency_code, "
        "first_fiscal_year, last_fiscal_year, budget_source, budget_satang, objectives_th, "
        "objectives_en, start_date, end_date, term FROM plan_project "
        "WHERE plan_version_id = ? AND element_id = ?",
        ids);
    if (p) {
      ProjectDetails project;
      project.kind = must(parse_project_kind(p->text(0)), p->text(0));
      project.ranking = optional_int(*p, 1);
      project.proposal = must(parse_proposal_status(p->text(2)), p->text(2));
      project.proposed_by_agency = p->optional_text(3);
      project.agency_code = p->optional_text(4);
      project.first_fiscal_year = optional_int(*p, 5);
      project.last_fiscal_year = optional_int(*p, 6);
      project.budget_source = must(parse_budget_source(p->text(7)), p->text(7));
      project.budget_satang = p->integer(8);
      project.objectives_th = p->text(9);
      project.objectives_en = p->text(10);
      project.start_date = p->optional_text(11);
      project.end_date = p->optional_text(12);
      project.term = must(parse_project_term(p->text(13)), p->text(13));
      for (const auto& r :
           connection_.query("SELECT area_code FROM plan_project_area WHERE plan_version_id = ? "
                             "AND element_id = ? ORDER BY position",
                             ids)) {
        project.area_codes.push_back(r.text(0));
      }
      for (const auto& r : connection_.query(
               "SELECT agency_code FROM plan_project_agency WHERE plan_version_id = ? "
               "AND element_id = ? ORDER BY position",
               ids)) {
        project.supporting_agency_codes.push_back(r.text(0));
      }
      for (const auto& r : connection_.query(
               "SELECT guideline_id FROM plan_project_guideline WHERE plan_version_id = ? "
               "AND element_id = ? ORDER BY position",
               ids)) {
        project.guideline_ids.push_back(r.integer(0));
      }
      for (const auto& r : connection_.query(
               "SELECT level, text_th, text_en, unit_th, target_value FROM plan_project_indicator "
               "WHERE plan_version_id = ? AND element_id = ? ORDER BY position",
               ids)) {
        ProjectIndicator indicator;
        indicator.level = must(parse_indicator_level(r.text(0)), r.text(0));
        indicator.text_th = r.text(1);
        indicator.text_en = r.text(2);
        indicator.unit_th = r.text(3);
        indicator.target_value = optional_real(r, 4);
        project.indicators.push_back(std::move(indicator));
      }
      element.project = std::move(project);
    }
  }
  return element;
}

std::int64_t PlanStore::new_element_id(std::int64_t plan_id, const std::string& province_code,
                                       ElementKind kind, const std::string& now) {
  return connection_.insert_returning_id(
      "INSERT INTO plan_element_identity (plan_id, province_code, kind, created_at) "
      "VALUES (?, ?, ?, ?) RETURNING id",
      {plan_id, province_code, std::string(to_string(kind)), now});
}

void PlanStore::insert_element(const Element& element, const std::string& province_code) {
  connection_.execute(
      "INSERT INTO plan_element (plan_version_id, element_id, plan_id, province_code, parent_id, "
      "kind, code, text_th, text_en, description_th, description_en, position, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {element.plan_version_id, element.element_id, element.plan_id, province_code,
       nullable_id(element.parent_id), std::string(to_string(element.kind)),
       element.code.empty() ? db::Value(nullptr) : db::Value(element.code), element.text_th,
       element.text_en, element.description_th, element.description_en,
       static_cast<std::int64_t>(element.position), static_cast<std::int64_t>(element.demo),
       element.version});
  insert_details(element, province_code);
  if (element.kpi) {
    for (const auto& target : element.kpi->targets) {
      insert_target(element.plan_version_id, element.element_id, target, province_code);
    }
  }
}

void PlanStore::insert_details(const Element& element, const std::string& province_code) {
  const db::Value version_id = element.plan_version_id;
  const db::Value element_id = element.element_id;
  for (auto dimension : element.dimensions) {
    connection_.execute(
        "INSERT INTO plan_element_dimension (plan_version_id, element_id, province_code, "
        "dimension) VALUES (?, ?, ?, ?)",
        {version_id, element_id, province_code, std::string(to_string(dimension))});
  }
  replace_alignments(element.plan_version_id, element.element_id, element.alignment_codes,
                     province_code);
  if (const auto& kpi = element.kpi) {
    const std::vector<db::Value> values{kpi->unit_th,
                                        kpi->unit_en,
                                        std::string(to_string(kpi->direction)),
                                        nullable_real(kpi->range_low),
                                        nullable_real(kpi->range_high),
                                        nullable_real(kpi->baseline_value),
                                        nullable_int(kpi->baseline_year),
                                        kpi->formula_th,
                                        kpi->formula_en,
                                        kpi->data_source_th,
                                        kpi->data_source_en,
                                        kpi->frequency,
                                        db::nullable(kpi->owner_agency_code),
                                        version_id,
                                        element_id};
    // The KPI row outlives edits (its targets point at it): update, or insert once.
    if (connection_.execute(
            "UPDATE plan_kpi SET unit_th = ?, unit_en = ?, direction = ?, range_low = ?, "
            "range_high = ?, baseline_value = ?, baseline_year = ?, formula_th = ?, "
            "formula_en = ?, data_source_th = ?, data_source_en = ?, frequency = ?, "
            "owner_agency_code = ? WHERE plan_version_id = ? AND element_id = ?",
            values) == 0) {
      connection_.execute(
          "INSERT INTO plan_kpi (unit_th, unit_en, direction, range_low, range_high, "
          "baseline_value, baseline_year, formula_th, formula_en, data_source_th, "
          "data_source_en, frequency, owner_agency_code, plan_version_id, element_id, "
          "province_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [&] {
            auto with_province = values;
            with_province.emplace_back(province_code);
            return with_province;
          }());
    }
  }
  if (const auto& project = element.project) {
    const std::vector<db::Value> values{std::string(to_string(project->kind)),
                                        nullable_int(project->ranking),
                                        std::string(to_string(project->proposal)),
                                        db::nullable(project->proposed_by_agency),
                                        db::nullable(project->agency_code),
                                        nullable_int(project->first_fiscal_year),
                                        nullable_int(project->last_fiscal_year),
                                        std::string(to_string(project->budget_source)),
                                        project->budget_satang,
                                        project->objectives_th,
                                        project->objectives_en,
                                        db::nullable(project->start_date),
                                        db::nullable(project->end_date),
                                        std::string(to_string(project->term)),
                                        version_id,
                                        element_id,
                                        province_code};
    connection_.execute(
        "INSERT INTO plan_project (project_kind, ranking, proposal_status, proposed_by_agency, "
        "agency_code, first_fiscal_year, last_fiscal_year, budget_source, budget_satang, "
        "objectives_th, objectives_en, start_date, end_date, term, plan_version_id, element_id, "
        "province_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
    std::int64_t position = 0;
    for (const auto& area : project->area_codes) {
      connection_.execute(
          "INSERT INTO plan_project_area (plan_version_id, element_id, province_code, area_code, "
          "position) VALUES (?, ?, ?, ?, ?)",
          {version_id, element_id, province_code, area, position++});
    }
    position = 0;
    for (const auto& agency : project->supporting_agency_codes) {
      connection_.execute(
          "INSERT INTO plan_project_agency (plan_version_id, element_id, province_code, "
          "agency_code, position) VALUES (?, ?, ?, ?, ?)",
          {version_id, element_id, province_code, agency, position++});
    }
    position = 0;
    for (auto guideline : project->guideline_ids) {
      connection_.execute(
          "INSERT INTO plan_project_guideline (plan_version_id, element_id, province_code, "
          "guideline_id, position) VALUES (?, ?, ?, ?, ?)",
          {version_id, element_id, province_code, guideline, position++});
    }
    position = 0;
    for (const auto& indicator : project->indicators) {
      connection_.execute(
          "INSERT INTO plan_project_indicator (plan_version_id, element_id, province_code, "
          "position, level, text_th, text_en, unit_th, target_value) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {version_id, element_id, province_code, position++,
           std::string(to_string(indicator.level)), indicator.text_th, indicator.text_en,
           indicator.unit_th, nullable_real(indicator.target_value)});
    }
  }
}

void PlanStore::delete_details(std::int64_t version_id, std::int64_t element_id) {
  // Everything insert_details writes, except the KPI row and its targets, which are
  // updated in place so target versions survive an edit of the KPI.
  for (const char* table :
       {"plan_project_indicator", "plan_project_guideline", "plan_project_agency",
        "plan_project_area", "plan_project", "plan_element_alignment", "plan_element_dimension"}) {
    connection_.execute(
        std::string("DELETE FROM ") + table + " WHERE plan_version_id = ? AND element_id = ?",
        {version_id, element_id});
  }
}

bool PlanStore::update_element(const Element& element, std::int64_t expected_version,
                               const std::string& province_code) {
  if (connection_.execute(
          "UPDATE plan_element SET code = ?, text_th = ?, text_en = ?, description_th = ?, "
          "description_en = ?, demo = ?, version = version + 1 "
          "WHERE plan_version_id = ? AND element_id = ? AND version = ?",
          {element.code.empty() ? db::Value(nullptr) : db::Value(element.code), element.text_th,
           element.text_en, element.description_th, element.description_en,
           static_cast<std::int64_t>(element.demo), element.plan_version_id, element.element_id,
           expected_version}) != 1) {
    return false;
  }
  delete_details(element.plan_version_id, element.element_id);
  insert_details(element, province_code);
  if (element.kpi) {
    // Targets: keep rows whose value is unchanged, update changed ones (version + 1),
    // add new years, drop years no longer listed.
    auto existing = connection_.query(
        "SELECT fiscal_year, value FROM plan_kpi_target WHERE plan_version_id = ? "
        "AND element_id = ?",
        {element.plan_version_id, element.element_id});
    std::unordered_map<int, std::optional<double>> old_values;
    for (const auto& row : existing) {
      old_values.emplace(static_cast<int>(row.integer(0)), optional_real(row, 1));
    }
    for (const auto& target : element.kpi->targets) {
      auto found = old_values.find(target.fiscal_year);
      if (found == old_values.end()) {
        insert_target(element.plan_version_id, element.element_id,
                      {target.fiscal_year, target.value, 1}, province_code);
      } else {
        if (found->second != target.value) {
          connection_.execute(
              "UPDATE plan_kpi_target SET value = ?, version = version + 1 "
              "WHERE plan_version_id = ? AND element_id = ? AND fiscal_year = ?",
              {nullable_real(target.value), element.plan_version_id, element.element_id,
               static_cast<std::int64_t>(target.fiscal_year)});
        }
        old_values.erase(found);
      }
    }
    for (const auto& [year, value] : old_values) {
      connection_.execute(
          "DELETE FROM plan_kpi_target WHERE plan_version_id = ? AND element_id = ? "
          "AND fiscal_year = ?",
          {element.plan_version_id, element.element_id, static_cast<std::int64_t>(year)});
    }
  }
  return true;
}

void PlanStore::delete_element(std::int64_t version_id, std::int64_t element_id) {
  for (const char* table : kElementTables) {
    connection_.execute(
        std::string("DELETE FROM ") + table + " WHERE plan_version_id = ? AND element_id = ?",
        {version_id, element_id});
  }
}

bool PlanStore::move_element(std::int64_t version_id, std::int64_t element_id,
                             std::optional<std::int64_t> parent_id, int position,
                             std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_element SET parent_id = ?, position = ?, version = version + 1 "
             "WHERE plan_version_id = ? AND element_id = ? AND version = ?",
             {nullable_id(parent_id), static_cast<std::int64_t>(position), version_id, element_id,
              expected_version}) == 1;
}

std::vector<std::int64_t> PlanStore::children(std::int64_t version_id,
                                              std::optional<std::int64_t> parent_id) {
  std::vector<std::int64_t> ids;
  const auto rows = parent_id ? connection_.query(
                                    "SELECT element_id FROM plan_element WHERE plan_version_id = ? "
                                    "AND parent_id = ? ORDER BY position, element_id",
                                    {version_id, *parent_id})
                              : connection_.query(
                                    "SELECT element_id FROM plan_element WHERE plan_version_id = ? "
                                    "AND parent_id IS NULL ORDER BY position, element_id",
                                    {version_id});
  for (const auto& row : rows) ids.push_back(row.integer(0));
  return ids;
}

void PlanStore::set_positions(std::int64_t version_id, const std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    connection_.execute(
        "UPDATE plan_element SET position = ? WHERE plan_version_id = ? AND element_id = ? "
        "AND position <> ?",
        {static_cast<std::int64_t>(i), version_id, ids[i], static_cast<std::int64_t>(i)});
  }
}

std::optional<ElementKind> PlanStore::kind_of(std::int64_t version_id, std::int64_t element_id) {
  auto row = connection_.query_one(
      "SELECT kind FROM plan_element WHERE plan_version_id = ? AND element_id = ?",
      {version_id, element_id});
  if (!row) return std::nullopt;
  return must(parse_element_kind(row->text(0)), row->text(0));
}

std::optional<std::int64_t> PlanStore::element_with_code(std::int64_t version_id,
                                                         const std::string& code) {
  auto row = connection_.query_one(
      "SELECT element_id FROM plan_element WHERE plan_version_id = ? AND code = ?",
      {version_id, code});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::int64_t PlanStore::count_projects_serving(std::int64_t version_id, std::int64_t guideline_id) {
  return connection_
      .query_one(
          "SELECT COUNT(*) FROM plan_project_guideline WHERE plan_version_id = ? "
          "AND guideline_id = ?",
          {version_id, guideline_id})
      ->integer(0);
}

std::optional<std::optional<std::int64_t>> PlanStore::parent_of(std::int64_t version_id,
                                                                std::int64_t element_id) {
  auto row = connection_.query_one(
      "SELECT parent_id FROM plan_element WHERE plan_version_id = ? AND element_id = ?",
      {version_id, element_id});
  if (!row) return std::nullopt;
  return row->optional_integer(0);
}

// ---- KPI targets ----

std::optional<KpiTarget> PlanStore::find_target(std::int64_t version_id, std::int64_t element_id,
                                                int fiscal_year) {
  auto row = connection_.query_one(
      "SELECT fiscal_year, value, version FROM plan_kpi_target WHERE plan_version_id = ? "
      "AND element_id = ? AND fiscal_year = ?",
      {version_id, element_id, static_cast<std::int64_t>(fiscal_year)});
  if (!row) return std::nullopt;
  return KpiTarget{static_cast<int>(row->integer(0)), optional_real(*row, 1), row->integer(2)};
}

void PlanStore::insert_target(std::int64_t version_id, std::int64_t element_id,
                              const KpiTarget& target, const std::string& province_code) {
  connection_.execute(
      "INSERT INTO plan_kpi_target (plan_version_id, element_id, province_code, fiscal_year, "
      "value, version) VALUES (?, ?, ?, ?, ?, ?)",
      {version_id, element_id, province_code, static_cast<std::int64_t>(target.fiscal_year),
       nullable_real(target.value), target.version});
}

bool PlanStore::insert_target_if_absent(std::int64_t version_id, std::int64_t element_id,
                                        const KpiTarget& target, const std::string& province_code) {
  return connection_.execute(
             "INSERT INTO plan_kpi_target (plan_version_id, element_id, province_code, "
             "fiscal_year, value, version) VALUES (?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (plan_version_id, element_id, fiscal_year) DO NOTHING",
             {version_id, element_id, province_code, static_cast<std::int64_t>(target.fiscal_year),
              nullable_real(target.value), target.version}) == 1;
}

bool PlanStore::update_target(std::int64_t version_id, std::int64_t element_id, int fiscal_year,
                              std::optional<double> value, std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_kpi_target SET value = ?, version = version + 1 "
             "WHERE plan_version_id = ? AND element_id = ? AND fiscal_year = ? AND version = ?",
             {nullable_real(value), version_id, element_id, static_cast<std::int64_t>(fiscal_year),
              expected_version}) == 1;
}

bool PlanStore::touch_element(std::int64_t version_id, std::int64_t element_id,
                              std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_element SET version = version + 1 WHERE plan_version_id = ? "
             "AND element_id = ? AND version = ?",
             {version_id, element_id, expected_version}) == 1;
}

// ---- alignment ----

void PlanStore::replace_alignments(std::int64_t version_id, std::int64_t element_id,
                                   const std::vector<std::string>& codes,
                                   const std::string& province_code) {
  connection_.execute(
      "DELETE FROM plan_element_alignment WHERE plan_version_id = ? AND element_id = ?",
      {version_id, element_id});
  for (const auto& code : codes) {
    connection_.execute(
        "INSERT INTO plan_element_alignment (plan_version_id, element_id, province_code, "
        "target_code) VALUES (?, ?, ?, ?)",
        {version_id, element_id, province_code, code});
  }
}

// ---- for other modules ----

std::vector<PlanStore::ElementLocation> PlanStore::locations_of(std::int64_t element_id) {
  std::vector<ElementLocation> result;
  for (const auto& row :
       connection_.query("SELECT v.plan_id, v.id, v.number FROM plan_element e "
                         "JOIN plan_version v ON v.id = e.plan_version_id WHERE e.element_id = ? "
                         "ORDER BY v.number DESC",
                         {element_id})) {
    result.push_back({row.integer(0), row.integer(1), static_cast<int>(row.integer(2))});
  }
  return result;
}

}  // namespace changwat::plan
