#include "modules/procurement/api_support.hpp"

#include "http/params.hpp"
#include "modules/procurement/json.hpp"

namespace changwat::procurement::api {

std::int64_t procurement_id_of(const http::Request& request) {
  return http::path_id(request, "id", {"รายการจัดซื้อจัดจ้าง", "Procurement"});
}

http::Response procurement_response(const ProcurementView& view, int status) {
  return http::Response::json(procurement_json(view.procurement, view.deadlines), status);
}

}  // namespace changwat::procurement::api
