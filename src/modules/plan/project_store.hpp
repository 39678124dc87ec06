#pragma once
// SQL of a project element's details: the project row (table plan_project) and its
// ordered lists of areas, supporting agencies, guidelines served and indicators.
#include <cstdint>
#include <string>

#include "db/database.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

class ProjectStore {
 public:
  explicit ProjectStore(db::Connection& connection) : connection_(connection) {}

  void insert_project(std::int64_t version_id, std::int64_t element_id,
                      const ProjectDetails& project, const std::string& province_code);
  // The project row and its lists (an edit deletes them, then inserts them again).
  void delete_project(std::int64_t version_id, std::int64_t element_id);
  // Projects proposed by agencies and not yet accepted (they block approval).
  std::int64_t count_proposed_projects(std::int64_t version_id);
  // Projects that list `guideline_id` among the further guidelines they serve.
  std::int64_t count_projects_serving(std::int64_t version_id, std::int64_t guideline_id);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::plan
