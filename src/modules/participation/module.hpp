#pragma once
// Entry points of the participation module for `changwat` main():
//   ParticipationService service(database, areas, plans);   // after the plan service
//   participation::register_routes(router, service);
//   participation::load_demo(service);                       // after plan::load_demo
#include "http/router.hpp"
#include "modules/participation/service.hpp"

namespace changwat::participation {

// Every /api/v1/needs…, /api/v1/forums…, /api/v1/swot…, /api/v1/search and
// /api/v1/plans/{id}/swot|coverage/… route (see README.md).
void register_routes(http::Router& router, ParticipationService& service);

// Loads the Trat demo needs, forums and SWOT items (data/participation-demo-trat.json)
// into the demo plan. Idempotent: items already loaded are skipped. Needs the plan
// module's demo plan (plan::load_demo) to be loaded first.
void load_demo(ParticipationService& service);

}  // namespace changwat::participation
