#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace changwat::http {

// A registered route; RouteMatch points at these (they never move once added).
struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  Lane lane;
  std::size_t max_body_bytes = 0;
  std::vector<std::string> parameter_names;  // in path order, greedy one last
};

namespace {

// More would be a design smell; a fixed bound keeps matching free of allocation.
constexpr std::size_t kMaxParameters = 16;
constexpr std::size_t kMethodCount = static_cast<std::size_t>(Method::other) + 1;
constexpr std::size_t kEnd = std::string_view::npos;  // past the last path segment

// One node per path position; routes hang on the node where their pattern ends.
struct Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> parameter;                          // {name}: one non-empty segment
  std::unique_ptr<Node> rest;                               // {name...}: everything left, non-empty
  std::array<std::unique_ptr<Route>, kMethodCount> routes;  // by Method
  bool has_routes = false;

  const Route* route_for(Method method) const {
    const Route* route = routes[static_cast<std::size_t>(method)].get();
    if (route == nullptr && method == Method::head)
      route = routes[static_cast<std::size_t>(Method::get)].get();
    return route;
  }
  const Route* any_route() const {
    for (const auto& route : routes)
      if (route) return route.get();
    return nullptr;
  }
};

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

[[noreturn]] void bad_pattern(const std::string& pattern, const std::string& why) {
  throw std::invalid_argument("route pattern '" + pattern + "': " + why);
}

// Depth-first walk over the tree in priority order (literal, then parameter, then
// greedy), straight over the path text: no segment list, no copies. The first node
// that ends the path and has a route for the method wins; a literal branch that
// dead-ends falls back to parameters.
struct Walk {
  Walk(std::string_view path, Method method, std::vector<const Node*>* all_on_path = nullptr)
      : path(path), method(method), all_on_path(all_on_path) {}

  std::string_view path;
  Method method;
  // Every node that ends the path, in priority order (only for the Allow header).
  std::vector<const Node*>* all_on_path;
  std::array<std::string_view, kMaxParameters> values{};
  std::size_t count = 0;
  const Route* route = nullptr;
  const Node* first_on_path = nullptr;

  // `position` is the start of the next segment (just past a '/'), or kEnd.
  bool visit(const Node& node, std::size_t position) {
    if (position == kEnd) {
      if (!node.has_routes) return false;
      if (all_on_path) {
        all_on_path->push_back(&node);
        return false;
      }
      if (!first_on_path) first_on_path = &node;
      route = node.route_for(method);
      return route != nullptr;
    }
    std::size_t slash = path.find('/', position);
    std::string_view segment =
        slash == kEnd ? path.substr(position) : path.substr(position, slash - position);
    std::size_t next = slash == kEnd ? kEnd : slash + 1;
    if (auto found = node.literals.find(segment); found != node.literals.end())
      if (visit(*found->second, next)) return true;
    if (node.parameter && !segment.empty() && count < kMaxParameters) {
      values[count++] = segment;
      if (visit(*node.parameter, next)) return true;
      --count;
    }
    if (node.rest && node.rest->has_routes && count < kMaxParameters) {
      std::string_view remainder = path.substr(position);
      if (!remainder.empty()) {
        values[count++] = remainder;
        if (visit(*node.rest, kEnd)) return true;
        --count;
      }
    }
    return false;
  }

  bool run(const Node& root) {
    if (path.empty() || path.front() != '/') return false;
    return visit(root, 1);
  }
};

Error not_found_error() {
  return Error(ErrorKind::not_found, "route_not_found",
               {"ไม่พบที่อยู่ที่ร้องขอ", "There is nothing at this address"});
}

std::string allow_header(const std::vector<const Node*>& nodes) {
  std::map<std::string_view, bool> names;  // sorted, unique
  for (const Node* node : nodes)
    for (const auto& route : node->routes) {
      if (!route) continue;
      names[method_name(route->method)] = true;
      if (route->method == Method::get) names["HEAD"] = true;
    }
  std::string allow;
  for (const auto& [name, unused] : names) {
    if (!allow.empty()) allow += ", ";
    allow += name;
  }
  return allow;
}

}  // namespace

std::string_view RouteMatch::label() const {
  if (route_) return route_->pattern;
  if (on_path_) return on_path_->pattern;
  return {};
}

Lane RouteMatch::lane() const { return route_ ? route_->lane : Lane::normal; }
std::size_t RouteMatch::max_body_bytes() const { return route_ ? route_->max_body_bytes : 0; }

struct Router::Impl {
  Node root;
  std::vector<Middleware> middleware;
  Handler fallback;
  std::vector<RouteInfo> infos;
  std::size_t largest_body_limit = 0;

  // One step of the middleware chain. `next` captures only a reference to the
  // following step, so std::function keeps it inline (no allocation per request).
  struct Step {
    const Impl* impl;
    const Handler* handler;
    std::size_t index;
  };

  static Response run_chain(const Step& step, Context& context) {
    if (step.index == step.impl->middleware.size()) return (*step.handler)(context);
    Step following{step.impl, step.handler, step.index + 1};
    Next next = [&following](Context& inner) { return run_chain(following, inner); };
    return step.impl->middleware[step.index](context, next);
  }

  Response method_not_allowed(const Request& request) const {
    std::vector<const Node*> nodes;
    Walk walk(request.path, request.method, &nodes);
    walk.run(root);
    Error error(ErrorKind::method_not_allowed, "method_not_allowed",
                {"ที่อยู่นี้ไม่รองรับคำสั่ง " + std::string(method_name(request.method)),
                 "This address does not accept " + std::string(method_name(request.method))});
    Response response = error_response(error, request.request_id);
    response.add_header("Allow", allow_header(nodes));
    return response;
  }

