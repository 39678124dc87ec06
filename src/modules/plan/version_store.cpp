#include "modules/plan/version_store.hpp"

#include "db/sql.hpp"
#include "modules/plan/store_rows.hpp"

namespace changwat::plan {

std::vector<PlanVersion> VersionStore::versions(std::int64_t plan_id, bool with_counts) {
  std::vector<PlanVersion> result;
  for (const auto& row : connection_.query("SELECT " + rows::version_columns(with_counts) +
                                               " FROM plan_version v WHERE v.plan_id = ? "
                                               "ORDER BY v.number",
                                           {plan_id})) {
    result.push_back(rows::version(row));
  }
  return result;
}

std::vector<PlanVersion> VersionStore::all_versions() {
  std::vector<PlanVersion> result;
  for (const auto& row : connection_.query("SELECT " + rows::version_columns(false) +
                                           " FROM plan_version v ORDER BY v.plan_id, v.number")) {
    result.push_back(rows::version(row));
  }
  return result;
}

std::int64_t VersionStore::insert_version(const PlanVersion& version,
                                          const std::string& province_code) {
  return connection_.insert_returning_id(
      "INSERT INTO plan_version (plan_id, province_code, number, status, based_on, created_by, "
      "created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {version.plan_id, province_code, static_cast<std::int64_t>(version.number),
       std::string(to_string(version.status)), db::nullable(version.based_on), version.created_by,
       version.created_at, db::nullable(version.note)});
}

bool VersionStore::change_status(std::int64_t version_id, VersionStatus from, VersionStatus to,
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

bool VersionStore::bump_revision(std::int64_t version_id) {
  return connection_.execute(
             "UPDATE plan_version SET revision = revision + 1 WHERE id = ? AND status = 'draft'",
             {version_id}) == 1;
}

void VersionStore::copy_version(std::int64_t from, std::int64_t to) {
  // Parents before children: each INSERT ... SELECT copies one table whole, and
  // foreign keys are checked when the statement ends.
  for (const rows::ElementTable& table : rows::element_tables()) {
    connection_.execute(std::string("INSERT INTO ") + table.name + " (plan_version_id, " +
                            table.columns + ") SELECT ?, " + table.columns + " FROM " + table.name +
                            " WHERE plan_version_id = ?",
                        {to, from});
  }
}

std::int64_t VersionStore::count_elements(std::int64_t version_id) {
  return *db::query_integer(
      connection_, "SELECT COUNT(*) FROM plan_element WHERE plan_version_id = ?", {version_id});
}

}  // namespace changwat::plan
