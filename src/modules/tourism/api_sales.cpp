// /api/v1/tourism/sales…: the managers' phones send sales here (replayable by
// device and sequence), read the PromptPay payload and confirm payments.
#include <boost/json.hpp>

#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/tourism/api_routes.hpp"
#include "modules/tourism/json.hpp"
#include "modules/tourism/rules.hpp"

namespace changwat::tourism::api {
namespace {

const Message kSale{"รายการขาย", "Sale"};
// Sales one request may carry: a day at a busy stall, sent in a few requests.
constexpr std::size_t kMaxBatch = 200;

NewSale read_sale(http::JsonBody& body) {
  NewSale sale;
  sale.device_id = body.text("device_id", 100);
  sale.sequence = body.integer("sequence");
  sale.sold_at = body.text("sold_at", 40);
  http::read_list(body, "lines", rules::kMaxLines, [&](http::JsonBody& item) {
    SaleLine line;
    bool product = item.has("product_id"), experience = item.has("experience_id");
    if (product == experience) {
      item.fail("product_id", {"ต้องระบุ product_id หรือ experience_id อย่างใดอย่างหนึ่ง",
                               "give exactly one of product_id and experience_id"});
    } else {
      line.kind = product ? ItemKind::product : ItemKind::experience;
      line.item_id = item.integer(product ? "product_id" : "experience_id");
    }
    line.quantity = item.integer("quantity");
    line.unit_price_satang = item.integer("unit_price_satang");
    sale.lines.push_back(line);
  });
  sale.previous_hash = body.text("previous_hash", 64);
  sale.receipt_hash = body.text("receipt_hash", 200);
  return sale;
}

}  // namespace

void add_sale_routes(http::Router& router, TourismService& service) {
  using http::Method;
  router.add(Method::post, "/api/v1/tourism/sales", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    NewSale sale = read_sale(body);
    body.finish();
    RecordedSale recorded = service.record_sale(ctx.actor, sale);
    return http::Response::json(sale_receipt_json(recorded.sale), recorded.replayed ? 200 : 201);
  });

  router.add(Method::post, "/api/v1/tourism/sales/batch", [&service](http::Context& ctx) {
    http::JsonBody body(ctx.request);
    std::vector<NewSale> sales;
    http::read_list(body, "sales", kMaxBatch,
                    [&](http::JsonBody& item) { sales.push_back(read_sale(item)); });
    body.finish();
    boost::json::array results;
    for (const SaleOutcome& outcome : service.record_sales(ctx.actor, sales)) {
      if (outcome.recorded) {
        boost::json::object result = sale_receipt_json(outcome.recorded->sale);
        result["status"] = outcome.recorded->replayed ? 200 : 201;
        results.push_back(std::move(result));
      } else {
        // The usual error body of that sale, with the status it would have had alone.
        const Error& error = *outcome.error;
        boost::json::object result =
            boost::json::parse(http::error_response(error, ctx.actor.request_id).body).as_object();
        result["status"] = http_status(error.kind());
        results.push_back(std::move(result));
      }
    }
    return http::Response::json(boost::json::object{{"results", std::move(results)}});
  });

  router.add(Method::get, "/api/v1/tourism/communities/{id}/sales", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", {"ชุมชน", "Community"});
    SalePage page = service.sales(ctx.actor, id, http::query_limit(ctx.request, 50, 500),
                                  http::query_offset(ctx.request));
    boost::json::array items;
    for (const Sale& sale : page.sales) items.push_back(sale_json(sale));
    return http::Response::json(boost::json::object{{"items", std::move(items)},
                                                    {"total_sales", page.total_sales},
                                                    {"total_satang", page.total_satang}});
  });

  router.add(Method::get, "/api/v1/tourism/sales/{id}", [&service](http::Context& ctx) {
    return http::Response::json(
        sale_json(service.sale(ctx.actor, http::path_id(ctx.request, "id", kSale))));
  });

  router.add(Method::get, "/api/v1/tourism/sales/{id}/promptpay", [&service](http::Context& ctx) {
    auto qr = service.promptpay(ctx.actor, http::path_id(ctx.request, "id", kSale));
    return http::Response::json(
        boost::json::object{{"payload", qr.payload}, {"amount_satang", qr.amount_satang}});
  });

  router.add(Method::post, "/api/v1/tourism/sales/{id}/payment", [&service](http::Context& ctx) {
    std::int64_t id = http::path_id(ctx.request, "id", kSale);
    http::JsonBody body(ctx.request);
    std::string reference = body.text("reference", 100);
    body.finish();
    return http::Response::json(sale_json(service.verify_payment(ctx.actor, id, reference)));
  });
}

}  // namespace changwat::tourism::api
