#include "modules/procurement/api_support.hpp"

#include "http/params.hpp"
#include "modules/procurement/json.hpp"

namespace changwat::procurement::api {
namespace {

void read_nested(http::JsonBody& body, const std::string& prefix, const boost::json::object& object,
                 const std::function<void(http::JsonBody& item)>& read) {
  http::JsonBody nested(object);
  read(nested);
  try {
    nested.finish();
  } catch (const Error& error) {
    for (const auto& [name, why] : error.fields()) body.fail((prefix + "." + name).c_str(), why);
  }
}

}  // namespace

std::int64_t procurement_id_of(const http::Request& request) {
  return http::path_id(request, "id", {"รายการจัดซื้อจัดจ้าง", "Procurement"});
}

void read_list(http::JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(http::JsonBody& item)>& read) {
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) return;
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

bool read_object(http::JsonBody& body, const char* field,
                 const std::function<void(http::JsonBody& item)>& read) {
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) return false;
  if (!raw->is_object()) {
    body.fail(field, {"ต้องเป็นออบเจกต์", "must be an object"});
    return false;
  }
  read_nested(body, field, raw->get_object(), read);
  return true;
}

http::Response procurement_response(const ProcurementView& view, int status) {
  return http::Response::json(procurement_json(view.procurement, view.deadlines), status);
}

}  // namespace changwat::procurement::api
