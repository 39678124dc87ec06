// GET /api/v1/search: Thai word search over published needs and plan projects.
#include <boost/json.hpp>

#include "modules/participation/api_routes.hpp"
#include "modules/participation/api_support.hpp"
#include "modules/participation/json.hpp"

namespace changwat::participation::api {

void add_search_routes(http::Router& router, ParticipationService& service) {
  router.add(http::Method::get, "/api/v1/search", [&service](http::Context& ctx) {
    std::string query = ctx.request.query_param("q").value_or("");
    std::int64_t limit = query_limit(ctx.request, 20, 100);
    std::optional<std::int64_t> plan_id = query_integer(ctx.request, "plan_id");
    SearchResult result = service.search(ctx.actor, query, limit, plan_id);

    boost::json::array terms;
    for (const std::string& term : result.terms) terms.emplace_back(term);
    boost::json::array needs;
    for (const Need& need : result.needs.items) {
      boost::json::object item = need_json(need, false);
      item["area"] = area_ref_json(service.areas(), need.area_code);
      needs.push_back(std::move(item));
    }
    boost::json::array projects;
    for (const plan::SearchHit& hit : result.projects)
      projects.push_back({{"element_id", hit.element_id},
                          {"plan_id", hit.plan_id},
                          {"version", hit.version_number},
                          {"code", hit.code},
                          {"text_th", hit.text_th},
                          {"text_en", hit.text_en},
                          {"score", hit.score}});
    return http::Response::json(boost::json::object{
        {"query", result.query},
        {"terms", std::move(terms)},
        {"needs",
         {{"total", result.needs.total},
          {"total_is_exact", result.needs.total_is_exact},
          {"items", std::move(needs)}}},
        {"projects", {{"total", projects.size()}, {"items", std::move(projects)}}},
    });
  });
}

}  // namespace changwat::participation::api
