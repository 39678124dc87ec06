#pragma once
// The route groups of the tourism module; register_routes adds them all.
#include "http/router.hpp"
#include "modules/tourism/service.hpp"

namespace changwat::tourism::api {

// Communities, products, experiences, split rules, bookings, income, program view.
void add_catalog_routes(http::Router& router, TourismService& service);
// Sales from the managers' phones, PromptPay, payment confirmation.
void add_sale_routes(http::Router& router, TourismService& service);
// Stops, routes, timetables, notices and the GTFS feed.
void add_travel_routes(http::Router& router, TourismService& service);

}  // namespace changwat::tourism::api
