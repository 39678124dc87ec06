#pragma once
// Plain data of the sample module: no database, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace changwat::sample {

enum class ItemStatus { open, closed };
std::string_view to_string(ItemStatus status);
std::optional<ItemStatus> parse_item_status(std::string_view text);

struct Item {
  std::int64_t id = 0;
  std::string province_code;  // from the plan or the signed-in user, never a constant
  std::int64_t plan_id = 0;
  std::string title;
  ItemStatus status = ItemStatus::open;
  bool demo = false;
  std::int64_t version = 1;
};

}  // namespace changwat::sample
