// /api/v1/tourism/communities…, /items, /bookings, /program: JSON in, service call,
// JSON out (api/openapi.yaml, tag Tourism).
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/tourism/api_routes.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"

namespace changwat::tourism::api {
namespace {

const Message kCommunity{"ชุมชน", "Community"};
const Message kItem{"สินค้าหรือกิจกรรม", "Product or experience"};

template <class T, class Convert>
http::Response items_response(const std::vector<T>& values, Convert convert) {
  boost::json::array items;
  for (const auto& value : values) items.push_back(convert(value));
  return http::Response::json(boost::json::object{{"items", std::move(items)}});
}

std::optional<int> optional_int(http::JsonBody& body, const char* field) {
  auto value = body.optional_integer(field);
  if (!value) return std::nullopt;
  return static_cast<int>(std::clamp<std::int64_t>(*value, -1, 100000));
}

Community read_community(http::JsonBody& body) {
  Community c;
  c.area_code = body.text("area_code", 8);
  c.name_th = body.text("name_th", rules::kNameMax * 4);
  c.name_en = body.text("name_en", rules::kNameMax * 4);
  c.story = body.optional_text("story", 5000).value_or("");
  c.contact_phone = body.optional_text("contact_phone", 20);
  c.payee_name = body.text("payee_name", rules::kNameMax * 4);
  c.payee_kind = http::body_enum(body, "payee_kind", parse_payee_kind,
                                 "community_enterprise, otop_group", true)
                     .value_or(PayeeKind::community_enterprise);
  c.promptpay_id = body.optional_text("promptpay_id", 20);
  c.biller_id = body.optional_text("biller_id", 20);
  c.bank_account = body.optional_text("bank_account", 40);
  http::read_object(body, "cbt_scores", [&](http::JsonBody& scores) {
    for (std::size_t i = 0; i < kCbtDimensions.size(); ++i)
      c.cbt_scores[i] = static_cast<int>(scores.integer(std::string(kCbtDimensions[i]).c_str()));
  });
  c.cbt_evidence = body.optional_text("cbt_evidence", 5000).value_or("");
  c.program_member = body.optional_boolean("program_member").value_or(true);
  c.carrying_capacity_per_day = body.integer("carrying_capacity_per_day");
  c.offered_capacity_per_day = body.integer("offered_capacity_per_day");
  c.fund_opening_satang = body.optional_integer("fund_opening_satang").value_or(0);
  c.joined_on = body.optional_text("joined_on", 10).value_or("");
  return c;
}

Item read_item(http::JsonBody& body, std::int64_t community_id, ItemKind kind) {
  Item i;
  i.community_id = community_id;
  i.kind = kind;
  i.name_th = body.text("name_th", rules::kNameMax * 4);
  i.name_en = body.optional_text("name_en", rules::kNameMax * 4);
  i.price_satang = body.integer("price_satang");
  if (kind == ItemKind::product) {
    i.producer_name = body.optional_text("producer_name", rules::kNameMax * 4);
    i.producer_kind = http::body_enum(body, "producer_kind", parse_producer_kind,
                                      "community_group, individual, sme");
    i.otop_group = http::body_enum(body, "otop_group", parse_otop_group,
                                   "food, drink, textile, souvenir, herbal", true);
    i.cdd_group = http::body_enum(body, "cdd_group", parse_cdd_group, "A, B, C, D");
    i.stars = optional_int(body, "stars");
    i.star_round = optional_int(body, "star_round");
    i.standards = body.optional_text_list("standards", 4, 10).value_or(std::vector<std::string>{});
    i.stock = body.optional_integer("stock");
  } else {
    i.duration_minutes = body.optional_integer("duration_minutes");
    i.capacity = body.integer("capacity");
    i.languages = body.optional_text_list("languages", 20, 10).value_or(std::vector<std::string>{});
    i.season_from_month = optional_int(body, "season_from_month");
    i.season_to_month = optional_int(body, "season_to_month");
    i.guide_licence = body.optional_text("guide_licence", 40);
    i.tour_licence_holder = body.optional_text("tour_licence_holder", rules::kNameMax * 4);
  }
  return i;
}

int fiscal_year_parameter(const http::Request& request) {
  auto year = http::query_integer(request, "fiscal_year");
  if (!year)
    http::throw_bad_parameter("fiscal_year",
                              {"ต้องระบุปีงบประมาณ (พ.ศ.)", "is required (Buddhist era)"});
  if (*year < 2400 || *year > 2700)
    http::throw_bad_parameter("fiscal_year", {"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570",
                                              "must be a Buddhist-era year, e.g. 2570"});
  return static_cast<int>(*year);
}

void add_item_kind_routes(http::Router& router, TourismService& service, ItemKind kind,
                          const std::string& path) {
  router.add(http::Method::get, "/api/v1/tourism/communities/{id}/" + path,
             [&service, kind](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", kCommunity);
               return items_response(service.items(id, kind), item_json);
             });
  router.add(http::Method::post, "/api/v1/tourism/communities/{id}/" + path,
             [&service, kind](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", kCommunity);
               http::JsonBody body(ctx.request);
               Item item = read_item(body, id, kind);
               body.finish();
               return http::Response::json(item_json(service.create_item(ctx.actor, item)), 201);
             });
}

}  // namespace

void add_catalog_routes(http::Router& router, TourismService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/tourism/communities", [&service](http::Context&) {
    return items_response(service.communities(), community_json);
  });
  router.add(Method::post, "/api/v1/tourism/communities", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    Community community = read_community(body);
    body.finish();
    return http::Response::json(community_json(service.create_community(ctx.actor, community)),
                                201);
  });
  router.add(Method::get, "/api/v1/tourism/communities/{id}", [&service](http::Context& ctx) {
    return http::Response::json(
        community_json(service.community(http::path_id(ctx.request, "id", kCommunity))));
  });
  add_item_kind_routes(router, service, ItemKind::product, "products");
  add_item_kind_routes(router, service, ItemKind::experience, "experiences");

  router.add(Method::patch, "/api/v1/tourism/items/{id}", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", kItem);
    http::JsonBody body(ctx.request);
    ItemChange change;
    change.version = body.integer("version");
    change.price_satang = body.optional_integer("price_satang");
    change.stock = body.optional_integer("stock");
    change.stars = optional_int(body, "stars");
    change.star_round = optional_int(body, "star_round");
    body.finish();
    return http::Response::json(item_json(service.update_item(ctx.actor, id, change)));
  });

  router.add(Method::get, "/api/v1/tourism/communities/{id}/split-rules",
             [&service](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", kCommunity);
               return items_response(service.split_rules(id), split_rule_json);
             });
  router.add(
      Method::put, "/api/v1/tourism/communities/{id}/split-rules", [&service](http::Context& ctx) {
        std::int64_t id = http::path_id(ctx.request, "id", kCommunity);
        http::JsonBody body(ctx.request);
        std::vector<SplitRule> rules;
        http::read_list(body, "rules", 2, [&](http::JsonBody& item) {
          SplitRule rule;
          rule.applies_to =
              http::body_enum(item, "applies_to", parse_item_kind, "product, experience", true)
                  .value_or(ItemKind::product);
          rule.producer_percent = static_cast<int>(item.integer("producer_percent"));
          rule.guide_percent = static_cast<int>(item.integer("guide_percent"));
          rule.homestay_percent = static_cast<int>(item.integer("homestay_percent"));
          rule.fund_percent = static_cast<int>(item.integer("fund_percent"));
          rules.push_back(rule);
        });
        body.finish();
        return items_response(service.set_split_rules(ctx.actor, id, rules), split_rule_json);
      });

  router.add(Method::get, "/api/v1/tourism/communities/{id}/income",
             [&service](http::Context& ctx) {
               std::int64_t id = http::path_id(ctx.request, "id", kCommunity);
               return http::Response::json(
                   income_json(service.income(id, fiscal_year_parameter(ctx.request))));
             });

  router.add(Method::post, "/api/v1/tourism/bookings", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewBooking booking;
    booking.experience_id = body.integer("experience_id");
    booking.date = body.text("date", 10);
    booking.party_size = body.integer("party_size");
    booking.contact_name = body.text("contact_name", rules::kNameMax * 4);
    booking.contact_phone = body.text("contact_phone", 20);
    body.finish();
    try {
      return http::Response::json(boost::json::object{{"id", service.book(ctx.actor, booking)}},
                                  201);
    } catch (const FullyBooked& full) {
      // The usual error body, plus the places still free that day.
      http::Response response = http::error_response(full, ctx.actor.request_id);
      boost::json::object json = boost::json::parse(response.body).as_object();
      json["remaining_capacity"] = full.remaining();
      json["error"].as_object()["remaining_capacity"] = full.remaining();
      http::Response answer = http::Response::json(json, response.status);
      answer.add_header("Cache-Control", "no-store");
      return answer;
    }
  });

  router.add(Method::get, "/api/v1/tourism/program", [&service](http::Context& ctx) {
    return http::Response::json(
        program_json(service.program(ctx.actor, fiscal_year_parameter(ctx.request))));
  });
}

}  // namespace changwat::tourism::api
