// Moderation of public feedback by the strategy office and admins.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/params.hpp"
#include "modules/portal/api_routes.hpp"
#include "modules/portal/json.hpp"
#include "modules/portal/rules.hpp"

namespace changwat::portal::api {

void add_moderation_routes(http::Router& router, PortalService& service) {
  using http::Method;
  const Message feedback{"ความคิดเห็น", "Feedback"};

  router.add(Method::get, "/api/v1/portal/feedback", [&service](http::Context& ctx) {
    FeedbackStatus status = http::query_enum(ctx.request, "status", parse_feedback_status,
                                             "held, approved, rejected, referred")
                                .value_or(FeedbackStatus::held);
    boost::json::array items;
    for (const Feedback& f :
         service.moderation_queue(ctx.actor, status, http::query_limit(ctx.request, 50, 500),
                                  http::query_offset(ctx.request)))
      items.push_back(feedback_json(f));
    return http::Response::json(boost::json::object{{"items", std::move(items)}});
  });

  router.add(Method::post, "/api/v1/portal/feedback/{id}/moderation",
             [&service, feedback](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", feedback);
               http::JsonBody body(ctx.request);
               auto decision = http::body_enum(body, "decision", parse_decision,
                                               "approve, reject, refer", true);
               auto answer = body.optional_text("answer_th", rules::kAnswerMax * 4);
               std::int64_t version = body.integer("version");
               body.finish();
               return http::Response::json(
                   feedback_json(service.moderate(ctx.actor, id, *decision, answer, version)));
             });

  router.add(
      Method::post, "/api/v1/portal/feedback/{id}/answer",
      [&service, feedback](http::Context& ctx) {
        std::int64_t id = http::path_id(ctx.request, "id", feedback);
        http::JsonBody body(ctx.request);
        std::string answer = body.text("answer_th", rules::kAnswerMax * 4);
        std::int64_t version = body.integer("version");
        body.finish();
        return http::Response::json(feedback_json(service.answer(ctx.actor, id, answer, version)));
      });
}

}  // namespace changwat::portal::api
