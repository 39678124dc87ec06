#include "http/params.hpp"

#include <charconv>

namespace changwat::http {

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

Message one_of(std::string_view names) {
  const std::string list(names);
  return {"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: " + list, "must be one of: " + list};
}

void throw_bad_parameter(std::string_view name, Message why) {
  throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
              {{std::string(name), std::move(why)}});
}

std::int64_t path_id(const Request& request, std::string_view name, const Message& what) {
  std::optional<std::int64_t> id = parse_integer(request.param(name));
  if (!id || *id <= 0) throw_not_found(what.th, what.en);
  return *id;
}

std::optional<std::int64_t> query_integer(const Request& request, std::string_view name) {
  std::optional<std::string> text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  std::optional<std::int64_t> value = parse_integer(*text);
  if (!value) throw_bad_parameter(name, {"ต้องเป็นจำนวนเต็ม", "must be a whole number"});
  return value;
}

std::int64_t query_limit(const Request& request, std::int64_t fallback, std::int64_t max) {
  std::int64_t limit = query_integer(request, "limit").value_or(fallback);
  if (limit < 1 || limit > max)
    throw_bad_parameter("limit", {"ต้องเป็นจำนวนตั้งแต่ 1 ถึง " + std::to_string(max),
                                  "must be between 1 and " + std::to_string(max)});
  return limit;
}

std::int64_t query_offset(const Request& request) {
  std::int64_t offset = query_integer(request, "offset").value_or(0);
  if (offset < 0) throw_bad_parameter("offset", {"ต้องไม่ติดลบ", "must not be negative"});
  return offset;
}

std::int64_t query_version(const Request& request) {
  std::optional<std::int64_t> version = query_integer(request, "version");
  if (!version)
    throw_bad_parameter("version", {"ต้องระบุเวอร์ชันของข้อมูลที่อ่านไว้ (?version=)",
                                    "is required: the version you read (?version=)"});
  return *version;
}

}  // namespace changwat::http
