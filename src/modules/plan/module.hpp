#pragma once
// Entry points of the plan module for `changwat` main().
#include "http/router.hpp"
#include "modules/plan/service.hpp"

namespace changwat::plan {

// All /api/v1/plans… and /api/v1/alignment… routes.
void register_routes(http::Router& router, PlanService& service);

// Loads the approved Trat demo plan 2566–2570 (data/plan-demo-trat.json).
// Idempotent: does nothing if it is already loaded.
void load_demo(PlanService& service);

}  // namespace changwat::plan
