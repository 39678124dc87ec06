#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace changwat::http {
namespace {

Request make_request(Method method, std::string path) {
  Request request;
  request.method = method;
  request.target = path;
  request.path = std::move(path);
  request.request_id = "req-1";
  return request;
}

Response text_handler(std::string text) { return Response::text(std::move(text), "text/plain"); }

boost::json::object error_of(const Response& response) {
  return boost::json::parse(response.body).as_object().at("error").as_object();
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router router;
  router.add(Method::get, "/api/v1/areas/{code}", [](Context& context) {
    return text_handler("area " + context.request.param("code"));
  });
  router.add(Method::get, "/api/v1/plans/{plan}/projects/{project}", [](Context& context) {
    return text_handler(context.request.param("plan") + "/" + context.request.param("project"));
  });
  Request area = make_request(Method::get, "/api/v1/areas/2301");
  EXPECT_EQ(router.dispatch(area).body, "area 2301");
  Request project = make_request(Method::get, "/api/v1/plans/7/projects/42");
  EXPECT_EQ(router.dispatch(project).body, "7/42");
  EXPECT_EQ(project.path_params.at("plan"), "7");
}

TEST(Router, ParameterNeedsANonEmptySegment) {
  Router router;
  router.add(Method::get, "/areas/{code}", [](Context&) { return text_handler("x"); });
  Request empty = make_request(Method::get, "/areas/");
  EXPECT_EQ(router.dispatch(empty).status, 404);
  Request deeper = make_request(Method::get, "/areas/23/01");
  EXPECT_EQ(router.dispatch(deeper).status, 404);
}

TEST(Router, GreedyParameterTakesTheRest) {
  Router router;
  router.add(Method::get, "/files/{path...}",
             [](Context& context) { return text_handler(context.request.param("path")); });
  Request nested = make_request(Method::get, "/files/a/b/c.txt");
  EXPECT_EQ(router.dispatch(nested).body, "a/b/c.txt");
  Request single = make_request(Method::get, "/files/x");
  EXPECT_EQ(router.dispatch(single).body, "x");
  Request nothing = make_request(Method::get, "/files/");
  EXPECT_EQ(router.dispatch(nothing).status, 404);
}

TEST(Router, LiteralBeatsParameterWhateverTheOrder) {
  Router router;
  router.add(Method::get, "/areas/{code}", [](Context&) { return text_handler("param"); });
  router.add(Method::get, "/areas/search", [](Context&) { return text_handler("literal"); });
  Request search = make_request(Method::get, "/areas/search");
  EXPECT_EQ(router.dispatch(search).body, "literal");
  Request code = make_request(Method::get, "/areas/2301");
  EXPECT_EQ(router.dispatch(code).body, "param");
}

TEST(Router, FallsBackToParameterWhenTheLiteralBranchDeadEnds) {
  Router router;
  router.add(Method::get, "/a/{x}/c",
             [](Context& context) { return text_handler("x=" + context.request.param("x")); });
  router.add(Method::get, "/a/b/d", [](Context&) { return text_handler("literal"); });
  Request request = make_request(Method::get, "/a/b/c");
  EXPECT_EQ(router.dispatch(request).body, "x=b");
}

TEST(Router, LiteralPathWithOtherMethodDoesNotHideParameterRoute) {
  Router router;
  router.add(Method::post, "/areas/search", [](Context&) { return text_handler("post"); });
  router.add(Method::get, "/areas/{code}", [](Context&) { return text_handler("get"); });
  Request request = make_request(Method::get, "/areas/search");
  EXPECT_EQ(router.dispatch(request).body, "get");
}

TEST(Router, UnknownPathIs404Json) {
  Router router;
  router.add(Method::get, "/a", [](Context&) { return text_handler("a"); });
  Request request = make_request(Method::get, "/b");
  Response response = router.dispatch(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(error_of(response).at("code").as_string(), "route_not_found");
  EXPECT_EQ(error_of(response).at("request_id").as_string(), "req-1");
}

TEST(Router, KnownPathOtherMethodIs405WithAllow) {
  Router router;
  router.add(Method::get, "/plans/{id}", [](Context&) { return text_handler("get"); });
  router.add(Method::put, "/plans/{id}", [](Context&) { return text_handler("put"); });
  Request request = make_request(Method::delete_, "/plans/3");
  Response response = router.dispatch(request);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow").value_or(""), "GET, HEAD, PUT");
  EXPECT_EQ(error_of(response).at("code").as_string(), "method_not_allowed");
}

TEST(Router, HeadIsServedByGetWithoutBody) {
  Router router;
  router.add(Method::get, "/hello", [](Context&) { return text_handler("hello world"); });
  Request request = make_request(Method::head, "/hello");
  Response response = router.dispatch(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  ASSERT_TRUE(response.head_length.has_value());
  EXPECT_EQ(*response.head_length, std::string("hello world").size());
}

TEST(Router, MiddlewareRunsInOrderAroundTheHandler) {
  Router router;
  std::vector<std::string> trace;
  router.use([&trace](Context& context, const Next& next) {
    trace.push_back("first in");
    Response response = next(context);
    trace.push_back("first out");
    response.add_header("X-First", "1");
    return response;
  });
  router.use([&trace](Context& context, const Next& next) {
    trace.push_back("second in");
    context.actor.address = "seen by second";
    Response response = next(context);
    trace.push_back("second out");
    return response;
  });
  router.add(Method::get, "/x", [&trace](Context& context) {
    trace.push_back("handler " + context.actor.address);
    return text_handler("x");
  });
  Request request = make_request(Method::get, "/x");
  Response response = router.dispatch(request);
  EXPECT_EQ(trace, (std::vector<std::string>{"first in", "second in", "handler seen by second",
                                             "second out", "first out"}));
  EXPECT_EQ(response.header("x-first").value_or(""), "1");
}

TEST(Router, MiddlewareCanAnswerWithoutCallingTheHandler) {
  Router router;
  bool handler_ran = false;
  router.use([](Context&, const Next&) -> Response { throw_unauthenticated(); });
  router.add(Method::get, "/x", [&handler_ran](Context&) {
    handler_ran = true;
    return text_handler("x");
  });
  Request request = make_request(Method::get, "/x");
  Response response = router.dispatch(request);
  EXPECT_EQ(response.status, 401);
  EXPECT_FALSE(handler_ran);
}

TEST(Router, ChangwatErrorBecomesItsStatusWithFields) {
  Router router;
  router.add(Method::post, "/plans", [](Context&) -> Response {
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"title", {"ต้องระบุ", "is required"}}});
  });
  router.add(Method::put, "/plans/{id}", [](Context&) -> Response { throw_stale_version(); });
  Request post = make_request(Method::post, "/plans");
  Response invalid = router.dispatch(post);
  EXPECT_EQ(invalid.status, 400);
  boost::json::object error = error_of(invalid);
  EXPECT_EQ(error.at("message_th").as_string(), "ข้อมูลไม่ถูกต้อง");
  EXPECT_EQ(error.at("fields").at("title").at("th").as_string(), "ต้องระบุ");
  EXPECT_EQ(error.at("fields").at("title").at("en").as_string(), "is required");
  Request put = make_request(Method::put, "/plans/1");
  Response stale = router.dispatch(put);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(error_of(stale).at("code").as_string(), "stale_version");
}

