#include "modules/participation/swot_store.hpp"

#include "base/stored_enum.hpp"

namespace changwat::participation::store {
namespace {

constexpr const char* kSwotSelect =
    "SELECT id, province_code, plan_id, kind, text_th, text_en, evidence, evidence_source, "
    "dimension, position, demo, version FROM swot_item ";

SwotItem read_swot_item(const db::Row& row) {
  SwotItem item;
  item.id = row.integer(0);
  item.province_code = row.text(1);
  item.plan_id = row.integer(2);
  item.kind = stored_enum(parse_swot_kind(row.text(3)), "swot_item.kind", row.text(3));
  item.text_th = row.text(4);
  item.text_en = row.text(5);
  item.evidence = row.text(6);
  item.evidence_source = row.optional_text(7);
  if (auto dimension = row.optional_text(8))
    item.dimension = stored_enum(parse_dimension(*dimension), "swot_item.dimension", *dimension);
  item.position = row.integer(9);
  item.demo = row.integer(10) != 0;
  item.version = row.integer(11);
  return item;
}

db::Value optional_dimension(const std::optional<Dimension>& dimension) {
  if (!dimension) return nullptr;
  return std::string(dimension_name(*dimension));
}

}  // namespace

std::int64_t insert_swot_item(db::Connection& connection, const SwotItem& item,
                              std::optional<std::int64_t> created_by, const std::string& at,
                              const std::optional<std::string>& demo_key) {
  return connection.insert_returning_id(
      "INSERT INTO swot_item (province_code, plan_id, kind, text_th, text_en, evidence, "
      "evidence_source, dimension, position, created_by, created_at, demo_key, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {item.province_code, item.plan_id, std::string(swot_kind_name(item.kind)), item.text_th,
       item.text_en, item.evidence, db::nullable(item.evidence_source),
       optional_dimension(item.dimension), item.position, db::nullable(created_by), at,
       db::nullable(demo_key), std::int64_t{item.demo ? 1 : 0}});
}

std::optional<SwotItem> find_swot_item(db::Connection& connection, std::int64_t id) {
  auto row = connection.query_one(std::string(kSwotSelect) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return read_swot_item(*row);
}

bool demo_swot_item_exists(db::Connection& connection, const std::string& demo_key) {
  return connection.query_one("SELECT 1 FROM swot_item WHERE demo_key = ?", {demo_key}).has_value();
}

bool save_swot_item(db::Connection& connection, const SwotItem& item) {
  return connection.execute(
             "UPDATE swot_item SET kind = ?, text_th = ?, text_en = ?, evidence = ?, "
             "evidence_source = ?, dimension = ?, position = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {std::string(swot_kind_name(item.kind)), item.text_th, item.text_en, item.evidence,
              db::nullable(item.evidence_source), optional_dimension(item.dimension), item.position,
              item.id, item.version}) == 1;
}

bool delete_swot_item(db::Connection& connection, std::int64_t id, std::int64_t version) {
  return connection.execute("DELETE FROM swot_item WHERE id = ? AND version = ?", {id, version}) ==
         1;
}

std::vector<SwotItem> list_swot_items(db::Connection& connection, std::int64_t plan_id) {
  std::vector<SwotItem> items;
  connection.for_each(
      std::string(kSwotSelect) +
          "WHERE plan_id = ? ORDER BY CASE kind WHEN 'strength' THEN 0 WHEN 'weakness' THEN 1 "
          "WHEN 'opportunity' THEN 2 ELSE 3 END, position, id",
      {plan_id}, [&](const db::Row& row) { items.push_back(read_swot_item(row)); });
  return items;
}

std::int64_t next_swot_position(db::Connection& connection, std::int64_t plan_id, SwotKind kind) {
  auto row = connection.query_one(
      "SELECT COALESCE(MAX(position) + 1, 0) FROM swot_item WHERE plan_id = ? AND kind = ?",
      {plan_id, std::string(swot_kind_name(kind))});
  return row ? row->integer(0) : 0;
}

}  // namespace changwat::participation::store
