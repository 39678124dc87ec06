#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <cctype>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace changwat::http {
namespace {

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  Lane lane;
  std::vector<std::string> parameter_names;  // in path order, greedy one last
};

// One node per path position; routes hang on the node where their pattern ends.
struct Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> parameter;  // {name}: one non-empty segment
  std::unique_ptr<Node> rest;       // {name...}: everything left, non-empty
  std::map<Method, Route> routes;
};

// A node whose pattern matches the whole path, with the captured values.
struct Candidate {
  const Node* node;
  std::vector<std::string> values;
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

// Collects candidates in priority order: literal, then parameter, then greedy.
void collect(const Node& node, const std::vector<std::string_view>& segments, std::size_t index,
             std::vector<std::string>& values, std::vector<Candidate>& out) {
  if (index == segments.size()) {
    if (!node.routes.empty()) out.push_back({&node, values});
    return;
  }
  std::string_view segment = segments[index];
  if (auto found = node.literals.find(segment); found != node.literals.end())
    collect(*found->second, segments, index + 1, values, out);
  if (node.parameter && !segment.empty()) {
    values.emplace_back(segment);
    collect(*node.parameter, segments, index + 1, values, out);
    values.pop_back();
  }
  if (node.rest && !node.rest->routes.empty()) {
    std::string remainder;
    for (std::size_t i = index; i < segments.size(); ++i) {
      if (i > index) remainder += '/';
      remainder += segments[i];
    }
    if (!remainder.empty()) {
      values.push_back(std::move(remainder));
      out.push_back({node.rest.get(), values});
      values.pop_back();
    }
  }
}

Error not_found_error() {
  return Error(ErrorKind::not_found, "route_not_found",
               {"ไม่พบที่อยู่ที่ร้องขอ", "There is nothing at this address"});
}

std::string allow_header(const std::vector<Candidate>& candidates) {
  std::map<std::string_view, bool> names;  // sorted, unique
  for (const Candidate& candidate : candidates)
    for (const auto& [method, route] : candidate.node->routes) {
      names[method_name(method)] = true;
      if (method == Method::get) names["HEAD"] = true;
    }
  std::string allow;
  for (const auto& [name, unused] : names) {
    if (!allow.empty()) allow += ", ";
    allow += name;
  }
  return allow;
}

}  // namespace

struct Router::Impl {
  Node root;
  std::vector<Middleware> middleware;
  Handler fallback;
  std::vector<RouteInfo> infos;

  // The route for this method, or nullptr; `candidates` is filled either way.
  const Route* find(const Request& request, std::vector<Candidate>& candidates,
                    const Candidate** chosen) const {
    std::vector<std::string> values;
    collect(root, split_path(request.path), 0, values, candidates);
    for (const Candidate& candidate : candidates) {
      auto found = candidate.node->routes.find(request.method);
      if (found == candidate.node->routes.end() && request.method == Method::head)
        found = candidate.node->routes.find(Method::get);
      if (found != candidate.node->routes.end()) {
        *chosen = &candidate;
        return &found->second;
      }
    }
    return nullptr;
  }

  Response run_chain(std::size_t index, Context& context, const Handler& handler) const {
    if (index == middleware.size()) return handler(context);
    Next next = [this, index, &handler](Context& inner) {
      return run_chain(index + 1, inner, handler);
    };
    return middleware[index](context, next);
  }

  Response dispatch_unchecked(Request& request) const {
    std::vector<Candidate> candidates;
    const Candidate* chosen = nullptr;
    const Route* route = find(request, candidates, &chosen);
    if (route == nullptr) {
      if (!candidates.empty()) {
        Error error(ErrorKind::method_not_allowed, "method_not_allowed",
                    {"ที่อยู่นี้ไม่รองรับคำสั่ง " + std::string(method_name(request.method)),
                     "This address does not accept " + std::string(method_name(request.method))});
        Response response = error_response(error, request.request_id);
        response.add_header("Allow", allow_header(candidates));
        return response;
      }
      if (!fallback) return error_response(not_found_error(), request.request_id);
      Context context{request, Actor{std::nullopt, request.remote_address, request.request_id},
                      std::nullopt};
      return fallback(context);
    }
    request.path_params.clear();
    for (std::size_t i = 0; i < route->parameter_names.size(); ++i)
      request.path_params[route->parameter_names[i]] = chosen->values[i];
    Context context{request, Actor{std::nullopt, request.remote_address, request.request_id},
                    std::nullopt};
    return run_chain(0, context, route->handler);
  }
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;

void Router::add(Method method, std::string pattern, Handler handler, Lane lane) {
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
    std::unique_ptr<Node>& child = greedy ? node->rest : node->parameter;
    if (greedy && i + 1 != segments.size()) bad_pattern(pattern, "{name...} must be last");
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  if (node->routes.contains(method))
    bad_pattern(pattern, std::string(method_name(method)) + " is already registered here");
  node->routes.emplace(method, Route{method, pattern, std::move(handler), lane, std::move(names)});
  impl_->infos.push_back({method, std::move(pattern)});
}

void Router::use(Middleware middleware) { impl_->middleware.push_back(std::move(middleware)); }

void Router::set_fallback(Handler handler) { impl_->fallback = std::move(handler); }

Response Router::dispatch(Request& request) const {
  Response response;
  try {
    response = impl_->dispatch_unchecked(request);
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

std::string Router::route_label(const Request& request) const {
  std::vector<Candidate> candidates;
  const Candidate* chosen = nullptr;
  if (const Route* route = impl_->find(request, candidates, &chosen)) return route->pattern;
  if (!candidates.empty()) return candidates.front().node->routes.begin()->second.pattern;
  return "";
}

Lane Router::lane(const Request& request) const {
  std::vector<Candidate> candidates;
  const Candidate* chosen = nullptr;
  const Route* route = impl_->find(request, candidates, &chosen);
  return route ? route->lane : Lane::normal;
}

std::vector<RouteInfo> Router::routes() const { return impl_->infos; }

}  // namespace changwat::http
