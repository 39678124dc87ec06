#pragma once
// SQL for needs, their votes and their links to plan elements. No rules here: the
// service checks rights, states and versions before calling. On the connection of
// the transaction in hand (docs/decisions/0007).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/participation/model.hpp"

namespace changwat::participation {

// A need plus what is stored with it but never read back into the model.
struct NeedRecord {
  Need need;
  std::string search_text;                  // thai::search_text(title + " " + description)
  std::optional<std::string> address_hash;  // public submissions: rate limit
  std::optional<std::string> form_nonce;    // public submissions: single-use token
  std::optional<std::string> demo_key;
};

class NeedStore {
 public:
  explicit NeedStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert_need(const NeedRecord& record);
  std::optional<Need> find_need(std::int64_t id);
  std::optional<Need> find_need_by_receipt(const std::string& receipt);
  // `upper` (capitals) against every receipt in capitals: older receipts were
  // mixed-case; reads the whole table, so only after the exact look-ups failed.
  std::optional<Need> find_need_by_receipt_any_case(const std::string& upper);
  std::optional<std::int64_t> need_id_by_demo_key(const std::string& demo_key);
  bool form_nonce_used(const std::string& nonce);

  // Writes every mutable column of `need` if the stored version is still
  // `need.version`, then bumps it. False when the version is stale.
  bool save_need(const Need& need, const std::string& search_text);

  // Public submissions from one address hash since `since` (ISO UTC), any status.
  std::int64_t count_public_since(const std::string& address_hash, const std::string& since);

  // Needs matching `filter`; without a status only published ones. `limit` none
  // returns every match (the caller sorts in Thai order, then pages).
  NeedPage list_needs(const NeedFilter& filter, NeedOrder order, std::optional<std::int64_t> limit,
                      std::int64_t offset);

  // Published needs per district, status and dimension.
  std::vector<DistrictCount> count_by_district(std::optional<std::int64_t> plan_id);

  // Distinct areas of the published needs of a plan.
  std::vector<std::string> areas_with_needs(std::int64_t plan_id);

  // ---- Votes ----
  // need.vote_count always equals the need's need_vote rows: every change to
  // need_vote moves the counter by the rows it changed, in the same transaction,
  // with `vote_count = vote_count + n` (PostgreSQL re-reads a row another
  // transaction just changed, so concurrent votes add up instead of overwriting).
  bool has_vote(std::int64_t need_id, std::int64_t user_id);
  // False if the user had voted already (the primary key decides, also for two
  // votes sent at once).
  [[nodiscard]] bool insert_vote(std::int64_t need_id, std::int64_t user_id, const std::string& at);
  [[nodiscard]] bool delete_vote(std::int64_t need_id, std::int64_t user_id);
  // Copies the votes of `from` to `into` for voters who have not voted on `into`;
  // returns how many were copied.
  std::int64_t copy_votes(std::int64_t from, std::int64_t into);
  // Adds `delta` to vote_count in one statement; returns the new count.
  std::int64_t add_votes(std::int64_t need_id, std::int64_t delta);

  // ---- Links to plan elements ----
  std::vector<NeedLink> links_of(std::int64_t need_id);
  // Links of many needs at once, ordered by need then element.
  std::vector<NeedLink> links_of_needs(const std::vector<std::int64_t>& need_ids);
  // Links of every published, not declined need of a plan.
  std::vector<NeedLink> links_of_plan(std::int64_t plan_id);
  // False if the need is already linked to the element.
  [[nodiscard]] bool insert_link(const NeedLink& link);
  bool delete_link(std::int64_t need_id, std::int64_t element_id);
  void copy_links(std::int64_t from, std::int64_t into);
  std::int64_t count_links_to_element(std::int64_t element_id);

  // ---- Thai full-text search over published needs ----
  // Matches are counted up to this many (NeedPage::total_is_exact says whether the
  // count reached it), so a word found in half the province costs no more than a
  // rare one.
  static constexpr std::int64_t kSearchCountCap = 1000;
  struct SearchQuery {
    std::vector<std::string> terms;  // from thai::search_tokens; all must occur
    std::optional<std::int64_t> plan_id;
    std::int64_t limit = 20;
  };
  // Newest first.
  NeedPage search_needs(const SearchQuery& query);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::participation
