#include "modules/participation/need_store.hpp"

#include <algorithm>
#include <map>

#include "base/stored_enum.hpp"
#include "db/conditions.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::participation {
namespace {

constexpr const char* kNeedColumns =
    "n.id, n.province_code, n.plan_id, n.receipt, n.source, n.title, n.description, "
    "n.dimension, n.sector, n.area_code, n.district_code, n.subdistrict_code, n.forum_id, "
    "n.status, n.decline_reason, n.merged_into_id, n.vote_count, n.created_by, n.created_at, "
    "n.updated_at, n.demo, n.version, n.submitter_name, n.submitter_phone";

// The statuses that count anywhere (see is_published).
constexpr const char* kPublished = "n.status NOT IN ('pending_moderation', 'rejected')";

// What an edit may change (and the search text made from it), in the order
// need_values gives them.
constexpr const char* kNeedFields =
    "title, description, dimension, sector, area_code, district_code, subdistrict_code, "
    "forum_id, source, status, decline_reason, merged_into_id, updated_at, search_text";

std::vector<db::Value> need_values(const Need& need, const std::string& search_text) {
  return {need.title,
          need.description,
          std::string(dimension_name(need.dimension)),
          std::string(sector_name(need.sector)),
          need.area_code,
          need.district_code,
          db::nullable(need.subdistrict_code),
          db::nullable(need.forum_id),
          std::string(source_name(need.source)),
          std::string(status_name(need.status)),
          db::nullable(need.decline_reason),
          db::nullable(need.merged_into_id),
          need.updated_at,
          search_text};
}

Need read_need(const db::Row& row) {
  Need n;
  db::RowReader(row).read(n.id, n.province_code, n.plan_id, n.receipt,
                          db::stored(n.source, parse_source, "need.source"), n.title, n.description,
                          db::stored(n.dimension, parse_dimension, "need.dimension"),
                          db::stored(n.sector, parse_sector, "need.sector"), n.area_code,
                          n.district_code, n.subdistrict_code, n.forum_id,
                          db::stored(n.status, parse_status, "need.status"), n.decline_reason,
                          n.merged_into_id, n.vote_count, n.created_by, n.created_at, n.updated_at,
                          n.demo, n.version, n.contact.name, n.contact.phone);
  return n;
}

NeedLink read_link(const db::Row& row) {
  NeedLink link;
  db::RowReader(row).read(link.need_id, link.element_id, link.element_kind, link.linked_at,
                          link.linked_by);
  return link;
}

std::string select_need(const std::string& rest) {
  return std::string("SELECT ") + kNeedColumns + " FROM need n " + rest;
}

std::vector<Need> read_needs(db::Connection& connection, const std::string& sql,
                             const std::vector<db::Value>& params) {
  std::vector<Need> needs;
  connection.for_each(sql, params, [&](const db::Row& row) { needs.push_back(read_need(row)); });
  return needs;
}

// The conditions of a filter; without a status, published needs only.
db::Conditions conditions(const NeedFilter& filter) {
  db::Conditions where;
  if (filter.status) {
    where.add("n.status = ?", std::string(status_name(*filter.status)));
  } else {
    where.add(kPublished);
  }
  where.add_if(filter.plan_id, "n.plan_id = ?")
      .add_if(filter.district_code, "n.district_code = ?")
      .add_if(filter.subdistrict_code, "n.subdistrict_code = ?")
      .add_if(filter.area_code, "n.area_code = ?")
      .add_if(filter.dimension, "n.dimension = ?", dimension_name)
      .add_if(filter.sector, "n.sector = ?", sector_name)
      .add_if(filter.forum_id, "n.forum_id = ?");
  return where;
}

std::string order_clause(NeedOrder order) {
  switch (order) {
    case NeedOrder::most_votes:
      return " ORDER BY n.vote_count DESC, n.id DESC";
    case NeedOrder::oldest:
      return " ORDER BY n.created_at, n.id";
    case NeedOrder::title_thai:  // sorted by the caller; a stable base order here
    case NeedOrder::newest:
      return " ORDER BY n.created_at DESC, n.id DESC";
  }
  return " ORDER BY n.id DESC";
}

// FTS5 query: every term a quoted phrase in the words column, all required; the
// plan, when given, as its token in the scope column.
std::string fts5_query(const std::vector<std::string>& terms,
                       const std::optional<std::int64_t>& plan_id) {
  std::string query = "search_text : (";
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) query += ' ';
    query += '"';
    for (char c : terms[i]) {
      if (c == '"') query += '"';  // doubled inside a phrase
      query += c;
    }
    query += '"';
  }
  query += ')';
  if (plan_id) query += " AND search_scope : \"plan" + std::to_string(*plan_id) + "\"";
  return query;
}

