#pragma once
// The route groups of this module; ProcurementModule::register_routes adds them all.
#include "http/router.hpp"
#include "modules/procurement/service.hpp"

namespace changwat::procurement::api {

// Procurements of a project: list, create, read, change; the rules as data.
void add_procurement_routes(http::Router& router, ProcurementService& service);
// Contract administration: instalments, inspection, extensions, waivers, penalties,
// termination.
void add_contract_routes(http::Router& router, ProcurementService& service);
// The Cabinet's holidays per year.
void add_holiday_routes(http::Router& router, ProcurementService& service);
// สขร.1 and the monthly ITA summary of an action plan, XLSX and CSV.
void add_export_routes(http::Router& router, ProcurementService& service);

}  // namespace changwat::procurement::api
