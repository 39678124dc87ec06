#include "modules/kpi_results/rubric_store.hpp"

#include <string>

#include "db/row_reader.hpp"
#include "modules/kpi_results/json.hpp"

namespace changwat::kpi_results {
namespace {

constexpr const char* kSelect =
    "SELECT element_id, plan_id, province_code, thresholds, direction, weight, demo, version, "
    "updated_by, updated_at FROM kpi_rubric ";

Rubric rubric_from(const db::Row& row) {
  Rubric rubric;
  std::string thresholds;
  db::RowReader(row).read(rubric.element_id, rubric.plan_id, rubric.province_code, thresholds,
                          db::stored(rubric.direction, parse_direction, "kpi_rubric.direction"),
                          rubric.weight, rubric.demo, rubric.version, rubric.updated_by,
                          rubric.updated_at);
  rubric.thresholds = thresholds_from_text(thresholds);
  return rubric;
}

}  // namespace

std::optional<Rubric> RubricStore::find(std::int64_t element_id) {
  return db::map_row(
      connection_.query_one(std::string(kSelect) + "WHERE element_id = ?", {element_id}),
      rubric_from);
}

std::vector<Rubric> RubricStore::of_plan(std::int64_t plan_id) {
  std::vector<Rubric> rubrics;
  for (const db::Row& row :
       connection_.query(std::string(kSelect) + "WHERE plan_id = ? ORDER BY element_id", {plan_id}))
    rubrics.push_back(rubric_from(row));
  return rubrics;
}

bool RubricStore::insert_if_absent(const Rubric& rubric) {
  return connection_.execute(
             "INSERT INTO kpi_rubric (element_id, province_code, plan_id, thresholds, direction, "
             "weight, demo, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
             "ON CONFLICT (element_id) DO NOTHING",
             {rubric.element_id, rubric.province_code, rubric.plan_id,
              thresholds_to_text(rubric.thresholds), std::string(to_string(rubric.direction)),
              rubric.weight, std::int64_t{rubric.demo ? 1 : 0}, rubric.updated_by,
              rubric.updated_at}) == 1;
}

bool RubricStore::update(const Rubric& rubric, std::int64_t expected) {
  return connection_.execute(
             "UPDATE kpi_rubric SET thresholds = ?, direction = ?, weight = ?, demo = ?, "
             "updated_by = ?, updated_at = ?, version = version + 1 "
             "WHERE element_id = ? AND version = ?",
             {thresholds_to_text(rubric.thresholds), std::string(to_string(rubric.direction)),
              rubric.weight, std::int64_t{rubric.demo ? 1 : 0}, rubric.updated_by,
              rubric.updated_at, rubric.element_id, expected}) == 1;
}

std::pair<std::int64_t, std::int64_t> RubricStore::stamp(std::int64_t plan_id) {
  auto row = connection_.query_one(
      "SELECT COUNT(*), COALESCE(SUM(version), 0) FROM kpi_rubric WHERE plan_id = ?", {plan_id});
  if (!row) return {0, 0};
  return {row->integer(0), row->integer(1)};
}

}  // namespace changwat::kpi_results
