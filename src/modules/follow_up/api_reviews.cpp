// The yearly review (api/openapi.yaml, tag "Follow-up"): the review pack, the
// strategy office's notes, and the plan revision it starts.
#include <boost/json.hpp>

#include "http/json_lists.hpp"
#include "http/params.hpp"
#include "modules/follow_up/api_routes.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/rules.hpp"

namespace changwat::follow_up::api {
namespace {

int fiscal_year_of(const http::Context& ctx) {
  auto found = ctx.request.path_params.find("fiscal_year");
  auto year =
      found == ctx.request.path_params.end() ? std::nullopt : http::parse_integer(found->second);
  if (!year || *year < 2500 || *year > 2700)
    http::throw_bad_parameter("fiscal_year", {"ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2569",
                                              "must be a Buddhist-era fiscal year, e.g. 2569"});
  return static_cast<int>(*year);
}

}  // namespace

void add_review_routes(http::Router& router, FollowUpService& service) {
  using http::Method;

  router.add(Method::get, "/api/v1/reviews/{fiscal_year}", [&service](http::Context& ctx) {
    return http::Response::json(review_json(service.review(ctx.actor, fiscal_year_of(ctx))));
  });

  router.add(Method::put, "/api/v1/reviews/{fiscal_year}", [&service](http::Context& ctx) {
    int year = fiscal_year_of(ctx);
    http::JsonBody body(ctx.request);
    ReviewInput input;
    input.lessons_th = body.text("lessons_th", rules::kTextMax * 8);
    input.proposed_changes =
        body.optional_text_list("proposed_changes", rules::kListMax, rules::kTextMax * 4)
            .value_or(std::vector<std::string>{});
    input.expected_version = body.optional_integer("version").value_or(0);
    body.finish();
    return http::Response::json(
        review_notes_json(service.set_review_notes(ctx.actor, year, input)));
  });

  router.add(Method::post, "/api/v1/reviews/{fiscal_year}/revision",
             [&service](http::Context& ctx) {
               RevisionStarted started = service.start_revision(ctx.actor, fiscal_year_of(ctx));
               return http::Response::json(
                   boost::json::object{
                       {"plan_id", started.plan_id},
                       {"version", started.version.number},
                       {"status", "draft"},
                       {"based_on", started.version.based_on
                                        ? boost::json::value(*started.version.based_on)
                                        : boost::json::value(nullptr)},
                       {"note", started.version.note ? boost::json::value(*started.version.note)
                                                     : boost::json::value(nullptr)}},
                   201);
             });
}

}  // namespace changwat::follow_up::api
