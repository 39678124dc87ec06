#pragma once
// SQL for public forums (เวทีประชาคม). No rules here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/participation/model.hpp"

namespace changwat::participation::store {

std::int64_t insert_forum(db::Connection& connection, const Forum& forum,
                          const std::optional<std::string>& demo_key);
// With needs_raised counted from its published needs.
std::optional<Forum> find_forum(db::Connection& connection, std::int64_t id);
std::optional<std::int64_t> forum_id_by_demo_key(db::Connection& connection,
                                                 const std::string& demo_key);
// Writes the mutable columns if the stored version is still `forum.version`.
bool save_forum(db::Connection& connection, const Forum& forum);
bool delete_forum(db::Connection& connection, std::int64_t id, std::int64_t version);
// Needs of any status that name this forum (a forum with needs cannot be deleted).
std::int64_t count_forum_needs(db::Connection& connection, std::int64_t id);

struct ForumFilter {
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> district_code;
};
// Newest first.
std::vector<Forum> list_forums(db::Connection& connection, const ForumFilter& filter);

}  // namespace changwat::participation::store
