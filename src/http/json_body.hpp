#pragma once
// Reads a JSON request body field by field, collecting every problem (missing,
// wrong type, too long, unknown field) into one validation error with Thai and
// English messages per field. Non-JSON content type -> 415; malformed -> 400.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "http/message.hpp"

namespace changwat::http {

class JsonBody {
 public:
  explicit JsonBody(const Request& request);             // body must be a JSON object
  explicit JsonBody(const boost::json::object& object);  // nested objects
  // Points into itself (or at the caller's object): neither copied nor moved.
  JsonBody(const JsonBody&) = delete;
  JsonBody& operator=(const JsonBody&) = delete;

  // Text is trimmed of surrounding white space (ASCII and Unicode spaces, NBSP,
  // zero-width space); max_chars counts code points. A required text must not be
  // empty after trimming; an optional one that is empty reads as nullopt. Control
  // characters other than tab and newline are refused. A missing field and a JSON
  // null read the same: required -> "is required", optional -> nullopt.
  std::string text(const char* field, std::size_t max_chars = 500);
  std::optional<std::string> optional_text(const char* field, std::size_t max_chars = 500);
  std::int64_t integer(const char* field);
  std::optional<std::int64_t> optional_integer(const char* field);
  double number(const char* field);
  std::optional<double> optional_number(const char* field);
  bool boolean(const char* field);
  std::optional<bool> optional_boolean(const char* field);
  std::vector<std::string> text_list(const char* field, std::size_t max_items = 100,
                                     std::size_t max_chars = 500);
  std::optional<std::vector<std::string>> optional_text_list(const char* field,
                                                             std::size_t max_items = 100,
                                                             std::size_t max_chars = 500);
  // Raw access for nested values (nullptr if absent); marks the field as known.
  const boost::json::value* raw(const char* field);
  // The key is present, even with a null value (PATCH-style "clear this").
  bool has(const char* field) const;
  // Adds a problem for a field (for domain checks done by the caller).
  void fail(const char* field, Message why);

  // Throws the collected validation error, including one for each field that was
  // never read (unknown fields). Call after reading every field.
  void finish();

 private:
  const boost::json::value* get(const char* field);
  boost::json::object owned_;
  const boost::json::object* object_;
  std::set<std::string> read_;
  FieldErrors errors_;
};

}  // namespace changwat::http
