// Routes: month-end positions (entry per month, one project's months, file import).
#include <boost/json.hpp>

#include "http/router.hpp"
#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"
#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

namespace {

// The import error with every bad row next to the usual error fields.
Response import_error(const ImportRejected& rejected, const std::string& request_id) {
  Response response = http::error_response(rejected, request_id);
  boost::json::value body = boost::json::parse(response.body);
  boost::json::array rows;
  for (const auto& row : rejected.rows()) {
    rows.push_back(boost::json::object{{"row", row.row},
                                       {"column", row.column},
                                       {"message_th", row.message.th},
                                       {"message_en", row.message.en}});
  }
  auto& error = body.as_object()["error"].as_object();
  error["rows"] = std::move(rows);
  error["row_count"] = rejected.total();
  response.body = boost::json::serialize(body);
  return response;
}

}  // namespace

void add_position_routes(http::Router& router, ActionPlanService& service) {
  router.add(Method::put, "/api/v1/action-plans/{id}/projects/{element_id}/positions/{month}",
             [&service](Context& ctx) {
               Month month = month_of(ctx.request);
               JsonBody body(ctx.request);
               PositionInput input;
               input.month = month;
               input.gfmis_code = body.optional_text("gfmis_code", kMaxGfmisCode);
               input.po_outstanding = body.integer("po_outstanding_satang");
               input.disbursed_to_date = body.integer("disbursed_to_date_satang");
               body.finish();
               std::int64_t id = plan_id_of(ctx.request);
               PositionResult result =
                   service.set_position(ctx.actor, id, element_id_of(ctx.request), input);
               const LineBook* line = result.book->line(result.gfmis_code);
               Satang allocated = line ? line->line.allocated : 0;
               boost::json::object json = position_to_json(result.position, result.gfmis_code);
               json["element_id"] = result.book->project.element_id;
               json["disbursed_in_month_satang"] = result.disbursed_in_month;
               json["allocated_satang"] = allocated;
               json["remaining_satang"] = allocated - result.position.used();
               json["carry_over"] = fiscal_offset(month, result.fiscal_year) >= 12;
               return Response::json(json);
             });

  router.add(Method::get, "/api/v1/action-plans/{id}/projects/{element_id}/positions",
             [&service](Context& ctx) {
               std::int64_t element_id = element_id_of(ctx.request);
               auto view =
                   service.project_positions(ctx.actor, plan_id_of(ctx.request), element_id);
               const ProjectBook* book = view.ledger->find(element_id);
               return Response::json(positions_to_json(*book, meta_of(*view.index, book->project),
                                                       view.ledger->header.fiscal_year));
             });

  router.add(
      Method::post, "/api/v1/action-plans/{id}/positions/import",
      [&service](Context& ctx) {
        std::string content_type(ctx.request.header("content-type").value_or(""));
        try {
          ImportResult result = service.import_positions(ctx.actor, plan_id_of(ctx.request),
                                                         ctx.request.body, content_type);
          return Response::json(
              boost::json::object{{"imported", result.imported}, {"layout", result.layout}});
        } catch (const ImportRejected& rejected) {
          // Answered here rather than by the router: the rows are part of the error.
          return import_error(rejected, ctx.request.request_id);
        }
      },
      http::Lane::normal, kImportBodyLimit);
}

}  // namespace changwat::action_plan::api
