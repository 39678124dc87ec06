#include "modules/follow_up/meeting_store.hpp"

#include <array>

#include "db/conditions.hpp"
#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/follow_up/json_columns.hpp"

namespace changwat::follow_up {
namespace {

constexpr const char* kCommitteeColumns =
    "province_code, short_th, name_th, name_en, purpose_th, demo, created_by, created_at";

Committee committee_from(const db::Row& row) {
  Committee committee;
  db::RowReader(row).read(committee.id, committee.province_code, committee.short_th,
                          committee.name_th, committee.name_en, committee.purpose_th,
                          committee.demo, committee.created_by, committee.created_at,
                          committee.version);
  return committee;
}

std::string committee_select() {
  return std::string("SELECT id, ") + kCommitteeColumns + ", version FROM follow_up_committee ";
}

constexpr const char* kMeetingColumns =
    "province_code, committee_id, held_on, title_th, attendees, agenda, previous_meeting_id, "
    "previous_minutes_approved, previous_minutes_note_th, demo, created_by, created_at";

Meeting meeting_from(const db::Row& row) {
  Meeting meeting;
  std::string attendees;
  std::string agenda;
  std::optional<std::int64_t> approved;
  db::RowReader(row).read(meeting.id, meeting.province_code, meeting.committee_id, meeting.held_on,
                          meeting.title_th, attendees, agenda, meeting.previous_meeting_id,
                          approved, meeting.previous_minutes_note_th, meeting.demo,
                          meeting.created_by, meeting.created_at, meeting.version);
  meeting.attendees = columns::attendees_of(attendees);
  meeting.agenda = columns::agenda_of(agenda);
  if (approved) meeting.previous_minutes_approved = *approved != 0;
  return meeting;
}

std::string meeting_select() {
  return std::string("SELECT id, ") + kMeetingColumns + ", version FROM follow_up_meeting ";
}

std::vector<db::Value> meeting_values(const Meeting& meeting) {
  db::Value approved = nullptr;
  if (meeting.previous_minutes_approved)
    approved = std::int64_t{*meeting.previous_minutes_approved ? 1 : 0};
  return {meeting.province_code,
          meeting.committee_id,
          meeting.held_on,
          meeting.title_th,
          columns::attendees_text(meeting.attendees),
          columns::agenda_text(meeting.agenda),
          db::nullable(meeting.previous_meeting_id),
          approved,
          db::nullable(meeting.previous_minutes_note_th),
          std::int64_t{meeting.demo ? 1 : 0},
          meeting.created_by,
          meeting.created_at};
}

constexpr const char* kResolutionColumns =
    "province_code, meeting_id, number, agenda_item, text_th, demo, created_by, created_at";

Resolution resolution_from(const db::Row& row) {
  Resolution resolution;
  db::RowReader(row).read(resolution.id, resolution.province_code, resolution.meeting_id,
                          resolution.number, resolution.agenda_item, resolution.text_th,
                          resolution.demo, resolution.created_by, resolution.created_at);
  return resolution;
}

constexpr const char* kPackColumns =
    "meeting_id, province_code, fiscal_year, summary, pdf_sha256, xlsx_sha256, demo, issued_by, "
    "issued_at";

}  // namespace

// ---- Committees ----

std::int64_t CommitteeStore::insert(const Committee& committee,
                                    const std::optional<std::string>& demo_key) {
  std::int64_t id = db::insert_row_returning_id(
      connection_, "follow_up_committee", std::string(kCommitteeColumns) + ", demo_key",
      {committee.province_code, committee.short_th, committee.name_th, committee.name_en,
       committee.purpose_th, std::int64_t{committee.demo ? 1 : 0}, committee.created_by,
       committee.created_at, db::nullable(demo_key)});
  insert_members(id, committee.members);
  return id;
}

std::optional<Committee> CommitteeStore::find(std::int64_t id) {
  auto row = connection_.query_one(committee_select() + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  Committee committee = committee_from(*row);
  committee.members = members_of(id);
  return committee;
}

std::vector<Committee> CommitteeStore::list(const std::string& province_code) {
  std::vector<Committee> committees;
  for (const auto& row : connection_.query(
           committee_select() + "WHERE province_code = ? ORDER BY id", {province_code}))
    committees.push_back(committee_from(row));
  for (Committee& committee : committees) committee.members = members_of(committee.id);
  return committees;
}

std::optional<std::int64_t> CommitteeStore::id_by_short(const std::string& province_code,
                                                        const std::string& short_th) {
  return db::query_integer(
      connection_, "SELECT id FROM follow_up_committee WHERE province_code = ? AND short_th = ?",
      {province_code, short_th});
}

std::optional<std::int64_t> CommitteeStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM follow_up_committee WHERE demo_key = ?",
                           {demo_key});
}

