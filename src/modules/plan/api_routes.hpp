#pragma once
// The route groups of the plan module; PlanModule::register_routes (module.cpp) adds
// them all. README.md lists the routes, api/openapi.yaml their shapes.
#include "http/router.hpp"
#include "modules/plan/api_support.hpp"
#include "modules/plan/service.hpp"

namespace changwat::plan::api {

// /api/v1/plans…: plans, versions, tree, diff, alignment report, projects, exports
// (tags Plans, Plan versions, Alignment).
void add_plan_routes(http::Router& router, PlanService& service, GzipCache& gzip);
// /api/v1/plans/{id}/elements… and /api/v1/alignment/catalog (tags Plan elements,
// Alignment).
void add_element_routes(http::Router& router, PlanService& service);

}  // namespace changwat::plan::api
