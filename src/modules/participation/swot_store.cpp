#include "modules/participation/swot_store.hpp"

#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/participation/store_detail.hpp"

namespace changwat::participation {
namespace {

constexpr const char* kSwotSelect =
    "SELECT id, province_code, plan_id, kind, text_th, text_en, evidence, evidence_source, "
    "dimension, position, demo, version FROM swot_item ";

// What an edit may change, in the order swot_values gives them.
constexpr const char* kSwotFields =
    "kind, text_th, text_en, evidence, evidence_source, dimension, position";

std::vector<db::Value> swot_values(const SwotItem& item) {
  return {std::string(swot_kind_name(item.kind)),
          item.text_th,
          item.text_en,
          item.evidence,
          db::nullable(item.evidence_source),
          db::nullable(item.dimension, dimension_name),
          item.position};
}

SwotItem read_swot_item(const db::Row& row) {
  SwotItem s;
  db::RowReader(row).read(s.id, s.province_code, s.plan_id,
                          db::stored(s.kind, parse_swot_kind, "swot_item.kind"), s.text_th,
                          s.text_en, s.evidence, s.evidence_source,
                          db::stored(s.dimension, parse_dimension, "swot_item.dimension"),
                          s.position, s.demo, s.version);
  return s;
}

}  // namespace

std::int64_t SwotStore::insert_swot_item(const SwotItem& item,
                                         std::optional<std::int64_t> created_by,
                                         const std::string& at,
                                         const std::optional<std::string>& demo_key) {
  return detail::insert_plan_record(
      connection_, "swot_item", kSwotFields, swot_values(item),
      {item.province_code, item.plan_id, created_by, at, demo_key, item.demo});
}

std::optional<SwotItem> SwotStore::find_swot_item(std::int64_t id) {
  return db::map_row(connection_.query_one(std::string(kSwotSelect) + "WHERE id = ?", {id}),
                     read_swot_item);
}

bool SwotStore::demo_swot_item_exists(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT 1 FROM swot_item WHERE demo_key = ?", {demo_key})
      .has_value();
}

bool SwotStore::save_swot_item(const SwotItem& item) {
  return detail::update_versioned(connection_, "swot_item", kSwotFields, swot_values(item), item.id,
                                  item.version);
}

bool SwotStore::delete_swot_item(std::int64_t id, std::int64_t version) {
  return connection_.execute("DELETE FROM swot_item WHERE id = ? AND version = ?", {id, version}) ==
         1;
}

std::vector<SwotItem> SwotStore::list_swot_items(std::int64_t plan_id) {
  std::vector<SwotItem> items;
  connection_.for_each(
      std::string(kSwotSelect) +
          "WHERE plan_id = ? ORDER BY CASE kind WHEN 'strength' THEN 0 WHEN 'weakness' THEN 1 "
          "WHEN 'opportunity' THEN 2 ELSE 3 END, position, id",
      {plan_id}, [&](const db::Row& row) { items.push_back(read_swot_item(row)); });
  return items;
}

std::int64_t SwotStore::next_swot_position(std::int64_t plan_id, SwotKind kind) {
  return db::query_integer(
             connection_,
             "SELECT COALESCE(MAX(position) + 1, 0) FROM swot_item WHERE plan_id = ? AND kind = ?",
             {plan_id, std::string(swot_kind_name(kind))})
      .value_or(0);
}

}  // namespace changwat::participation