// tsquery literal: every term quoted as a lexeme (no parsing, no stemming), all
// required, and the plan's lexeme when given. Matches what need_search_sync stored.
std::string tsquery_literal(const std::vector<std::string>& terms,
                            const std::optional<std::int64_t>& plan_id) {
  std::string query;
  for (const auto& term : terms) {
    if (!query.empty()) query += " & ";
    query += '\'';
    for (char c : term) {
      if (c == '\'' || c == '\\') query += c;  // doubled inside a quoted lexeme
      query += c;
    }
    query += '\'';
  }
  if (plan_id) query += " & '#plan" + std::to_string(*plan_id) + "'";
  return query;
}

// thai::search_tokens adds each pair of adjacent Thai words written together as one
// more term (ท่อง, เที่ยว, ท่องเที่ยว). A text holding the pair holds both words,
// so words covered by a pair in the query need not be looked up separately;
// fewer terms is less index work for the same matches.
std::vector<std::string> essential_terms(const std::vector<std::string>& terms) {
  std::vector<bool> covered(terms.size(), false);
  for (const std::string& pair : terms)
    for (std::size_t first = 0; first < terms.size(); ++first)
      for (std::size_t second = 0; second < terms.size(); ++second)
        if (first != second && terms[first] + terms[second] == pair && terms[first] != pair &&
            terms[second] != pair) {
          covered[first] = true;
          covered[second] = true;
        }
  std::vector<std::string> essential;
  for (std::size_t i = 0; i < terms.size(); ++i)
    if (!covered[i]) essential.push_back(terms[i]);
  return essential.empty() ? terms : essential;
}

}  // namespace

std::int64_t NeedStore::insert_need(const NeedRecord& record) {
  const Need& need = record.need;
  std::vector<db::Value> values = need_values(need, record.search_text);
  values.insert(values.end(),
                {need.province_code, need.plan_id, need.receipt, std::int64_t{0},
                 db::nullable(need.contact.name), db::nullable(need.contact.phone),
                 db::nullable(record.address_hash), db::nullable(record.form_nonce),
                 db::nullable(need.created_by), need.created_at, db::nullable(record.demo_key),
                 std::int64_t{need.demo ? 1 : 0}, std::int64_t{1}});
  return db::insert_row_returning_id(
      connection_, "need",
      std::string(kNeedFields) +
          ", province_code, plan_id, receipt, vote_count, submitter_name, submitter_phone, "
          "submitter_address_hash, form_nonce, created_by, created_at, demo_key, demo, version",
      values);
}

std::optional<Need> NeedStore::find_need(std::int64_t id) {
  return db::map_row(connection_.query_one(select_need("WHERE n.id = ?"), {id}), read_need);
}

std::optional<Need> NeedStore::find_need_by_receipt(const std::string& receipt) {
  return db::map_row(connection_.query_one(select_need("WHERE n.receipt = ?"), {receipt}),
                     read_need);
}

std::optional<Need> NeedStore::find_need_by_receipt_any_case(const std::string& upper) {
  return db::map_row(connection_.query_one(
                         select_need("WHERE UPPER(n.receipt) = ? ORDER BY n.id LIMIT 1"), {upper}),
                     read_need);
}

std::optional<std::int64_t> NeedStore::need_id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM need WHERE demo_key = ?", {demo_key});
}

bool NeedStore::form_nonce_used(const std::string& nonce) {
  return connection_.query_one("SELECT 1 FROM need WHERE form_nonce = ?", {nonce}).has_value();
}

