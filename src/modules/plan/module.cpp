#include "modules/plan/module.hpp"

#include "modules/plan/api_routes.hpp"

namespace changwat::plan {

platform::ModuleInfo module_info() {
  return {"plan",
          {Role::admin, Role::strategy_officer, Role::agency_officer, Role::public_user},
          {{"Plans", "Plan versions", "Plan elements", "Alignment"},
           {"/api/v1/plans", "/api/v1/alignment/"}}};
}

void register_routes(http::Router& router, PlanService& service) {
  static api::GzipCache gzip;  // one per process: documents are keyed by identity
  api::add_plan_routes(router, service, gzip);
  api::add_element_routes(router, service);
}

}  // namespace changwat::plan
