#pragma once
// Reading path and query parameters and enum-valued JSON fields, with the same Thai
// and English validation errors as JSON bodies (code "invalid_input", the parameter
// named in `fields`). Every module's routes use these, so a bad parameter reads the
// same everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/error.hpp"
#include "http/json_body.hpp"
#include "http/message.hpp"

namespace changwat::http {

// A whole decimal number and nothing else (no spaces, no '+', no fraction).
std::optional<std::int64_t> parse_integer(std::string_view text);

// "must be one of: a, b, c", in Thai and English.
Message one_of(std::string_view names);

// Error(validation, "invalid_input") naming one parameter and why.
[[noreturn]] void throw_bad_parameter(std::string_view name, Message why);

// A positive numeric path id. Anything else cannot name a record, so 404 naming
// `what` (e.g. {"แผน", "Plan"}).
std::int64_t path_id(const Request& request, std::string_view name, const Message& what);

// Query parameters. Absent or empty reads as nullopt; anything else must parse, or 400.
std::optional<std::int64_t> query_integer(const Request& request, std::string_view name);
// `limit` (1..max, default `fallback`) and `offset` (>= 0, default 0).
std::int64_t query_limit(const Request& request, std::int64_t fallback, std::int64_t max);
std::int64_t query_offset(const Request& request);
// The `version` a DELETE must carry (the version the caller read).
std::int64_t query_version(const Request& request);

// An enum parameter; `parse` is the module's parse_x(std::string_view) returning
// std::optional<Enum>, `names` the accepted names for the error message.
template <class Parse>
std::invoke_result_t<Parse, std::string_view> query_enum(const Request& request,
                                                         std::string_view name, Parse parse,
                                                         std::string_view names) {
  std::optional<std::string> text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = parse(std::string_view(*text));
  if (!value) throw_bad_parameter(name, one_of(names));
  return value;
}

// An enum field of a JSON body. A bad value is recorded on the body as a field error
// (thrown by JsonBody::finish); absent reads as nullopt, or "is required" if `required`.
template <class Parse>
std::invoke_result_t<Parse, std::string_view> body_enum(JsonBody& body, const char* field,
                                                        Parse parse, std::string_view names,
                                                        bool required = false) {
  constexpr std::size_t kMaxName = 50;
  std::optional<std::string> text = required
                                        ? std::optional<std::string>(body.text(field, kMaxName))
                                        : body.optional_text(field, kMaxName);
  if (!text || text->empty()) return std::nullopt;
  auto value = parse(std::string_view(*text));
  if (!value) body.fail(field, one_of(names));
  return value;
}

}  // namespace changwat::http
