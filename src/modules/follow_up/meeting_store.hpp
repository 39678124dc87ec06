#pragma once
// SQL for committees, meetings, their resolutions and issued packs, nothing else
// (docs/decisions/0007-module-shape.md): made on the connection of the transaction in
// hand, rows in, model structs out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/follow_up/model.hpp"

namespace changwat::follow_up {

class CommitteeStore {
 public:
  explicit CommitteeStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const Committee& committee, const std::optional<std::string>& demo_key);
  std::optional<Committee> find(std::int64_t id);
  std::vector<Committee> list(const std::string& province_code);
  std::optional<std::int64_t> id_by_short(const std::string& province_code,
                                          const std::string& short_th);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);
  // Replaces the members (one delete, one insert per member) and bumps the version
  // when it is still `expected_version`; false when stale.
  bool replace_members(std::int64_t id, std::int64_t expected_version,
                       const std::vector<Member>& members);

 private:
  std::vector<Member> members_of(std::int64_t id);
  void insert_members(std::int64_t id, const std::vector<Member>& members);
  db::Connection& connection_;
};

class MeetingStore {
 public:
  explicit MeetingStore(db::Connection& connection) : connection_(connection) {}

  std::int64_t insert(const Meeting& meeting, const std::optional<std::string>& demo_key);
  std::optional<Meeting> find(std::int64_t id);
  std::vector<Meeting> list(const std::string& province_code,
                            std::optional<std::int64_t> committee_id);
  // The committee's latest meeting held before `held_on` (the minutes item 2 approves).
  std::optional<std::int64_t> previous_of(std::int64_t committee_id, const std::string& held_on);
  bool update(const Meeting& meeting);  // conditional on meeting.version
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);

  // ---- Resolutions ----
  std::int64_t insert_resolution(const Resolution& resolution);
  std::optional<Resolution> find_resolution(std::int64_t id);
  std::vector<Resolution> resolutions(std::int64_t meeting_id);
  int next_resolution_number(std::int64_t meeting_id);

  // ---- Packs (inserted once, never updated) ----
  // None when the meeting already has a pack (the unique meeting_id refuses it).
  std::optional<std::int64_t> insert_pack(const Pack& pack, const std::string& pdf,
                                          const std::string& xlsx);
  std::optional<Pack> pack_of(std::int64_t meeting_id);
  // The stored bytes of the pack's PDF or workbook.
  std::optional<std::string> pack_document(std::int64_t meeting_id, bool pdf);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::follow_up
