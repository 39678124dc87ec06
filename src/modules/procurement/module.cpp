#include "modules/procurement/module.hpp"

#include "modules/procurement/api_routes.hpp"

namespace changwat::procurement {

platform::ModuleInfo module_info() {
  return {"procurement",
          platform::every_role(),
          {{"Procurement", "Contracts"},
           {"/api/v1/projects/{element_id}/procurements", "/api/v1/procurements",
            "/api/v1/procurement-rules", "/api/v1/holidays",
            "/api/v1/action-plans/{id}/procurement-summary",
            "/api/v1/action-plans/{id}/ita-procurement-summary"}}};
}

void register_routes(http::Router& router, ProcurementService& service) {
  api::add_procurement_routes(router, service);
  api::add_contract_routes(router, service);
  api::add_holiday_routes(router, service);
  api::add_export_routes(router, service);
}

}  // namespace changwat::procurement
