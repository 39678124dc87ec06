#pragma once
// SQL for sample items, nothing else (docs/decisions/0007-module-shape.md): made on
// the connection of the transaction in hand, rows in, model structs out.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "modules/sample/model.hpp"

namespace changwat::sample {

class ItemStore {
 public:
  explicit ItemStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const Item& item, const std::optional<std::string>& demo_key);
  std::optional<Item> find(std::int64_t id);
  std::vector<Item> list(std::int64_t plan_id);
  // One conditional statement: false when the stored version is not `item.version`
  // (someone changed it meanwhile), never a lost update.
  bool update(const Item& item);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::sample
