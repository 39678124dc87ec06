// Committees, meetings, resolutions and meeting packs (api/openapi.yaml, tag
// "Follow-up"): JSON in, service call, JSON out.
#include <boost/json.hpp>

#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/follow_up/api_routes.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/rules.hpp"

namespace changwat::follow_up::api {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::int64_t meeting_id_of(const http::Context& ctx) {
  return http::path_id(ctx.request, "id", {"การประชุม", "Meeting"});
}

std::vector<Member> read_members(http::JsonBody& body) {
  std::vector<Member> members;
  http::read_list(body, "members", 100, [&](http::JsonBody& item) {
    Member member;
    member.agency_code = item.text("agency", 50);
    member.seat_th = item.text("seat_th", 100);
    members.push_back(std::move(member));
  });
  return members;
}

std::vector<Attendee> read_attendees(http::JsonBody& body) {
  std::vector<Attendee> attendees;
  http::read_optional_list(body, "attendees", 200, [&](http::JsonBody& item) {
    Attendee attendee;
    attendee.agency_code = item.optional_text("agency", 50);
    attendee.name_th = item.text("name_th", 200);
    attendee.position_th = item.optional_text("position_th", 200).value_or("");
    attendees.push_back(std::move(attendee));
  });
  return attendees;
}

std::optional<std::array<std::string, kAgendaItems>> read_agenda(http::JsonBody& body) {
  if (!body.has("agenda")) return std::nullopt;
  std::array<std::string, kAgendaItems> details;
  http::read_optional_list(body, "agenda", kAgendaItems, [&](http::JsonBody& item) {
    std::int64_t number = item.integer("item");
    std::string text = item.optional_text("details_th", rules::kTextMax).value_or("");
    if (number < 1 || number > kAgendaItems) {
      item.fail("item", {"ต้องเป็นระเบียบวาระที่ 1–6", "must be an agenda item 1–6"});
      return;
    }
    details[static_cast<std::size_t>(number - 1)] = std::move(text);
  });
  return details;
}

}  // namespace

std::vector<std::int64_t> read_ids(http::JsonBody& body, const char* field) {
  std::vector<std::int64_t> ids;
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) return ids;
  Message why{"ต้องเป็นรายการรหัส (ตัวเลข) ไม่เกิน 100 รายการ", "must be a list of at most 100 ids"};
  if (!raw->is_array() || raw->get_array().size() > 100) {
    body.fail(field, why);
    return ids;
  }
  for (const auto& value : raw->get_array()) {
    if (!value.is_int64() || value.get_int64() <= 0) {
      body.fail(field, why);
      return {};
    }
    ids.push_back(value.get_int64());
  }
  return ids;
}

http::Response created(const boost::json::object& record, const std::string& location) {
  http::Response response = http::Response::json(record, 201);
  response.add_header("Location", location);
  return response;
}

http::Response file_response(std::string bytes, const std::string& content_type,
                             const std::string& file_name, const std::string& etag) {
  http::Response response = http::Response::text(std::move(bytes), content_type);
  response.add_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  // The bytes at this address never change (frozen packs, stored evidence).
  response.add_header("Cache-Control", "private, max-age=31536000, immutable");
  response.add_header("ETag", "\"" + etag + "\"");
  return response;
}

