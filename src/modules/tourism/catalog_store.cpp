#include "modules/tourism/catalog_store.hpp"

#include <array>
#include <boost/json.hpp>
#include <type_traits>

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::tourism {
namespace {

// Lists kept as a JSON array in one column (read whole, never queried inside).
template <class T>
std::string json_list(const std::vector<T>& values) {
  boost::json::array array;
  for (const auto& value : values) array.emplace_back(value);
  return boost::json::serialize(array);
}

template <class T>
std::vector<T> from_json_list(const std::string& text) {
  std::vector<T> values;
  if (text.empty()) return values;
  boost::json::value parsed = boost::json::parse(text);
  for (const auto& value : parsed.as_array()) {
    if constexpr (std::is_arithmetic_v<T>)
      values.push_back(static_cast<T>(value.as_int64()));
    else
      values.emplace_back(value.as_string());
  }
  return values;
}

constexpr const char* kCommunityColumns =
    "province_code, area_code, name_th, name_en, story, contact_phone, payee_name, payee_kind, "
    "promptpay_id, biller_id, bank_account, cbt_scores, cbt_evidence, program_member, "
    "carrying_capacity_per_day, offered_capacity_per_day, fund_opening_satang, "
    "plan_project_ids, joined_on, demo";

std::vector<db::Value> community_values(const Community& c) {
  std::vector<int> scores(c.cbt_scores.begin(), c.cbt_scores.end());
  return {c.province_code,
          c.area_code,
          c.name_th,
          c.name_en,
          c.story,
          db::nullable(c.contact_phone),
          c.payee_name,
          std::string(to_string(c.payee_kind)),
          db::nullable(c.promptpay_id),
          db::nullable(c.biller_id),
          db::nullable(c.bank_account),
          json_list(scores),
          c.cbt_evidence,
          std::int64_t{c.program_member ? 1 : 0},
          c.carrying_capacity_per_day,
          c.offered_capacity_per_day,
          c.fund_opening_satang,
          json_list(c.plan_project_ids),
          c.joined_on,
          std::int64_t{c.demo ? 1 : 0}};
}

Community community_from(const db::Row& row) {
  Community c;
  std::string scores, projects;
  db::RowReader(row).read(
      c.id, c.province_code, c.area_code, c.name_th, c.name_en, c.story, c.contact_phone,
      c.payee_name, db::stored(c.payee_kind, parse_payee_kind, "tourism_community.payee_kind"),
      c.promptpay_id, c.biller_id, c.bank_account, scores, c.cbt_evidence, c.program_member,
      c.carrying_capacity_per_day, c.offered_capacity_per_day, c.fund_opening_satang, projects,
      c.joined_on, c.demo, c.version);
  auto list = from_json_list<int>(scores);
  for (std::size_t i = 0; i < c.cbt_scores.size() && i < list.size(); ++i)
    c.cbt_scores[i] = list[i];
  c.plan_project_ids = from_json_list<std::int64_t>(projects);
  return c;
}

constexpr const char* kItemColumns =
    "province_code, community_id, kind, name_th, name_en, price_satang, producer_name, "
    "producer_kind, otop_group, cdd_group, stars, star_round, standards, stock, "
    "duration_minutes, capacity, languages, season_from_month, season_to_month, guide_licence, "
    "tour_licence_holder, demo";

std::vector<db::Value> item_values(const Item& i) {
  return {i.province_code,
          i.community_id,
          std::string(to_string(i.kind)),
          i.name_th,
          db::nullable(i.name_en),
          i.price_satang,
          db::nullable(i.producer_name),
          db::nullable(i.producer_kind, [](ProducerKind k) { return to_string(k); }),
          db::nullable(i.otop_group, [](OtopGroup g) { return to_string(g); }),
          db::nullable(i.cdd_group, [](CddGroup g) { return to_string(g); }),
          db::nullable(i.stars),
          db::nullable(i.star_round),
          json_list(i.standards),
          db::nullable(i.stock),
          db::nullable(i.duration_minutes),
          db::nullable(i.capacity),
          json_list(i.languages),
          db::nullable(i.season_from_month),
          db::nullable(i.season_to_month),
          db::nullable(i.guide_licence),
          db::nullable(i.tour_licence_holder),
          std::int64_t{i.demo ? 1 : 0}};
}

Item item_from(const db::Row& row) {
  Item i;
  std::string standards, languages;
  db::RowReader(row).read(
      i.id, i.province_code, i.community_id,
      db::stored(i.kind, parse_item_kind, "tourism_item.kind"), i.name_th, i.name_en,
      i.price_satang, i.producer_name,
      db::stored(i.producer_kind, parse_producer_kind, "tourism_item.producer_kind"),
      db::stored(i.otop_group, parse_otop_group, "tourism_item.otop_group"),
      db::stored(i.cdd_group, parse_cdd_group, "tourism_item.cdd_group"), i.stars, i.star_round,
      standards, i.stock, i.duration_minutes, i.capacity, languages, i.season_from_month,
      i.season_to_month, i.guide_licence, i.tour_licence_holder, i.demo, i.version);
  i.standards = from_json_list<std::string>(standards);
  i.languages = from_json_list<std::string>(languages);
  return i;
}

std::string select_from(const char* columns, const char* table) {
  return std::string("SELECT id, ") + columns + ", version FROM " + table;
}

}  // namespace

std::int64_t CatalogStore::insert_community(const Community& community,
                                            const std::optional<std::string>& demo_key) {
  auto values = community_values(community);
  values.push_back(db::nullable(demo_key));
  return db::insert_row_returning_id(connection_, "tourism_community",
                                     std::string(kCommunityColumns) + ", demo_key", values);
}

bool CatalogStore::update_community(const Community& community) {
  auto values = community_values(community);
  const std::array<db::Value, 2> key{community.id, community.version};
  values.insert(values.end(), key.begin(), key.end());
  return connection_.execute("UPDATE tourism_community SET " + db::assignments(kCommunityColumns) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

std::optional<Community> CatalogStore::find_community(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select_from(kCommunityColumns, "tourism_community") + " WHERE id = ?",
                            {id}),
      community_from);
}

std::vector<Community> CatalogStore::communities(const std::optional<std::string>& province_code) {
  std::vector<Community> list;
  std::string sql = select_from(kCommunityColumns, "tourism_community");
  std::vector<db::Value> params;
  if (province_code) {
    sql += " WHERE province_code = ?";
    params.push_back(*province_code);
  }
  for (const auto& row : connection_.query(sql + " ORDER BY id", params))
    list.push_back(community_from(row));
  return list;
}

std::optional<std::int64_t> CatalogStore::community_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM tourism_community WHERE demo_key = ?",
                           {demo_key});
}

