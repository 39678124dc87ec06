#include "platform/audit/audit_log.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::audit {
namespace {

db::Value json_or_null(const boost::json::value& v) {
  if (v.is_null()) return nullptr;
  return boost::json::serialize(v);
}

}  // namespace

void record_in(db::Connection& transaction, std::string_view province_code, const Actor& actor,
               std::string_view entity, std::string_view entity_id, std::string_view action,
               const boost::json::value& before, const boost::json::value& after) {
  db::Value user_id = nullptr;
  db::Value username = nullptr;
  if (actor.principal) {
    user_id = actor.principal->user_id;
    username = actor.principal->username;
  }
  transaction.execute(
      "INSERT INTO audit_log (province_code, user_id, username, at, address, request_id, entity, "
      "entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string(province_code), user_id, username, iso_utc_now(),
       actor.address.empty() ? std::string("unknown") : actor.address, actor.request_id,
       std::string(entity), std::string(entity_id), std::string(action), json_or_null(before),
       json_or_null(after)});
}

void record(db::Connection& transaction, const Actor& actor, std::string_view entity,
            std::string_view entity_id, std::string_view action, const boost::json::value& before,
            const boost::json::value& after) {
  if (actor.principal) {
    record_in(transaction, actor.principal->province_code, actor, entity, entity_id, action, before,
              after);
    return;
  }
  // The provinces with agencies are the deployment's (areas::Directory).
  auto provinces =
      transaction.query("SELECT DISTINCT province_code FROM agency ORDER BY province_code");
  if (provinces.size() != 1) {
    throw Error(ErrorKind::internal, "audit_province_unknown",
                {"ไม่ทราบจังหวัดของรายการบันทึกการตรวจสอบ", "The audit entry's province is unknown"},
                {{"entity",
                  {std::string(entity) + ": ใช้ audit::record_in",
                   std::string(entity) + ": call audit::record_in"}}});
  }
  record_in(transaction, provinces.front().text(0), actor, entity, entity_id, action, before,
            after);
}

std::string person_name(db::Connection& connection, std::string_view username) {
  if (username == Actor::command_line().address) return std::string(kCommandLineName);
  auto row = connection.query_one("SELECT display_name FROM app_user WHERE username = ?",
                                  {std::string(username)});
  return row ? row->text(0) : std::string(username);
}

namespace {

constexpr const char* kEntryColumns =
    "a.id, a.username, u.display_name, a.at, a.address, a.entity, a.entity_id, a.action, "
    "a.before_json, a.after_json FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id";

// One mapping for every query of entries.
Entry entry_from(const db::Row& row) {
  Entry entry;
  db::RowReader(row).read(entry.id, entry.username, entry.user_name, entry.at, entry.address,
                          entry.entity, entry.entity_id, entry.action, entry.before_json,
                          entry.after_json);
  if (!entry.username && entry.address == Actor::command_line().address)
    entry.user_name = std::string(kCommandLineName);
  return entry;
}

}  // namespace

std::vector<Entry> entries_for(db::Connection& connection, std::string_view entity,
                               std::string_view entity_id) {
  std::vector<Entry> entries;
  for (const auto& row :
       connection.query(std::string("SELECT ") + kEntryColumns +
                            " WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id",
                        {std::string(entity), std::string(entity_id)})) {
    entries.push_back(entry_from(row));
  }
  return entries;
}

std::vector<Entry> search(db::Database& database, const Actor& actor, const Filter& filter) {
  const Principal& principal = actor.require_role({Role::admin, Role::auditor});
  std::string sql = std::string("SELECT ") + kEntryColumns + " WHERE a.province_code = ?";
  std::vector<db::Value> params{principal.province_code};
  if (!filter.entities.empty()) {
    sql += " AND a.entity IN (" + db::placeholders(filter.entities.size()) + ")";
    for (const auto& entity : filter.entities) params.emplace_back(entity);
  }
  if (filter.username) {
    // The username itself, or part of the display name ('%' and '_' taken literally).
    std::string pattern = "%";
    for (char ch : *filter.username) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    pattern += "%";
    sql += " AND (a.username = ? OR u.display_name LIKE ? ESCAPE '\\')";
    params.emplace_back(*filter.username);
    params.emplace_back(pattern);
  }
  if (filter.from_at) {
    sql += " AND a.at >= ?";
    params.emplace_back(*filter.from_at);
  }
  if (filter.before_at) {
    sql += " AND a.at < ?";
    params.emplace_back(*filter.before_at);
  }
  if (filter.before_id) {
    sql += " AND a.id < ?";
    params.emplace_back(*filter.before_id);
  }
  sql += " ORDER BY a.id DESC LIMIT ?";
  params.emplace_back(filter.limit);
  return database.read([&](db::Connection& c) {
    std::vector<Entry> entries;
    for (const auto& row : c.query(sql, params)) entries.push_back(entry_from(row));
    return entries;
  });
}

}  // namespace changwat::audit
