#include "modules/participation/need_store.hpp"

#include <algorithm>
#include <map>

#include "base/stored_enum.hpp"

namespace changwat::participation::store {
namespace {

constexpr const char* kNeedColumns =
    "n.id, n.province_code, n.plan_id, n.receipt, n.source, n.title, n.description, "
    "n.dimension, n.sector, n.area_code, n.district_code, n.subdistrict_code, n.forum_id, "
    "n.status, n.decline_reason, n.merged_into_id, n.vote_count, n.created_by, n.created_at, "
    "n.updated_at, n.demo, n.version, n.submitter_name, n.submitter_phone";

// The statuses that count anywhere (see is_published).
constexpr const char* kPublished = "n.status NOT IN ('pending_moderation', 'rejected')";

Need read_need(const db::Row& row) {
  Need need;
  need.id = row.integer(0);
  need.province_code = row.text(1);
  need.plan_id = row.integer(2);
  need.receipt = row.text(3);
  need.source = stored_enum(parse_source(row.text(4)), "need.source", row.text(4));
  need.title = row.text(5);
  need.description = row.text(6);
  need.dimension = stored_enum(parse_dimension(row.text(7)), "need.dimension", row.text(7));
  need.sector = stored_enum(parse_sector(row.text(8)), "need.sector", row.text(8));
  need.area_code = row.text(9);
  need.district_code = row.text(10);
  need.subdistrict_code = row.optional_text(11);
  need.forum_id = row.optional_integer(12);
  need.status = stored_enum(parse_status(row.text(13)), "need.status", row.text(13));
  need.decline_reason = row.optional_text(14);
  need.merged_into_id = row.optional_integer(15);
  need.vote_count = row.integer(16);
  need.created_by = row.optional_integer(17);
  need.created_at = row.text(18);
  need.updated_at = row.text(19);
  need.demo = row.integer(20) != 0;
  need.version = row.integer(21);
  need.contact.name = row.optional_text(22);
  need.contact.phone = row.optional_text(23);
  return need;
}

NeedLink read_link(const db::Row& row) {
  return NeedLink{row.integer(0), row.integer(1), row.text(2), row.text(3),
                  row.optional_integer(4)};
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

// WHERE clause and parameters for a filter.
std::string where_clause(const NeedFilter& filter, std::vector<db::Value>& params) {
  std::string where = " WHERE ";
  if (filter.status) {
    where += "n.status = ?";
    params.emplace_back(std::string(status_name(*filter.status)));
  } else {
    where += kPublished;
  }
  if (filter.plan_id) {
    where += " AND n.plan_id = ?";
    params.emplace_back(*filter.plan_id);
  }
  if (filter.district_code) {
    where += " AND n.district_code = ?";
    params.emplace_back(*filter.district_code);
  }
  if (filter.subdistrict_code) {
    where += " AND n.subdistrict_code = ?";
    params.emplace_back(*filter.subdistrict_code);
  }
  if (filter.area_code) {
    where += " AND n.area_code = ?";
    params.emplace_back(*filter.area_code);
  }
  if (filter.dimension) {
    where += " AND n.dimension = ?";
    params.emplace_back(std::string(dimension_name(*filter.dimension)));
  }
  if (filter.sector) {
    where += " AND n.sector = ?";
    params.emplace_back(std::string(sector_name(*filter.sector)));
  }
  if (filter.forum_id) {
    where += " AND n.forum_id = ?";
    params.emplace_back(*filter.forum_id);
  }
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

std::int64_t insert_need(db::Connection& connection, const NeedRecord& record) {
  const Need& need = record.need;
  return connection.insert_returning_id(
      "INSERT INTO need (province_code, plan_id, receipt, source, title, description, "
      "dimension, sector, area_code, district_code, subdistrict_code, forum_id, status, "
      "decline_reason, merged_into_id, vote_count, submitter_name, submitter_phone, "
      "submitter_address_hash, form_nonce, created_by, created_at, updated_at, search_text, "
      "demo_key, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
      "RETURNING id",
      {need.province_code,
       need.plan_id,
       need.receipt,
       std::string(source_name(need.source)),
       need.title,
       need.description,
       std::string(dimension_name(need.dimension)),
       std::string(sector_name(need.sector)),
       need.area_code,
       need.district_code,
       db::nullable(need.subdistrict_code),
       db::nullable(need.forum_id),
       std::string(status_name(need.status)),
       db::nullable(need.decline_reason),
       db::nullable(need.merged_into_id),
       db::nullable(need.contact.name),
       db::nullable(need.contact.phone),
       db::nullable(record.address_hash),
       db::nullable(record.form_nonce),
       db::nullable(need.created_by),
       need.created_at,
       need.updated_at,
       record.search_text,
       db::nullable(record.demo_key),
       std::int64_t{need.demo ? 1 : 0}});
}

std::optional<Need> find_need(db::Connection& connection, std::int64_t id) {
  auto row = connection.query_one(select_need("WHERE n.id = ?"), {id});
  if (!row) return std::nullopt;
  return read_need(*row);
}

std::optional<Need> find_need_by_receipt(db::Connection& connection, const std::string& receipt) {
  auto row = connection.query_one(select_need("WHERE n.receipt = ?"), {receipt});
  if (!row) return std::nullopt;
  return read_need(*row);
}

std::optional<std::int64_t> need_id_by_demo_key(db::Connection& connection,
                                                const std::string& demo_key) {
  auto row = connection.query_one("SELECT id FROM need WHERE demo_key = ?", {demo_key});
  if (!row) return std::nullopt;
  return row->integer(0);
}

bool form_nonce_used(db::Connection& connection, const std::string& nonce) {
  return connection.query_one("SELECT 1 FROM need WHERE form_nonce = ?", {nonce}).has_value();
}

bool save_need(db::Connection& connection, const Need& need, const std::string& search_text) {
  return connection.execute(
             "UPDATE need SET title = ?, description = ?, dimension = ?, sector = ?, "
             "area_code = ?, district_code = ?, subdistrict_code = ?, forum_id = ?, source = ?, "
             "status = ?, decline_reason = ?, merged_into_id = ?, updated_at = ?, "
             "search_text = ?, version = version + 1 WHERE id = ? AND version = ?",
             {need.title, need.description, std::string(dimension_name(need.dimension)),
              std::string(sector_name(need.sector)), need.area_code, need.district_code,
              db::nullable(need.subdistrict_code), db::nullable(need.forum_id),
              std::string(source_name(need.source)), std::string(status_name(need.status)),
              db::nullable(need.decline_reason), db::nullable(need.merged_into_id), need.updated_at,
              search_text, need.id, need.version}) == 1;
}

std::int64_t count_public_since(db::Connection& connection, const std::string& address_hash,
                                const std::string& since) {
  auto row = connection.query_one(
      "SELECT count(*) FROM need WHERE submitter_address_hash = ? AND created_at >= ?",
      {address_hash, since});
  return row ? row->integer(0) : 0;
}

NeedPage list_needs(db::Connection& connection, const NeedFilter& filter, NeedOrder order,
                    std::optional<std::int64_t> limit, std::int64_t offset) {
  std::vector<db::Value> params;
  std::string where = where_clause(filter, params);
  NeedPage page;
  auto count = connection.query_one("SELECT count(*) FROM need n" + where, params);
  page.total = count ? count->integer(0) : 0;
  std::string sql = select_need(where) + order_clause(order);
  if (limit) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(*limit);
    params.emplace_back(offset);
  }
  page.items = read_needs(connection, sql, params);
  return page;
}

std::vector<DistrictCount> count_by_district(db::Connection& connection,
                                             std::optional<std::int64_t> plan_id) {
  std::vector<db::Value> params;
  std::string sql = std::string(
                        "SELECT n.district_code, n.status, n.dimension, count(*) FROM need n "
                        "WHERE ") +
                    kPublished;
  if (plan_id) {
    sql += " AND n.plan_id = ?";
    params.emplace_back(*plan_id);
  }
  sql += " GROUP BY n.district_code, n.status, n.dimension ORDER BY n.district_code";
  std::map<std::string, DistrictCount> counts;
  connection.for_each(sql, params, [&](const db::Row& row) {
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

std::vector<std::string> areas_with_needs(db::Connection& connection, std::int64_t plan_id) {
  std::vector<std::string> codes;
  connection.for_each(std::string("SELECT DISTINCT n.area_code FROM need n WHERE ") + kPublished +
                          " AND n.plan_id = ?",
                      {plan_id}, [&](const db::Row& row) { codes.push_back(row.text(0)); });
  return codes;
}

bool has_vote(db::Connection& connection, std::int64_t need_id, std::int64_t user_id) {
  return connection
      .query_one("SELECT 1 FROM need_vote WHERE need_id = ? AND user_id = ?", {need_id, user_id})
      .has_value();
}

bool insert_vote(db::Connection& connection, std::int64_t need_id, std::int64_t user_id,
                 const std::string& at) {
  return connection.execute(
             "INSERT INTO need_vote (need_id, user_id, voted_at) VALUES (?, ?, ?) "
             "ON CONFLICT (need_id, user_id) DO NOTHING",
             {need_id, user_id, at}) == 1;
}

bool delete_vote(db::Connection& connection, std::int64_t need_id, std::int64_t user_id) {
  return connection.execute("DELETE FROM need_vote WHERE need_id = ? AND user_id = ?",
                            {need_id, user_id}) == 1;
}

std::int64_t copy_votes(db::Connection& connection, std::int64_t from, std::int64_t into) {
  // ON CONFLICT: a vote for `into` that another transaction committed meanwhile
  // is kept, not an error (the WHERE clause also keeps SQLite's parser from
  // taking ON for a join).
  return connection.execute(
      "INSERT INTO need_vote (need_id, user_id, voted_at) "
      "SELECT ?, v.user_id, v.voted_at FROM need_vote v WHERE v.need_id = ? AND NOT EXISTS "
      "(SELECT 1 FROM need_vote w WHERE w.need_id = ? AND w.user_id = v.user_id) "
      "ON CONFLICT (need_id, user_id) DO NOTHING",
      {into, from, into});
}

std::int64_t add_votes(db::Connection& connection, std::int64_t need_id, std::int64_t delta) {
  auto row = connection.query_one(
      "UPDATE need SET vote_count = vote_count + ? WHERE id = ? RETURNING vote_count",
      {delta, need_id});
  return row ? row->integer(0) : 0;
}

std::vector<NeedLink> links_of(db::Connection& connection, std::int64_t need_id) {
  std::vector<NeedLink> links;
  connection.for_each(
      "SELECT need_id, element_id, element_kind, linked_at, linked_by FROM need_link "
      "WHERE need_id = ? ORDER BY element_id",
      {need_id}, [&](const db::Row& row) { links.push_back(read_link(row)); });
  return links;
}

std::vector<NeedLink> links_of_needs(db::Connection& connection,
                                     const std::vector<std::int64_t>& need_ids) {
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
    connection.for_each(sql, params, [&](const db::Row& row) { links.push_back(read_link(row)); });
  }
  return links;
}

std::vector<NeedLink> links_of_plan(db::Connection& connection, std::int64_t plan_id) {
  std::vector<NeedLink> links;
  connection.for_each(
      std::string("SELECT l.need_id, l.element_id, l.element_kind, l.linked_at, l.linked_by "
                  "FROM need_link l JOIN need n ON n.id = l.need_id WHERE n.plan_id = ? AND ") +
          kPublished + " AND n.status <> 'declined' ORDER BY l.need_id, l.element_id",
      {plan_id}, [&](const db::Row& row) { links.push_back(read_link(row)); });
  return links;
}

bool insert_link(db::Connection& connection, const NeedLink& link) {
  return connection.execute(
             "INSERT INTO need_link (need_id, element_id, element_kind, linked_by, linked_at) "
             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (need_id, element_id) DO NOTHING",
             {link.need_id, link.element_id, link.element_kind, db::nullable(link.linked_by),
              link.linked_at}) == 1;
}

bool delete_link(db::Connection& connection, std::int64_t need_id, std::int64_t element_id) {
  return connection.execute("DELETE FROM need_link WHERE need_id = ? AND element_id = ?",
                            {need_id, element_id}) == 1;
}

void copy_links(db::Connection& connection, std::int64_t from, std::int64_t into) {
  connection.execute(
      "INSERT INTO need_link (need_id, element_id, element_kind, linked_by, linked_at) "
      "SELECT ?, l.element_id, l.element_kind, l.linked_by, l.linked_at FROM need_link l "
      "WHERE l.need_id = ? AND NOT EXISTS "
      "(SELECT 1 FROM need_link k WHERE k.need_id = ? AND k.element_id = l.element_id)",
      {into, from, into});
}

std::int64_t count_links_to_element(db::Connection& connection, std::int64_t element_id) {
  auto row =
      connection.query_one("SELECT count(*) FROM need_link WHERE element_id = ?", {element_id});
  return row ? row->integer(0) : 0;
}

NeedPage search_needs(db::Connection& connection, const SearchQuery& query) {
  NeedPage page;
  if (query.terms.empty()) return page;
  const std::vector<std::string> terms = essential_terms(query.terms);
  // Newest first: both engines then stop after `limit` matches instead of ranking
  // every one (a common word matches half of 100,000 needs).
  std::string matches;
  std::vector<db::Value> params;
  if (connection.engine() == db::Engine::sqlite) {
    // The FTS table holds published needs only and walks its rowids backwards.
    params.emplace_back(fts5_query(terms, query.plan_id));
    matches = "SELECT rowid AS id FROM need_search WHERE need_search MATCH ? ORDER BY rowid DESC";
  } else {
    // A generic plan (what PostgreSQL switches to for a statement prepared once and
    // run often) cannot know how rare the words are, and walks every need for a
    // word found nowhere; a custom plan per query picks the GIN index or the
    // backward walk correctly.
    connection.execute("SET LOCAL plan_cache_mode = force_custom_plan");
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
  auto count = connection.query_one("SELECT count(*) FROM (" + unordered + " LIMIT ?) counted",
                                    count_params);
  std::int64_t counted = count ? count->integer(0) : 0;
  page.total = std::min(counted, kSearchCountCap);
  page.total_is_exact = counted <= kSearchCountCap;
  if (connection.engine() == db::Engine::postgres && !page.total_is_exact) {
    // Over the cap the words are common (at least 1 in 100 needs): walking the
    // newest needs backwards finds a page within a few thousand rows, while the
    // planner, taking related words (a compound and its parts) as independent,
    // would fetch and sort every match.
    connection.execute("SET LOCAL enable_bitmapscan = off");
  }
  params.emplace_back(query.limit);
  page.items = read_needs(connection,
                          std::string("SELECT ") + kNeedColumns + " FROM (" + matches +
                              " LIMIT ?) found JOIN need n ON n.id = found.id ORDER BY n.id DESC",
                          params);
  return page;
}

}  // namespace changwat::participation::store
