#pragma once
// The one typed error family. Services throw these; the router maps each kind to
// an HTTP status exactly once (src/http/error_mapping.cpp). Every message carries
// Thai and English text so a user always reads why in their language.
#include <map>
#include <stdexcept>
#include <string>

namespace changwat {

enum class ErrorKind {
  validation,              // 400: bad field values; `fields` says which and why
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  method_not_allowed,      // 405
  conflict,                // 409: stale version, duplicate
  payload_too_large,       // 413
  unsupported_media_type,  // 415
  rule,                    // 422: a domain rule refuses the change
  rate_limited,            // 429
  internal,                // 500: nothing internal leaks to the client
  unavailable,             // 503: database down
};

struct Message {
  std::string th;
  std::string en;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, Message message,
        std::map<std::string, Message> fields = {});

  ErrorKind kind() const { return kind_; }
  // Stable machine-readable code, e.g. "stale_version", "invalid_field".
  const std::string& code() const { return code_; }
  const Message& message() const { return message_; }
  const std::map<std::string, Message>& fields() const { return fields_; }

 private:
  ErrorKind kind_;
  std::string code_;
  Message message_;
  std::map<std::string, Message> fields_;
};

int http_status(ErrorKind kind);

// Shorthands for the common cases.
[[noreturn]] void throw_not_found(const std::string& entity_th, const std::string& entity_en);
[[noreturn]] void throw_forbidden();
[[noreturn]] void throw_unauthenticated();
[[noreturn]] void throw_stale_version();
[[noreturn]] void throw_rule(std::string code, Message message);
[[noreturn]] void throw_conflict(std::string code, Message message);
// Error(validation, "invalid_input") about one field whose message says it all (a
// parser of one typed value: a date, an amount): `why` is the message and the field's.
[[noreturn]] void throw_invalid_field(const std::string& field, Message why);

// Collects per-field problems, then throws one validation Error with all of them.
class FieldErrors {
 public:
  void add(const std::string& field, Message why);
  bool empty() const { return fields_.empty(); }
  // Throws ErrorKind::validation if any field was added.
  void throw_if_any() const;

 private:
  std::map<std::string, Message> fields_;
};

}  // namespace changwat
