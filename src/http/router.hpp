#pragma once
// Method + path pattern routing ("/api/v1/areas/{code}"), middleware chain, and the
// single place where changwat::Error becomes an HTTP error response.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "http/message.hpp"

namespace changwat::http {

using Handler = std::function<Response(Context&)>;
using Next = std::function<Response(Context&)>;
using Middleware = std::function<Response(Context&, const Next&)>;

// Where the server runs a route's handler. Slow work (Argon2id sign-in) gets its own
// small pool so it never starves ordinary requests.
enum class Lane { normal, slow };

struct RouteInfo {
  Method method;
  std::string pattern;  // as registered, e.g. "/api/v1/areas/{code}"
};

class Router {
 public:
  Router();
  ~Router();
  // Pattern segments are literals or {name}; a final {name...} takes the rest.
  // A literal segment beats a parameter at the same place. Register every route
  // before serving: the router is read concurrently without locks afterwards.
  // A malformed or duplicate pattern throws std::invalid_argument.
  void add(Method method, std::string pattern, Handler handler, Lane lane = Lane::normal);
  // Middleware runs in the order added, around every matched route.
  void use(Middleware middleware);
  // Requests whose path matches no route go here (static files); default 404.
  void set_fallback(Handler handler);

  // Matches, runs middleware and the handler, and turns any exception into an
  // error response: Error -> its status; anything else -> 500 with request id only.
  // Unknown path -> 404; known path, other method -> 405 with Allow.
  Response dispatch(Request& request) const;
  // The route pattern matched by a request, for metrics labels ("" if none).
  std::string route_label(const Request& request) const;
  Lane lane(const Request& request) const;
  std::vector<RouteInfo> routes() const;

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
