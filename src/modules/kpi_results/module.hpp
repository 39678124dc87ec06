#pragma once
// The KPI results module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use.
#include "modules/kpi_results/service.hpp"
#include "platform/service_module.hpp"

namespace changwat::kpi_results {

// Every /api/v1/kpis/… and /api/v1/plans/{id}/kpi-scores route (README.md).
void register_routes(http::Router& router, KpiResultsService& service);

// Loads data/kpi-results-demo-trat.json: actuals and rubrics of the demo plan's KPIs
// for FY 2568 and 2569, marked demo. Idempotent. Needs plan::load_demo first.
void load_demo(KpiResultsService& service);

// Its name, the roles its rules name and its OpenAPI part (module.cpp).
platform::ModuleInfo module_info();

// service(): for modules that read scores (monitoring, reports).
using KpiResultsModule =
    platform::ServiceModule<KpiResultsService, module_info, register_routes, load_demo>;

}  // namespace changwat::kpi_results