TEST(Router, OtherExceptionsBecome500WithoutInternals) {
  Router router;
  router.add(Method::get, "/boom", [](Context&) -> Response {
    throw std::runtime_error("SELECT password_hash FROM users failed at /var/lib/changwat");
  });
  router.add(Method::get, "/odd", [](Context&) -> Response { throw 42; });
  for (const char* path : {"/boom", "/odd"}) {
    Request request = make_request(Method::get, path);
    Response response = router.dispatch(request);
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(response.body.find("password_hash"), std::string::npos);
    EXPECT_EQ(response.body.find("/var/lib"), std::string::npos);
    boost::json::object error = error_of(response);
    EXPECT_EQ(error.at("code").as_string(), "internal");
    EXPECT_EQ(error.at("request_id").as_string(), "req-1");
    EXPECT_FALSE(error.at("message_th").as_string().empty());
    EXPECT_FALSE(error.at("message_en").as_string().empty());
  }
}

TEST(Router, FallbackGetsUnknownPathsButNot405s) {
  Router router;
  router.add(Method::post, "/api/v1/things", [](Context&) { return text_handler("post"); });
  router.set_fallback(
      [](Context& context) { return text_handler("fallback " + context.request.path); });
  Request unknown = make_request(Method::get, "/plans/5");
  EXPECT_EQ(router.dispatch(unknown).body, "fallback /plans/5");
  Request wrong_method = make_request(Method::get, "/api/v1/things");
  EXPECT_EQ(router.dispatch(wrong_method).status, 405);
}

TEST(Router, LabelsAndLanesFollowTheMatchedRoute) {
  Router router;
  router.add(Method::get, "/api/v1/areas/{code}", [](Context&) { return text_handler("a"); });
  router.add(
      Method::post, "/api/v1/session", [](Context&) { return text_handler("s"); }, Lane::slow);
  router.add(
      Method::get, "/healthz", [](Context&) { return text_handler("ok"); }, Lane::fast);
  Request area = make_request(Method::get, "/api/v1/areas/2301");
  RouteMatch area_match = router.match(area);
  EXPECT_TRUE(area_match.matched());
  EXPECT_EQ(area_match.label(), "/api/v1/areas/{code}");
  EXPECT_EQ(area_match.lane(), Lane::normal);
  EXPECT_EQ(area.path_params.at("code"), "2301");
  Request sign_in = make_request(Method::post, "/api/v1/session");
  EXPECT_EQ(router.match(sign_in).lane(), Lane::slow);
  Request health = make_request(Method::get, "/healthz");
  EXPECT_EQ(router.match(health).lane(), Lane::fast);
  Request wrong_method = make_request(Method::get, "/api/v1/session");
  RouteMatch wrong_match = router.match(wrong_method);
  EXPECT_FALSE(wrong_match.matched());
  EXPECT_EQ(wrong_match.label(), "/api/v1/session");
  EXPECT_EQ(wrong_match.lane(), Lane::normal);
  Request unknown = make_request(Method::get, "/nothing");
  EXPECT_EQ(router.match(unknown).label(), "");
  EXPECT_EQ(router.routes().size(), 3u);
  EXPECT_EQ(router.routes()[1].pattern, "/api/v1/session");
  EXPECT_EQ(router.routes()[2].lane, Lane::fast);
}

