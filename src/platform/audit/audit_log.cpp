#include "platform/audit/audit_log.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/error.hpp"

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

std::vector<Entry> search(db::Database& database, const Actor& actor, const Filter& filter) {
  const Principal& principal = actor.require_role({Role::admin, Role::auditor});
  std::string sql =
      "SELECT id, username, at, address, entity, entity_id, action, before_json, after_json "
      "FROM audit_log WHERE province_code = ?";
  std::vector<db::Value> params{principal.province_code};
  if (filter.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*filter.entity);
  }
  if (filter.username) {
    sql += " AND username = ?";
    params.emplace_back(*filter.username);
  }
  if (filter.from_date) {
    sql += " AND at >= ?";
    params.emplace_back(*filter.from_date + "T00:00:00Z");
  }
  if (filter.to_date) {
    sql += " AND at <= ?";
    params.emplace_back(*filter.to_date + "T23:59:59Z");
  }
  if (filter.before_id) {
    sql += " AND id < ?";
    params.emplace_back(*filter.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(filter.limit);
  return database.read([&](db::Connection& c) {
    std::vector<Entry> entries;
    for (const auto& row : c.query(sql, params)) {
      entries.push_back({row.integer(0), row.optional_text(1), row.text(2), row.text(3),
                         row.text(4), row.text(5), row.text(6), row.text(7), row.text(8)});
    }
    return entries;
  });
}

}  // namespace changwat::audit
