#include "modules/participation/forum_store.hpp"

namespace changwat::participation::store {
namespace {

// needs_raised counts the published needs recorded at the forum.
constexpr const char* kForumSelect =
    "SELECT f.id, f.province_code, f.plan_id, f.title_th, f.title_en, f.held_on, f.area_code, "
    "f.district_code, f.attendance_people, f.attendance_private, f.attendance_civil_society, "
    "f.attendance_state, f.notes, f.created_by, f.created_at, f.demo, f.version, "
    "(SELECT count(*) FROM need n WHERE n.forum_id = f.id "
    "AND n.status NOT IN ('pending_moderation', 'rejected')) "
    "FROM forum f ";

Forum read_forum(const db::Row& row) {
  Forum forum;
  forum.id = row.integer(0);
  forum.province_code = row.text(1);
  forum.plan_id = row.integer(2);
  forum.title_th = row.text(3);
  forum.title_en = row.text(4);
  forum.held_on = row.text(5);
  forum.area_code = row.text(6);
  forum.district_code = row.text(7);
  forum.attendance.people = row.integer(8);
  forum.attendance.private_sector = row.integer(9);
  forum.attendance.civil_society = row.integer(10);
  forum.attendance.state = row.integer(11);
  forum.notes = row.text(12);
  forum.created_by = row.optional_integer(13);
  forum.created_at = row.text(14);
  forum.demo = row.integer(15) != 0;
  forum.version = row.integer(16);
  forum.needs_raised = row.integer(17);
  return forum;
}

}  // namespace

std::int64_t insert_forum(db::Connection& connection, const Forum& forum,
                          const std::optional<std::string>& demo_key) {
  return connection.insert_returning_id(
      "INSERT INTO forum (province_code, plan_id, title_th, title_en, held_on, area_code, "
      "district_code, attendance_people, attendance_private, attendance_civil_society, "
      "attendance_state, notes, created_by, created_at, demo_key, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {forum.province_code, forum.plan_id, forum.title_th, forum.title_en, forum.held_on,
       forum.area_code, forum.district_code, forum.attendance.people,
       forum.attendance.private_sector, forum.attendance.civil_society, forum.attendance.state,
       forum.notes, db::nullable(forum.created_by), forum.created_at, db::nullable(demo_key),
       std::int64_t{forum.demo ? 1 : 0}});
}

std::optional<Forum> find_forum(db::Connection& connection, std::int64_t id) {
  auto row = connection.query_one(std::string(kForumSelect) + "WHERE f.id = ?", {id});
  if (!row) return std::nullopt;
  return read_forum(*row);
}

std::optional<std::int64_t> forum_id_by_demo_key(db::Connection& connection,
                                                 const std::string& demo_key) {
  auto row = connection.query_one("SELECT id FROM forum WHERE demo_key = ?", {demo_key});
  if (!row) return std::nullopt;
  return row->integer(0);
}

bool save_forum(db::Connection& connection, const Forum& forum) {
  return connection.execute(
             "UPDATE forum SET title_th = ?, title_en = ?, held_on = ?, area_code = ?, "
             "district_code = ?, attendance_people = ?, attendance_private = ?, "
             "attendance_civil_society = ?, attendance_state = ?, notes = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {forum.title_th, forum.title_en, forum.held_on, forum.area_code, forum.district_code,
              forum.attendance.people, forum.attendance.private_sector,
              forum.attendance.civil_society, forum.attendance.state, forum.notes, forum.id,
              forum.version}) == 1;
}

bool delete_forum(db::Connection& connection, std::int64_t id, std::int64_t version) {
  return connection.execute("DELETE FROM forum WHERE id = ? AND version = ?", {id, version}) == 1;
}

std::int64_t count_forum_needs(db::Connection& connection, std::int64_t id) {
  auto row = connection.query_one("SELECT count(*) FROM need WHERE forum_id = ?", {id});
  return row ? row->integer(0) : 0;
}

std::vector<Forum> list_forums(db::Connection& connection, const ForumFilter& filter) {
  std::string sql = std::string(kForumSelect) + "WHERE 1 = 1";
  std::vector<db::Value> params;
  if (filter.plan_id) {
    sql += " AND f.plan_id = ?";
    params.emplace_back(*filter.plan_id);
  }
  if (filter.district_code) {
    sql += " AND f.district_code = ?";
    params.emplace_back(*filter.district_code);
  }
  sql += " ORDER BY f.held_on DESC, f.id DESC";
  std::vector<Forum> forums;
  connection.for_each(sql, params, [&](const db::Row& row) { forums.push_back(read_forum(row)); });
  return forums;
}

}  // namespace changwat::participation::store
