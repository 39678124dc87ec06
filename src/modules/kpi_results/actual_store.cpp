#include "modules/kpi_results/actual_store.hpp"

#include <string>

#include "db/conditions.hpp"
#include "db/row_reader.hpp"

namespace changwat::kpi_results {
namespace {

constexpr const char* kSelect =
    "SELECT element_id, plan_id, province_code, fiscal_year, period, value, evidence_th, "
    "data_year, source_th, demo, version, updated_by, updated_at FROM kpi_actual ";
// Q1 < Q2 < Q3 < Q4 < year, in SQL.
constexpr const char* kOrder =
    " ORDER BY element_id, fiscal_year, CASE period WHEN 'Q1' THEN 1 WHEN 'Q2' THEN 2 "
    "WHEN 'Q3' THEN 3 WHEN 'Q4' THEN 4 ELSE 5 END";

Actual actual_from(const db::Row& row) {
  Actual actual;
  db::RowReader(row).read(actual.element_id, actual.plan_id, actual.province_code,
                          actual.fiscal_year,
                          db::stored(actual.period, parse_period, "kpi_actual.period"),
                          actual.value, actual.evidence_th, actual.data_year, actual.source_th,
                          actual.demo, actual.version, actual.updated_by, actual.updated_at);
  return actual;
}

std::vector<Actual> read_all(db::Connection& connection, const std::string& sql,
                             const std::vector<db::Value>& params) {
  std::vector<Actual> actuals;
  for (const db::Row& row : connection.query(sql, params)) actuals.push_back(actual_from(row));
  return actuals;
}

}  // namespace

std::optional<Actual> ActualStore::find(std::int64_t element_id, int fiscal_year, Period period) {
  return db::map_row(
      connection_.query_one(
          std::string(kSelect) + "WHERE element_id = ? AND fiscal_year = ? AND period = ?",
          {element_id, std::int64_t{fiscal_year}, std::string(to_string(period))}),
      actual_from);
}

std::vector<Actual> ActualStore::of_kpi(std::int64_t element_id, std::optional<int> fiscal_year) {
  db::Conditions where;
  where.add("element_id = ?", element_id);
  if (fiscal_year) where.add("fiscal_year = ?", std::int64_t{*fiscal_year});
  return read_all(connection_, std::string(kSelect) + where.sql() + kOrder, where.params());
}

std::vector<Actual> ActualStore::of_plan(std::int64_t plan_id, std::optional<int> fiscal_year) {
  db::Conditions where;
  where.add("plan_id = ?", plan_id);
  if (fiscal_year) where.add("fiscal_year = ?", std::int64_t{*fiscal_year});
  return read_all(connection_, std::string(kSelect) + where.sql() + kOrder, where.params());
}

bool ActualStore::insert_if_absent(const Actual& actual) {
  return connection_.execute(
             "INSERT INTO kpi_actual (province_code, plan_id, element_id, fiscal_year, period, "
             "value, evidence_th, data_year, source_th, demo, updated_by, updated_at, version) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
             "ON CONFLICT (element_id, fiscal_year, period) DO NOTHING",
             {actual.province_code, actual.plan_id, actual.element_id,
              std::int64_t{actual.fiscal_year}, std::string(to_string(actual.period)), actual.value,
              actual.evidence_th, db::nullable(actual.data_year), db::nullable(actual.source_th),
              std::int64_t{actual.demo ? 1 : 0}, actual.updated_by, actual.updated_at}) == 1;
}

bool ActualStore::update(const Actual& actual, std::int64_t expected) {
  return connection_.execute(
             "UPDATE kpi_actual SET value = ?, evidence_th = ?, data_year = ?, source_th = ?, "
             "demo = ?, updated_by = ?, updated_at = ?, version = version + 1 "
             "WHERE element_id = ? AND fiscal_year = ? AND period = ? AND version = ?",
             {actual.value, actual.evidence_th, db::nullable(actual.data_year),
              db::nullable(actual.source_th), std::int64_t{actual.demo ? 1 : 0}, actual.updated_by,
              actual.updated_at, actual.element_id, std::int64_t{actual.fiscal_year},
              std::string(to_string(actual.period)), expected}) == 1;
}

std::pair<std::int64_t, std::int64_t> ActualStore::stamp(std::int64_t plan_id, int fiscal_year) {
  auto row = connection_.query_one(
      "SELECT COUNT(*), COALESCE(SUM(version), 0) FROM kpi_actual "
      "WHERE plan_id = ? AND fiscal_year = ?",
      {plan_id, std::int64_t{fiscal_year}});
  if (!row) return {0, 0};
  return {row->integer(0), row->integer(1)};
}

}  // namespace changwat::kpi_results