bool CommitteeStore::replace_members(std::int64_t id, std::int64_t expected_version,
                                     const std::vector<Member>& members) {
  if (connection_.execute(
          "UPDATE follow_up_committee SET version = version + 1 WHERE id = ? AND version = ?",
          {id, expected_version}) != 1)
    return false;
  connection_.execute("DELETE FROM follow_up_committee_member WHERE committee_id = ?", {id});
  insert_members(id, members);
  return true;
}

void CommitteeStore::insert_members(std::int64_t id, const std::vector<Member>& members) {
  std::int64_t position = 0;
  for (const Member& member : members)
    db::insert_row(connection_, "follow_up_committee_member",
                   "committee_id, agency_code, seat_th, position",
                   {id, member.agency_code, member.seat_th, ++position});
}

std::vector<Member> CommitteeStore::members_of(std::int64_t id) {
  std::vector<Member> members;
  for (const auto& row : connection_.query(
           "SELECT agency_code, seat_th FROM follow_up_committee_member WHERE committee_id = ? "
           "ORDER BY position",
           {id})) {
    Member member;
    db::RowReader(row).read(member.agency_code, member.seat_th);
    members.push_back(std::move(member));
  }
  return members;
}

// ---- Meetings ----

std::int64_t MeetingStore::insert(const Meeting& meeting,
                                  const std::optional<std::string>& demo_key) {
  std::vector<db::Value> values = meeting_values(meeting);
  const std::array<db::Value, 1> key{db::nullable(demo_key)};
  values.insert(values.end(), key.begin(), key.end());
  return db::insert_row_returning_id(connection_, "follow_up_meeting",
                                     std::string(kMeetingColumns) + ", demo_key", values);
}