bool NeedStore::save_need(const Need& need, const std::string& search_text) {
  std::vector<db::Value> values = need_values(need, search_text);
  values.insert(values.end(), {need.id, need.version});
  return connection_.execute(std::string("UPDATE need SET ") + db::assignments(kNeedFields) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

std::int64_t NeedStore::count_public_since(const std::string& address_hash,
                                           const std::string& since) {
  return db::query_integer(
             connection_,
             "SELECT count(*) FROM need WHERE submitter_address_hash = ? AND created_at >= ?",
             {address_hash, since})
      .value_or(0);
}

NeedPage NeedStore::list_needs(const NeedFilter& filter, NeedOrder order,
                               std::optional<std::int64_t> limit, std::int64_t offset) {
  db::Conditions where = conditions(filter);
  NeedPage page;
  auto count = connection_.query_one("SELECT count(*) FROM need n" + where.sql(), where.params());
  page.total = count ? count->integer(0) : 0;
  std::string sql = select_need(where.sql()) + order_clause(order);
  std::vector<db::Value>& params = where.params();
  if (limit) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(*limit);
    params.emplace_back(offset);
  }
  page.items = read_needs(connection_, sql, params);
  return page;
}

std::vector<DistrictCount> NeedStore::count_by_district(std::optional<std::int64_t> plan_id) {
  db::Conditions where;
  where.add(kPublished).add_if(plan_id, "n.plan_id = ?");
  const std::string sql =
      "SELECT n.district_code, n.status, n.dimension, count(*) FROM need n" + where.sql() +
      " GROUP BY n.district_code, n.status, n.dimension ORDER BY n.district_code";
  std::map<std::string, DistrictCount> counts;
  connection_.for_each(sql, where.params(), [&](const db::Row& row) {
    DistrictCount& count = counts[row.text(0)];
    count.district_code = row.text(0);
    std::int64_t n = row.integer(3);
    NeedStatus status = stored_enum(parse_status(row.text(1)), "need.status", row.text(1));
    Dimension dimension = stored_enum(parse_dimension(row.text(2)), "need.dimension", row.text(2));
    count.total += n;
    count.by_status[static_cast<std::size_t>(status)] += n;
    count.by_dimension[static_cast<std::size_t>(dimension)] += n;
  });
  std::vector<DistrictCount> result;
  for (auto& [code, count] : counts) result.push_back(std::move(count));
  return result;
}

std::vector<std::string> NeedStore::areas_with_needs(std::int64_t plan_id) {
  std::vector<std::string> codes;
  connection_.for_each(std::string("SELECT DISTINCT n.area_code FROM need n WHERE ") + kPublished +
                           " AND n.plan_id = ?",
                       {plan_id}, [&](const db::Row& row) { codes.push_back(row.text(0)); });
  return codes;
}

bool NeedStore::has_vote(std::int64_t need_id, std::int64_t user_id) {
  return connection_
      .query_one("SELECT 1 FROM need_vote WHERE need_id = ? AND user_id = ?", {need_id, user_id})
      .has_value();
}

bool NeedStore::insert_vote(std::int64_t need_id, std::int64_t user_id, const std::string& at) {
  return connection_.execute(
             "INSERT INTO need_vote (need_id, user_id, voted_at) VALUES (?, ?, ?) "
             "ON CONFLICT (need_id, user_id) DO NOTHING",
             {need_id, user_id, at}) == 1;
}

bool NeedStore::delete_vote(std::int64_t need_id, std::int64_t user_id) {
  return connection_.execute("DELETE FROM need_vote WHERE need_id = ? AND user_id = ?",
                             {need_id, user_id}) == 1;
}

std::int64_t NeedStore::copy_votes(std::int64_t from, std::int64_t into) {
  // ON CONFLICT: a vote for `into` that another transaction committed meanwhile
  // is kept, not an error (the WHERE clause also keeps SQLite's parser from
  // taking ON for a join).
  return connection_.execute(
      "INSERT INTO need_vote (need_id, user_id, voted_at) "
      "SELECT ?, v.user_id, v.voted_at FROM need_vote v WHERE v.need_id = ? AND NOT EXISTS "
      "(SELECT 1 FROM need_vote w WHERE w.need_id = ? AND w.user_id = v.user_id) "
      "ON CONFLICT (need_id, user_id) DO NOTHING",
      {into, from, into});
}

std::int64_t NeedStore::add_votes(std::int64_t need_id, std::int64_t delta) {
  return db::query_integer(
             connection_,
             "UPDATE need SET vote_count = vote_count + ? WHERE id = ? RETURNING vote_count",
             {delta, need_id})
      .value_or(0);
}

std::vector<NeedLink> NeedStore::links_of(std::int64_t need_id) {
  std::vector<NeedLink> links;
  connection_.for_each(
      "SELECT need_id, element_id, element_kind, linked_at, linked_by FROM need_link "
      "WHERE need_id = ? ORDER BY element_id",
      {need_id}, [&](const db::Row& row) { links.push_back(read_link(row)); });
  return links;
}

std::vector<NeedLink> NeedStore::links_of_needs(const std::vector<std::int64_t>& need_ids) {
  std::vector<NeedLink> links;
  // Bounded IN lists keep statements cacheable and under engine parameter limits.
  constexpr std::size_t kChunk = 100;
  for (std::size_t start = 0; start < need_ids.size(); start += kChunk) {
    std::size_t end = std::min(need_ids.size(), start + kChunk);
    std::string sql =
        "SELECT need_id, element_id, element_kind, linked_at, linked_by FROM need_link "
        "WHERE need_id IN (";
    std::vector<db::Value> params;
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "?" : ", ?";
      params.emplace_back(need_ids[i]);
    }
    sql += ") ORDER BY need_id, element_id";
    connection_.for_each(sql, params, [&](const db::Row& row) { links.push_back(read_link(row)); });
  }
  return links;
}

