#include "modules/health/module.hpp"

#include "modules/health/api_routes.hpp"

namespace changwat::health {

platform::ModuleInfo module_info() {
  // Health officers read and write; admins read a person only by break-glass;
  // executives read the board's aggregates.
  return {"health",
          {Role::health_officer, Role::admin, Role::executive},
          {{"Health"}, {"/api/v1/health/"}}};
}

void register_routes(http::Router& router, HealthService& service) {
  api::add_setup_routes(router, service);
  api::add_screening_routes(router, service);
  api::add_case_routes(router, service);
  api::add_contact_routes(router, service);
  api::add_report_routes(router, service);
}

}  // namespace changwat::health
