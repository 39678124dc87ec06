#include "modules/participation/forum_store.hpp"

#include "db/conditions.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/participation/store_detail.hpp"

namespace changwat::participation {
namespace {

// needs_raised counts the published needs recorded at the forum.
constexpr const char* kForumSelect =
    "SELECT f.id, f.province_code, f.plan_id, f.title_th, f.title_en, f.held_on, f.area_code, "
    "f.district_code, f.attendance_people, f.attendance_private, f.attendance_civil_society, "
    "f.attendance_state, f.notes, f.created_by, f.created_at, f.demo, f.version, "
    "(SELECT count(*) FROM need n WHERE n.forum_id = f.id "
    "AND n.status NOT IN ('pending_moderation', 'rejected')) "
    "FROM forum f";

// What an edit may change, in the order forum_values gives them.
constexpr const char* kForumFields =
    "title_th, title_en, held_on, area_code, district_code, attendance_people, "
    "attendance_private, attendance_civil_society, attendance_state, notes";

std::vector<db::Value> forum_values(const Forum& forum) {
  return {forum.title_th,
          forum.title_en,
          forum.held_on,
          forum.area_code,
          forum.district_code,
          forum.attendance.people,
          forum.attendance.private_sector,
          forum.attendance.civil_society,
          forum.attendance.state,
          forum.notes};
}

Forum read_forum(const db::Row& row) {
  Forum f;
  db::RowReader(row).read(
      f.id, f.province_code, f.plan_id, f.title_th, f.title_en, f.held_on, f.area_code,
      f.district_code, f.attendance.people, f.attendance.private_sector, f.attendance.civil_society,
      f.attendance.state, f.notes, f.created_by, f.created_at, f.demo, f.version, f.needs_raised);
  return f;
}

}  // namespace

std::int64_t ForumStore::insert_forum(const Forum& forum,
                                      const std::optional<std::string>& demo_key) {
  return detail::insert_plan_record(connection_, "forum", kForumFields, forum_values(forum),
                                    {forum.province_code, forum.plan_id, forum.created_by,
                                     forum.created_at, demo_key, forum.demo});
}

std::optional<Forum> ForumStore::find_forum(std::int64_t id) {
  return db::map_row(connection_.query_one(std::string(kForumSelect) + " WHERE f.id = ?", {id}),
                     read_forum);
}

std::optional<std::int64_t> ForumStore::forum_id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM forum WHERE demo_key = ?", {demo_key});
}

bool ForumStore::save_forum(const Forum& forum) {
  return detail::update_versioned(connection_, "forum", kForumFields, forum_values(forum), forum.id,
                                  forum.version);
}

bool ForumStore::delete_forum(std::int64_t id, std::int64_t version) {
  return connection_.execute("DELETE FROM forum WHERE id = ? AND version = ?", {id, version}) == 1;
}

std::int64_t ForumStore::count_forum_needs(std::int64_t id) {
  return db::query_integer(connection_, "SELECT count(*) FROM need WHERE forum_id = ?", {id})
      .value_or(0);
}

std::vector<Forum> ForumStore::list_forums(const Filter& filter) {
  db::Conditions where;
  where.add_if(filter.plan_id, "f.plan_id = ?").add_if(filter.district_code, "f.district_code = ?");
  std::vector<Forum> forums;
  connection_.for_each(kForumSelect + where.sql() + " ORDER BY f.held_on DESC, f.id DESC",
                       where.params(),
                       [&](const db::Row& row) { forums.push_back(read_forum(row)); });
  return forums;
}

}  // namespace changwat::participation
