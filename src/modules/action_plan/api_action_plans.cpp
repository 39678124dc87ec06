// Routes: action plans and their projects.
#include <boost/json.hpp>

#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"
#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

namespace {

constexpr std::string_view kKinds = "main, reserve";
constexpr std::string_view kSources = "provincial, province_group, ministry, local, other";

std::optional<int> optional_int(JsonBody& body, const char* field) {
  auto value = body.optional_integer(field);
  if (!value) return std::nullopt;
  if (*value < -1'000'000 || *value > 1'000'000) {
    body.fail(field, {"อยู่นอกช่วงที่รับได้", "is out of range"});
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

}  // namespace

void add_action_plan_routes(http::Router& router, ActionPlanService& service) {
  router.add(Method::get, "/api/v1/action-plans", [&service](Context& ctx) {
    boost::json::array items;
    for (const auto& plan : service.list(ctx.actor)) items.push_back(action_plan_to_json(plan));
    return Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/action-plans", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    NewActionPlan input;
    input.plan_id = body.integer("plan_id");
    input.fiscal_year = optional_int(body, "fiscal_year").value_or(0);
    if (!body.has("fiscal_year")) body.fail("fiscal_year", {"ต้องระบุ", "is required"});
    input.name_th = body.optional_text("name_th", kMaxText);
    input.name_en = body.optional_text("name_en", kMaxText);
    input.include_plan_projects = body.optional_boolean("include_plan_projects").value_or(true);
    body.finish();
    return Response::json(action_plan_to_json(service.create(ctx.actor, input)), 201);
  });

  router.add(Method::get, "/api/v1/action-plans/{id}", [&service](Context& ctx) {
    return Response::json(
        detail_to_json(service.detail(ctx.actor, plan_id_of(ctx.request)), service.areas()));
  });

  router.add(Method::post, "/api/v1/action-plans/{id}/close", [&service](Context& ctx) {
    std::optional<std::int64_t> version;
    // The body may be left out: closing names nothing but the year's version.
    if (!ctx.request.body.empty()) {
      JsonBody body(ctx.request);
      version = body.optional_integer("version");
      body.finish();
    }
    return Response::json(
        action_plan_to_json(service.close(ctx.actor, plan_id_of(ctx.request), version)));
  });

  router.add(Method::post, "/api/v1/action-plans/{id}/projects", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    ProjectInput input;
    input.element_id = body.integer("element_id");
    input.kind = http::body_enum(body, "kind", plan::parse_project_kind, kKinds);
    input.ranking = optional_int(body, "ranking");
    input.budget_source =
        http::body_enum(body, "budget_source", plan::parse_budget_source, kSources);
    input.requested = body.optional_integer("requested_satang");
    input.priority = optional_int(body, "priority");
    auto design = body.optional_boolean("design_ready");
    auto land = body.optional_boolean("land_ready");
    auto contract = body.optional_boolean("contract_ready");
    if (design || land || contract) {
      input.readiness =
          Readiness{design.value_or(false), land.value_or(false), contract.value_or(false)};
    }
    body.finish();
    std::int64_t id = plan_id_of(ctx.request);
    auto book = service.add_project(ctx.actor, id, input);
    return project_response(service, id, *book, 201);
  });

  router.add(Method::patch, "/api/v1/action-plans/{id}/projects/{element_id}",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               ProjectChange change;
               change.ranking = optional_int(body, "ranking");
               change.budget_source =
                   http::body_enum(body, "budget_source", plan::parse_budget_source, kSources);
               change.requested = body.optional_integer("requested_satang");
               if (body.has("priority")) change.priority = optional_int(body, "priority");
               change.design_ready = body.optional_boolean("design_ready");
               change.land_ready = body.optional_boolean("land_ready");
               change.contract_ready = body.optional_boolean("contract_ready");
               return write_project(
                   body, ctx.request, service,
                   [&](std::int64_t id, std::int64_t element_id, std::int64_t version) {
                     return service.update_project(ctx.actor, id, element_id, change, version);
                   });
             });

  router.add(Method::post, "/api/v1/action-plans/{id}/projects/{element_id}/cancel",
             [&service](Context& ctx) {
               JsonBody body(ctx.request);
               std::string reason = body.text("reason_th", kMaxText);
               return write_project(
                   body, ctx.request, service,
                   [&](std::int64_t id, std::int64_t element_id, std::int64_t version) {
                     return service.cancel_project(ctx.actor, id, element_id, reason, version);
                   });
             });
}

}  // namespace changwat::action_plan::api