std::optional<Meeting> MeetingStore::find(std::int64_t id) {
  auto row = connection_.query_one(meeting_select() + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return meeting_from(*row);
}

std::vector<Meeting> MeetingStore::list(const std::string& province_code,
                                        std::optional<std::int64_t> committee_id) {
  std::vector<Meeting> meetings;
  db::Conditions where;
  where.add("province_code = ?", province_code);
  where.add_if(committee_id, "committee_id = ?");
  for (const auto& row : connection_.query(
           meeting_select() + where.sql().substr(1) + " ORDER BY held_on DESC, id DESC",
           where.params()))
    meetings.push_back(meeting_from(row));
  return meetings;
}

std::optional<std::int64_t> MeetingStore::previous_of(std::int64_t committee_id,
                                                      const std::string& held_on) {
  return db::query_integer(
      connection_,
      "SELECT id FROM follow_up_meeting WHERE committee_id = ? AND held_on < ? "
      "ORDER BY held_on DESC, id DESC LIMIT 1",
      {committee_id, held_on});
}

bool MeetingStore::update(const Meeting& meeting) {
  std::vector<db::Value> values = meeting_values(meeting);
  const std::array<db::Value, 2> key{meeting.id, meeting.version};
  values.insert(values.end(), key.begin(), key.end());
  return connection_.execute("UPDATE follow_up_meeting SET " + db::assignments(kMeetingColumns) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

std::optional<std::int64_t> MeetingStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM follow_up_meeting WHERE demo_key = ?",
                           {demo_key});
}

// ---- Resolutions ----

std::int64_t MeetingStore::insert_resolution(const Resolution& resolution) {
  return db::insert_row_returning_id(
      connection_, "follow_up_resolution", kResolutionColumns,
      {resolution.province_code, resolution.meeting_id, std::int64_t{resolution.number},
       std::int64_t{resolution.agenda_item}, resolution.text_th,
       std::int64_t{resolution.demo ? 1 : 0}, resolution.created_by, resolution.created_at});
}

std::optional<Resolution> MeetingStore::find_resolution(std::int64_t id) {
  auto row = connection_.query_one(
      std::string("SELECT id, ") + kResolutionColumns + " FROM follow_up_resolution WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  return resolution_from(*row);
}

std::vector<Resolution> MeetingStore::resolutions(std::int64_t meeting_id) {
  std::vector<Resolution> resolutions;
  for (const auto& row : connection_.query(std::string("SELECT id, ") + kResolutionColumns +
                                               " FROM follow_up_resolution WHERE meeting_id = ? "
                                               "ORDER BY number",
                                           {meeting_id}))
    resolutions.push_back(resolution_from(row));
  return resolutions;
}

int MeetingStore::next_resolution_number(std::int64_t meeting_id) {
  return static_cast<int>(
      db::query_integer(connection_,
                        "SELECT COALESCE(MAX(number), 0) + 1 FROM follow_up_resolution "
                        "WHERE meeting_id = ?",
                        {meeting_id})
          .value_or(1));
}

// ---- Packs ----

std::optional<std::int64_t> MeetingStore::insert_pack(const Pack& pack, const std::string& pdf,
                                                      const std::string& xlsx) {
  // The conditional insert is the refusal: a second pack of the meeting writes nothing.
  std::int64_t inserted = connection_.execute(
      std::string("INSERT INTO follow_up_pack (") + kPackColumns +
          ", pdf_base64, xlsx_base64) VALUES (" + db::placeholders(11) +
          ") ON CONFLICT (meeting_id) DO NOTHING",
      {pack.meeting_id, pack.province_code, std::int64_t{pack.fiscal_year}, pack.summary_json,
       pack.pdf_sha256, pack.xlsx_sha256, std::int64_t{pack.demo ? 1 : 0}, pack.issued_by,
       pack.issued_at, columns::base64_encode(pdf), columns::base64_encode(xlsx)});
  if (inserted != 1) return std::nullopt;
  return db::query_integer(connection_, "SELECT id FROM follow_up_pack WHERE meeting_id = ?",
                           {pack.meeting_id});
}

std::optional<Pack> MeetingStore::pack_of(std::int64_t meeting_id) {
  auto row = connection_.query_one(
      std::string("SELECT id, ") + kPackColumns + " FROM follow_up_pack WHERE meeting_id = ?",
      {meeting_id});
  if (!row) return std::nullopt;
  Pack pack;
  db::RowReader(*row).read(pack.id, pack.meeting_id, pack.province_code, pack.fiscal_year,
                           pack.summary_json, pack.pdf_sha256, pack.xlsx_sha256, pack.demo,
                           pack.issued_by, pack.issued_at);
  return pack;
}

std::optional<std::string> MeetingStore::pack_document(std::int64_t meeting_id, bool pdf) {
  auto row = connection_.query_one(std::string("SELECT ") + (pdf ? "pdf_base64" : "xlsx_base64") +
                                       " FROM follow_up_pack WHERE meeting_id = ?",
                                   {meeting_id});
  if (!row) return std::nullopt;
  return columns::base64_decode(row->text(0));
}

}  // namespace changwat::follow_up
