// Routes of the public needs form (no sign-in) and of its moderation queue.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "modules/participation/api_routes.hpp"
#include "modules/participation/api_support.hpp"
#include "modules/participation/json.hpp"
#include "modules/plan/json.hpp"

namespace changwat::participation::api {
namespace {

const Message kNeed{"ความต้องการนี้", "Need"};

boost::json::array names_of(std::initializer_list<std::string_view> names) {
  boost::json::array list;
  for (std::string_view name : names) list.emplace_back(name);
  return list;
}

}  // namespace

void add_public_form_routes(http::Router& router, ParticipationService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/needs/public/form", [&service](http::Context&) {
    PublicForm form = service.public_form();
    boost::json::array plans;
    for (const plan::Plan& plan : form.plans) plans.push_back(plan::plan_to_json(plan));
    boost::json::object body{
        {"form_token", form.token},
        {"issued_at", form.issued_at},
        {"min_fill_seconds", form.min_fill_seconds},
        {"max_age_seconds", form.max_age_seconds},
        {"honeypot_field", "website"},
        {"limits",
         {{"title", kTitleMax},
          {"description", kDescriptionMax},
          {"name", kNameMax},
          {"phone", kPhoneMax}}},
        {"dimensions", names_of({"economy", "society", "environment", "security"})},
        {"sectors", names_of({"people", "private", "civil_society", "state"})},
        {"plans", std::move(plans)},
    };
    http::Response response = http::Response::json(body);
    // Every load gets its own single-use token.
    response.add_header("Cache-Control", "no-store");
    return response;
  });

  router.add(Method::post, "/api/v1/needs/public", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    PublicNeedInput input;
    input.form_token = body.text("form_token", 256);
    input.honeypot = body.optional_text("website", 500).value_or("");
    input.plan_id = body.optional_integer("plan_id");
    read_need_text(body, input);
    input.contact.name = body.optional_text("name", kNameMax);
    input.contact.phone = body.optional_text("phone", kPhoneMax);
    body.finish();
    // ctx.actor's session (if any) is not used: the service files it anonymously.
    Receipt receipt = service.submit_public(ctx.actor, input);
    return http::Response::json(receipt_json(receipt), 202);
  });

  router.add(Method::get, "/api/v1/needs/public/receipts/{receipt}",
             [&service](http::Context& ctx) {
               std::optional<Receipt> receipt = service.receipt(ctx.request.param("receipt"));
               if (!receipt) throw_not_found("ใบรับเรื่องนี้", "Receipt");
               http::Response response = http::Response::json(receipt_json(*receipt));
               response.add_header("Cache-Control", "no-store");
               return response;
             });

  router.add(Method::get, "/api/v1/needs/moderation", [&service](http::Context& ctx) {
    std::int64_t limit = query_limit(ctx.request, 50, 500);
    std::int64_t offset = query_offset(ctx.request);
    NeedPage page = service.moderation_queue(ctx.actor, limit, offset);
    boost::json::array items;
    for (const Need& need : page.items) {
      boost::json::object item = need_json(need, true);
      item["area"] = area_ref_json(service.areas(), need.area_code);
      items.push_back(std::move(item));
    }
    http::Response response = http::Response::json(boost::json::object{
        {"total", page.total}, {"limit", limit}, {"offset", offset}, {"items", std::move(items)}});
    response.add_header("Cache-Control", "no-store");
    return response;
  });

  router.add(Method::post, "/api/v1/needs/{id}/moderation", [&service](http::Context& ctx) {
    std::int64_t id = path_id(ctx.request, "id", kNeed);
    http::JsonBody body(ctx.request);
    auto [decision, reason, version] = body_decision(body, "decision", 20);
    if (decision != "approve" && decision != "reject")
      body.fail("decision", {"ต้องเป็น approve หรือ reject", "must be approve or reject"});
    body.finish();
    Need need = service.moderate(ctx.actor, id, decision == "approve", reason, version);
    return http::Response::json(need_json(need, true));
  });
}

}  // namespace changwat::participation::api
