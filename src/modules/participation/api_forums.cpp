// Routes for public forums (เวทีประชาคม).
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "modules/participation/api_routes.hpp"
#include "modules/participation/api_support.hpp"
#include "modules/participation/json.hpp"

namespace changwat::participation::api {
namespace {

const Message kForum{"เวทีประชาคมนี้", "Forum"};

// {"people": n, "private": n, "civil_society": n, "state": n}; missing keys are 0.
std::optional<Attendance> read_attendance(http::JsonBody& body, bool required) {
  const boost::json::value* raw = body.raw("attendance");
  if (!raw || raw->is_null()) {
    if (required) body.fail("attendance", {"ต้องระบุ", "is required"});
    return std::nullopt;
  }
  const Message shape{"ต้องเป็นออบเจ็กต์ {people, private, civil_society, state} ที่มีจำนวนเต็มไม่ติดลบ",
                      "must be an object {people, private, civil_society, state} of whole numbers"};
  if (!raw->is_object()) {
    body.fail("attendance", shape);
    return std::nullopt;
  }
  Attendance attendance;
  for (const auto& [key, value] : raw->as_object()) {
    std::int64_t* slot = key == "people"          ? &attendance.people
                         : key == "private"       ? &attendance.private_sector
                         : key == "civil_society" ? &attendance.civil_society
                         : key == "state"         ? &attendance.state
                                                  : nullptr;
    if (!slot || !value.is_int64()) {
      body.fail("attendance", shape);
      return std::nullopt;
    }
    *slot = value.as_int64();
  }
  return attendance;
}

boost::json::object forum_detail_json(const Forum& forum, const areas::AreaService& areas) {
  boost::json::object json = forum_json(forum);
  json["area"] = area_ref_json(areas, forum.area_code);
  json["district"] = area_ref_json(areas, forum.district_code);
  return json;
}

}  // namespace

void add_forum_routes(http::Router& router, ParticipationService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/forums", [&service](http::Context& ctx) {
    std::optional<std::int64_t> plan_id = query_integer(ctx.request, "plan_id");
    std::optional<std::string> district = ctx.request.query_param("district");
    if (district && district->empty()) district.reset();
    boost::json::array items;
    for (const Forum& forum : service.list_forums(ctx.actor, plan_id, district))
      items.push_back(forum_detail_json(forum, service.areas()));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/forums", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    ForumInput input;
    input.plan_id = body.integer("plan_id");
    input.title_th = body.text("title_th", kForumTitleMax);
    input.title_en = body.optional_text("title_en", kForumTitleMax).value_or("");
    input.held_on = body.text("held_on", 40);
    input.area_code = body.text("area_code", 8);
    input.attendance = read_attendance(body, true).value_or(Attendance{});
    input.notes = body.optional_text("notes", kNotesMax).value_or("");
    body.finish();
    Forum forum = service.create_forum(ctx.actor, input);
    return http::Response::json(forum_detail_json(forum, service.areas()), 201);
  });

  router.add(Method::get, "/api/v1/forums/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kForum);
    ForumView view = service.get_forum(ctx.actor, id);
    boost::json::object json = forum_detail_json(view.forum, service.areas());
    boost::json::array needs;
    for (const Need& need : view.needs) {
      boost::json::object item = need_json(need, false);
      item["area"] = area_ref_json(service.areas(), need.area_code);
      needs.push_back(std::move(item));
    }
    json["needs"] = std::move(needs);
    return http::Response::json(json);
  });

  router.add(Method::patch, "/api/v1/forums/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kForum);
    ForumChange change =
        body_change<ForumChange>(ctx.request, [](http::JsonBody& body, ForumChange& change) {
          change.title_th = body.optional_text("title_th", kForumTitleMax);
          change.title_en = body.optional_text("title_en", kForumTitleMax);
          change.held_on = body.optional_text("held_on", 40);
          change.area_code = body.optional_text("area_code", 8);
          change.attendance = read_attendance(body, false);
          change.notes = body.optional_text("notes", kNotesMax);
        });
    Forum forum = service.update_forum(ctx.actor, id, change);
    return http::Response::json(forum_detail_json(forum, service.areas()));
  });

  router.add(Method::delete_, "/api/v1/forums/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kForum);
    service.delete_forum(ctx.actor, id, query_version(ctx.request));
    return http::Response::no_content();
  });
}

}  // namespace changwat::participation::api
