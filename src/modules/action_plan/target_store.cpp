#include "modules/action_plan/target_store.hpp"

#include "db/row_reader.hpp"

namespace changwat::action_plan {
namespace {

constexpr const char* kTargetColumns =
    "fiscal_year, category, quarter, base, measure, percent, source, note, updated_by, "
    "updated_at, version";

DisbursementTarget read_target(const db::Row& row) {
  DisbursementTarget target;
  db::RowReader(row).read(
      target.fiscal_year,
      db::stored(target.category, parse_target_category, "disbursement_target.category"),
      target.quarter, db::stored(target.base, parse_target_base, "disbursement_target.base"),
      db::stored(target.measure, parse_target_measure, "disbursement_target.measure"),
      target.percent, target.source, target.note, target.updated_by, target.updated_at,
      target.version);
  return target;
}

}  // namespace

std::vector<DisbursementTarget> TargetStore::targets(std::optional<int> fiscal_year) {
  std::vector<DisbursementTarget> result;
  std::string sql = std::string("SELECT ") + kTargetColumns + " FROM disbursement_target";
  std::vector<db::Value> params;
  if (fiscal_year) {
    sql += " WHERE fiscal_year = ?";
    params.emplace_back(static_cast<std::int64_t>(*fiscal_year));
  }
  sql += " ORDER BY fiscal_year, quarter, category, base, measure";
  for (const auto& row : connection_.query(sql, params)) result.push_back(read_target(row));
  return result;
}

std::optional<DisbursementTarget> TargetStore::find_target(int fiscal_year, TargetCategory category,
                                                           int quarter, TargetBase base,
                                                           TargetMeasure measure) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kTargetColumns +
          " FROM disbursement_target WHERE fiscal_year = ? AND category = ? AND quarter = ? AND "
          "base = ? AND measure = ?",
      {static_cast<std::int64_t>(fiscal_year), std::string(to_string(category)),
       static_cast<std::int64_t>(quarter), std::string(to_string(base)),
       std::string(to_string(measure))});
  if (!row) return std::nullopt;
  return read_target(*row);
}

void TargetStore::insert_target(const DisbursementTarget& target) {
  db::Value percent = nullptr;
  if (target.percent) percent = *target.percent;
  connection_.execute(
      "INSERT INTO disbursement_target (fiscal_year, category, quarter, base, measure, percent, "
      "source, note, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {static_cast<std::int64_t>(target.fiscal_year), std::string(to_string(target.category)),
       static_cast<std::int64_t>(target.quarter), std::string(to_string(target.base)),
       std::string(to_string(target.measure)), percent, target.source, target.note,
       db::nullable(target.updated_by), db::nullable(target.updated_at)});
}

bool TargetStore::update_target(const DisbursementTarget& target, std::int64_t expected_version) {
  db::Value percent = nullptr;
  if (target.percent) percent = *target.percent;
  return connection_.execute(
             "UPDATE disbursement_target SET percent = ?, source = ?, note = ?, updated_by = ?, "
             "updated_at = ?, version = version + 1 WHERE fiscal_year = ? AND category = ? AND "
             "quarter = ? AND base = ? AND measure = ? AND version = ?",
             {percent, target.source, target.note, db::nullable(target.updated_by),
              db::nullable(target.updated_at), static_cast<std::int64_t>(target.fiscal_year),
              std::string(to_string(target.category)), static_cast<std::int64_t>(target.quarter),
              std::string(to_string(target.base)), std::string(to_string(target.measure)),
              expected_version}) == 1;
}

std::vector<CommitmentDeadline> TargetStore::deadlines(std::optional<int> fiscal_year) {
  std::vector<CommitmentDeadline> result;
  std::string sql =
      "SELECT fiscal_year, deadline_key, rule_th, rule_en, deadline, source FROM "
      "commitment_deadline";
  std::vector<db::Value> params;
  if (fiscal_year) {
    sql += " WHERE fiscal_year = ?";
    params.emplace_back(static_cast<std::int64_t>(*fiscal_year));
  }
  sql += " ORDER BY fiscal_year, deadline, deadline_key";
  for (const auto& row : connection_.query(sql, params)) {
    result.push_back({static_cast<int>(row.integer(0)), row.text(1), row.text(2), row.text(3),
                      row.text(4), row.text(5)});
  }
  return result;
}

bool TargetStore::has_deadline(int fiscal_year, const std::string& key) {
  return connection_
      .query_one("SELECT 1 FROM commitment_deadline WHERE fiscal_year = ? AND deadline_key = ?",
                 {static_cast<std::int64_t>(fiscal_year), key})
      .has_value();
}

void TargetStore::insert_deadline(const CommitmentDeadline& deadline) {
  connection_.execute(
      "INSERT INTO commitment_deadline (fiscal_year, deadline_key, rule_th, rule_en, deadline, "
      "source) VALUES (?, ?, ?, ?, ?, ?)",
      {static_cast<std::int64_t>(deadline.fiscal_year), deadline.key, deadline.rule_th,
       deadline.rule_en, deadline.deadline, deadline.source});
}

}  // namespace changwat::action_plan