std::int64_t CatalogStore::insert_item(const Item& item, const std::string& since,
                                       const std::optional<std::string>& demo_key) {
  auto values = item_values(item);
  values.push_back(db::nullable(demo_key));
  std::int64_t id = db::insert_row_returning_id(connection_, "tourism_item",
                                                std::string(kItemColumns) + ", demo_key", values);
  db::insert_row(connection_, "tourism_price", "item_id, valid_from, price_satang",
                 {id, since, item.price_satang});
  if (item.stars && item.star_round)
    db::insert_row(connection_, "tourism_star_rating", "item_id, star_round, stars",
                   {id, std::int64_t{*item.star_round}, std::int64_t{*item.stars}});
  return id;
}

bool CatalogStore::update_item(const Item& item, bool price_changed, const std::string& since) {
  auto values = item_values(item);
  const std::array<db::Value, 2> key{item.id, item.version};
  values.insert(values.end(), key.begin(), key.end());
  if (connection_.execute("UPDATE tourism_item SET " + db::assignments(kItemColumns) +
                              ", version = version + 1 WHERE id = ? AND version = ?",
                          values) != 1)
    return false;
  if (price_changed) {
    connection_.execute("DELETE FROM tourism_price WHERE item_id = ? AND valid_from = ?",
                        {item.id, since});
    db::insert_row(connection_, "tourism_price", "item_id, valid_from, price_satang",
                   {item.id, since, item.price_satang});
  }
  if (item.stars && item.star_round) {
    connection_.execute("DELETE FROM tourism_star_rating WHERE item_id = ? AND star_round = ?",
                        {item.id, std::int64_t{*item.star_round}});
    db::insert_row(connection_, "tourism_star_rating", "item_id, star_round, stars",
                   {item.id, std::int64_t{*item.star_round}, std::int64_t{*item.stars}});
  }
  return true;
}

