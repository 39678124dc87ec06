#pragma once
// The monitoring module's routes, one file per route family (api/openapi.yaml, tags
// Warnings and Dashboards).
#include "http/router.hpp"
#include "modules/monitoring/service.hpp"

namespace changwat::monitoring::api {

void add_warning_routes(http::Router& router, MonitoringService& service);
void add_dashboard_routes(http::Router& router, MonitoringService& service);

}  // namespace changwat::monitoring::api
