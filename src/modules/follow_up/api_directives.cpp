// Directives and findings with their answers and evidence files (api/openapi.yaml,
// tag "Follow-up"): JSON in, service call, JSON out.
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/follow_up/api_routes.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/rules.hpp"

namespace changwat::follow_up::api {
namespace {

constexpr std::size_t kUploadLimit = rules::kEvidenceFileMax + 1024u * 1024u;

std::optional<std::int64_t> optional_version(http::JsonBody& body) {
  return body.optional_integer("version");
}

// The media type of an upload without parameters, lower case.
std::string media_type(const http::Request& request) {
  std::string type(http::trim_header_space(request.header("content-type").value_or("")));
  type = std::string(http::trim_header_space(type.substr(0, type.find(';'))));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// ?agency=CODE; an empty value is no filter.
std::optional<std::string> agency_param(const http::Request& request) {
  auto agency = request.query_param("agency");
  if (agency && agency->empty()) agency.reset();
  return agency;
}

// The evidence of a closure: a list of references, or one text.
std::vector<std::string> read_evidence(http::JsonBody& body) {
  std::vector<std::string> evidence;
  const boost::json::value* raw = body.raw("evidence");
  if (!raw || raw->is_null()) return evidence;
  Message why{"ต้องเป็นข้อความหรือรายการข้อความ", "must be a text or a list of texts"};
  if (raw->is_string()) {
    evidence.emplace_back(raw->get_string());
  } else if (raw->is_array() && raw->get_array().size() <= rules::kListMax) {
    for (const auto& item : raw->get_array()) {
      if (!item.is_string()) {
        body.fail("evidence", why);
        return {};
      }
      evidence.emplace_back(item.get_string());
    }
  } else {
    body.fail("evidence", why);
  }
  return evidence;
}

// POST …/{id}/evidence and GET …/{id}/evidence/{file_id} of directives or findings.
void add_evidence_routes(http::Router& router, FollowUpService& service, EvidenceOwner owner,
                         const std::string& base, Message what) {
  router.add(
      http::Method::post, base + "/{id}/evidence",
      [&service, owner, what](http::Context& ctx) {
        std::int64_t id = http::path_id(ctx.request, "id", what);
        EvidenceUpload upload;
        upload.content_type = media_type(ctx.request);
        upload.file_name =
            std::string(http::trim_header_space(ctx.request.header("x-file-name").value_or("")));
        upload.bytes = ctx.request.body;
        return http::Response::json(
            evidence_json(service.add_evidence(ctx.actor, owner, id, upload)), 201);
      },
      http::Lane::normal, kUploadLimit);

  router.add(http::Method::get, base + "/{id}/evidence/{file_id}",
             [&service, owner, what](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", what);
               std::int64_t file_id =
                   http::path_id(ctx.request, "file_id", {"ไฟล์หลักฐาน", "Evidence file"});
               auto [file, bytes] = service.evidence_file(ctx.actor, owner, id, file_id);
               return file_response(std::move(bytes), file.content_type, file.file_name,
                                    file.sha256);
             });
}

}  // namespace

void add_directive_routes(http::Router& router, FollowUpService& service) {
  using http::Method;
  const Message what{"ข้อสั่งการ", "Directive"};

  router.add(Method::get, "/api/v1/directives", [&service](http::Context& ctx) {
    DirectiveFilter filter;
    filter.status =
        http::query_enum(ctx.request, "status", parse_directive_status, kDirectiveStatusNames);
    filter.agency_code = agency_param(ctx.request);
    filter.meeting_id = http::query_integer(ctx.request, "meeting_id");
    bool overdue_only = ctx.request.query_param("overdue").value_or("") == "true";
    boost::json::array items;
    for (const DirectiveView& view : service.directives(ctx.actor, filter, overdue_only))
      items.push_back(directive_view_json(view, false));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/directives", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewDirective input;
    input.meeting_id = body.integer("meeting_id");
    input.text_th = body.text("text_th", rules::kTextMax * 4);
    input.agency_code = body.text("agency", 50);
    input.due_on = body.text("due_on", 10);
    input.element_ids = read_ids(body, "element_ids");
    body.finish();
    Directive directive = service.create_directive(ctx.actor, input);
    return created(directive_json(directive, false),
                   "/api/v1/directives/" + std::to_string(directive.id));
  });

  router.add(Method::get, "/api/v1/directives/{id}", [&service, what](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", what);
    return http::Response::json(directive_view_json(service.directive(ctx.actor, id), true));
  });

  router.add(Method::post, "/api/v1/directives/{id}/updates", [&service, what](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", what);
    http::JsonBody body(ctx.request);
    DirectiveReport input;
    auto status =
        http::body_enum(body, "status", parse_directive_status, kDirectiveStatusNames, true);
    input.note_th = body.optional_text("note_th", rules::kTextMax * 4).value_or("");
    input.expected_version = optional_version(body);
    body.finish();
    input.status = *status;
    return http::Response::json(directive_view_json(service.report(ctx.actor, id, input), true),
                                201);
  });

  add_evidence_routes(router, service, EvidenceOwner::directive, "/api/v1/directives", what);
}

void add_finding_routes(http::Router& router, FollowUpService& service) {
  using http::Method;
  const Message what{"ข้อตรวจพบ", "Finding"};

  router.add(Method::get, "/api/v1/findings", [&service](http::Context& ctx) {
    FindingFilter filter;
    filter.status =
        http::query_enum(ctx.request, "status", parse_finding_status, kFindingStatusNames);
    filter.kind = http::query_enum(ctx.request, "kind", parse_finding_kind, kFindingKindNames);
    filter.agency_code = agency_param(ctx.request);
    boost::json::array items;
    for (const FindingView& view : service.findings(ctx.actor, filter))
      items.push_back(finding_view_json(view, false));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/findings", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewFinding input;
    auto kind = http::body_enum(body, "kind", parse_finding_kind, kFindingKindNames, true);
    input.agency_code = body.text("agency", 50);
    input.element_ids = read_ids(body, "element_ids");
    input.finding_th = body.text("finding_th", rules::kTextMax * 4);
    auto risk = http::body_enum(body, "risk", parse_risk, kRiskNames, true);
    input.recommendation_th = body.text("recommendation_th", rules::kTextMax * 4);
    input.due_on = body.text("due_on", 10);
    body.finish();
    input.kind = *kind;
    input.risk = *risk;
    Finding finding = service.create_finding(ctx.actor, input);
    return created(finding_json(finding, false), "/api/v1/findings/" + std::to_string(finding.id));
  });

  router.add(Method::get, "/api/v1/findings/{id}", [&service, what](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", what);
    return http::Response::json(finding_view_json(service.finding(ctx.actor, id), true));
  });

  router.add(Method::post, "/api/v1/findings/{id}/responses", [&service, what](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", what);
    http::JsonBody body(ctx.request);
    std::string response_th = body.text("response_th", rules::kTextMax * 4);
    auto version = optional_version(body);
    body.finish();
    return http::Response::json(
        finding_view_json(service.respond(ctx.actor, id, response_th, version), true), 201);
  });

  router.add(Method::post, "/api/v1/findings/{id}/closure", [&service, what](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", what);
    http::JsonBody body(ctx.request);
    Closure closure;
    closure.note_th = body.text("note_th", rules::kTextMax * 4);
    closure.evidence = read_evidence(body);
    closure.expected_version = optional_version(body);
    body.finish();
    return http::Response::json(finding_view_json(service.close(ctx.actor, id, closure), true));
  });

  add_evidence_routes(router, service, EvidenceOwner::finding, "/api/v1/findings", what);
}

}  // namespace changwat::follow_up::api