  Response dispatch_unchecked(Request& request, const RouteMatch& match, bool on_io_thread) const {
    Context context{request, Actor{std::nullopt, request.remote_address, request.request_id},
                    std::nullopt, on_io_thread};
    if (match.route_ == nullptr) {
      if (match.on_path_ != nullptr) return method_not_allowed(request);
      if (!fallback) return error_response(not_found_error(), request.request_id);
      return fallback(context);
    }
    return run_chain(Step{this, &match.route_->handler, 0}, context);
  }

  // Runs the request and maps every exception to its response; rethrows only
  // WorkerRequired, which is not a failure.
  Response dispatch_mapped(Request& request, const RouteMatch& match, bool on_io_thread) const {
    Response response;
    try {
      response = dispatch_unchecked(request, match, on_io_thread);
    } catch (const WorkerRequired&) {
      if (on_io_thread) throw;
      // require_worker() only throws on an I/O thread; reaching here is a bug.
      spdlog::error("request {}: WorkerRequired outside an I/O thread", request.request_id);
      response = error_response(internal_error(), request.request_id);
    } catch (const Error& error) {
      if (http_status(error.kind()) >= 500)
        spdlog::error("request {} {} {}: {} ({})", request.request_id, method_name(request.method),
                      request.path, error.code(), error.what());
      response = error_response(error, request.request_id);
    } catch (const std::exception& error) {
      // The real cause stays in the log: it may name tables, files or SQL.
      spdlog::error("request {} {} {} failed: {}", request.request_id, method_name(request.method),
                    request.path, error.what());
      response = error_response(internal_error(), request.request_id);
    } catch (...) {
      spdlog::error("request {} {} {} failed with a non-standard exception", request.request_id,
                    method_name(request.method), request.path);
      response = error_response(internal_error(), request.request_id);
    }
    if (request.method == Method::head) {
      if (!response.head_length) response.head_length = response.body.size();
      response.body.clear();
    }
    return response;
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;

void Router::add(Method method, std::string pattern, Handler handler, Lane lane,
                 std::size_t max_body_bytes) {
  if (method == Method::other) bad_pattern(pattern, "method must be a known one");
  if (!handler) bad_pattern(pattern, "handler is empty");
  if (pattern.empty() || pattern.front() != '/') bad_pattern(pattern, "must start with '/'");
  std::vector<std::string_view> segments = split_path(pattern);
  Node* node = &impl_->root;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    std::string_view segment = segments[i];
    bool braced = segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
    if (!braced) {
      if (segment.find_first_of("{}") != std::string_view::npos)
        bad_pattern(pattern, "braces must enclose a whole segment");
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
      continue;
    }
    std::string_view name = segment.substr(1, segment.size() - 2);
    bool greedy = name.ends_with("...");
    if (greedy) name.remove_suffix(3);
    if (!is_name(name)) bad_pattern(pattern, "parameter names are letters, digits and '_'");
    for (const std::string& existing : names)
      if (existing == name) bad_pattern(pattern, "parameter '" + existing + "' appears twice");
    names.emplace_back(name);
    if (names.size() > kMaxParameters)
      bad_pattern(pattern, "more than " + std::to_string(kMaxParameters) + " parameters");
    std::unique_ptr<Node>& child = greedy ? node->rest : node->parameter;
    if (greedy && i + 1 != segments.size()) bad_pattern(pattern, "{name...} must be last");
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  auto& slot = node->routes[static_cast<std::size_t>(method)];
  if (slot) bad_pattern(pattern, std::string(method_name(method)) + " is already registered here");
  slot = std::make_unique<Route>(
      Route{method, pattern, std::move(handler), lane, max_body_bytes, std::move(names)});
  node->has_routes = true;
  impl_->infos.push_back({method, std::move(pattern), lane, max_body_bytes});
  impl_->largest_body_limit = std::max(impl_->largest_body_limit, max_body_bytes);
}

void Router::use(Middleware middleware) { impl_->middleware.push_back(std::move(middleware)); }

void Router::set_fallback(Handler handler) { impl_->fallback = std::move(handler); }

RouteMatch Router::match(Request& request) const {
  Walk walk(request.path, request.method);
  RouteMatch match;
  request.path_params.clear();
  if (walk.run(impl_->root)) {
    match.route_ = walk.route;
    const std::vector<std::string>& names = walk.route->parameter_names;
    for (std::size_t i = 0; i < names.size(); ++i)
      request.path_params.emplace(names[i], walk.values[i]);
  }
  if (walk.first_on_path) match.on_path_ = walk.first_on_path->any_route();
  return match;
}

Response Router::dispatch(Request& request, const RouteMatch& match) const {
  return impl_->dispatch_mapped(request, match, false);
}

std::optional<Response> Router::dispatch_on_io_thread(Request& request,
                                                      const RouteMatch& match) const {
  try {
    return impl_->dispatch_mapped(request, match, true);
  } catch (const WorkerRequired&) {
    return std::nullopt;  // the caller runs dispatch() on a worker
  }
}

Response Router::dispatch(Request& request) const {
  RouteMatch found = match(request);
  return dispatch(request, found);
}

std::vector<RouteInfo> Router::routes() const { return impl_->infos; }

std::size_t Router::largest_body_limit() const { return impl_->largest_body_limit; }

}  // namespace changwat::http
