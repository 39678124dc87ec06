#include "platform/audit/audit_log.hpp"

#include <boost/json.hpp>

#include "base/clock.hpp"

namespace changwat::audit {
namespace {

db::Value json_or_null(const boost::json::value& v) {
  if (v.is_null()) return nullptr;
  return boost::json::serialize(v);
}

}  // namespace

void record(db::Connection& transaction, const Actor& actor, std::string_view entity,
            std::string_view entity_id, std::string_view action, const boost::json::value& before,
            const boost::json::value& after) {
  db::Value user_id = nullptr;
  db::Value username = nullptr;
  std::string province = "23";
  if (actor.principal) {
    user_id = actor.principal->user_id;
    username = actor.principal->username;
    province = actor.principal->province_code;
  }
  transaction.execute(
      "INSERT INTO audit_log (province_code, user_id, username, at, address, request_id, entity, "
      "entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {province, user_id, username, iso_utc_now(),
       actor.address.empty() ? std::string("unknown") : actor.address, actor.request_id,
       std::string(entity), std::string(entity_id), std::string(action), json_or_null(before),
       json_or_null(after)});
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
