#pragma once
// The route groups of this module; KpiResultsModule::register_routes adds them all.
#include "http/router.hpp"
#include "modules/kpi_results/service.hpp"

namespace changwat::kpi_results::api {

// /api/v1/kpis/{element_id}/actuals…, /rubric, /trend (tag "KPI results").
void add_kpi_routes(http::Router& router, KpiResultsService& service);
// /api/v1/plans/{id}/kpi-scores (tag "KPI results").
void add_score_routes(http::Router& router, KpiResultsService& service);

}  // namespace changwat::kpi_results::api
