#include "modules/follow_up/service.hpp"

#include <boost/json.hpp>
#include <map>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/meeting_store.hpp"
#include "modules/follow_up/rules.hpp"
#include "modules/follow_up/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::follow_up {

namespace detail {

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "anonymous";
}

const std::string& province_of(const Actor& actor) {
  return actor.require_signed_in().province_code;
}

void require_same_province(const Actor& actor, const std::string& province_code,
                           const char* entity_th, const char* entity_en) {
  if (actor.principal && actor.principal->province_code != province_code)
    throw_not_found(entity_th, entity_en);
}

}  // namespace detail

using detail::actor_name;
using detail::province_of;
using detail::require_same_province;

namespace {

constexpr const char* kMeetingTh = "การประชุม";
constexpr const char* kMeetingEn = "Meeting";
constexpr const char* kCommitteeTh = "คณะกรรมการ";
constexpr const char* kCommitteeEn = "Committee";

Committee committee_in(CommitteeStore& store, const Actor& actor, std::int64_t id) {
  return detail::found_in(store.find(id), actor, kCommitteeTh, kCommitteeEn);
}

Meeting meeting_in(MeetingStore& store, const Actor& actor, std::int64_t id) {
  return detail::found_in(store.find(id), actor, kMeetingTh, kMeetingEn);
}

void check_members(FieldErrors& errors, const areas::AreaService& areas,
                   const std::string& province_code, const std::vector<Member>& members) {
  for (std::size_t i = 0; i < members.size(); ++i) {
    std::string prefix = "members[" + std::to_string(i) + "].";
    auto agency = areas.find_agency(members[i].agency_code);
    if (!agency || agency->province_code != province_code)
      errors.add(prefix + "agency", {"ไม่พบหน่วยงานนี้ในจังหวัด", "is not an agency of the province"});
    rules::check_text(errors, (prefix + "seat_th").c_str(), members[i].seat_th, 100);
  }
}

void apply_agenda(Meeting& meeting, const std::array<std::string, kAgendaItems>& details) {
  for (std::size_t i = 0; i < meeting.agenda.size(); ++i) meeting.agenda[i].details_th = details[i];
}

}  // namespace

FollowUpService::FollowUpService(db::Database& database, areas::AreaService& areas, Sources sources,
                                 Today today)
    : database_(database), areas_(areas), sources_(sources), today_(std::move(today)) {}

thai::Date FollowUpService::today() const { return today_ ? today_() : thai::today_in_thailand(); }

std::string FollowUpService::today_iso() const { return thai::to_iso(today()); }

bool FollowUpService::known_agency(const std::string& province_code,
                                   const std::string& agency_code) const {
  auto agency = areas_.find_agency(agency_code);
  return agency && agency->province_code == province_code;
}

void FollowUpService::check_assignment(FieldErrors& errors, const std::string& province_code,
                                       const Assignment& assignment) const {
  rules::check_date(errors, "due_on", assignment.due_on);
  if (assignment.agency_code.empty()) errors.add("agency", {"ต้องระบุหน่วยงาน", "is required"});
  errors.throw_if_any();
  // Well-formed but not acceptable: a refused rule (422), all fields in one answer.
  std::map<std::string, Message> refused;
  if (!known_agency(province_code, assignment.agency_code))
    refused["agency"] = {"ไม่พบหน่วยงาน " + assignment.agency_code + " ในจังหวัด",
                         "unknown agency " + assignment.agency_code + " in the province"};
  if (assignment.future_only && assignment.due_on < today_iso())
    refused["due_on"] = {"กำหนดแล้วเสร็จต้องไม่เป็นวันที่ผ่านมาแล้ว", "must not be in the past"};
  for (std::size_t i = 0; i < assignment.element_ids.size(); ++i) {
    auto element = sources_.plans.find_element(assignment.element_ids[i]);
    bool ours =
        element && sources_.plans.get_plan(Actor::command_line(), element->plan_id).province_code ==
                       province_code;
    if (!ours)
      refused["element_ids[" + std::to_string(i) + "]"] = {
          "ไม่พบโครงการหรือตัวชี้วัดนี้ในแผนของจังหวัด", "is not a project or KPI of the province's plans"};
  }
  if (refused.size() == 1) {
    const auto& [field, why] = *refused.begin();
    throw Error(ErrorKind::rule, "invalid_value",
                {why.th + " (" + field + ")", field + " " + why.en}, refused);
  }
  if (!refused.empty())
    throw Error(
        ErrorKind::rule, "invalid_value",
        {"ข้อมูลไม่เป็นไปตามเงื่อนไข ดูรายละเอียดแต่ละช่อง", "Some values are not acceptable (see fields)"},
        refused);
}

