// The elements of a plan's open draft (create, read, change, delete, move, KPI
// targets, alignment links) and the national alignment catalog.
#include <boost/json.hpp>
#include <limits>

#include "base/json_or_null.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/plan/api_routes.hpp"
#include "modules/plan/element_input.hpp"
#include "modules/plan/json.hpp"

namespace changwat::plan::api {

using http::Context;
using http::JsonBody;
using http::Method;
using http::query_integer;
using http::Response;
using http::throw_bad_parameter;

void add_element_routes(http::Router& router, PlanService& service) {
  router.add(Method::post, "/api/v1/plans/{id}/elements", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    Element element;
    read_element(body, element, InputMode::create);
    body.finish();
    return Response::json(
        element_to_json(service.create_element(ctx.actor, plan_id_of(ctx), std::move(element))),
        201);
  });

  router.add(Method::get, "/api/v1/plans/{id}/elements/{element_id}", [&service](Context& ctx) {
    return Response::json(element_to_json(
        service.element(ctx.actor, plan_id_of(ctx), element_id_of(ctx), version_of(service, ctx))));
  });

  router.add(Method::patch, "/api/v1/plans/{id}/elements/{element_id}", [&service](Context& ctx) {
    std::int64_t plan_id = plan_id_of(ctx);
    JsonBody body(ctx.request);
    std::int64_t expected = body.integer("version");
    // The element as stored in the open draft; with no draft, the version in force,
    // and the update below then explains that an approved version is frozen.
    Plan plan = service.get_plan(ctx.actor, plan_id);
    Element element = service.element(ctx.actor, plan_id, element_id_of(ctx), plan.draft_version);
    read_element(body, element, InputMode::patch);
    body.finish();
    return Response::json(
        element_to_json(service.update_element(ctx.actor, plan_id, element, expected)));
  });

  router.add(Method::delete_, "/api/v1/plans/{id}/elements/{element_id}", [&service](Context& ctx) {
    auto expected = query_integer(ctx.request, "version");
    if (!expected) {
      throw_bad_parameter("version", {"ต้องระบุเลขเวอร์ชันขององค์ประกอบ (?version=)",
                                      "the element's version is required (?version=)"});
    }
    service.delete_element(ctx.actor, plan_id_of(ctx), element_id_of(ctx), *expected);
    return Response::no_content();
  });

  router.add(
      Method::post, "/api/v1/plans/{id}/elements/{element_id}/move", [&service](Context& ctx) {
        JsonBody body(ctx.request);
        std::int64_t expected = body.integer("version");
        MoveTarget target;
        if (const auto* raw = body.raw("parent_id"); raw && !raw->is_null()) {
          if (raw->is_int64()) {
            target.parent_id = raw->get_int64();
          } else {
            body.fail("parent_id", {"ต้องเป็นรหัสองค์ประกอบหรือ null", "must be an element id or null"});
          }
        }
        if (auto position = body.optional_integer("position")) {
          target.position = static_cast<int>(std::clamp<std::int64_t>(*position, 0, 1'000'000));
        }
        body.finish();
        return Response::json(element_to_json(service.move_element(
            ctx.actor, plan_id_of(ctx), element_id_of(ctx), target, expected)));
      });

  router.add(Method::put, "/api/v1/plans/{id}/elements/{element_id}/targets/{fiscal_year}",
             [&service](Context& ctx) {
               std::optional<std::int64_t> year =
                   http::parse_integer(ctx.request.param("fiscal_year"));
               if (!year || *year < std::numeric_limits<int>::min() ||
                   *year > std::numeric_limits<int>::max()) {
                 throw_bad_parameter(
                     "fiscal_year", {"ต้องเป็นปีงบประมาณ พ.ศ.", "must be a Buddhist-era fiscal year"});
               }
               JsonBody body(ctx.request);
               if (!body.has("value"))
                 body.fail("value", {"ต้องระบุ (ใช้ null เพื่อล้างค่า)", "is required (null clears it)"});
               std::optional<double> value = body.optional_number("value");
               std::optional<std::int64_t> expected = body.optional_integer("version");
               body.finish();
               KpiTarget target = service.set_target(ctx.actor, plan_id_of(ctx), element_id_of(ctx),
                                                     static_cast<int>(*year), value, expected);
               return Response::json(boost::json::object{{"element_id", element_id_of(ctx)},
                                                         {"fiscal_year", target.fiscal_year},
                                                         {"value", json_or_null(target.value)},
                                                         {"version", target.version}});
             });

  router.add(Method::put, "/api/v1/plans/{id}/elements/{element_id}/alignments",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               std::int64_t expected = body.integer("version");
               std::vector<std::string> codes = body.text_list("codes", 50, 30);
               body.finish();
               return Response::json(element_to_json(service.set_alignments(
                   ctx.actor, plan_id_of(ctx), element_id_of(ctx), std::move(codes), expected)));
             });

  router.add(Method::get, "/api/v1/alignment/catalog", [&service](Context&) {
    Response response = Response::json(catalog_to_json(service.catalog()));
    response.add_header("Cache-Control", "public, max-age=3600");
    return response;
  });
}

}  // namespace changwat::plan::api
