#include "modules/plan/project_store.hpp"

#include "db/sql.hpp"
#include "modules/plan/store_rows.hpp"

namespace changwat::plan {

void ProjectStore::insert_project(std::int64_t version_id, std::int64_t element_id,
                                  const ProjectDetails& project, const std::string& province_code) {
  std::vector<db::Value> values = rows::project_values(project);
  values.insert(values.end(), {version_id, element_id, province_code});
  connection_.execute(std::string("INSERT INTO plan_project (") + rows::kProjectColumns +
                          ", plan_version_id, element_id, province_code) VALUES (" +
                          db::placeholders(values.size()) + ")",
                      values);
  // Lists keep their order in `position`, from 0.
  auto insert_list = [&](const char* table, const char* column, const auto& items) {
    std::int64_t position = 0;
    for (const auto& item : items) {
      connection_.execute(std::string("INSERT INTO ") + table +
                              " (plan_version_id, element_id, province_code, " + column +
                              ", position) VALUES (?, ?, ?, ?, ?)",
                          {version_id, element_id, province_code, db::Value(item), position++});
    }
  };
  insert_list("plan_project_area", "area_code", project.area_codes);
  insert_list("plan_project_agency", "agency_code", project.supporting_agency_codes);
  insert_list("plan_project_guideline", "guideline_id", project.guideline_ids);
  std::int64_t position = 0;
  for (const auto& indicator : project.indicators) {
    std::vector<db::Value> indicator_values = rows::indicator_values(indicator);
    indicator_values.insert(indicator_values.end(),
                            {version_id, element_id, province_code, position++});
    connection_.execute(std::string("INSERT INTO plan_project_indicator (") +
                            rows::kIndicatorColumns +
                            ", plan_version_id, element_id, province_code, position) VALUES (" +
                            db::placeholders(indicator_values.size()) + ")",
                        indicator_values);
  }
}

void ProjectStore::delete_project(std::int64_t version_id, std::int64_t element_id) {
  for (const char* table : {"plan_project_indicator", "plan_project_guideline",
                            "plan_project_agency", "plan_project_area", "plan_project"}) {
    connection_.execute(
        std::string("DELETE FROM ") + table + " WHERE plan_version_id = ? AND element_id = ?",
        {version_id, element_id});
  }
}

std::int64_t ProjectStore::count_proposed_projects(std::int64_t version_id) {
  return *db::query_integer(connection_,
                            "SELECT COUNT(*) FROM plan_project WHERE plan_version_id = ? "
                            "AND proposal_status = 'proposed'",
                            {version_id});
}

std::int64_t ProjectStore::count_projects_serving(std::int64_t version_id,
                                                  std::int64_t guideline_id) {
  return *db::query_integer(connection_,
                            "SELECT COUNT(*) FROM plan_project_guideline WHERE plan_version_id = ? "
                            "AND guideline_id = ?",
                            {version_id, guideline_id});
}

}  // namespace changwat::plan
