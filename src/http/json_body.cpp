#include "http/json_body.hpp"

#include <boost/json/parse.hpp>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>

#include "http/json_kind.hpp"
#include "http/utf8.hpp"

namespace changwat::http {
namespace {

Message required() { return {"ต้องระบุ", "is required"}; }
Message must_be_text() { return {"ต้องเป็นข้อความ", "must be text"}; }
Message must_not_be_empty() { return {"ต้องไม่เว้นว่าง", "must not be empty"}; }
Message invalid_utf8() {
  return {"มีอักขระที่ไม่ถูกต้อง (ไม่ใช่ UTF-8)", "contains characters that are not valid UTF-8"};
}
Message control_characters() {
  return {"มีอักขระควบคุมที่ไม่อนุญาต", "contains control characters that are not allowed"};
}
Message too_long(std::size_t max_chars) {
  std::string n = std::to_string(max_chars);
  return {"ยาวได้ไม่เกิน " + n + " ตัวอักษร", "must be at most " + n + " characters"};
}
Message must_be_whole_number() { return {"ต้องเป็นจำนวนเต็ม", "must be a whole number"}; }
Message out_of_range() { return {"ตัวเลขมีค่าเกินช่วงที่รองรับ", "is out of the supported range"}; }
Message must_be_number() { return {"ต้องเป็นตัวเลข", "must be a number"}; }
Message must_be_finite() { return {"ต้องเป็นตัวเลขที่มีค่าจำกัด", "must be a finite number"}; }
Message must_be_boolean() { return {"ต้องเป็นค่าจริงหรือเท็จ (true/false)", "must be true or false"}; }
Message must_be_list() { return {"ต้องเป็นรายการข้อความ", "must be a list of text"}; }
Message too_many_items(std::size_t max_items) {
  std::string n = std::to_string(max_items);
  return {"มีได้ไม่เกิน " + n + " รายการ", "must have at most " + n + " items"};
}
Message unknown_field() { return {"ไม่รู้จักช่องข้อมูลนี้", "is not a known field"}; }
Message in_item(std::size_t index, const Message& why) {
  std::string n = std::to_string(index + 1);
  return {"รายการที่ " + n + ": " + why.th, "item " + n + ": " + why.en};
}

bool is_json_media_type(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  if (media.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < media.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(media[i])) != kJson[i]) return false;
  return true;
}

boost::json::object parse_object(const Request& request) {
  std::optional<std::string_view> content_type = request.header("content-type");
  if (!content_type || !is_json_media_type(*content_type))
    throw Error(ErrorKind::unsupported_media_type, "unsupported_media_type",
                {"ต้องส่งข้อมูลเป็น JSON (Content-Type: application/json)",
                 "Send the body as JSON (Content-Type: application/json)"});
  boost::json::error_code error;
  boost::json::value value = boost::json::parse(request.body, error);
  if (error)
    throw Error(ErrorKind::validation, "malformed_json",
                {"ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง", "The request body is not valid JSON"});
  if (!value.is_object())
    throw Error(
        ErrorKind::validation, "body_not_object",
        {"ข้อมูลที่ส่งมาต้องเป็นออบเจ็กต์ JSON ({...})", "The request body must be a JSON object ({...})"});
  return std::move(value.as_object());
}

// Checks and trims one string; returns nullopt with `why` set on a problem.
std::optional<std::string> checked_text(const boost::json::value& value, std::size_t max_chars,
                                        Message& why) {
  if (!value.is_string()) {
    why = must_be_text();
    return std::nullopt;
  }
  std::string_view raw(value.as_string().data(), value.as_string().size());
  if (!utf8::count_code_points(raw)) {
    why = invalid_utf8();
    return std::nullopt;
  }
  std::string_view trimmed = utf8::trim(raw);
  if (utf8::has_control_characters(trimmed)) {
    why = control_characters();
    return std::nullopt;
  }
  if (*utf8::count_code_points(trimmed) > max_chars) {
    why = too_long(max_chars);
    return std::nullopt;
  }
  return std::string(trimmed);
}

}  // namespace

JsonBody::JsonBody(const Request& request) : owned_(parse_object(request)), object_(&owned_) {}

JsonBody::JsonBody(const boost::json::object& object) : object_(&object) {}

const boost::json::value* JsonBody::get(const char* field) {
  read_.insert(field);
  const boost::json::value* value = object_->if_contains(field);
  if (value == nullptr || value->is_null()) return nullptr;
  return value;
}

