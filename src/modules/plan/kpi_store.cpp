#include "modules/plan/kpi_store.hpp"

#include <unordered_map>

#include "db/sql.hpp"
#include "modules/plan/store_rows.hpp"

namespace changwat::plan {

void KpiStore::save_kpi(std::int64_t version_id, std::int64_t element_id, const KpiDetails& kpi,
                        const std::string& province_code) {
  std::vector<db::Value> values = rows::kpi_values(kpi);
  values.insert(values.end(), {version_id, element_id});
  if (connection_.execute(std::string("UPDATE plan_kpi SET ") + db::assignments(rows::kKpiColumns) +
                              " WHERE plan_version_id = ? AND element_id = ?",
                          values) == 0) {
    values.emplace_back(province_code);
    connection_.execute(std::string("INSERT INTO plan_kpi (") + rows::kKpiColumns +
                            ", plan_version_id, element_id, province_code) VALUES (" +
                            db::placeholders(values.size()) + ")",
                        values);
  }
}

std::optional<KpiTarget> KpiStore::find_target(std::int64_t version_id, std::int64_t element_id,
                                               int fiscal_year) {
  auto row =
      connection_.query_one(std::string("SELECT ") + rows::kTargetColumns +
                                " FROM plan_kpi_target WHERE plan_version_id = ? "
                                "AND element_id = ? AND fiscal_year = ?",
                            {version_id, element_id, static_cast<std::int64_t>(fiscal_year)});
  if (!row) return std::nullopt;
  return rows::target(db::RowReader(*row));
}

void KpiStore::insert_target(std::int64_t version_id, std::int64_t element_id,
                             const KpiTarget& target, const std::string& province_code) {
  connection_.execute(
      "INSERT INTO plan_kpi_target (plan_version_id, element_id, province_code, fiscal_year, "
      "value, version) VALUES (?, ?, ?, ?, ?, ?)",
      {version_id, element_id, province_code, static_cast<std::int64_t>(target.fiscal_year),
       db::nullable(target.value), target.version});
}

bool KpiStore::insert_target_if_absent(std::int64_t version_id, std::int64_t element_id,
                                       const KpiTarget& target, const std::string& province_code) {
  return connection_.execute(
             "INSERT INTO plan_kpi_target (plan_version_id, element_id, province_code, "
             "fiscal_year, value, version) VALUES (?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (plan_version_id, element_id, fiscal_year) DO NOTHING",
             {version_id, element_id, province_code, static_cast<std::int64_t>(target.fiscal_year),
              db::nullable(target.value), target.version}) == 1;
}

bool KpiStore::update_target(std::int64_t version_id, std::int64_t element_id, int fiscal_year,
                             std::optional<double> value, std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE plan_kpi_target SET value = ?, version = version + 1 "
             "WHERE plan_version_id = ? AND element_id = ? AND fiscal_year = ? AND version = ?",
             {db::nullable(value), version_id, element_id, static_cast<std::int64_t>(fiscal_year),
              expected_version}) == 1;
}

void KpiStore::sync_targets(std::int64_t version_id, std::int64_t element_id, const KpiDetails& kpi,
                            const std::string& province_code) {
  std::unordered_map<int, std::optional<double>> old_values;
  for (const auto& row : connection_.query(std::string("SELECT ") + rows::kTargetColumns +
                                               " FROM plan_kpi_target WHERE plan_version_id = ? "
                                               "AND element_id = ?",
                                           {version_id, element_id})) {
    KpiTarget old = rows::target(db::RowReader(row));
    old_values.emplace(old.fiscal_year, old.value);
  }
  for (const auto& target : kpi.targets) {
    auto found = old_values.find(target.fiscal_year);
    if (found == old_values.end()) {
      insert_target(version_id, element_id, {target.fiscal_year, target.value, 1}, province_code);
      continue;
    }
    if (found->second != target.value) {
      connection_.execute(
          "UPDATE plan_kpi_target SET value = ?, version = version + 1 "
          "WHERE plan_version_id = ? AND element_id = ? AND fiscal_year = ?",
          {db::nullable(target.value), version_id, element_id,
           static_cast<std::int64_t>(target.fiscal_year)});
    }
    old_values.erase(found);
  }
  for (const auto& [year, value] : old_values) {
    connection_.execute(
        "DELETE FROM plan_kpi_target WHERE plan_version_id = ? AND element_id = ? "
        "AND fiscal_year = ?",
        {version_id, element_id, static_cast<std::int64_t>(year)});
  }
}

}  // namespace changwat::plan
