// /api/v1/tourism/timetable, stops, routes, trips, notices and gtfs.zip.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/tourism/api_routes.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"

namespace changwat::tourism::api {

void add_travel_routes(http::Router& router, TourismService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/tourism/timetable", [&service](http::Context& ctx) {
    return http::Response::json(timetable_json(service.timetable(ctx.actor)));
  });

  router.add(Method::get, "/api/v1/tourism/gtfs.zip", [&service](http::Context& ctx) {
    http::Response response = http::Response::text(service.gtfs_zip(ctx.actor), "application/zip");
    response.add_header("Content-Disposition", "attachment; filename=\"gtfs.zip\"");
    return response;
  });

  router.add(Method::post, "/api/v1/tourism/stops", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Stop stop;
    stop.name_th = body.text("name_th", rules::kNameMax * 4);
    stop.name_en = body.text("name_en", rules::kNameMax * 4);
    stop.latitude = body.number("latitude");
    stop.longitude = body.number("longitude");
    stop.community_id = body.optional_integer("community_id");
    body.finish();
    stop = service.create_stop(ctx.actor, stop);
    return http::Response::json(boost::json::object{{"id", stop.id}}, 201);
  });

  router.add(Method::post, "/api/v1/tourism/routes", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Route route;
    route.name_th = body.text("name_th", rules::kNameMax * 4);
    route.name_en = body.text("name_en", rules::kNameMax * 4);
    if (const auto* ids = body.raw("stop_ids"); ids && ids->is_array()) {
      for (const auto& id : ids->as_array())
        if (id.is_int64()) route.stop_ids.push_back(id.as_int64());
    } else {
      body.fail("stop_ids", {"ต้องเป็นรายการรหัสจุดแวะ", "must be a list of stop ids"});
    }
    body.finish();
    route = service.create_route(ctx.actor, route);
    return http::Response::json(boost::json::object{{"id", route.id}}, 201);
  });

  router.add(Method::post, "/api/v1/tourism/trips", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Trip trip;
    trip.route_id = body.integer("route_id");
    trip.mode = http::body_enum(body, "mode", parse_trip_mode, "ferry, road", true)
                    .value_or(TripMode::ferry);
    trip.operator_name = body.text("operator_name", rules::kNameMax * 4);
    trip.operator_url = body.text("operator_url", 300);
    trip.headsign = body.text("headsign", rules::kNameMax * 4);
    trip.days = body.optional_text("days", 7).value_or("1111111");
    trip.start_date = body.text("start_date", 10);
    trip.end_date = body.text("end_date", 10);
    http::read_list(body, "stop_times", 100, [&](http::JsonBody& item) {
      trip.stop_times.push_back(
          {item.integer("stop_id"), item.text("arrival", 8), item.text("departure", 8)});
    });
    body.finish();
    return http::Response::json(trip_json(service.create_trip(ctx.actor, trip)), 201);
  });

  router.add(Method::post, "/api/v1/tourism/notices", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Notice notice;
    notice.route_id = body.integer("route_id");
    notice.text_th = body.text("text_th", rules::kNameMax * 4);
    notice.text_en = body.text("text_en", rules::kNameMax * 4);
    notice.valid_until = body.text("valid_until", 40);
    body.finish();
    notice = service.create_notice(ctx.actor, notice);
    return http::Response::json(boost::json::object{{"id", notice.id}}, 201);
  });
}

}  // namespace changwat::tourism::api
