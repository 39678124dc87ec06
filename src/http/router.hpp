#pragma once
// Method + path pattern routing ("/api/v1/areas/{code}"), middleware chain, and the
// single place where changwat::Error becomes an HTTP error response.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "http/message.hpp"

namespace changwat::http {

using Handler = std::function<Response(Context&)>;
using Next = std::function<Response(Context&)>;
using Middleware = std::function<Response(Context&, const Next&)>;

// Where the server runs a route's handler.
enum class Lane {
  // The worker pool: handlers that use the database or may block otherwise.
  normal,
  // A separate small pool at low CPU priority: Argon2id sign-in and password changes,
  // so 50 sign-ins at once never starve ordinary requests.
  slow,
  // The I/O thread that read the request, with no hand-off: for handlers that answer
  // from memory (caches, reference data held in memory, health). The handler and the
  // middleware run with Context::on_io_thread set; before anything that may block
  // they call Context::require_worker(), and the request is run again from the start
  // on the worker pool (e.g. a cache miss, or a session cookie to look up).
  fast,
};

struct RouteInfo {
  Method method;
  std::string pattern;  // as registered, e.g. "/api/v1/areas/{code}"
  Lane lane = Lane::normal;
  std::size_t max_body_bytes = 0;  // 0: the server's limit (ServerOptions)
};

struct Route;

// A request matched against the routes once. The server matches on the I/O thread,
// takes the metrics label and the lane from the match and hands the same match to
// dispatch, wherever that runs.
class RouteMatch {
 public:
  // The matched route's pattern; for a path that exists only with other methods
  // (405), the first such route's pattern; "" when no route has this path.
  std::string_view label() const;
  // The matched route's lane; Lane::normal when no route matched (404, 405 and the
  // fallback run on the worker pool: static files read the disk).
  Lane lane() const;
  bool matched() const { return route_ != nullptr; }
  // The matched route's own body limit when it allows more than the server's (file
  // uploads); 0 otherwise.
  std::size_t max_body_bytes() const;

 private:
  friend class Router;
  const Route* route_ = nullptr;    // the route to run
  const Route* on_path_ = nullptr;  // some route on this path (label, 405)
};

class Router {
 public:
  Router();
  ~Router();
  // Pattern segments are literals or {name}; a final {name...} takes the rest.
  // A literal segment beats a parameter at the same place. Register every route
  // before serving: the router is read concurrently without locks afterwards.
  // A malformed or duplicate pattern throws std::invalid_argument. `max_body_bytes`
  // raises the server's body limit for this route only (file imports); 0 keeps it.
  void add(Method method, std::string pattern, Handler handler, Lane lane = Lane::normal,
           std::size_t max_body_bytes = 0);
  // Middleware runs in the order added, around every matched route.
  void use(Middleware middleware);
  // Requests whose path matches no route go here (static files); default 404.
  void set_fallback(Handler handler);

  // Matches request.path and request.method against the routes and fills
  // request.path_params. Cheap and never blocks: the server calls it once per
  // request on the I/O thread.
  RouteMatch match(Request& request) const;
  // Runs middleware and the matched handler, and turns any exception into an error
  // response: Error -> its status; anything else -> 500 with request id only.
  // Unknown path -> fallback or 404; known path, other method -> 405 with Allow.
  // `match` must come from match(request).
  Response dispatch(Request& request, const RouteMatch& match) const;
  // The same as dispatch for a Lane::fast route on an I/O thread: std::nullopt when
  // the handler or a middleware called Context::require_worker() (the caller then
  // runs dispatch on a worker).
  std::optional<Response> dispatch_on_io_thread(Request& request, const RouteMatch& match) const;
  // match + dispatch, for callers without a server (tests, tools).
  Response dispatch(Request& request) const;
  std::vector<RouteInfo> routes() const;
  // The largest max_body_bytes of any route (0 when none has its own).
  std::size_t largest_body_limit() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The error JSON: {"error":{"code","message_th","message_en","fields",
// "request_id"}}; used by the router and by the server for 413/400 before routing.
Response error_response(const Error& error, const std::string& request_id);
// The error sent for anything that is not a changwat::Error: a generic Thai and
// English message, code "internal"; the real cause goes to the log only.
Error internal_error();

}  // namespace changwat::http
