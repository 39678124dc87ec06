#pragma once
// SQL for public forums (เวทีประชาคม). No rules here; on the connection of the
// transaction in hand (docs/decisions/0007).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/participation/model.hpp"

namespace changwat::participation {

class ForumStore {
 public:
  explicit ForumStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_forum(const Forum& forum, const std::optional<std::string>& demo_key);
  // With needs_raised counted from its published needs.
  std::optional<Forum> find_forum(std::int64_t id);
  std::optional<std::int64_t> forum_id_by_demo_key(const std::string& demo_key);
  // Writes the mutable columns if the stored version is still `forum.version`.
  [[nodiscard]] bool save_forum(const Forum& forum);
  [[nodiscard]] bool delete_forum(std::int64_t id, std::int64_t version);
  // Needs of any status that name this forum (a forum with needs cannot be deleted).
  std::int64_t count_forum_needs(std::int64_t id);

  struct Filter {
    std::optional<std::int64_t> plan_id;
    std::optional<std::string> district_code;
  };
  // Newest first.
  std::vector<Forum> list_forums(const Filter& filter);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::participation
