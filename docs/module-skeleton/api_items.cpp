// /api/v1/sample/items…: JSON in, service call, JSON out (api/openapi.yaml, tag Sample).
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/sample/api_routes.hpp"
#include "modules/sample/json.hpp"
#include "modules/sample/rules.hpp"

namespace changwat::sample::api {

void add_item_routes(http::Router& router, SampleService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/sample/items", [&service](http::Context& ctx) {
    auto plan_id = http::query_integer(ctx.request, "plan_id");
    if (!plan_id) http::throw_bad_parameter("plan_id", {"ต้องระบุ", "is required"});
    boost::json::array items;
    for (const Item& item : service.list(ctx.actor, *plan_id)) items.push_back(item_json(item));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/sample/items", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewItem input;
    input.plan_id = body.integer("plan_id");
    input.title = body.text("title", rules::kTitleMax * 4);
    body.finish();
    return http::Response::json(item_json(service.create(ctx.actor, input)), 201);
  });

  router.add(Method::patch, "/api/v1/sample/items/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"รายการ", "Item"});
    http::JsonBody body(ctx.request);
    ItemChange change;
    change.version = body.integer("version");
    change.title = body.optional_text("title", rules::kTitleMax * 4);
    change.status = http::body_enum(body, "status", parse_item_status, "open, closed");
    body.finish();
    return http::Response::json(item_json(service.update(ctx.actor, id, change)));
  });
}

}  // namespace changwat::sample::api
