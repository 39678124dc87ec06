#pragma once
// SQL for SWOT items of a plan. No rules here; on the connection of the transaction
// in hand (docs/decisions/0007).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/participation/model.hpp"

namespace changwat::participation {

class SwotStore {
 public:
  explicit SwotStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_swot_item(const SwotItem& item, std::optional<std::int64_t> created_by,
                                const std::string& at, const std::optional<std::string>& demo_key);
  std::optional<SwotItem> find_swot_item(std::int64_t id);
  bool demo_swot_item_exists(const std::string& demo_key);
  // Writes the mutable columns if the stored version is still `item.version`.
  [[nodiscard]] bool save_swot_item(const SwotItem& item);
  [[nodiscard]] bool delete_swot_item(std::int64_t id, std::int64_t version);
  // Ordered by kind (strength, weakness, opportunity, threat), then position.
  std::vector<SwotItem> list_swot_items(std::int64_t plan_id);
  // The position after the last item of this kind in the plan.
  std::int64_t next_swot_position(std::int64_t plan_id, SwotKind kind);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::participation