// ---- Committees ----

std::vector<Committee> FollowUpService::committees(const Actor& actor) const {
  const std::string& province = province_of(actor);
  return database_.read(
      [&](db::Connection& connection) { return CommitteeStore(connection).list(province); });
}

Committee FollowUpService::create_committee(const Actor& actor, const NewCommittee& input) {
  const Principal& principal = rules::require_admin(actor);
  FieldErrors errors;
  rules::check_text(errors, "short_th", input.short_th, rules::kShortMax);
  rules::check_text(errors, "name_th", input.name_th, rules::kTitleMax);
  check_members(errors, areas_, principal.province_code, input.members);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    CommitteeStore store(connection);
    if (store.id_by_short(principal.province_code, input.short_th))
      throw_conflict("committee_exists",
                     {"มีคณะกรรมการชื่อย่อนี้แล้ว", "A committee with this short name exists"});
    Committee committee;
    committee.province_code = principal.province_code;
    committee.short_th = input.short_th;
    committee.name_th = input.name_th;
    committee.name_en = input.name_en;
    committee.purpose_th = input.purpose_th;
    committee.members = input.members;
    committee.created_by = actor_name(actor);
    committee.created_at = iso_utc_now();
    committee.id = store.insert(committee, std::nullopt);
    Committee stored = *store.find(committee.id);
    audit::record(connection, actor, "follow_up_committee", std::to_string(stored.id), "create",
                  nullptr, committee_json(stored));
    return stored;
  });
}

Committee FollowUpService::set_members(const Actor& actor, std::int64_t id,
                                       const std::vector<Member>& members,
                                       std::int64_t expected_version) {
  const Principal& principal = rules::require_admin(actor);
  FieldErrors errors;
  check_members(errors, areas_, principal.province_code, members);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    CommitteeStore store(connection);
    Committee before = committee_in(store, actor, id);
    if (!store.replace_members(id, expected_version, members)) throw_stale_version();
    Committee after = *store.find(id);
    audit::record(connection, actor, "follow_up_committee", std::to_string(id), "update",
                  committee_json(before), committee_json(after));
    return after;
  });
}

// ---- Meetings ----

std::vector<MeetingView> FollowUpService::meetings(const Actor& actor,
                                                   std::optional<std::int64_t> committee_id) const {
  const std::string& province = province_of(actor);
  return database_.read([&](db::Connection& connection) {
    CommitteeStore committees(connection);
    MeetingStore store(connection);
    std::map<std::int64_t, Committee> by_id;
    for (Committee& committee : committees.list(province)) by_id.emplace(committee.id, committee);
    std::vector<MeetingView> views;
    for (Meeting& meeting : store.list(province, committee_id)) {
      MeetingView view;
      view.pack = store.pack_of(meeting.id);
      view.committee = by_id[meeting.committee_id];
      view.meeting = std::move(meeting);
      views.push_back(std::move(view));
    }
    return views;
  });
}

MeetingView FollowUpService::meeting(const Actor& actor, std::int64_t id) const {
  actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    MeetingStore store(connection);
    MeetingView view;
    view.meeting = meeting_in(store, actor, id);
    view.committee = *CommitteeStore(connection).find(view.meeting.committee_id);
    view.pack = store.pack_of(id);
    view.resolutions = store.resolutions(id);
    DirectiveFilter filter;
    filter.meeting_id = id;
    view.directives = DirectiveStore(connection).list(view.meeting.province_code, filter);
    return view;
  });
}

