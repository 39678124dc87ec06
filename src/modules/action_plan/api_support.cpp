#include "modules/action_plan/api_support.hpp"

#include <boost/json.hpp>

#include "modules/action_plan/json.hpp"

namespace changwat::action_plan::api {

std::int64_t plan_id_of(const http::Request& request) {
  return http::path_id(request, "id", {"แผนปฏิบัติราชการประจำปี", "Action plan"});
}

std::int64_t element_id_of(const http::Request& request) {
  return http::path_id(request, "element_id",
                       {"โครงการในแผนปฏิบัติราชการประจำปี", "Project of the action plan"});
}

Month month_of(const http::Request& request) {
  auto month = parse_month(request.param("month"));
  if (!month) {
    http::throw_bad_parameter("month", {"ต้องเป็นเดือนแบบ YYYY-MM (ค.ศ.) เช่น 2026-03",
                                        "must be a Gregorian month as YYYY-MM, e.g. 2026-03"});
  }
  return *month;
}

http::Response project_response(const ActionPlanService& service, std::int64_t id,
                                const ProjectBook& book, int status) {
  auto view = service.view(id);
  return http::Response::json(
      project_to_json(book, meta_of(*view.index, book.project), service.areas()), status);
}

void read_list(http::JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(http::JsonBody& item)>& read) {
  const boost::json::value* raw = body.raw(field);
  if (!raw || raw->is_null()) {
    body.fail(field, {"ต้องระบุ", "is required"});
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
    http::JsonBody nested(items[i].get_object());
    read(nested);
    try {
      nested.finish();
    } catch (const Error& error) {
      for (const auto& [name, why] : error.fields()) body.fail((prefix + "." + name).c_str(), why);
    }
  }
}

}  // namespace changwat::action_plan::api
