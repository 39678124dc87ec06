#include "modules/monitoring/warning_store.hpp"

#include "db/row_reader.hpp"
#include "thai/calendar.hpp"

namespace changwat::monitoring {
namespace {

constexpr const char* kColumns =
    "id, province_code, fiscal_year, kind, element_id, subject, agency_code, raised_on, due_on, "
    "status, measure, severity, message_th, message_en, resolved_on, resolved_at, resolved_by, "
    "resolved_automatically, resolution_note_th, resolved_measure, resolved_severity, demo, "
    "version";

Warning read_warning(const db::Row& row) {
  Warning w;
  std::optional<double> resolved_measure;
  std::optional<std::int64_t> resolved_severity;
  db::RowReader(row).read(w.id, w.province_code, w.fiscal_year,
                          db::stored(w.kind, parse_warning_kind, "monitoring_warning.kind"),
                          w.element_id, w.subject, w.agency_code, w.raised_on, w.due_on,
                          db::stored(w.status, parse_warning_status, "monitoring_warning.status"),
                          w.measure, w.severity, w.message_th, w.message_en, w.resolved_on,
                          w.resolved_at, w.resolved_by, w.resolved_automatically,
                          w.resolution_note_th, resolved_measure, resolved_severity, w.demo,
                          w.version);
  w.resolved_measure = resolved_measure;
  if (resolved_severity) w.resolved_severity = static_cast<int>(*resolved_severity);
  return w;
}

db::Value optional_number(const std::optional<double>& value) {
  if (!value) return nullptr;
  return *value;
}

}  // namespace

std::int64_t WarningStore::revision(const std::string& province_code) {
  auto row = connection_.query_one("SELECT revision FROM monitoring_state WHERE province_code = ?",
                                   {province_code});
  return row ? row->integer(0) : 0;
}

std::int64_t WarningStore::bump_revision(const std::string& province_code) {
  if (connection_.execute(
          "UPDATE monitoring_state SET revision = revision + 1 WHERE province_code = ?",
          {province_code}) == 0) {
    // The first write of the province; a concurrent first write meets the primary key
    // (409 conflict, retried by the caller's next read).
    connection_.execute("INSERT INTO monitoring_state (province_code, revision) VALUES (?, 1)",
                        {province_code});
  }
  return revision(province_code);
}

std::vector<Warning> WarningStore::list(const std::string& province_code, int fiscal_year) {
  std::vector<Warning> result;
  connection_.for_each(std::string("SELECT ") + kColumns +
                           " FROM monitoring_warning WHERE province_code = ? AND fiscal_year = ?"
                           " ORDER BY id",
                       {province_code, std::int64_t{fiscal_year}},
                       [&](const db::Row& row) { result.push_back(read_warning(row)); });
  return result;
}

std::optional<Warning> WarningStore::find(std::int64_t id) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kColumns + " FROM monitoring_warning WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return read_warning(*row);
}

std::int64_t WarningStore::insert(const std::string& province_code, int fiscal_year,
                                  const Cause& cause, const std::string& raised_on, bool demo) {
  return connection_.insert_returning_id(
      "INSERT INTO monitoring_warning (province_code, fiscal_year, kind, element_id, subject, "
      "agency_code, raised_on, due_on, status, measure, severity, message_th, message_en, demo) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) RETURNING id",
      {province_code, std::int64_t{fiscal_year}, std::string(to_string(cause.kind)),
       cause.element_id, cause.subject, db::nullable(cause.agency_code), raised_on,
       thai::to_iso(cause.due_on), cause.measure, std::int64_t{cause.severity}, cause.message.th,
       cause.message.en, std::int64_t{demo ? 1 : 0}});
}

void WarningStore::refresh(std::int64_t id, const Cause& cause) {
  connection_.execute(
      "UPDATE monitoring_warning SET agency_code = ?, due_on = ?, measure = ?, severity = ?, "
      "message_th = ?, message_en = ?, version = version + 1 WHERE id = ? AND status = 'open'",
      {db::nullable(cause.agency_code), thai::to_iso(cause.due_on), cause.measure,
       std::int64_t{cause.severity}, cause.message.th, cause.message.en, id});
}

void WarningStore::resolve_automatically(std::int64_t id, const std::string& today,
                                         const std::string& at) {
  connection_.execute(
      "UPDATE monitoring_warning SET status = 'resolved', resolved_on = ?, resolved_at = ?, "
      "resolved_automatically = 1, resolution_note_th = ?, resolved_measure = measure, "
      "resolved_severity = severity, version = version + 1 WHERE id = ? AND status = 'open'",
      {today, at, std::string(kAutomaticNote), id});
}

bool WarningStore::resolve(const Warning& w, std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE monitoring_warning SET status = 'resolved', resolved_on = ?, resolved_at = ?, "
             "resolved_by = ?, resolved_automatically = 0, resolution_note_th = ?, "
             "resolved_measure = ?, resolved_severity = ?, version = version + 1 "
             "WHERE id = ? AND status = 'open' AND version = ?",
             {db::nullable(w.resolved_on), db::nullable(w.resolved_at), db::nullable(w.resolved_by),
              db::nullable(w.resolution_note_th), optional_number(w.resolved_measure),
              w.resolved_severity ? db::Value(std::int64_t{*w.resolved_severity})
                                  : db::Value(nullptr),
              w.id, expected_version}) == 1;
}

std::map<std::string, double> WarningStore::settings(const std::string& province_code) {
  std::map<std::string, double> result;
  connection_.for_each("SELECT setting_key, value FROM monitoring_setting WHERE province_code = ?",
                       {province_code},
                       [&](const db::Row& row) { result[row.text(0)] = row.real(1); });
  return result;
}

std::map<std::string, std::int64_t> WarningStore::setting_versions(
    const std::string& province_code) {
  std::map<std::string, std::int64_t> result;
  connection_.for_each(
      "SELECT setting_key, version FROM monitoring_setting WHERE province_code = ?",
      {province_code}, [&](const db::Row& row) { result[row.text(0)] = row.integer(1); });
  return result;
}

bool WarningStore::set_setting(const std::string& province_code, const std::string& key,
                               double value, const std::string& by, const std::string& at,
                               std::optional<std::int64_t> expected_version) {
  if (!expected_version) {
    auto existing = connection_.query_one(
        "SELECT version FROM monitoring_setting WHERE province_code = ? AND setting_key = ?",
        {province_code, key});
    if (existing) return false;
    connection_.execute(
        "INSERT INTO monitoring_setting (province_code, setting_key, value, updated_by, "
        "updated_at) VALUES (?, ?, ?, ?, ?)",
        {province_code, key, value, by, at});
    return true;
  }
  return connection_.execute(
             "UPDATE monitoring_setting SET value = ?, updated_by = ?, updated_at = ?, "
             "version = version + 1 WHERE province_code = ? AND setting_key = ? AND version = ?",
             {value, by, at, province_code, key, *expected_version}) == 1;
}

}  // namespace changwat::monitoring
