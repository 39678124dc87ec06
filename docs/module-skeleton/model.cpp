#include "modules/sample/model.hpp"

namespace changwat::sample {

std::string_view to_string(ItemStatus status) {
  switch (status) {
    case ItemStatus::open: return "open";
    case ItemStatus::closed: return "closed";
  }
  return "open";
}

std::optional<ItemStatus> parse_item_status(std::string_view text) {
  if (text == "open") return ItemStatus::open;
  if (text == "closed") return ItemStatus::closed;
  return std::nullopt;
}

}  // namespace changwat::sample
