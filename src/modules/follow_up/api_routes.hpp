#pragma once
// The route groups of follow-up and review; register_routes adds them all.
#include <boost/json/object.hpp>

#include "http/json_body.hpp"
#include "http/router.hpp"
#include "modules/follow_up/service.hpp"

namespace changwat::follow_up::api {

void add_meeting_routes(http::Router& router, FollowUpService& service);
void add_directive_routes(http::Router& router, FollowUpService& service);
void add_finding_routes(http::Router& router, FollowUpService& service);
void add_review_routes(http::Router& router, FollowUpService& service);

// Shared by the groups: a list of ids (element_ids) — integers, at most 100.
std::vector<std::int64_t> read_ids(http::JsonBody& body, const char* field);
// 201 with the new record's JSON and its address in Location.
http::Response created(const boost::json::object& record, const std::string& location);
// A file's bytes as an attachment or inline.
http::Response file_response(std::string bytes, const std::string& content_type,
                             const std::string& file_name, const std::string& etag);

}  // namespace changwat::follow_up::api
