// Routes: national disbursement targets and commitment deadlines.
#include <algorithm>
#include <boost/json.hpp>

#include "modules/action_plan/api_routes.hpp"
#include "modules/action_plan/api_support.hpp"
#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

void add_target_routes(http::Router& router, ActionPlanService& service) {
  router.add(Method::get, "/api/v1/disbursement-targets", [&service](Context& ctx) {
    std::optional<int> fiscal_year;
    if (auto value = http::query_integer(ctx.request, "fiscal_year")) {
      if (*value < 2400 || *value > 2700) {
        http::throw_bad_parameter(
            "fiscal_year", {"ต้องเป็นปี พ.ศ. เช่น 2569", "must be a Buddhist-era year, e.g. 2569"});
      }
      fiscal_year = static_cast<int>(*value);
    }
    TargetsView view = service.targets(fiscal_year);
    boost::json::array items;
    for (const auto& target : view.targets) items.push_back(target_to_json(target));
    boost::json::array deadlines;
    for (const auto& deadline : view.deadlines) deadlines.push_back(deadline_to_json(deadline));
    return Response::json(boost::json::object{{"items", std::move(items)},
                                              {"commitment_deadlines", std::move(deadlines)}});
  });

  router.add(Method::put, "/api/v1/disbursement-targets", [&service](Context& ctx) {
    JsonBody body(ctx.request);
    TargetChange change;
    DisbursementTarget& target = change.target;
    target.fiscal_year =
        static_cast<int>(std::clamp<std::int64_t>(body.integer("fiscal_year"), 0, 9999));
    target.quarter = static_cast<int>(std::clamp<std::int64_t>(body.integer("quarter"), -1, 9));
    if (auto value = http::body_enum(body, "category", parse_target_category,
                                     "overall, current, capital", true)) {
      target.category = *value;
    }
    if (auto value = http::body_enum(body, "base", parse_target_base,
                                     "annual_budget, carry_over, combined", true)) {
      target.base = *value;
    }
    if (auto value =
            http::body_enum(body, "measure", parse_target_measure, "disbursed, committed", true)) {
      target.measure = *value;
    }
    target.percent = body.optional_number("percent");
    target.source = body.optional_text("source", 2000).value_or("");
    target.note = body.optional_text("note", 2000).value_or("");
    change.expected_version = body.optional_integer("version");
    body.finish();
    return Response::json(target_to_json(service.set_target(ctx.actor, change)));
  });
}

}  // namespace changwat::action_plan::api
