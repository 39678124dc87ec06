// /api/v1/plans/{id}/kpi-scores: a plan's KPI scores for a fiscal year, rolled up to
// strategies and the province, and the KPIs below their yearly target
// (api/openapi.yaml, tag "KPI results").
#include <boost/json.hpp>
#include <limits>

#include "http/params.hpp"
#include "modules/kpi_results/api_routes.hpp"
#include "modules/kpi_results/json.hpp"

namespace changwat::kpi_results::api {
namespace {

int required_year(const http::Context& ctx) {
  auto year = http::query_integer(ctx.request, "fiscal_year");
  if (!year) http::throw_bad_parameter("fiscal_year", {"ต้องระบุปีงบประมาณ", "is required"});
  if (*year < std::numeric_limits<int>::min() || *year > std::numeric_limits<int>::max())
    http::throw_bad_parameter("fiscal_year",
                              {"ต้องเป็นปีงบประมาณ พ.ศ.", "must be a Buddhist-era fiscal year"});
  return static_cast<int>(*year);
}

}  // namespace

void add_score_routes(http::Router& router, KpiResultsService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/plans/{id}/kpi-scores", [&service](http::Context& ctx) {
    std::int64_t plan_id = http::path_id(ctx.request, "id", {"แผน", "Plan"});
    auto scores = service.plan_scores(ctx.actor, plan_id, required_year(ctx));
    boost::json::object answer = scores_json(*scores);
    boost::json::array below;
    for (const TrajectoryGap& gap : service.below_trajectory(plan_id, scores->fiscal_year))
      below.push_back(gap_json(gap));
    answer["below_target"] = std::move(below);
    return http::Response::json(std::move(answer));
  });
}

}  // namespace changwat::kpi_results::api
