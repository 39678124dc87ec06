#pragma once
// The route groups of this module; ReportsModule::register_routes adds them all.
#include "http/router.hpp"
#include "modules/reports/service.hpp"

namespace changwat::reports::api {

// /api/v1/action-plans/{id}/emenscr.xlsx, …/quarterly-report.pdf and
// …/projects/{element_id}/emenscr-steps (tag "Official reports").
void add_report_routes(http::Router& router, ReportsService& service);

}  // namespace changwat::reports::api
