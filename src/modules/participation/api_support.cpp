#include "modules/participation/api_support.hpp"

#include <charconv>

namespace changwat::participation::api {
namespace {

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

[[noreturn]] void throw_query(const char* name, Message why) {
  throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
              {{name, std::move(why)}});
}

Message one_of(const std::string& names) {
  return {"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: " + names, "must be one of: " + names};
}

constexpr const char* kDimensions = "economy, society, environment, security";
constexpr const char* kSectors = "people, private, civil_society, state";
constexpr const char* kStatuses =
    "pending_moderation, new, accepted, merged, linked, declined, rejected";
constexpr const char* kSwotKinds = "strength, weakness, opportunity, threat";

template <class Enum, class Parse>
std::optional<Enum> query_enum(const http::Request& request, const char* name, Parse parse,
                               const char* names) {
  std::optional<std::string> text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  std::optional<Enum> value = parse(*text);
  if (!value) throw_query(name, one_of(names));
  return value;
}

template <class Enum, class Parse>
std::optional<Enum> body_enum(http::JsonBody& body, const char* field, Parse parse,
                              const char* names, bool required) {
  std::optional<std::string> text =
      required ? std::optional<std::string>(body.text(field, 50)) : body.optional_text(field, 50);
  if (!text || text->empty()) return std::nullopt;
  std::optional<Enum> value = parse(*text);
  if (!value) body.fail(field, one_of(names));
  return value;
}

}  // namespace

std::int64_t path_id(const http::Request& request, const char* name, const Message& what) {
  std::optional<std::int64_t> id = parse_integer(request.param(name));
  if (!id || *id <= 0) throw_not_found(what.th, what.en);
  return *id;
}

std::optional<std::int64_t> query_integer(const http::Request& request, const char* name) {
  std::optional<std::string> text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  std::optional<std::int64_t> value = parse_integer(*text);
  if (!value) throw_query(name, {"ต้องเป็นจำนวนเต็ม", "must be a whole number"});
  return value;
}

std::int64_t query_limit(const http::Request& request, std::int64_t fallback, std::int64_t max) {
  std::int64_t limit = query_integer(request, "limit").value_or(fallback);
  if (limit < 1 || limit > max)
    throw_query("limit", {"ต้องเป็นจำนวนตั้งแต่ 1 ถึง " + std::to_string(max),
                          "must be between 1 and " + std::to_string(max)});
  return limit;
}

std::int64_t query_offset(const http::Request& request) {
  std::int64_t offset = query_integer(request, "offset").value_or(0);
  if (offset < 0) throw_query("offset", {"ต้องไม่ติดลบ", "must not be negative"});
  return offset;
}

std::int64_t query_version(const http::Request& request) {
  std::optional<std::int64_t> version = query_integer(request, "version");
  if (!version)
    throw_query("version", {"ต้องระบุเวอร์ชันของข้อมูลที่อ่านไว้ (?version=)",
                            "is required: the version you read (?version=)"});
  return *version;
}

std::optional<Dimension> query_dimension(const http::Request& request) {
  return query_enum<Dimension>(request, "dimension", parse_dimension, kDimensions);
}

std::optional<Sector> query_sector(const http::Request& request) {
  return query_enum<Sector>(request, "sector", parse_sector, kSectors);
}

std::optional<NeedStatus> query_status(const http::Request& request) {
  return query_enum<NeedStatus>(request, "status", parse_status, kStatuses);
}

Dimension body_dimension(http::JsonBody& body, const char* field) {
  return body_enum<Dimension>(body, field, parse_dimension, kDimensions, true)
      .value_or(Dimension::economy);
}

std::optional<Dimension> body_optional_dimension(http::JsonBody& body, const char* field) {
  return body_enum<Dimension>(body, field, parse_dimension, kDimensions, false);
}

Sector body_sector(http::JsonBody& body, const char* field) {
  return body_enum<Sector>(body, field, parse_sector, kSectors, true).value_or(Sector::people);
}

std::optional<Sector> body_optional_sector(http::JsonBody& body, const char* field) {
  return body_enum<Sector>(body, field, parse_sector, kSectors, false);
}

std::optional<SwotKind> body_optional_swot_kind(http::JsonBody& body, const char* field) {
  return body_enum<SwotKind>(body, field, parse_swot_kind, kSwotKinds, false);
}

}  // namespace changwat::participation::api
