// The public portal's routes (no sign-in): projects, a project's page, the overview,
// the feedback form, posting feedback and following it by its receipt.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/portal/api_routes.hpp"
#include "modules/portal/json.hpp"
#include "modules/portal/rules.hpp"

namespace changwat::portal::api {
namespace {

const Message kProject{"โครงการ", "Project"};

std::optional<int> query_fiscal_year(const http::Request& request) {
  std::optional<std::int64_t> year = http::query_integer(request, "fiscal_year");
  if (year && (*year < 2500 || *year > 2700))
    http::throw_bad_parameter("fiscal_year",
                              {"ต้องเป็นปีงบประมาณ พ.ศ.", "must be a Buddhist-era fiscal year"});
  return year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
}

// Answers that hold a form token or a receipt are never kept by a cache.
http::Response uncached(http::Response response) {
  response.add_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_public_routes(http::Router& router, PortalService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/public/projects", [&service](http::Context& ctx) {
    auto document = service.projects_document(ctx.request.query_param("district"),
                                              query_fiscal_year(ctx.request));
    return http::Response::text(*document, "application/json; charset=utf-8");
  });

  router.add(Method::get, "/api/v1/public/overview", [&service](http::Context& ctx) {
    return http::Response::json(overview_json(service.overview(query_fiscal_year(ctx.request))));
  });

  router.add(Method::get, "/api/v1/public/projects/{element_id}", [&service](http::Context& ctx) {
    std::int64_t element_id = http::path_id(ctx.request, "element_id", kProject);
    return http::Response::json(page_json(service.project(element_id)));
  });

  router.add(Method::get, "/api/v1/public/projects/{element_id}/feedback/form",
             [&service](http::Context& ctx) {
               std::int64_t element_id = http::path_id(ctx.request, "element_id", kProject);
               FeedbackForm form = service.feedback_form(element_id);
               return uncached(http::Response::json(
                   boost::json::object{{"form_token", form.form_token},
                                       {"min_fill_seconds", form.min_fill_seconds},
                                       {"max_age_seconds", form.max_age_seconds},
                                       {"comment_max", rules::kCommentMax},
                                       {"complaint_notice_th", rules::kComplaintCentreNotice},
                                       {"complaint_url", rules::kComplaintCentreUrl}}));
             });

  router.add(Method::post, "/api/v1/public/projects/{element_id}/feedback",
             [&service](http::Context& ctx) {
               std::int64_t element_id = http::path_id(ctx.request, "element_id", kProject);
               http::JsonBody body(ctx.request);
               FeedbackInput input;
               input.form_token = body.text("form_token", 256);
               input.rating = static_cast<int>(body.integer("rating"));
               input.comment_th =
                   body.optional_text("comment_th", rules::kCommentMax * 4).value_or("");
               body.finish();
               FeedbackReceipt receipt = service.post_feedback(ctx.actor, element_id, input);
               boost::json::object json = follow_json({receipt.feedback, ""});
               json["receipt"] = receipt.receipt;
               return uncached(http::Response::json(json, 202));
             });

  router.add(Method::get, "/api/v1/public/feedback/{receipt}", [&service](http::Context& ctx) {
    std::optional<FeedbackFollow> follow = service.follow(ctx.request.param("receipt"));
    if (!follow) throw_not_found("ใบรับความคิดเห็นนี้", "Receipt");
    return uncached(http::Response::json(follow_json(*follow)));
  });
}

}  // namespace changwat::portal::api