std::optional<Item> CatalogStore::find_item(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select_from(kItemColumns, "tourism_item") + " WHERE id = ?", {id}),
      item_from);
}

std::vector<Item> CatalogStore::items(std::int64_t community_id, ItemKind kind) {
  std::vector<Item> list;
  for (const auto& row : connection_.query(select_from(kItemColumns, "tourism_item") +
                                               " WHERE community_id = ? AND kind = ? ORDER BY id",
                                           {community_id, std::string(to_string(kind))}))
    list.push_back(item_from(row));
  return list;
}

std::optional<std::int64_t> CatalogStore::item_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM tourism_item WHERE demo_key = ?",
                           {demo_key});
}

std::optional<std::int64_t> CatalogStore::price_at(std::int64_t item_id, const std::string& when) {
  if (auto price = db::query_integer(connection_,
                                     "SELECT price_satang FROM tourism_price WHERE item_id = ? "
                                     "AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1",
                                     {item_id, when}))
    return price;
  return db::query_integer(
      connection_,
      "SELECT price_satang FROM tourism_price WHERE item_id = ? ORDER BY valid_from LIMIT 1",
      {item_id});
}

std::vector<std::pair<int, int>> CatalogStore::star_ratings(std::int64_t item_id) {
  std::vector<std::pair<int, int>> ratings;
  for (const auto& row : connection_.query("SELECT star_round, stars FROM tourism_star_rating "
                                           "WHERE item_id = ? ORDER BY star_round",
                                           {item_id}))
    ratings.emplace_back(static_cast<int>(row.integer(0)), static_cast<int>(row.integer(1)));
  return ratings;
}

std::vector<SplitRule> CatalogStore::split_rules(std::int64_t community_id) {
  std::vector<SplitRule> rules;
  for (const auto& row : connection_.query(
           "SELECT applies_to, producer_percent, guide_percent, homestay_percent, fund_percent "
           "FROM tourism_split_rule WHERE community_id = ? ORDER BY applies_to DESC",
           {community_id})) {
    SplitRule rule;
    db::RowReader(row).read(
        db::stored(rule.applies_to, parse_item_kind, "tourism_split_rule.applies_to"),
        rule.producer_percent, rule.guide_percent, rule.homestay_percent, rule.fund_percent);
    rules.push_back(rule);
  }
  return rules;
}

void CatalogStore::replace_split_rules(std::int64_t community_id,
                                       const std::vector<SplitRule>& rules) {
  connection_.execute("DELETE FROM tourism_split_rule WHERE community_id = ?", {community_id});
  for (const SplitRule& rule : rules)
    db::insert_row(connection_, "tourism_split_rule",
                   "community_id, applies_to, producer_percent, guide_percent, "
                   "homestay_percent, fund_percent",
                   {community_id, std::string(to_string(rule.applies_to)),
                    std::int64_t{rule.producer_percent}, std::int64_t{rule.guide_percent},
                    std::int64_t{rule.homestay_percent}, std::int64_t{rule.fund_percent}});
}

}  // namespace changwat::tourism
