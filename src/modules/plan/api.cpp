// Routes of the plan module: JSON in, service call, JSON out. See README.md for
// the list and api/openapi.yaml for the shapes.
#include <boost/json.hpp>
#include <limits>
#include <map>

#include "base/json_or_null.hpp"
#include "http/compression.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/plan/element_input.hpp"
#include "modules/plan/export.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/module.hpp"
#include "modules/plan/rules.hpp"

namespace changwat::plan {
namespace {

using http::Context;
using http::JsonBody;
using http::Method;
using http::Response;

using http::query_integer;
using http::throw_bad_parameter;

std::int64_t plan_id_of(const Context& ctx) {
  return http::path_id(ctx.request, "id", {"แผนพัฒนานี้", "Plan"});
}

std::int64_t element_id_of(const Context& ctx) {
  return http::path_id(ctx.request, "element_id", {"องค์ประกอบของแผนนี้", "Plan element"});
}

// ?version=N, or ?version=draft for the open draft; none = the version in force.
std::optional<int> version_of(PlanService& service, Context& ctx) {
  auto text = ctx.request.query_param("version");
  if (!text || text->empty()) return std::nullopt;
  if (*text == "draft") {
    Plan plan = service.get_plan(ctx.actor, plan_id_of(ctx));
    if (!plan.draft_version) {
      throw_not_found("ฉบับร่างของแผน", "Open draft of the plan");
    }
    return *plan.draft_version;
  }
  auto number = query_integer(ctx.request, "version");
  if (!number || *number < 1 || *number > 100000) {
    throw_bad_parameter("version", {"ต้องเป็นเลขฉบับหรือ draft", "must be a version number or draft"});
  }
  return static_cast<int>(*number);
}

// A body that may be left out entirely (approve, revisions).
std::optional<JsonBody> optional_body(const http::Request& request) {
  if (request.body.empty()) return std::nullopt;
  return std::optional<JsonBody>(std::in_place, request);
}

// Gzip of big cached documents (a whole tree is megabytes), made once per
// document and kept as long as the document itself is cached.
class GzipCache {
 public:
  std::shared_ptr<const std::string> get(const std::shared_ptr<const std::string>& document) {
    {
      std::lock_guard lock(mutex_);
      for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->first.expired()) {
          it = entries_.erase(it);
          continue;
        }
        if (it->first.lock() == document) return it->second;
        ++it;
      }
    }
    auto compressed = std::make_shared<const std::string>(http::gzip_compress(*document));
    std::lock_guard lock(mutex_);
    entries_.emplace_back(document, compressed);
    return compressed;
  }

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::weak_ptr<const std::string>, std::shared_ptr<const std::string>>>
      entries_;
};

// A cached JSON document, gzip-encoded from the cache when the client accepts it
// (compressing megabytes on every request would cost more than everything else).
Response cached_json(GzipCache& gzip, const Context& ctx,
                     const std::shared_ptr<const std::string>& json) {
  auto encoding = ctx.request.header("accept-encoding");
  bool compress =
      encoding && http::accepts_gzip(*encoding) && json->size() >= http::kMinimumCompressedSize;
  Response response =
      Response::text(compress ? *gzip.get(json) : *json, "application/json; charset=utf-8");
  if (compress) response.add_header("Content-Encoding", "gzip");
  response.add_header("Vary", "Accept-Encoding");
  return response;
}

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

void register_plan_routes(http::Router& router, PlanService& service, GzipCache& gzip) {
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

void register_element_routes(http::Router& router, PlanService& service) {
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

}  // namespace

void register_routes(http::Router& router, PlanService& service) {
  static GzipCache gzip;  // one per process: documents are keyed by identity
  router.add(Method::get, "/api/v1/plans/{id}/tree",
             [&service](Context& ctx) { return tree_response(service, gzip, ctx); });
  register_plan_routes(router, service, gzip);
  register_element_routes(router, service);
}

}  // namespace changwat::plan
