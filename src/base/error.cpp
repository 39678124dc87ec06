#include "base/error.hpp"

#include <utility>

#include "base/stored_enum.hpp"

namespace changwat {

Error::Error(ErrorKind kind, std::string code, Message message,
             std::map<std::string, Message> fields)
    : std::runtime_error(message.en),
      kind_(kind),
      code_(std::move(code)),
      message_(std::move(message)),
      fields_(std::move(fields)) {}

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::validation:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::method_not_allowed:
      return 405;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::unsupported_media_type:
      return 415;
    case ErrorKind::rule:
      return 422;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::internal:
      return 500;
    case ErrorKind::unavailable:
      return 503;
  }
  return 500;
}

void throw_not_found(const std::string& entity_th, const std::string& entity_en) {
  throw Error(ErrorKind::not_found, "not_found", {"ไม่พบ" + entity_th, entity_en + " not found"});
}

void throw_forbidden() {
  throw Error(ErrorKind::forbidden, "forbidden",
              {"คุณไม่มีสิทธิ์ทำรายการนี้", "You do not have permission to do this"});
}

void throw_unauthenticated() {
  throw Error(ErrorKind::unauthenticated, "unauthenticated", {"กรุณาเข้าสู่ระบบ", "Please sign in"});
}

void throw_stale_version() {
  throw Error(ErrorKind::conflict, "stale_version",
              {"ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง",
               "Someone else changed this record; reload and try again"});
}

void throw_rule(std::string code, Message message) {
  throw Error(ErrorKind::rule, std::move(code), std::move(message));
}

void throw_conflict(std::string code, Message message) {
  throw Error(ErrorKind::conflict, std::move(code), std::move(message));
}

void throw_invalid_field(const std::string& field, Message why) {
  throw Error(ErrorKind::validation, "invalid_input", why, {{field, why}});
}

void throw_corrupt_row(std::string_view column, std::string_view text) {
  const std::string name(column);
  throw Error(ErrorKind::internal, "corrupt_row",
              {"ข้อมูลในฐานข้อมูลไม่ถูกต้อง (" + name + ")",
               "Stored data is invalid (" + name + " = '" + std::string(text) + "')"});
}

void FieldErrors::add(const std::string& field, Message why) {
  fields_.emplace(field, std::move(why));
}

void FieldErrors::throw_if_any() const {
  if (fields_.empty()) return;
  throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"}, fields_);
}

}  // namespace changwat
