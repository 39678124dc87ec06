#include "http/message.hpp"

#include <boost/json/serialize.hpp>
#include <cctype>
#include <stdexcept>

#include "base/enum_names.hpp"

namespace changwat::http {

std::string_view trim_header_space(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// In the declaration order of Method.
constexpr EnumNames<Method, 8> kMethodNames{
    {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "OTHER"}};

std::string_view method_name(Method method) { return kMethodNames.name(method); }

bool is_unsafe(Method method) {
  return method == Method::post || method == Method::put || method == Method::patch ||
         method == Method::delete_;
}

std::optional<std::string_view> Request::header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_case_name) return std::string_view(value);
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query)
    if (key == name) return value;
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  // A request may carry several Cookie headers (HTTP/2 proxies split them).
  for (const auto& [header_name, value] : headers) {
    if (header_name != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t end = rest.find(';');
      std::string_view pair = trim_header_space(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      std::size_t equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (trim_header_space(pair.substr(0, equals)) != name) continue;
      std::string_view cookie_value = trim_header_space(pair.substr(equals + 1));
      if (cookie_value.size() >= 2 && cookie_value.front() == '"' && cookie_value.back() == '"')
        cookie_value = cookie_value.substr(1, cookie_value.size() - 2);
      return std::string(cookie_value);
    }
  }
  return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
  auto found = path_params.find(std::string(name));
  // The route pattern guarantees the parameter, so a miss is a programming error
  // (a handler asking for a name its pattern does not have).
  if (found == path_params.end())
    throw std::logic_error("route has no path parameter '" + std::string(name) + "'");
  return found->second;
}

Response Response::json(const boost::json::value& value, int status) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(value);
  return response;
}

Response Response::text(std::string body, std::string content_type, int status) {
  Response response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

void Response::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (header_name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(header_name[i])) ==
             std::tolower(static_cast<unsigned char>(name[i]));
    if (same) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace changwat::http
