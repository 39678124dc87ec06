#include "modules/procurement/module.hpp"

#include "modules/procurement/api_routes.hpp"

namespace changwat::procurement {

void register_routes(http::Router& router, ProcurementService& service) {
  api::add_procurement_routes(router, service);
  api::add_contract_routes(router, service);
  api::add_holiday_routes(router, service);
  api::add_export_routes(router, service);
}

}  // namespace changwat::procurement
