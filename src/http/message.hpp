#pragma once
// HTTP request/response as plain data. Handlers and modules see only these types;
// Beast stays inside src/http/server*.cpp.
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/principal.hpp"

namespace changwat::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

std::string_view method_name(Method method);  // "GET", ...
// A header value without the spaces and tabs around it (RFC 9110 "OWS").
std::string_view trim_header_space(std::string_view text);
bool is_unsafe(Method method);  // POST, PUT, PATCH, DELETE

struct Request {
  Method method = Method::get;
  std::string target;                                        // raw, e.g. "/api/v1/plans?x=1"
  std::string path;                                          // percent-decoded path without query
  std::vector<std::pair<std::string, std::string>> query;    // decoded
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool secure = false;                             // behind TLS (X-Forwarded-Proto: https)
  std::map<std::string, std::string> path_params;  // filled by the router

  std::optional<std::string_view> header(std::string_view lower_case_name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  // A path parameter the route pattern guarantees, e.g. "{code}" -> param("code").
  const std::string& param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // HEAD only: the length the GET body has; the router empties `body` and the
  // server sends this as Content-Length.
  std::optional<std::size_t> head_length;

  static Response json(const boost::json::value& value, int status = 200);
  static Response text(std::string body, std::string content_type, int status = 200);
  static Response no_content();  // 204
  void add_header(std::string name, std::string value);
  // First header with this name, compared without regard to case.
  std::optional<std::string_view> header(std::string_view name) const;
};

// Thrown by Context::require_worker(); the router catches it. Not a std::exception,
// so handlers' own `catch (const std::exception&)` never mistake it for a failure.
struct WorkerRequired {};

// Everything a handler gets: the request and who is calling.
struct Context {
  Request& request;
  Actor actor;
  // Set by the auth middleware for sign-in responses that start a session.
  std::optional<std::string> csrf_token;
  // True while a Lane::fast route runs on an I/O thread, where nothing may block.
  bool on_io_thread = false;

  // Call before anything that may block (database, disk, Argon2id) in a handler or
  // middleware that a Lane::fast route runs. On an I/O thread it abandons this run,
  // which must not have changed anything yet, and the server runs the request again
  // from the start on the worker pool; on a worker it does nothing.
  void require_worker() const {
    if (on_io_thread) throw WorkerRequired{};
  }
};

}  // namespace changwat::http
