#include "modules/reports/module.hpp"

#include "modules/reports/api_routes.hpp"

namespace changwat::reports {

platform::ModuleInfo module_info() {
  return {"reports", platform::every_role(), {{"Official reports"}, {"/api/v1/action-plans/"}}};
}

void register_routes(http::Router& router, ReportsService& service) {
  api::add_report_routes(router, service);
}

}  // namespace changwat::reports
