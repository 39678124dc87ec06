// Routes: spending rollups (S-curves), reserve proposals and promotions.
#include <boost/json.hpp>

#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"
#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

void add_spending_routes(http::Router& router, ActionPlanService& service) {
  router.add(Method::get, "/api/v1/action-plans/{id}/spending", [&service](Context& ctx) {
    GroupBy by = http::query_enum(ctx.request, "by", parse_group_by,
                                  "province, strategy, agency, budget_source, project")
                     .value_or(GroupBy::province);
    auto json = service.spending_json(ctx.actor, plan_id_of(ctx.request), by);
    return Response::text(*json, "application/json; charset=utf-8");
  });

  router.add(Method::get, "/api/v1/action-plans/{id}/reserve-proposals", [&service](Context& ctx) {
    return Response::json(proposals_to_json(
        service.reserve_proposals(ctx.actor, plan_id_of(ctx.request)), service.areas()));
  });

  router.add(Method::post, "/api/v1/action-plans/{id}/promotions", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    PromotionInput input;
    input.element_id = body.integer("element_id");
    input.committee_th = body.text("committee_th", kMaxText);
    input.meeting_th = body.text("meeting_th", kMaxText);
    input.resolution_th = body.text("resolution_th", kMaxText);
    input.decided_on = body.text("decided_on", 40);
    input.skip_reason_th = body.optional_text("skip_reason_th", kMaxText);
    input.version = body.integer("version");
    body.finish();
    std::int64_t id = plan_id_of(ctx.request);
    PromotionResult result = service.promote(ctx.actor, id, input);
    boost::json::object json = promotion_to_json(result.promotion);
    auto view = service.view(id);
    json["project"] =
        project_to_json(*result.book, meta_of(*view.index, result.book->project), service.areas());
    return Response::json(json, 201);
  });
}

}  // namespace changwat::action_plan::api
