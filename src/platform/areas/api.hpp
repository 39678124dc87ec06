#pragma once
// Routes: GET /api/v1/areas, GET /api/v1/areas/{code} (public), GET /api/v1/agencies,
// GET /api/v1/agencies/{code} (public), POST /api/v1/agencies and
// PATCH /api/v1/agencies/{code} (admin), GET /api/v1/fiscal-years (public).
#include "http/router.hpp"
#include "platform/areas/agency_service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::areas {

void register_routes(http::Router& router, AreaService& areas, AgencyService& agencies);

}  // namespace changwat::areas
