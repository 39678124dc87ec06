#include "modules/plan/element_store.hpp"

#include <unordered_map>

#include "db/sql.hpp"
#include "modules/plan/kpi_store.hpp"
#include "modules/plan/project_store.hpp"
#include "modules/plan/store_rows.hpp"

namespace changwat::plan {
namespace {

// The elements of one version, or only `element_id`, with every detail. Each detail
// table is read with the same condition, one query per table, so a whole version
// and a single element are read by the same code.
std::vector<Element> load_elements(db::Connection& connection, std::int64_t version_id,
                                   std::optional<std::int64_t> element_id) {
  std::string where = " WHERE plan_version_id = ?";
  std::vector<db::Value> params{version_id};
  if (element_id) {
    where += " AND element_id = ?";
    params.emplace_back(*element_id);
  }
  std::vector<Element> elements;
  std::unordered_map<std::int64_t, std::size_t> index;
  bool any_kpi = false;
  bool any_project = false;
  connection.for_each(std::string("SELECT ") + rows::kElementColumns + " FROM plan_element" + where,
                      params, [&](const db::Row& row) {
                        Element element = rows::element(row);
                        any_kpi = any_kpi || element.kind == ElementKind::kpi;
                        any_project = any_project || element.kind == ElementKind::project;
                        index.emplace(element.element_id, elements.size());
                        elements.push_back(std::move(element));
                      });
  // Reads `columns` of `table` after element_id and hands each row to `take` with the
  // element it belongs to.
  auto details = [&](const std::string& columns, const char* table, const char* order, auto take) {
    connection.for_each(
        "SELECT element_id, " + columns + " FROM " + table + where + " ORDER BY element_id" + order,
        params, [&](const db::Row& row) {
          db::RowReader reader(row);
          take(elements.at(index.at(reader.integer())), reader);
        });
  };
  if (elements.empty()) return elements;
  details("dimension", "plan_element_dimension", ", dimension",
          [](Element& element, db::RowReader& reader) {
            Dimension dimension{};
            reader.read(db::stored(dimension, parse_dimension, "plan_element_dimension.dimension"));
            element.dimensions.push_back(dimension);
          });
  details("target_code", "plan_element_alignment", ", target_code",
          [](Element& element, db::RowReader& reader) {
            element.alignment_codes.push_back(reader.text());
          });
  if (any_kpi) {
    details(rows::kKpiColumns, "plan_kpi", "",
            [](Element& element, db::RowReader& reader) { element.kpi = rows::kpi(reader); });
    // Every target row hangs on its KPI row (a foreign key), read just before.
    details(rows::kTargetColumns, "plan_kpi_target", ", fiscal_year",
            [](Element& element, db::RowReader& reader) {
              element.kpi.value().targets.push_back(rows::target(reader));
            });
  }
  if (any_project) {
    details(rows::kProjectColumns, "plan_project", "", [](Element& element, db::RowReader& reader) {
      element.project = rows::project(reader);
    });
    details("area_code", "plan_project_area", ", position",
            [](Element& element, db::RowReader& reader) {
              element.project.value().area_codes.push_back(reader.text());
            });
    details("agency_code", "plan_project_agency", ", position",
            [](Element& element, db::RowReader& reader) {
              element.project.value().supporting_agency_codes.push_back(reader.text());
            });
    details("guideline_id", "plan_project_guideline", ", position",
            [](Element& element, db::RowReader& reader) {
              element.project.value().guideline_ids.push_back(reader.integer());
            });
    details(rows::kIndicatorColumns, "plan_project_indicator", ", position",
            [](Element& element, db::RowReader& reader) {
              element.project.value().indicators.push_back(rows::indicator(reader));
            });
  }
  return elements;
}

db::Value code_value(const Element& element) {
  if (element.code.empty()) return nullptr;
  return element.code;
}

}  // namespace

std::vector<Element> ElementStore::load_version(std::int64_t version_id) {
  return load_elements(connection_, version_id, std::nullopt);
}

std::optional<Element> ElementStore::load_element(std::int64_t version_id,
                                                  std::int64_t element_id) {
  std::vector<Element> found = load_elements(connection_, version_id, element_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::int64_t ElementStore::new_element_id(std::int64_t plan_id, const std::string& province_code,
                                          ElementKind kind, const std::string& now) {
  return connection_.insert_returning_id(
      "INSERT INTO plan_element_identity (plan_id, province_code, kind, created_at) "
      "VALUES (?, ?, ?, ?) RETURNING id",
      {plan_id, province_code, std::string(to_string(kind)), now});
}

void ElementStore::insert_element(const Element& element, const std::string& province_code) {
  connection_.execute(
      "INSERT INTO plan_element (plan_version_id, element_id, plan_id, province_code, parent_id, "
      "kind, code, text_th, text_en, description_th, description_en, position, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {element.plan_version_id, element.element_id, element.plan_id, province_code,
       db::nullable(element.parent_id), std::string(to_string(element.kind)), code_value(element),
       element.text_th, element.text_en, element.description_th, element.description_en,
       static_cast<std::int64_t>(element.position), static_cast<std::int64_t>(element.demo),
       element.version});
  insert_details(element, province_code);
  if (element.kpi) {
    KpiStore kpis(connection_);
    kpis.save_kpi(element.plan_version_id, element.element_id, *element.kpi, province_code);
    for (const auto& target : element.kpi->targets) {
      kpis.insert_target(element.plan_version_id, element.element_id, target, province_code);
    }
  }
}

bool ElementStore::update_element(const Element& element, std::int64_t expected_version,
                                  const std::string& province_code) {
  if (connection_.execute(
          "UPDATE plan_element SET code = ?, text_th = ?, text_en = ?, description_th = ?, "
          "description_en = ?, demo = ?, version = version + 1 "
          "WHERE plan_version_id = ? AND element_id = ? AND version = ?",
          {code_value(element), element.text_th, element.text_en, element.description_th,
           element.description_en, static_cast<std::int64_t>(element.demo), element.plan_version_id,
           element.element_id, expected_version}) != 1) {
    return false;
  }
  delete_details(element.plan_version_id, element.element_id);
  insert_details(element, province_code);
  if (element.kpi) {
    KpiStore kpis(connection_);
    kpis.save_kpi(element.plan_version_id, element.element_id, *element.kpi, province_code);
    kpis.sync_targets(element.plan_version_id, element.element_id, *element.kpi, province_code);
  }
  return true;
}

void ElementStore::insert_details(const Element& element, const std::string& province_code) {
  for (auto dimension : element.dimensions) {
    connection_.execute(
        "INSERT INTO plan_element_dimension (plan_version_id, element_id, province_code, "
        "dimension) VALUES (?, ?, ?, ?)",
        {element.plan_version_id, element.element_id, province_code,
         std::string(to_string(dimension))});
  }
  replace_alignments(element.plan_version_id, element.element_id, element.alignment_codes,
                     province_code);
  if (element.project) {
    ProjectStore(connection_)
        .insert_project(element.plan_version_id, element.element_id, *element.project,
                        province_code);
  }
}

void ElementStore::delete_details(std::int64_t version_id, std::int64_t element_id) {
  ProjectStore(connection_).delete_project(version_id, element_id);
  for (const char* table : {"plan_element_alignment", "plan_element_dimension"}) {
    connection_.execute(
        std::string("DELETE FROM ") + table + " WHERE plan_version_id = ? AND element_id = ?",
        {version_id, element_id});
  }
}

void ElementStore::delete_element(std::int64_t version_id, std::int64_t element_id) {
  const auto& tables = rows::element_tables();
  // Children before parents.
  for (auto table = tables.rbegin(); table != tables.rend(); ++table) {
    connection_.execute(
        std::string("DELETE FROM ") + table->name + " WHERE plan_version_id = ? AND element_id = ?",
        {version_id, element_id});
  }
}

bool ElementStore::move_element(std::int64_t version_id, std::int64_t element_id,
                                std::optional<std::int64_t> parent_id, int position,
                                std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_element SET parent_id = ?, position = ?, version = version + 1 "
             "WHERE plan_version_id = ? AND element_id = ? AND version = ?",
             {db::nullable(parent_id), static_cast<std::int64_t>(position), version_id, element_id,
              expected_version}) == 1;
}

bool ElementStore::touch_element(std::int64_t version_id, std::int64_t element_id,
                                 std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_element SET version = version + 1 WHERE plan_version_id = ? "
             "AND element_id = ? AND version = ?",
             {version_id, element_id, expected_version}) == 1;
}

