#pragma once
// The route groups of the health module; register_routes adds them all.
#include <optional>
#include <string>

#include "http/json_body.hpp"
#include "http/router.hpp"
#include "modules/health/service.hpp"

namespace changwat::health::api {

void add_setup_routes(http::Router& router, HealthService& service);
void add_screening_routes(http::Router& router, HealthService& service);
void add_case_routes(http::Router& router, HealthService& service);
void add_contact_routes(http::Router& router, HealthService& service);
void add_report_routes(http::Router& router, HealthService& service);

// The break-glass reason of X-Access-Reason (percent-encoded, so Thai text fits in a
// header), or nullopt.
std::optional<std::string> access_reason(const http::Request& request);
// {id_type, id_number, name, phone} of a body.
PersonInput read_person(http::JsonBody& body);
// The person object under "person" (required).
PersonInput read_person_field(http::JsonBody& body);
// A required ISO day of the query.
std::string query_date(const http::Request& request, const char* name);

}  // namespace changwat::health::api
