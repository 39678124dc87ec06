// /api/v1/projects/{element_id}/procurements, /api/v1/procurements/{id} and
// /api/v1/procurement-rules: JSON in, service call, JSON out (tag Procurement).
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/procurement/api_routes.hpp"
#include "modules/procurement/api_support.hpp"
#include "modules/procurement/json.hpp"
#include "platform/idempotency/idempotency.hpp"

namespace changwat::procurement::api {
namespace {

constexpr std::size_t kTextMax = 2000;

std::optional<Satang> optional_satang(http::JsonBody& body, const char* field) {
  return body.optional_integer(field);
}

ProcurementInput read_input(http::JsonBody& body, bool create) {
  ProcurementInput input;
  if (create) {
    if (auto year = body.optional_integer("fiscal_year"))
      input.fiscal_year = static_cast<int>(*year);
  }
  input.title_th = body.optional_text("title_th", 500);
  auto method = http::body_enum(body, "method", parse_method, kMethodNames, true);
  if (method) input.method = *method;
  input.reference_price_satang = body.integer("reference_price_satang");
  input.budget_satang = optional_satang(body, "budget_satang");
  input.method_reason_th = body.optional_text("method_reason_th", kTextMax);
  input.legal_ground = body.optional_text("legal_ground", 200);
  input.egp_project_number = body.optional_text("egp_project_number", 50);
  input.in_e_catalog = body.optional_boolean("in_e_catalog").value_or(false);
  input.multi_year = body.optional_boolean("multi_year").value_or(false);
  input.plan_exempt = body.optional_boolean("plan_exempt").value_or(false);
  input.tor_hearing = body.optional_boolean("tor_hearing");
  input.allocated_on = body.optional_text("allocated_on", 20);
  read_object(body, "stages", [&](http::JsonBody& stages) {
    for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
      std::string key(kStageKeys[i]);
      stage_date(input.stages, i) = stages.optional_text(key.c_str(), 20);
    }
  });
  read_optional_list(body, "bidders", 200, [&](http::JsonBody& item) {
    Bidder bidder;
    bidder.name = item.text("name", 500);
    bidder.tax_id = item.optional_text("tax_id", 20);
    bidder.offered_satang = item.integer("offered_satang");
    input.bidders.push_back(std::move(bidder));
  });
  // The winner as an object (name, price, reason) or just its name.
  const boost::json::value* winner = body.raw("winner");
  if (winner && winner->is_string()) {
    std::string name(winner->get_string());
    if (!name.empty()) input.winner = Winner{name, std::nullopt, 0, ""};
  } else {
    read_object(body, "winner", [&](http::JsonBody& item) {
      Winner chosen;
      chosen.name = item.text("name", 500);
      chosen.tax_id = item.optional_text("tax_id", 20);
      chosen.agreed_satang = item.optional_integer("agreed_satang").value_or(0);
      chosen.reason_th = item.optional_text("reason_th", kTextMax).value_or("");
      input.winner = std::move(chosen);
    });
  }
  input.contract_number = body.optional_text("contract_number", 100);
  input.contract_value_satang = optional_satang(body, "contract_value_satang");
  // A winner named without its price agreed at the contract value.
  if (input.winner && input.winner->agreed_satang == 0 && input.contract_value_satang) {
    input.winner->agreed_satang = *input.contract_value_satang;
  }
  return input;
}

}  // namespace

void add_procurement_routes(http::Router& router, ProcurementService& service) {
  using http::Method;
  auto element_id_of = [](const http::Request& request) {
    return http::path_id(request, "element_id", {"โครงการ", "Project"});
  };

  router.add(Method::get, "/api/v1/projects/{element_id}/procurements",
             [&service, element_id_of](http::Context& ctx) {
               std::int64_t element_id = element_id_of(ctx.request);
               boost::json::array items;
               for (const auto& view : service.list_for_project(ctx.actor, element_id)) {
                 items.push_back(procurement_json(view.procurement, view.deadlines));
               }
               return http::Response::json(boost::json::object{{"items", std::move(items)}});
             });

  router.add(
      Method::post, "/api/v1/projects/{element_id}/procurements",
      idempotency::idempotent(service.database(), [&service, element_id_of](http::Context& ctx) {
        std::int64_t element_id = element_id_of(ctx.request);
        http::JsonBody body(ctx.request);
        ProcurementInput input = read_input(body, true);
        body.finish();
        return procurement_response(service.create(ctx.actor, element_id, input), 201);
      }));

  router.add(Method::get, "/api/v1/procurements/{id}", [&service](http::Context& ctx) {
    return procurement_response(service.get(ctx.actor, procurement_id_of(ctx.request)));
  });

  router.add(Method::put, "/api/v1/procurements/{id}",
             idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
               std::int64_t id = procurement_id_of(ctx.request);
               http::JsonBody body(ctx.request);
               auto version = body.optional_integer("version");
               ProcurementInput input = read_input(body, false);
               body.finish();
               return procurement_response(service.update(ctx.actor, id, input, version));
             }));

  router.add(Method::get, "/api/v1/procurement-rules", [&service](http::Context& ctx) {
    rules::require_reader(ctx.actor);
    boost::json::array items;
    for (const auto& rule : service.rules().rules) {
      items.push_back(
          {{"key", rule.key},
           {"threshold_satang", rule.threshold_satang ? boost::json::value(*rule.threshold_satang)
                                                      : boost::json::value(nullptr)},
           {"working_days", rule.working_days ? boost::json::value(*rule.working_days)
                                              : boost::json::value(nullptr)},
           {"rule_th", rule.rule_th},
           {"rule_en", rule.rule_en},
           {"source", rule.source}});
    }
    return http::Response::json(boost::json::object{{"rules", std::move(items)}});
  });
}

}  // namespace changwat::procurement::api
