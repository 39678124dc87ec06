#include "http/json_lists.hpp"

#include <boost/json.hpp>
#include <string>

#include "base/error.hpp"

namespace changwat::http {
namespace {

void read_nested(JsonBody& body, const std::string& prefix, const boost::json::object& object,
                 const std::function<void(JsonBody& item)>& read) {
  JsonBody nested(object);
  read(nested);
  try {
    nested.finish();
  } catch (const Error& error) {
    for (const auto& [name, why] : error.fields()) body.fail((prefix + "." + name).c_str(), why);
  }
}

void read_items(JsonBody& body, const char* field, std::size_t max_items,
                const std::function<void(JsonBody& item)>& read, bool required) {
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) {
    if (required) body.fail(field, {"ต้องระบุ", "is required"});
    return;
  }
  if (!raw->is_array()) {
    body.fail(field, {"ต้องเป็นรายการ (array)", "must be an array"});
    return;
  }
  const auto& items = raw->get_array();
  if (items.size() > max_items) {
    body.fail(field, {"มีได้ไม่เกิน " + std::to_string(max_items) + " รายการ",
                      "at most " + std::to_string(max_items) + " items"});
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string prefix = std::string(field) + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      body.fail(prefix.c_str(), {"ต้องเป็นออบเจกต์", "must be an object"});
      continue;
    }
    read_nested(body, prefix, items[i].get_object(), read);
  }
}

}  // namespace

void read_list(JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(JsonBody& item)>& read) {
  read_items(body, field, max_items, read, true);
}

void read_optional_list(JsonBody& body, const char* field, std::size_t max_items,
                        const std::function<void(JsonBody& item)>& read) {
  read_items(body, field, max_items, read, false);
}

bool read_object(JsonBody& body, const char* field,
                 const std::function<void(JsonBody& item)>& read) {
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) return false;
  if (!raw->is_object()) {
    body.fail(field, {"ต้องเป็นออบเจกต์", "must be an object"});
    return false;
  }
  read_nested(body, field, raw->get_object(), read);
  return true;
}

}  // namespace changwat::http