std::string JsonBody::text(const char* field, std::size_t max_chars) {
  const boost::json::value* value = get(field);
  if (value == nullptr) {
    fail(field, required());
    return "";
  }
  Message why;
  std::optional<std::string> text = checked_text(*value, max_chars, why);
  if (!text) {
    fail(field, std::move(why));
    return "";
  }
  if (text->empty()) fail(field, must_not_be_empty());
  return std::move(*text);
}

std::optional<std::string> JsonBody::optional_text(const char* field, std::size_t max_chars) {
  const boost::json::value* value = get(field);
  if (value == nullptr) return std::nullopt;
  Message why;
  std::optional<std::string> text = checked_text(*value, max_chars, why);
  if (!text) {
    fail(field, std::move(why));
    return std::nullopt;
  }
  if (text->empty()) return std::nullopt;
  return text;
}

std::int64_t JsonBody::integer(const char* field) {
  if (get(field) == nullptr) {
    fail(field, required());
    return 0;
  }
  return optional_integer(field).value_or(0);
}

std::optional<std::int64_t> JsonBody::optional_integer(const char* field) {
  const boost::json::value* value = get(field);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64()) return value->get_int64();
  if (value->is_uint64()) {
    fail(field, out_of_range());
    return std::nullopt;
  }
  if (value->is_double()) {
    double number = value->get_double();
    // 2^63 is exactly representable; anything at or above it does not fit.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(number) || number >= kLimit || number < -kLimit) {
      fail(field, out_of_range());
      return std::nullopt;
    }
    if (std::trunc(number) != number) {
      fail(field, must_be_whole_number());
      return std::nullopt;
    }
    return static_cast<std::int64_t>(number);
  }
  fail(field, must_be_whole_number());
  return std::nullopt;
}

double JsonBody::number(const char* field) {
  if (get(field) == nullptr) {
    fail(field, required());
    return 0;
  }
  return optional_number(field).value_or(0);
}

std::optional<double> JsonBody::optional_number(const char* field) {
  const boost::json::value* value = present_as(
      *this, field, [](const boost::json::value& v) { return v.is_number(); }, must_be_number());
  if (value == nullptr) return std::nullopt;
  double number = value->to_number<double>();
  if (!std::isfinite(number)) {
    fail(field, must_be_finite());
    return std::nullopt;
  }
  return number;
}

bool JsonBody::boolean(const char* field) {
  if (get(field) == nullptr) {
    fail(field, required());
    return false;
  }
  return optional_boolean(field).value_or(false);
}

std::optional<bool> JsonBody::optional_boolean(const char* field) {
  const boost::json::value* value = present_as(
      *this, field, [](const boost::json::value& v) { return v.is_bool(); }, must_be_boolean());
  if (value == nullptr) return std::nullopt;
  return value->get_bool();
}

std::vector<std::string> JsonBody::text_list(const char* field, std::size_t max_items,
                                             std::size_t max_chars) {
  if (get(field) == nullptr) {
    fail(field, required());
    return {};
  }
  return optional_text_list(field, max_items, max_chars).value_or(std::vector<std::string>{});
}

std::optional<std::vector<std::string>> JsonBody::optional_text_list(const char* field,
                                                                     std::size_t max_items,
                                                                     std::size_t max_chars) {
  const boost::json::value* value = present_as(
      *this, field, [](const boost::json::value& v) { return v.is_array(); }, must_be_list());
  if (value == nullptr) return std::nullopt;
  const boost::json::array& array = value->get_array();
  if (array.size() > max_items) {
    fail(field, too_many_items(max_items));
    return std::nullopt;
  }
  std::vector<std::string> items;
  items.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    Message why;
    std::optional<std::string> item = checked_text(array[i], max_chars, why);
    if (item && item->empty()) why = must_not_be_empty();
    if (!item || item->empty()) {
      fail(field, in_item(i, why));
      return std::nullopt;
    }
    items.push_back(std::move(*item));
  }
  return items;
}

const boost::json::value* JsonBody::raw(const char* field) {
  read_.insert(field);
  return object_->if_contains(field);
}

bool JsonBody::has(const char* field) const { return object_->contains(field); }

void JsonBody::fail(const char* field, Message why) { errors_.add(field, std::move(why)); }

void JsonBody::finish() {
  for (const auto& entry : *object_) {
    std::string key(entry.key());
    if (!read_.contains(key)) errors_.add(key, unknown_field());
  }
  errors_.throw_if_any();
}

}  // namespace changwat::http
