#include "modules/kpi_results/module.hpp"

#include "modules/kpi_results/api_routes.hpp"

namespace changwat::kpi_results {

void register_routes(http::Router& router, KpiResultsService& service) {
  api::add_kpi_routes(router, service);
  api::add_score_routes(router, service);
}

}  // namespace changwat::kpi_results