TEST(Router, DispatchUsesTheGivenMatch) {
  Router router;
  int calls = 0;
  router.add(Method::get, "/a/{x}", [&calls](Context& context) {
    ++calls;
    return text_handler("x=" + context.request.param("x"));
  });
  Request request = make_request(Method::get, "/a/7");
  RouteMatch match = router.match(request);
  EXPECT_EQ(router.dispatch(request, match).body, "x=7");
  EXPECT_EQ(router.dispatch(request, match).body, "x=7");
  EXPECT_EQ(calls, 2);
}

TEST(Router, FastRouteOnTheIoThreadAnswersOrAsksForAWorker) {
  Router router;
  std::vector<std::string> seen;
  router.use([&seen](Context& context, const Next& next) {
    seen.push_back(context.on_io_thread ? "middleware io" : "middleware worker");
    // Like the session middleware: a cookie means a database lookup.
    if (context.request.header("cookie")) context.require_worker();
    return next(context);
  });
  router.add(
      Method::get, "/cached/{key}",
      [&seen](Context& context) {
        seen.push_back(context.on_io_thread ? "handler io" : "handler worker");
        if (context.request.param("key") == "miss") context.require_worker();
        return text_handler("value");
      },
      Lane::fast);

  Request hit = make_request(Method::get, "/cached/hit");
  std::optional<Response> answered = router.dispatch_on_io_thread(hit, router.match(hit));
  ASSERT_TRUE(answered.has_value());
  EXPECT_EQ(answered->body, "value");
  EXPECT_EQ(seen, (std::vector<std::string>{"middleware io", "handler io"}));

  seen.clear();
  Request miss = make_request(Method::get, "/cached/miss");
  RouteMatch miss_match = router.match(miss);
  EXPECT_FALSE(router.dispatch_on_io_thread(miss, miss_match).has_value());
  // On a worker require_worker() does nothing: the same request is answered.
  EXPECT_EQ(router.dispatch(miss, miss_match).body, "value");
  EXPECT_EQ(seen, (std::vector<std::string>{"middleware io", "handler io", "middleware worker",
                                            "handler worker"}));

  seen.clear();
  Request with_cookie = make_request(Method::get, "/cached/hit");
  with_cookie.headers.emplace_back("cookie", "session=1");
  EXPECT_FALSE(router.dispatch_on_io_thread(with_cookie, router.match(with_cookie)).has_value());
  EXPECT_EQ(seen, (std::vector<std::string>{"middleware io"}));
}

TEST(Router, ErrorsOnTheIoThreadAreAnsweredThere) {
  Router router;
  router.add(
      Method::get, "/bad",
      [](Context&) -> Response {
        throw Error(ErrorKind::not_found, "gone", {"ไม่พบ", "Not found"});
      },
      Lane::fast);
  Request request = make_request(Method::get, "/bad");
  std::optional<Response> answered = router.dispatch_on_io_thread(request, router.match(request));
  ASSERT_TRUE(answered.has_value());
  EXPECT_EQ(answered->status, 404);
  EXPECT_EQ(error_of(*answered).at("code").as_string(), "gone");
}

TEST(Router, RejectsMalformedAndDuplicatePatterns) {
  Router router;
  auto handler = [](Context&) { return text_handler("x"); };
  EXPECT_THROW(router.add(Method::get, "no-slash", handler), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{rest...}/b", handler), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/x{y}", handler), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{}", handler), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{id}/{id}", handler), std::invalid_argument);
  router.add(Method::get, "/a/{id}", handler);
  EXPECT_THROW(router.add(Method::get, "/a/{other}", handler), std::invalid_argument);
  EXPECT_NO_THROW(router.add(Method::post, "/a/{other}", handler));
}

TEST(ErrorResponse, HasTheExactShapeWithEmptyFields) {
  Response response =
      error_response(Error(ErrorKind::forbidden, "forbidden", {"ห้าม", "Forbidden"}), "abc123");
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  boost::json::value parsed = boost::json::parse(response.body);
  ASSERT_EQ(parsed.as_object().size(), 1u);
  const boost::json::object& error = parsed.at("error").as_object();
  EXPECT_EQ(error.size(), 5u);
  EXPECT_EQ(error.at("code").as_string(), "forbidden");
  EXPECT_EQ(error.at("message_th").as_string(), "ห้าม");
  EXPECT_EQ(error.at("message_en").as_string(), "Forbidden");
  EXPECT_TRUE(error.at("fields").as_object().empty());
  EXPECT_EQ(error.at("request_id").as_string(), "abc123");
}

}  // namespace
}  // namespace changwat::http