std::vector<NeedLink> NeedStore::links_of_plan(std::int64_t plan_id) {
  std::vector<NeedLink> links;
  connection_.for_each(
      std::string("SELECT l.need_id, l.element_id, l.element_kind, l.linked_at, l.linked_by "
                  "FROM need_link l JOIN need n ON n.id = l.need_id WHERE n.plan_id = ? AND ") +
          kPublished + " AND n.status <> 'declined' ORDER BY l.need_id, l.element_id",
      {plan_id}, [&](const db::Row& row) { links.push_back(read_link(row)); });
  return links;
}

bool NeedStore::insert_link(const NeedLink& link) {
  return connection_.execute(
             "INSERT INTO need_link (need_id, element_id, element_kind, linked_by, linked_at) "
             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (need_id, element_id) DO NOTHING",
             {link.need_id, link.element_id, link.element_kind, db::nullable(link.linked_by),
              link.linked_at}) == 1;
}

bool NeedStore::delete_link(std::int64_t need_id, std::int64_t element_id) {
  return connection_.execute("DELETE FROM need_link WHERE need_id = ? AND element_id = ?",
                             {need_id, element_id}) == 1;
}

void NeedStore::copy_links(std::int64_t from, std::int64_t into) {
  connection_.execute(
      "INSERT INTO need_link (need_id, element_id, element_kind, linked_by, linked_at) "
      "SELECT ?, l.element_id, l.element_kind, l.linked_by, l.linked_at FROM need_link l "
      "WHERE l.need_id = ? AND NOT EXISTS "
      "(SELECT 1 FROM need_link k WHERE k.need_id = ? AND k.element_id = l.element_id)",
      {into, from, into});
}

std::int64_t NeedStore::count_links_to_element(std::int64_t element_id) {
  return db::query_integer(connection_, "SELECT count(*) FROM need_link WHERE element_id = ?",
                           {element_id})
      .value_or(0);
}

NeedPage NeedStore::search_needs(const SearchQuery& query) {
  NeedPage page;
  if (query.terms.empty()) return page;
  const std::vector<std::string> terms = essential_terms(query.terms);
  // Newest first: both engines then stop after `limit` matches instead of ranking
  // every one (a common word matches half of 100,000 needs).
  std::string matches;
  std::vector<db::Value> params;
  if (connection_.engine() == db::Engine::sqlite) {
    // The FTS table holds published needs only and walks its rowids backwards.
    params.emplace_back(fts5_query(terms, query.plan_id));
    matches = "SELECT rowid AS id FROM need_search WHERE need_search MATCH ? ORDER BY rowid DESC";
  } else {
    // A generic plan (what PostgreSQL switches to for a statement prepared once and
    // run often) cannot know how rare the words are, and walks every need for a
    // word found nowhere; a custom plan per query picks the GIN index or the
    // backward walk correctly.
    connection_.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    // need_search holds published needs only; the GIN index intersects the terms
    // and the backward primary-key walk serves the newest first.
    params.emplace_back(tsquery_literal(terms, query.plan_id));
    matches =
        "SELECT s.need_id AS id FROM need_search s WHERE s.terms @@ CAST(? AS tsquery) "
        "ORDER BY s.need_id DESC";
  }
  std::vector<db::Value> count_params = params;
  count_params.emplace_back(kSearchCountCap + 1);
  // Counting needs no order, so PostgreSQL can stop its bitmap scan early.
  std::string unordered = matches.substr(0, matches.rfind(" ORDER BY"));
  auto count = connection_.query_one("SELECT count(*) FROM (" + unordered + " LIMIT ?) counted",
                                     count_params);
  std::int64_t counted = count ? count->integer(0) : 0;
  page.total = std::min(counted, kSearchCountCap);
  page.total_is_exact = counted <= kSearchCountCap;
  if (connection_.engine() == db::Engine::postgres && !page.total_is_exact) {
    // Over the cap the words are common (at least 1 in 100 needs): walking the
    // newest needs backwards finds a page within a few thousand rows, while the
    // planner, taking related words (a compound and its parts) as independent,
    // would fetch and sort every match.
    connection_.execute("SET LOCAL enable_bitmapscan = off");
  }
  params.emplace_back(query.limit);
  page.items = read_needs(connection_,
                          std::string("SELECT ") + kNeedColumns + " FROM (" + matches +
                              " LIMIT ?) found JOIN need n ON n.id = found.id ORDER BY n.id DESC",
                          params);
  return page;
}

}  // namespace changwat::participation
