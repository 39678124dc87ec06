#pragma once
// SQL for communities and what they sell (products and experiences), their price
// history, star ratings and split rules: rows in, model structs out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/tourism/model.hpp"

namespace changwat::tourism {

class CatalogStore {
 public:
  explicit CatalogStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_community(const Community& community,
                                const std::optional<std::string>& demo_key);
  // One conditional statement (false = stale version).
  bool update_community(const Community& community);
  std::optional<Community> find_community(std::int64_t id);
  std::vector<Community> communities(const std::optional<std::string>& province_code);
  std::optional<std::int64_t> community_by_demo_key(const std::string& demo_key);

  // Inserts the item and its first price (valid from `since`) and star rating.
  std::int64_t insert_item(const Item& item, const std::string& since,
                           const std::optional<std::string>& demo_key);
  // One conditional statement; a new price is added to the history from `since`.
  bool update_item(const Item& item, bool price_changed, const std::string& since);
  std::optional<Item> find_item(std::int64_t id);
  std::vector<Item> items(std::int64_t community_id, ItemKind kind);
  std::optional<std::int64_t> item_by_demo_key(const std::string& demo_key);
  // The price in effect at `when` (RFC 3339): the latest set at or before it, or the
  // first ever set when the sale is older than the item's record.
  std::optional<std::int64_t> price_at(std::int64_t item_id, const std::string& when);
  // Ratings by round (round, stars), oldest first.
  std::vector<std::pair<int, int>> star_ratings(std::int64_t item_id);

  std::vector<SplitRule> split_rules(std::int64_t community_id);
  void replace_split_rules(std::int64_t community_id, const std::vector<SplitRule>& rules);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::tourism