void ElementStore::replace_alignments(std::int64_t version_id, std::int64_t element_id,
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

std::vector<std::int64_t> ElementStore::children(std::int64_t version_id,
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

void ElementStore::set_positions(std::int64_t version_id, const std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    connection_.execute(
        "UPDATE plan_element SET position = ? WHERE plan_version_id = ? AND element_id = ? "
        "AND position <> ?",
        {static_cast<std::int64_t>(i), version_id, ids[i], static_cast<std::int64_t>(i)});
  }
}

std::optional<ElementKind> ElementStore::kind_of(std::int64_t version_id, std::int64_t element_id) {
  auto row = connection_.query_one(
      "SELECT kind FROM plan_element WHERE plan_version_id = ? AND element_id = ?",
      {version_id, element_id});
  if (!row) return std::nullopt;
  return stored_enum(parse_element_kind(row->text(0)), "plan_element.kind", row->text(0));
}

std::optional<std::int64_t> ElementStore::element_with_code(std::int64_t version_id,
                                                            const std::string& code) {
  return db::query_integer(connection_,
                           "SELECT element_id FROM plan_element WHERE plan_version_id = ? "
                           "AND code = ?",
                           {version_id, code});
}

std::optional<std::optional<std::int64_t>> ElementStore::parent_of(std::int64_t version_id,
                                                                   std::int64_t element_id) {
  auto row = connection_.query_one(
      "SELECT parent_id FROM plan_element WHERE plan_version_id = ? AND element_id = ?",
      {version_id, element_id});
  if (!row) return std::nullopt;
  return row->optional_integer(0);
}

std::vector<ElementStore::ElementLocation> ElementStore::locations_of(std::int64_t element_id) {
  std::vector<ElementLocation> result;
  for (const auto& row :
       connection_.query("SELECT v.plan_id, v.id, v.number FROM plan_element e "
                         "JOIN plan_version v ON v.id = e.plan_version_id WHERE e.element_id = ? "
                         "ORDER BY v.number DESC",
                         {element_id})) {
    ElementLocation location;
    db::RowReader(row).read(location.plan_id, location.version_id, location.version_number);
    result.push_back(location);
  }
  return result;
}

}  // namespace changwat::plan
