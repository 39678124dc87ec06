#include "modules/kpi_results/module.hpp"

#include "modules/kpi_results/api_routes.hpp"

namespace changwat::kpi_results {

platform::ModuleInfo module_info() {
  return {"kpi_results",
          platform::every_role(),
          {{"KPI results"}, {"/api/v1/kpis/", "/api/v1/plans/"}}};
}

void register_routes(http::Router& router, KpiResultsService& service) {
  api::add_kpi_routes(router, service);
  api::add_score_routes(router, service);
}

}  // namespace changwat::kpi_results
