#include "platform/notifications/api.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"

namespace changwat::notifications {
namespace {

constexpr std::string_view kTopics =
    "directive_assigned, finding_entered, warning, comment_answered";

boost::json::object preferences_json(const Preferences& p) {
  boost::json::array topics;
  for (const TopicChoice& choice : p.topics)
    topics.push_back({{"topic", kTopicNames.name(choice.topic)},
                      {"label_th", kTopicLabels.name(choice.topic)},
                      {"in_app", choice.in_app},
                      {"email", choice.email},
                      {"line", choice.line}});
  return {{"topics", std::move(topics)},          {"email", json_or_null(p.email)},
          {"line_linked", p.line_linked},         {"agency_group_linked", p.agency_group_linked},
          {"email_available", p.email_available}, {"line_available", p.line_available}};
}

}  // namespace

void register_routes(http::Router& router, NotificationService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/notifications", [&service](http::Context& ctx) {
    bool unread_only = ctx.request.query_param("unread").value_or("") == "true";
    Inbox inbox = service.inbox(ctx.actor, unread_only, http::query_limit(ctx.request, 50, 200));
    boost::json::array items;
    for (const InboxItem& item : inbox.items)
      items.push_back({{"id", item.id},
                       {"topic", kTopicNames.name(item.topic)},
                       {"topic_th", kTopicLabels.name(item.topic)},
                       {"subject_th", item.subject_th},
                       {"body_th", item.body_th},
                       {"link", item.link},
                       {"created_at", item.created_at},
                       {"read", item.read_at.has_value()}});
    return http::Response::json(
        boost::json::object{{"items", std::move(items)}, {"unread", inbox.unread}});
  });

  router.add(Method::post, "/api/v1/notifications/{id}/read", [&service](http::Context& ctx) {
    service.mark_read(ctx.actor, http::path_id(ctx.request, "id", {"การแจ้งเตือน", "Notification"}));
    return http::Response::json(boost::json::object{{"read", true}});
  });

  router.add(Method::get, "/api/v1/notifications/preferences", [&service](http::Context& ctx) {
    return http::Response::json(preferences_json(service.preferences(ctx.actor)));
  });

  router.add(Method::put, "/api/v1/notifications/preferences", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    PreferencesInput input;
    http::read_optional_list(body, "topics", 10, [&input](http::JsonBody& item) {
      TopicChoice choice;
      auto topic = http::body_enum(item, "topic", parse_topic, kTopics, true);
      choice.in_app = item.optional_boolean("in_app").value_or(true);
      choice.email = item.optional_boolean("email").value_or(false);
      choice.line = item.optional_boolean("line").value_or(false);
      if (topic) {
        choice.topic = *topic;
        input.topics.push_back(choice);
      }
    });
    input.email_given = body.has("email");
    input.email = body.optional_text("email", 254);
    body.finish();
    return http::Response::json(preferences_json(service.set_preferences(ctx.actor, input)));
  });

  router.add(Method::post, "/api/v1/notifications/line-link", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    bool for_group = body.optional_boolean("for_group").value_or(false);
    body.finish();
    LinkCode code = service.line_link_code(ctx.actor, for_group);
    http::Response response = http::Response::json(
        boost::json::object{
            {"code", code.code}, {"expires_at", code.expires_at}, {"for_group", code.for_group}},
        201);
    response.add_header("Cache-Control", "no-store");
    return response;
  });

  router.add(Method::get, "/api/v1/notifications/deliveries", [&service](http::Context& ctx) {
    DeliveryCounts c = service.delivery_counts(ctx.actor);
    boost::json::object line{{"month", c.month},
                             {"pushes", c.line_pushes},
                             {"quota", c.line_quota},
                             {"quota_reached", c.line_pushes >= c.line_quota}};
    return http::Response::json(boost::json::object{{"pending", c.pending},
                                                    {"sent", c.sent},
                                                    {"failed", c.failed},
                                                    {"over_quota", c.over_quota},
                                                    {"line", std::move(line)}});
  });

  router.add(Method::post, "/api/v1/line/webhook", [&service](http::Context& ctx) {
    std::string signature(ctx.request.header("x-line-signature").value_or(""));
    service.line_webhook(ctx.request.body, signature);
    return http::Response::json(boost::json::object{{"ok", true}});
  });
}

}  // namespace changwat::notifications
