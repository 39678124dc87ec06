// Plans, their versions, trees, diffs, alignment reports, project lists and exports:
// JSON in, service call, JSON out.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/plan/api_routes.hpp"
#include "modules/plan/export.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/rules.hpp"

namespace changwat::plan::api {
namespace {

using http::Context;
using http::JsonBody;
using http::Method;
using http::query_integer;
using http::Response;

Response tree_response(PlanService& service, GzipCache& gzip, Context& ctx) {
  TreeDocument document =
      service.tree_document(ctx.actor, plan_id_of(ctx), version_of(service, ctx));
  bool frozen = document.tree->version.status != VersionStatus::draft;
  const char* cache_control = frozen ? "public, no-cache" : "private, no-cache";
  if (auto tag = ctx.request.header("if-none-match"); tag && *tag == document.etag) {
    Response response;
    response.status = 304;
    response.content_type.clear();
    response.add_header("ETag", document.etag);
    response.add_header("Cache-Control", cache_control);
    return response;
  }
  Response response = cached_json(gzip, ctx, document.json);
  response.add_header("ETag", document.etag);
  response.add_header("Cache-Control", cache_control);
  return response;
}

PlanPeriod read_period(JsonBody& body, bool required) {
  PlanPeriod period;
  if (body.has("period")) {
    const boost::json::value* raw = body.raw("period");
    if (!raw->is_object()) {
      body.fail("period", {"ต้องเป็น {first_fiscal_year, last_fiscal_year}",
                           "must be {first_fiscal_year, last_fiscal_year}"});
      return period;
    }
    JsonBody nested(raw->get_object());
    period.first_fiscal_year = static_cast<int>(nested.integer("first_fiscal_year"));
    period.last_fiscal_year = static_cast<int>(nested.integer("last_fiscal_year"));
    nested.raw("text");
    try {
      nested.finish();
    } catch (const Error& error) {
      for (const auto& [field, why] : error.fields()) body.fail(("period." + field).c_str(), why);
    }
    return period;
  }
  if (required || body.has("first_fiscal_year") || body.has("last_fiscal_year")) {
    period.first_fiscal_year = static_cast<int>(body.integer("first_fiscal_year"));
    period.last_fiscal_year = static_cast<int>(body.integer("last_fiscal_year"));
  }
  return period;
}

boost::json::object project_row(const Element& element) {
  boost::json::object row = tree_node_to_json(element);
  row.erase("children");
  return row;
}

}  // namespace

void add_plan_routes(http::Router& router, PlanService& service, GzipCache& gzip) {
  router.add(Method::get, "/api/v1/plans/{id}/tree",
             [&service, &gzip](Context& ctx) { return tree_response(service, gzip, ctx); });

  router.add(Method::get, "/api/v1/plans", [&service](Context& ctx) {
    boost::json::array plans;
    for (const auto& plan : service.list_plans(ctx.actor)) plans.push_back(plan_to_json(plan));
    return Response::json(boost::json::object{{"plans", std::move(plans)}});
  });

  router.add(Method::post, "/api/v1/plans", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    NewPlan plan;
    plan.name_th = body.text("name_th", kMaxName);
    plan.name_en = body.optional_text("name_en", kMaxName).value_or("");
    plan.period = read_period(body, true);
    plan.note = body.optional_text("note", kMaxLongText);
    body.finish();
    return Response::json(plan_to_json(service.create_plan(ctx.actor, plan)), 201);
  });

  router.add(Method::get, "/api/v1/plans/{id}", [&service](Context& ctx) {
    return Response::json(plan_to_json(service.get_plan(ctx.actor, plan_id_of(ctx))));
  });

