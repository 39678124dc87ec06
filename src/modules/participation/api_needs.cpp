// Routes for needs recorded by officers: list, counts by district, one need,
// edits, status, merge, votes and links to the plan.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "modules/participation/api_routes.hpp"
#include "modules/participation/api_support.hpp"
#include "modules/participation/json.hpp"

namespace changwat::participation::api {
namespace {

const Message kNeed{"ความต้องการนี้", "Need"};

boost::json::object list_item_json(const Need& need, const areas::AreaService& areas) {
  boost::json::object item = need_json(need, false);
  item["area"] = area_ref_json(areas, need.area_code);
  item["district"] = area_ref_json(areas, need.district_code);
  return item;
}

NeedOrder parse_order(const http::Request& request) {
  std::string sort = request.query_param("sort").value_or("newest");
  if (sort == "newest") return NeedOrder::newest;
  if (sort == "oldest") return NeedOrder::oldest;
  if (sort == "votes") return NeedOrder::most_votes;
  if (sort == "title") return NeedOrder::title_thai;
  throw Error(
      ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
      {{"sort",
        {"ต้องเป็น newest, oldest, votes หรือ title", "must be newest, oldest, votes or title"}}});
}

http::Response view_response(const NeedView& view, const ParticipationService& service,
                             const http::Context& ctx, int status = 200) {
  bool moderator = ctx.actor.has_role(Role::strategy_officer) || ctx.actor.has_role(Role::admin);
  return http::Response::json(need_view_json(view, service.areas(), moderator), status);
}

boost::json::object vote_json(const VoteResult& result) {
  return {{"need_id", result.need_id}, {"vote_count", result.vote_count}, {"voted", result.voted}};
}

// The body of an action that names one other record and the version read:
// {"<field>": id, "version": n}.
struct OtherAndVersion {
  std::int64_t other_id;
  std::int64_t version;
};

OtherAndVersion other_and_version(const http::Request& request, const char* field) {
  http::JsonBody body(request);
  OtherAndVersion read{body.integer(field), body.integer("version")};
  body.finish();
  return read;
}

}  // namespace

void add_need_routes(http::Router& router, ParticipationService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/needs", [&service](http::Context& ctx) {
    const http::Request& request = ctx.request;
    NeedFilter filter;
    filter.plan_id = query_integer(request, "plan_id");
    filter.district_code = request.query_param("district");
    filter.subdistrict_code = request.query_param("subdistrict");
    filter.area_code = request.query_param("area");
    filter.dimension = query_dimension(request);
    filter.sector = query_sector(request);
    filter.status = query_status(request);
    filter.forum_id = query_integer(request, "forum_id");
    NeedOrder order = parse_order(request);
    std::int64_t limit = query_limit(request, 50, 500);
    std::int64_t offset = query_offset(request);
    NeedPage page = service.list_needs(ctx.actor, filter, order, limit, offset);
    boost::json::array items;
    for (const Need& need : page.items) items.push_back(list_item_json(need, service.areas()));
    return http::Response::json(boost::json::object{
        {"total", page.total}, {"limit", limit}, {"offset", offset}, {"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/needs", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NeedInput input;
    input.plan_id = body.integer("plan_id");
    read_need_text(body, input);
    input.forum_id = body.optional_integer("forum_id");
    body.finish();
    Need need = service.create_need(ctx.actor, input);
    return view_response(NeedView{need, {}, false}, service, ctx, 201);
  });

  router.add(Method::get, "/api/v1/needs/districts", [&service](http::Context& ctx) {
    std::optional<std::int64_t> plan_id = query_integer(ctx.request, "plan_id");
    boost::json::array districts;
    for (const DistrictCount& count : service.district_counts(ctx.actor, plan_id)) {
      boost::json::object by_status;
      for (std::size_t i = 0; i < kNeedStatusCount; ++i) {
        auto status = static_cast<NeedStatus>(i);
        if (is_published(status)) by_status[status_name(status)] = count.by_status[i];
      }
      boost::json::object by_dimension;
      for (std::size_t i = 0; i < kDimensionCount; ++i)
        by_dimension[dimension_name(static_cast<Dimension>(i))] = count.by_dimension[i];
      boost::json::value area = area_ref_json(service.areas(), count.district_code);
      boost::json::object district{{"code", count.district_code},
                                   {"name_th", area.is_object() ? area.at("name_th") : nullptr},
                                   {"name_en", area.is_object() ? area.at("name_en") : nullptr},
                                   {"total", count.total},
                                   {"by_status", std::move(by_status)},
                                   {"by_dimension", std::move(by_dimension)}};
      districts.push_back(std::move(district));
    }
    return http::Response::json(
        boost::json::object{{"plan_id", plan_id ? boost::json::value(*plan_id) : nullptr},
                            {"districts", std::move(districts)}});
  });

  router.add(Method::get, "/api/v1/needs/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    return view_response(service.get_need(ctx.actor, id), service, ctx);
  });

  router.add(Method::patch, "/api/v1/needs/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    NeedChange change =
        body_change<NeedChange>(ctx.request, [](http::JsonBody& body, NeedChange& change) {
          change.title = body.optional_text("title", kTitleMax);
          change.description = body.optional_text("description", kDescriptionMax);
          change.dimension = body_optional_dimension(body, "dimension");
          change.sector = body_optional_sector(body, "sector");
          change.area_code = body.optional_text("area_code", 8);
          if (body.has("forum_id")) change.forum_id = body.optional_integer("forum_id");
        });
    Need need = service.update_need(ctx.actor, id, change);
    return view_response(service.get_need(ctx.actor, need.id), service, ctx);
  });

  router.add(Method::post, "/api/v1/needs/{id}/status", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    http::JsonBody body(ctx.request);
    auto [status_text, reason, version] = body_decision(body, "status", 30);
    std::optional<NeedStatus> status = parse_status(status_text);
    if (!status && !status_text.empty())
      body.fail("status",
                {"ต้องเป็น new, accepted หรือ declined", "must be new, accepted or declined"});
    body.finish();
    service.change_status(ctx.actor, id, *status, reason, version);
    return view_response(service.get_need(ctx.actor, id), service, ctx);
  });

  router.add(Method::post, "/api/v1/needs/{id}/merge", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    auto [into_id, version] = other_and_version(ctx.request, "into_id");
    service.merge(ctx.actor, id, into_id, version);
    return view_response(service.get_need(ctx.actor, id), service, ctx);
  });

  router.add(Method::post, "/api/v1/needs/{id}/votes", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    return http::Response::json(vote_json(service.vote(ctx.actor, id)), 201);
  });

  router.add(Method::delete_, "/api/v1/needs/{id}/votes", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    return http::Response::json(vote_json(service.withdraw_vote(ctx.actor, id)));
  });

  router.add(Method::post, "/api/v1/needs/{id}/links", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    auto [element_id, version] = other_and_version(ctx.request, "element_id");
    return view_response(service.link(ctx.actor, id, element_id, version), service, ctx, 201);
  });

  router.add(
      Method::delete_, "/api/v1/needs/{id}/links/{element_id}", [&service](http::Context& ctx) {
        std::int64_t id = path_id(ctx.request, "id", kNeed);
        std::int64_t element_id = path_id(ctx.request, "element_id", {"การเชื่อมโยงนี้", "Link"});
        std::int64_t version = query_version(ctx.request);
        return view_response(service.unlink(ctx.actor, id, element_id, version), service, ctx);
      });
}

}  // namespace changwat::participation::api
