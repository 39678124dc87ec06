#include "modules/monitoring/module.hpp"

#include "modules/monitoring/api_routes.hpp"

namespace changwat::monitoring {

platform::ModuleInfo module_info() {
  return {"monitoring",
          {Role::admin, Role::strategy_officer, Role::agency_officer, Role::executive,
           Role::auditor, Role::health_officer, Role::community_manager},
          {{"Warnings", "Dashboards"},
           {"/api/v1/warnings", "/api/v1/warning-settings", "/api/v1/dashboards"}}};
}

void register_routes(http::Router& router, MonitoringService& service) {
  api::add_warning_routes(router, service);
  api::add_dashboard_routes(router, service);
}

}  // namespace changwat::monitoring