  router.add(Method::patch, "/api/v1/plans/{id}", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    PlanChange change;
    change.expected_row_version = body.integer("row_version");
    if (body.has("name_th")) change.name_th = body.text("name_th", kMaxName);
    if (body.has("name_en")) change.name_en = body.optional_text("name_en", kMaxName).value_or("");
    if (body.has("period") || body.has("first_fiscal_year") || body.has("last_fiscal_year")) {
      change.period = read_period(body, false);
    }
    body.finish();
    return Response::json(plan_to_json(service.update_plan(ctx.actor, plan_id_of(ctx), change)));
  });

  router.add(Method::get, "/api/v1/plans/{id}/versions", [&service](Context& ctx) {
    std::int64_t plan_id = plan_id_of(ctx);
    boost::json::array versions;
    for (const auto& version : service.versions(ctx.actor, plan_id)) {
      versions.push_back(version_to_json(version));
    }
    return Response::json(
        boost::json::object{{"plan_id", plan_id}, {"versions", std::move(versions)}});
  });

  router.add(Method::post, "/api/v1/plans/{id}/approve", [&service](Context& ctx) {
    std::int64_t plan_id = plan_id_of(ctx);
    std::optional<std::int64_t> number;
    std::optional<std::string> note;
    if (auto body = optional_body(ctx.request)) {
      number = body->optional_integer("version");
      note = body->optional_text("note", kMaxLongText);
      body->finish();
    }
    if (!number) {
      // Without a number, the open draft the caller can see is approved.
      Plan plan = service.get_plan(ctx.actor, plan_id);
      number = plan.draft_version.value_or(0);
    }
    return Response::json(
        version_to_json(service.approve(ctx.actor, plan_id, static_cast<int>(*number), note)));
  });

  router.add(Method::post, "/api/v1/plans/{id}/revisions", [&service](Context& ctx) {
    std::optional<std::string> note;
    if (auto body = optional_body(ctx.request)) {
      note = body->optional_text("note", kMaxLongText);
      body->finish();
    }
    return Response::json(version_to_json(service.start_revision(ctx.actor, plan_id_of(ctx), note)),
                          201);
  });

  router.add(Method::get, "/api/v1/plans/{id}/diff", [&service, &gzip](Context& ctx) {
    std::int64_t plan_id = plan_id_of(ctx);
    auto from = query_integer(ctx.request, "from");
    auto to = query_integer(ctx.request, "to");
    if (!from || !to) {
      // Defaults: the latest version against the one it was based on (or the one before).
      auto versions = service.versions(ctx.actor, plan_id);
      const PlanVersion& latest = versions.back();
      if (!to) to = latest.number;
      if (!from) {
        from = latest.based_on.value_or(std::max(1, latest.number - 1));
        if (*to != latest.number) from = std::max<std::int64_t>(1, *to - 1);
      }
    }
    return cached_json(
        gzip, ctx,
        service.diff_json(ctx.actor, plan_id, static_cast<int>(*from), static_cast<int>(*to)));
  });

  router.add(Method::get, "/api/v1/plans/{id}/alignment", [&service](Context& ctx) {
    return Response::json(report_to_json(
        service.alignment_report(ctx.actor, plan_id_of(ctx), version_of(service, ctx))));
  });

  router.add(Method::get, "/api/v1/plans/{id}/projects", [&service](Context& ctx) {
    auto tree = service.tree(ctx.actor, plan_id_of(ctx), version_of(service, ctx));
    auto agency = ctx.request.query_param("agency");
    auto area = ctx.request.query_param("area");
    auto kind = ctx.request.query_param("kind");
    boost::json::array projects;
    std::int64_t total_satang = 0;
    for (const auto& element : tree->elements) {
      if (!element.project) continue;
      const auto& project = *element.project;
      if (agency && project.agency_code != *agency) continue;
      if (kind && to_string(project.kind) != *kind) continue;
      if (area && std::none_of(project.area_codes.begin(), project.area_codes.end(),
                               [&](const std::string& code) { return code.starts_with(*area); })) {
        continue;
      }
      total_satang += project.budget_satang;
      projects.push_back(project_row(element));
    }
    return Response::json(boost::json::object{{"plan_id", tree->plan.id},
                                              {"version", tree->version.number},
                                              {"count", projects.size()},
                                              {"budget_satang", total_satang},
                                              {"projects", std::move(projects)}});
  });

  for (auto [path, format, type] :
       {std::tuple{"/api/v1/plans/{id}/export.pdf", ExportFormat::pdf, "application/pdf"},
        std::tuple{"/api/v1/plans/{id}/export.xlsx", ExportFormat::xlsx,
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}) {
    router.add(Method::get, path, [&service, format, type](Context& ctx) {
      std::int64_t plan_id = plan_id_of(ctx);
      auto version = version_of(service, ctx);
      // The same visibility as the tree: drafts only for staff.
      auto tree = service.tree(ctx.actor, plan_id, version);
      Response response =
          Response::text(export_plan(service, plan_id, tree->version.number, format), type);
      std::string name = "plan-" + std::to_string(plan_id) + "-v" +
                         std::to_string(tree->version.number) +
                         (format == ExportFormat::pdf ? ".pdf" : ".xlsx");
      response.add_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
      return response;
    });
  }
}

}  // namespace changwat::plan::api
