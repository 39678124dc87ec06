#include "modules/monitoring/module.hpp"

#include "modules/monitoring/api_routes.hpp"

namespace changwat::monitoring {

void register_routes(http::Router& router, MonitoringService& service) {
  api::add_warning_routes(router, service);
  api::add_dashboard_routes(router, service);
}

}  // namespace changwat::monitoring
