#include "modules/sample/item_store.hpp"

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::sample {
namespace {

constexpr const char* kColumns = "id, province_code, plan_id, title, status, demo, version";

// The one mapping of an item row (docs/adding-a-module.md, "Shared kits").
Item item_from(const db::Row& row) {
  Item item;
  db::RowReader(row).read(item.id, item.province_code, item.plan_id, item.title,
                          db::stored(item.status, parse_item_status, "sample_item.status"),
                          item.demo, item.version);
  return item;
}

}  // namespace

std::int64_t ItemStore::insert(const Item& item, const std::optional<std::string>& demo_key) {
  return connection_.insert_returning_id(
      "INSERT INTO sample_item (province_code, plan_id, title, status, demo, demo_key) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {item.province_code, item.plan_id, item.title, std::string(to_string(item.status)),
       std::int64_t{item.demo ? 1 : 0}, db::nullable(demo_key)});
}

std::optional<Item> ItemStore::find(std::int64_t id) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kColumns + " FROM sample_item WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return item_from(*row);
}

std::vector<Item> ItemStore::list(std::int64_t plan_id) {
  std::vector<Item> items;
  for (const auto& row : connection_.query(
           std::string("SELECT ") + kColumns + " FROM sample_item WHERE plan_id = ? ORDER BY id",
           {plan_id}))
    items.push_back(item_from(row));
  return items;
}

bool ItemStore::update(const Item& item) {
  return connection_.execute(
             "UPDATE sample_item SET title = ?, status = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {item.title, std::string(to_string(item.status)), item.id, item.version}) == 1;
}

std::optional<std::int64_t> ItemStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM sample_item WHERE demo_key = ?",
                           {demo_key});
}

}  // namespace changwat::sample
