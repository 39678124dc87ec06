// /api/v1/procurements/{id}/contract…: instalments (งวดงาน), their inspection, time
// extensions, penalty waivers, penalties and termination (tag Contracts). Every
// write names the procurement's `version` (stale -> 409) and answers the procurement.
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/procurement/api_routes.hpp"
#include "modules/procurement/api_support.hpp"
#include "modules/procurement/json.hpp"
#include "platform/idempotency/idempotency.hpp"

namespace changwat::procurement::api {

void add_contract_routes(http::Router& router, ProcurementService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/procurements/{id}/contract", [&service](http::Context& ctx) {
    auto view = service.get(ctx.actor, procurement_id_of(ctx.request));
    boost::json::object out = contract_json(view.procurement);
    out["procurement_id"] = view.procurement.id;
    out["version"] = view.procurement.version;
    return http::Response::json(out);
  });

  router.add(Method::put, "/api/v1/procurements/{id}/contract/instalments",
             idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
               std::int64_t id = procurement_id_of(ctx.request);
               http::JsonBody body(ctx.request);
               auto version = body.optional_integer("version");
               std::vector<Instalment> instalments;
               if (!body.raw("instalments")) body.fail("instalments", {"ต้องระบุ", "is required"});
               read_optional_list(body, "instalments", 120, [&](http::JsonBody& item) {
                 Instalment instalment;
                 instalment.number = static_cast<int>(item.integer("number"));
                 instalment.due_on = item.text("due_on", 20);
                 instalment.amount_satang = item.integer("amount_satang");
                 instalment.delivered_on = item.optional_text("delivered_on", 20);
                 instalments.push_back(std::move(instalment));
               });
               body.finish();
               return procurement_response(
                   service.set_instalments(ctx.actor, id, std::move(instalments), version));
             }));

  router.add(Method::post, "/api/v1/procurements/{id}/contract/instalments/{number}/inspection",
             idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
               std::int64_t id = procurement_id_of(ctx.request);
               std::int64_t number = http::path_id(ctx.request, "number", {"งวดงาน", "Instalment"});
               http::JsonBody body(ctx.request);
               auto version = body.optional_integer("version");
               InspectionInput input;
               input.inspected_on = body.text("inspected_on", 20);
               input.committee_th = body.text("committee_th", 1000);
               input.accepted = body.boolean("accepted");
               input.note_th = body.optional_text("note_th", 2000);
               input.delivered_on = body.optional_text("delivered_on", 20);
               body.finish();
               return procurement_response(
                   service.inspect(ctx.actor, id, static_cast<int>(number), input, version));
             }));

  router.add(Method::post, "/api/v1/procurements/{id}/contract/events",
             idempotency::idempotent(service.database(), [&service](http::Context& ctx) {
               std::int64_t id = procurement_id_of(ctx.request);
               http::JsonBody body(ctx.request);
               auto version = body.optional_integer("version");
               EventInput input;
               auto kind = http::body_enum(body, "kind", parse_event_kind, kEventKindNames, true);
               if (kind) input.kind = *kind;
               input.on = body.text("on", 20);
               if (auto days = body.optional_integer("days")) {
                 input.days = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 100000));
               }
               input.amount_satang = body.optional_integer("amount_satang");
               input.new_end = body.optional_text("new_end", 20);
               input.reason_th = body.text("reason_th", 2000);
               body.finish();
               return procurement_response(service.add_event(ctx.actor, id, input, version), 201);
             }));
}

}  // namespace changwat::procurement::api
