#include "modules/reports/module.hpp"

#include "modules/reports/api_routes.hpp"

namespace changwat::reports {

void register_routes(http::Router& router, ReportsService& service) {
  api::add_report_routes(router, service);
}

}  // namespace changwat::reports
