// /api/v1/health/chains, /board, /report-506.csv (api/openapi.yaml, tag Health).
#include <boost/json.hpp>

#include "http/params.hpp"
#include "modules/health/api_routes.hpp"

namespace changwat::health::api {
namespace {

template <class Key>
boost::json::object counts_json(const std::vector<std::pair<Key, std::int64_t>>& counts) {
  boost::json::object out;
  for (const auto& [key, count] : counts) {
    if constexpr (std::is_same_v<Key, std::string>)
      out[key] = count;
    else
      out[to_string(key)] = count;
  }
  return out;
}

}  // namespace

void add_report_routes(http::Router& router, HealthService& service) {
  using http::Method;
  router.add(Method::get, "/api/v1/health/chains", [&service](http::Context& ctx) {
    Chain chain = service.chain(ctx.actor, http::query_integer(ctx.request, "cluster"),
                                ctx.request.query_param("from"));
    boost::json::array nodes;
    for (const auto& node : chain.nodes) {
      boost::json::object out{{"id", node.id},
                              {"kind", node.kind},
                              {"record_id", node.record_id},
                              {"label", node.label}};
      out["classification"] = node.classification
                                  ? boost::json::value(std::string(to_string(*node.classification)))
                                  : boost::json::value(nullptr);
      out["status"] = node.status ? boost::json::value(std::string(to_string(*node.status)))
                                  : boost::json::value(nullptr);
      nodes.push_back(std::move(out));
    }
    boost::json::array edges;
    for (const auto& edge : chain.edges)
      edges.push_back({{"from", edge.from}, {"to", edge.to}, {"kind", edge.kind}});
    return http::Response::json(boost::json::object{
        {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"truncated", chain.truncated}});
  });

  router.add(Method::get, "/api/v1/health/board", [&service](http::Context& ctx) {
    std::string date = query_date(ctx.request, "date");
    Board board = service.board(ctx.actor, date, http::query_integer(ctx.request, "outbreak"));
    boost::json::object cases_by_class;
    for (const char* name : {"pui", "suspect", "probable", "confirmed", "not_a_case"})
      cases_by_class[name] = 0;
    for (const auto& [key, count] : board.cases_by_class) cases_by_class[to_string(key)] = count;
    return http::Response::json(
        boost::json::object{{"date", board.date},
                            {"outbreak_id", board.outbreak_id},
                            {"cases_by_class", std::move(cases_by_class)},
                            {"new_cases_by_class", counts_json(board.new_cases_by_class)},
                            {"local_cases", board.local_cases},
                            {"imported_cases", board.imported_cases},
                            {"contacts_under_follow_up", board.contacts_under_follow_up},
                            {"seen_today", board.seen_today},
                            {"seen_today_percent", board.seen_today_percent},
                            {"not_seen_alert", board.not_seen_alert},
                            {"zero_case_streak_days", counts_json(board.zero_case_streak_days)},
                            {"zero_case_goal_days", board.zero_case_goal_days},
                            {"screenings_today", board.screenings_today},
                            {"notices_overdue", board.notices_overdue}});
  });

  router.add(Method::get, "/api/v1/health/report-506.csv", [&service](http::Context& ctx) {
    std::string from = query_date(ctx.request, "from");
    std::string to = query_date(ctx.request, "to");
    std::string csv =
        service.report_506(ctx.actor, from, to, http::query_integer(ctx.request, "outbreak"));
    http::Response response = http::Response::text(std::move(csv), "text/csv; charset=utf-8");
    response.add_header("Content-Disposition", "attachment; filename=\"report-506.csv\"");
    return response;
  });
}

}  // namespace changwat::health::api