void add_meeting_routes(http::Router& router, FollowUpService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/committees", [&service](http::Context& ctx) {
    boost::json::array items;
    for (const Committee& committee : service.committees(ctx.actor))
      items.push_back(committee_json(committee));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/committees", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewCommittee input;
    input.short_th = body.text("short_th", rules::kShortMax * 4);
    input.name_th = body.text("name_th", rules::kTitleMax * 4);
    input.name_en = body.optional_text("name_en", rules::kTitleMax).value_or("");
    input.purpose_th = body.optional_text("purpose_th", rules::kTextMax).value_or("");
    if (body.has("members")) input.members = read_members(body);
    body.finish();
    return http::Response::json(committee_json(service.create_committee(ctx.actor, input)), 201);
  });

  router.add(Method::put, "/api/v1/committees/{id}/members", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"คณะกรรมการ", "Committee"});
    http::JsonBody body(ctx.request);
    std::vector<Member> members = read_members(body);
    std::int64_t version = body.integer("version");
    body.finish();
    return http::Response::json(
        committee_json(service.set_members(ctx.actor, id, members, version)));
  });

  router.add(Method::get, "/api/v1/meetings", [&service](http::Context& ctx) {
    auto committee_id = http::query_integer(ctx.request, "committee_id");
    std::string today = thai::to_iso(service.today());
    boost::json::array items;
    for (const MeetingView& view : service.meetings(ctx.actor, committee_id))
      items.push_back(meeting_view_json(view, today, false));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/meetings", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewMeeting input;
    input.committee_id = body.integer("committee_id");
    input.held_on = body.text("held_on", 10);
    input.title_th = body.text("title_th", rules::kTitleMax * 4);
    input.attendees = read_attendees(body);
    if (auto agenda = read_agenda(body)) input.agenda_details = *agenda;
    body.finish();
    Meeting meeting = service.create_meeting(ctx.actor, input);
    return created(meeting_json(meeting), "/api/v1/meetings/" + std::to_string(meeting.id));
  });

  router.add(Method::get, "/api/v1/meetings/{id}", [&service](http::Context& ctx) {
    MeetingView view = service.meeting(ctx.actor, meeting_id_of(ctx));
    return http::Response::json(meeting_view_json(view, thai::to_iso(service.today()), true));
  });

  router.add(Method::patch, "/api/v1/meetings/{id}", [&service](http::Context& ctx) {
    std::int64_t id = meeting_id_of(ctx);
    http::JsonBody body(ctx.request);
    MeetingChange change;
    change.expected_version = body.integer("version");
    if (body.has("attendees")) change.attendees = read_attendees(body);
    change.agenda_details = read_agenda(body);
    change.previous_minutes_approved = body.optional_boolean("previous_minutes_approved");
    change.previous_minutes_note_th =
        body.optional_text("previous_minutes_note_th", rules::kTextMax);
    body.finish();
    return http::Response::json(meeting_json(service.update_meeting(ctx.actor, id, change)));
  });

  router.add(Method::post, "/api/v1/meetings/{id}/resolutions", [&service](http::Context& ctx) {
    std::int64_t id = meeting_id_of(ctx);
    http::JsonBody body(ctx.request);
    NewResolution input;
    input.agenda_item = static_cast<int>(body.integer("agenda_item"));
    input.text_th = body.text("text_th", rules::kTextMax * 4);
    body.finish();
    return http::Response::json(resolution_json(service.add_resolution(ctx.actor, id, input)), 201);
  });

  router.add(Method::get, "/api/v1/resolutions/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"มติที่ประชุม", "Resolution"});
    Resolution resolution = service.resolution(ctx.actor, id);
    boost::json::object object = resolution_json(resolution);
    if (auto citation = service.cite(id)) object["citation_th"] = citation->citation_th;
    return http::Response::json(object);
  });

  router.add(Method::post, "/api/v1/meetings/{id}/pack", [&service](http::Context& ctx) {
    boost::json::object pack = pack_json(service.issue_pack(ctx.actor, meeting_id_of(ctx)));
    std::string location(pack.at("pdf_url").as_string());
    return created(pack, location);
  });

  router.add(Method::get, "/api/v1/meetings/{id}/pack/pack.pdf", [&service](http::Context& ctx) {
    std::int64_t id = meeting_id_of(ctx);
    auto [pack, bytes] = service.pack_document(ctx.actor, id, true);
    return file_response(std::move(bytes), "application/pdf",
                         "meeting-" + std::to_string(id) + "-pack.pdf", pack.pdf_sha256);
  });

  router.add(Method::get, "/api/v1/meetings/{id}/pack/pack.xlsx", [&service](http::Context& ctx) {
    std::int64_t id = meeting_id_of(ctx);
    auto [pack, bytes] = service.pack_document(ctx.actor, id, false);
    return file_response(std::move(bytes), kXlsxType,
                         "meeting-" + std::to_string(id) + "-pack.xlsx", pack.xlsx_sha256);
  });
}

}  // namespace changwat::follow_up::api
