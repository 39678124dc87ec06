// Public forums (เวทีประชาคม): when and where they were held, who came, and the
// needs raised there.
#include "modules/participation/forum_store.hpp"
#include "modules/participation/json.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/service.hpp"
#include "modules/participation/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::participation {
namespace {

// ISO date of any form Thai officers type; problems join the other field errors.
std::string checked_date(const std::string& text, FieldErrors& errors) {
  try {
    return thai::to_iso(thai::parse_date(text, "held_on"));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::validation) throw;
    if (error.fields().empty()) errors.add("held_on", error.message());
    for (const auto& [field, why] : error.fields()) errors.add(field, why);
    return {};
  }
}

void check_attendance(const Attendance& attendance, FieldErrors& errors) {
  const std::pair<const char*, std::int64_t> counts[] = {
      {"attendance.people", attendance.people},
      {"attendance.private", attendance.private_sector},
      {"attendance.civil_society", attendance.civil_society},
      {"attendance.state", attendance.state},
  };
  for (const auto& [field, count] : counts)
    if (count < 0 || count > kAttendanceMax)
      errors.add(field, {"ต้องเป็นจำนวนตั้งแต่ 0 ถึง " + std::to_string(kAttendanceMax),
                         "must be between 0 and " + std::to_string(kAttendanceMax)});
}

// Loads a forum for a change; an agency officer may change only forums in their area.
Forum forum_for_change(db::Connection& connection, const areas::AreaService& areas,
                       const Principal& principal, std::int64_t forum_id,
                       std::int64_t expected_version) {
  std::optional<Forum> forum = ForumStore(connection).find_forum(forum_id);
  if (!forum || forum->province_code != principal.province_code) rules::throw_forum_not_found();
  FieldErrors scope;
  if (!rules::place_for(areas, principal, forum->area_code, "area_code", scope)) throw_forbidden();
  if (forum->version != expected_version) throw_stale_version();
  return *forum;
}

}  // namespace

Forum ParticipationService::create_forum(const Actor& actor, const ForumInput& input) {
  const Principal& principal = rules::require_recorder(actor);
  FieldErrors errors;
  rules::check_text(errors, "title_th", input.title_th, kForumTitleMax);
  rules::check_optional_text(errors, "title_en", input.title_en, kForumTitleMax);
  rules::check_optional_text(errors, "notes", input.notes, kNotesMax);
  std::string held_on = checked_date(input.held_on, errors);
  check_attendance(input.attendance, errors);
  std::optional<rules::Placement> placement =
      place_record(actor, principal, input.area_code, input.plan_id, errors);
  errors.throw_if_any();

  Forum forum;
  forum.province_code = principal.province_code;
  forum.plan_id = input.plan_id;
  forum.title_th = input.title_th;
  forum.title_en = input.title_en;
  forum.held_on = held_on;
  forum.area_code = placement->area_code;
  forum.district_code = placement->district_code;
  forum.attendance = input.attendance;
  forum.notes = input.notes;
  forum.created_by = principal.user_id;
  forum.created_at = now_iso();
  return database_.write([&](db::Connection& connection) {
    forum.id = ForumStore(connection).insert_forum(forum, std::nullopt);
    audit::record(connection, actor, "forum", std::to_string(forum.id), "create", nullptr,
                  forum_json(forum));
    return forum;
  });
}

ForumView ParticipationService::get_forum(const Actor& actor, std::int64_t forum_id) const {
  return database_.read([&](db::Connection& connection) {
    std::optional<Forum> forum = ForumStore(connection).find_forum(forum_id);
    if (!forum) rules::throw_forum_not_found();
    NeedFilter filter;
    filter.forum_id = forum_id;
    ForumView view{
        *forum,
        NeedStore(connection).list_needs(filter, NeedOrder::most_votes, std::nullopt, 0).items};
    for (Need& need : view.needs) need.contact = {};
    return view;
  });
}

std::vector<Forum> ParticipationService::list_forums(
    const Actor& actor, std::optional<std::int64_t> plan_id,
    std::optional<std::string> district_code) const {
  return database_.read([&](db::Connection& connection) {
    return ForumStore(connection).list_forums({plan_id, district_code});
  });
}

Forum ParticipationService::update_forum(const Actor& actor, std::int64_t forum_id,
                                         const ForumChange& change) {
  const Principal& principal = rules::require_recorder(actor);
  FieldErrors errors;
  if (change.title_th) rules::check_text(errors, "title_th", *change.title_th, kForumTitleMax);
  rules::check_optional_text(errors, "title_en", change.title_en, kForumTitleMax);
  rules::check_optional_text(errors, "notes", change.notes, kNotesMax);
  std::optional<std::string> held_on;
  if (change.held_on) held_on = checked_date(*change.held_on, errors);
  if (change.attendance) check_attendance(*change.attendance, errors);
  std::optional<rules::Placement> placement;
  if (change.area_code)
    placement = rules::place_for(areas_, principal, *change.area_code, "area_code", errors);
  errors.throw_if_any();

  return database_.write([&](db::Connection& connection) {
    Forum forum =
        forum_for_change(connection, areas_, principal, forum_id, change.expected_version);
    Forum before = forum;
    if (change.title_th) forum.title_th = *change.title_th;
    if (change.title_en) forum.title_en = *change.title_en;
    if (held_on) forum.held_on = *held_on;
    if (placement) {
      forum.area_code = placement->area_code;
      forum.district_code = placement->district_code;
    }
    if (change.attendance) forum.attendance = *change.attendance;
    if (change.notes) forum.notes = *change.notes;
    detail::save_edit(
        connection, actor, "forum", before, forum,
        [&](const Forum& changed) { return ForumStore(connection).save_forum(changed); },
        forum_json);
    return forum;
  });
}

void ParticipationService::delete_forum(const Actor& actor, std::int64_t forum_id,
                                        std::int64_t expected_version) {
  const Principal& principal = rules::require_strategy_office(actor);
  database_.write([&](db::Connection& connection) {
    Forum forum = forum_for_change(connection, areas_, principal, forum_id, expected_version);
    std::int64_t needs = ForumStore(connection).count_forum_needs(forum_id);
    if (needs > 0)
      throw_rule(
          "forum_has_needs",
          {"เวทีนี้มีความต้องการที่บันทึกไว้ " + std::to_string(needs) + " รายการ กรุณาย้ายความต้องการออกก่อนลบ",
           "This forum has " + std::to_string(needs) +
               " need(s) recorded; move them to another forum or none first"});
    if (!ForumStore(connection).delete_forum(forum_id, expected_version)) throw_stale_version();
    audit::record(connection, actor, "forum", std::to_string(forum_id), "delete", forum_json(forum),
                  nullptr);
  });
}

}  // namespace changwat::participation
