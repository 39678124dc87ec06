// Routes hanging on a plan: its SWOT items and the coverage views of its cycle.
#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "http/json_body.hpp"
#include "modules/participation/api_routes.hpp"
#include "modules/participation/api_support.hpp"
#include "modules/participation/json.hpp"
#include "platform/areas/json.hpp"

namespace changwat::participation::api {
namespace {

const Message kPlan{"แผนพัฒนานี้", "Plan"};
const Message kSwot{"รายการ SWOT นี้", "SWOT item"};

SwotKind body_swot_kind(http::JsonBody& body) {
  std::optional<SwotKind> kind = body_optional_swot_kind(body, "kind");
  if (!kind && !body.has("kind")) body.fail("kind", {"ต้องระบุ", "is required"});
  return kind.value_or(SwotKind::strength);
}

std::optional<areas::Level> query_level(const http::Request& request) {
  std::optional<std::string> level = request.query_param("level");
  if (!level || level->empty()) return std::nullopt;
  if (*level == "district") return areas::Level::district;
  if (*level == "subdistrict") return areas::Level::subdistrict;
  if (*level == "village") return areas::Level::village;
  http::throw_bad_parameter("level", {"ต้องเป็น district, subdistrict หรือ village",
                                      "must be district, subdistrict or village"});
}

boost::json::object project_json(const plan::ProjectSummary& project) {
  boost::json::array areas;
  for (const auto& code : project.area_codes) areas.emplace_back(code);
  boost::json::array alignments;
  for (const auto& code : project.alignment_codes) alignments.emplace_back(code);
  return {{"element_id", project.element_id},
          {"code", project.code},
          {"text_th", project.text_th},
          {"text_en", project.text_en},
          {"project_kind", plan::to_string(project.project_kind)},
          {"agency", json_or_null(project.agency_code)},
          {"areas", std::move(areas)},
          {"budget_satang", project.budget_satang},
          {"alignment_codes", std::move(alignments)},
          {"has_alignment", project.has_alignment}};
}

}  // namespace

void add_plan_routes(http::Router& router, ParticipationService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/plans/{id}/swot", [&service](http::Context& ctx) {
    std::int64_t plan_id = path_id(ctx.request, "id", kPlan);
    boost::json::array items;
    for (const SwotItem& item : service.list_swot(ctx.actor, plan_id))
      items.push_back(swot_json(item));
    return http::Response::json(
        boost::json::object{{"plan_id", plan_id}, {"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/plans/{id}/swot", [&service](http::Context& ctx) {
    std::int64_t plan_id = path_id(ctx.request, "id", kPlan);
    http::JsonBody body(ctx.request);
    SwotInput input;
    input.kind = body_swot_kind(body);
    input.text_th = body.text("text_th", kSwotTextMax);
    input.text_en = body.optional_text("text_en", kSwotTextMax).value_or("");
    input.evidence = body.text("evidence", kEvidenceMax);
    input.evidence_source = body.optional_text("evidence_source", 500);
    input.dimension = body_optional_dimension(body, "dimension");
    input.position = body.optional_integer("position");
    body.finish();
    return http::Response::json(swot_json(service.create_swot(ctx.actor, plan_id, input)), 201);
  });

  router.add(Method::patch, "/api/v1/swot/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kSwot);
    SwotChange change =
        body_change<SwotChange>(ctx.request, [](http::JsonBody& body, SwotChange& change) {
          change.kind = body_optional_swot_kind(body, "kind");
          change.text_th = body.optional_text("text_th", kSwotTextMax);
          change.text_en = body.optional_text("text_en", kSwotTextMax);
          change.evidence = body.optional_text("evidence", kEvidenceMax);
          if (body.has("evidence_source"))
            change.evidence_source = body.optional_text("evidence_source", 500);
          if (body.has("dimension")) change.dimension = body_optional_dimension(body, "dimension");
          change.position = body.optional_integer("position");
        });
    return http::Response::json(swot_json(service.update_swot(ctx.actor, id, change)));
  });

  router.add(Method::delete_, "/api/v1/swot/{id}", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kSwot);
    service.delete_swot(ctx.actor, id, query_version(ctx.request));
    return http::Response::no_content();
  });

  router.add(Method::get, "/api/v1/plans/{id}/coverage/areas", [&service](http::Context& ctx) {
    std::int64_t plan_id = path_id(ctx.request, "id", kPlan);
    AreaCoverage coverage = service.area_coverage(ctx.actor, plan_id, query_level(ctx.request));
    boost::json::array levels;
    for (const LevelCoverage& level : coverage.levels)
      levels.push_back({{"level", areas::level_name(level.level)},
                        {"total", level.total},
                        {"with_needs", level.with_needs},
                        {"without_needs", level.total - level.with_needs}});
    boost::json::array without_needs;
    for (const areas::Area& area : coverage.without_needs)
      without_needs.push_back(areas::area_json(area));
    return http::Response::json(
        boost::json::object{{"plan_id", plan_id},
                            {"levels", std::move(levels)},
                            {"areas_without_needs", std::move(without_needs)}});
  });

  router.add(Method::get, "/api/v1/plans/{id}/coverage/needs", [&service](http::Context& ctx) {
    std::int64_t plan_id = path_id(ctx.request, "id", kPlan);
    UnansweredNeeds unanswered = service.unanswered_needs(ctx.actor, plan_id);
    boost::json::array needs;
    for (const NeedView& view : unanswered.needs)
      needs.push_back(need_view_json(view, service.areas(), false));
    return http::Response::json(boost::json::object{
        {"plan_id", plan_id}, {"total", needs.size()}, {"needs_without_projects", needs}});
  });

  router.add(Method::get, "/api/v1/plans/{id}/coverage/projects", [&service](http::Context& ctx) {
    std::int64_t plan_id = path_id(ctx.request, "id", kPlan);
    UnlinkedProjects unlinked = service.unlinked_projects(ctx.actor, plan_id);
    boost::json::array projects;
    for (const plan::ProjectSummary& project : unlinked.projects)
      projects.push_back(project_json(project));
    return http::Response::json(
        boost::json::object{{"plan_id", plan_id},
                            {"total", projects.size()},
                            {"projects_without_needs_or_targets", std::move(projects)}});
  });
}

}  // namespace changwat::participation::api