Meeting FollowUpService::create_meeting(const Actor& actor, const NewMeeting& input) {
  const Principal& principal = rules::require_secretary(actor);
  FieldErrors errors;
  rules::check_date(errors, "held_on", input.held_on);
  rules::check_text(errors, "title_th", input.title_th, rules::kTitleMax);
  for (std::size_t i = 0; i < input.attendees.size(); ++i) {
    std::string prefix = "attendees[" + std::to_string(i) + "].";
    rules::check_text(errors, (prefix + "name_th").c_str(), input.attendees[i].name_th, 200);
    const auto& agency = input.attendees[i].agency_code;
    if (agency && !known_agency(principal.province_code, *agency))
      errors.add(prefix + "agency", {"ไม่พบหน่วยงานนี้ในจังหวัด", "is not an agency of the province"});
  }
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    CommitteeStore committees(connection);
    auto committee = committees.find(input.committee_id);
    if (!committee || committee->province_code != principal.province_code)
      throw_invalid_field("committee_id", {"ไม่พบคณะกรรมการนี้", "unknown committee"});
    MeetingStore store(connection);
    Meeting meeting;
    meeting.province_code = principal.province_code;
    meeting.committee_id = committee->id;
    meeting.held_on = input.held_on;
    meeting.title_th = input.title_th;
    meeting.attendees = input.attendees;
    apply_agenda(meeting, input.agenda_details);
    meeting.previous_meeting_id = store.previous_of(committee->id, input.held_on);
    meeting.created_by = actor_name(actor);
    meeting.created_at = iso_utc_now();
    meeting.id = store.insert(meeting, std::nullopt);
    Meeting stored = *store.find(meeting.id);
    audit::record(connection, actor, "follow_up_meeting", std::to_string(stored.id), "create",
                  nullptr, meeting_json(stored));
    return stored;
  });
}

Meeting FollowUpService::update_meeting(const Actor& actor, std::int64_t id,
                                        const MeetingChange& change) {
  rules::require_secretary(actor);
  return database_.write([&](db::Connection& connection) {
    MeetingStore store(connection);
    Meeting before = meeting_in(store, actor, id);
    if (before.version != change.expected_version) throw_stale_version();
    Meeting after = before;
    if (change.attendees) after.attendees = *change.attendees;
    if (change.agenda_details) apply_agenda(after, *change.agenda_details);
    if (change.previous_minutes_approved) {
      if (!before.previous_meeting_id)
        throw_rule("no_previous_meeting",
                   {"ไม่มีการประชุมครั้งก่อนให้รับรองรายงาน",
                    "There is no previous meeting whose minutes to approve"});
      after.previous_minutes_approved = change.previous_minutes_approved;
    }
    if (change.previous_minutes_note_th)
      after.previous_minutes_note_th = change.previous_minutes_note_th;
    if (!store.update(after)) throw_stale_version();
    Meeting stored = *store.find(id);
    audit::record(connection, actor, "follow_up_meeting", std::to_string(id), "update",
                  meeting_json(before), meeting_json(stored));
    return stored;
  });
}

// ---- Resolutions ----

Resolution FollowUpService::add_resolution(const Actor& actor, std::int64_t meeting_id,
                                           const NewResolution& input) {
  rules::require_secretary(actor);
  FieldErrors errors;
  if (input.agenda_item < 1 || input.agenda_item > kAgendaItems)
    errors.add("agenda_item", {"ต้องเป็นระเบียบวาระที่ 1–6", "must be an agenda item 1–6"});
  rules::check_text(errors, "text_th", input.text_th, rules::kTextMax);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    MeetingStore store(connection);
    Meeting meeting = meeting_in(store, actor, meeting_id);
    Resolution resolution;
    resolution.province_code = meeting.province_code;
    resolution.meeting_id = meeting.id;
    resolution.number = store.next_resolution_number(meeting.id);
    resolution.agenda_item = input.agenda_item;
    resolution.text_th = input.text_th;
    resolution.created_by = actor_name(actor);
    resolution.created_at = iso_utc_now();
    resolution.id = store.insert_resolution(resolution);
    audit::record(connection, actor, "follow_up_resolution", std::to_string(resolution.id),
                  "create", nullptr, resolution_json(resolution));
    return resolution;
  });
}

Resolution FollowUpService::resolution(const Actor& actor, std::int64_t id) const {
  actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    return detail::found_in(MeetingStore(connection).find_resolution(id), actor, "มติที่ประชุม",
                            "Resolution");
  });
}

std::optional<Citation> FollowUpService::cite(std::int64_t resolution_id) const {
  return database_.read([&](db::Connection& connection) -> std::optional<Citation> {
    MeetingStore store(connection);
    auto found = store.find_resolution(resolution_id);
    if (!found) return std::nullopt;
    Meeting meeting = *store.find(found->meeting_id);
    Committee committee = *CommitteeStore(connection).find(meeting.committee_id);
    return Citation{*found, "มติ" + committee.short_th + " " + meeting.title_th + " (" +
                                thai::format_date(thai::parse_date(meeting.held_on)) + ") ข้อ " +
                                std::to_string(found->number)};
  });
}

}  // namespace changwat::follow_up
