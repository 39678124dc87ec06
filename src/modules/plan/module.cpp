#include "modules/plan/module.hpp"

#include "modules/plan/api_routes.hpp"

namespace changwat::plan {

void register_routes(http::Router& router, PlanService& service) {
  static api::GzipCache gzip;  // one per process: documents are keyed by identity
  api::add_plan_routes(router, service, gzip);
  api::add_element_routes(router, service);
}

}  // namespace changwat::plan
