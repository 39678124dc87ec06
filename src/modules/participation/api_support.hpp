#pragma once
// Reading path and query parameters and enum fields for this module's routes, with
// the same Thai and English validation errors as JSON bodies.
#include <cstdint>
#include <optional>
#include <string>

#include "http/json_body.hpp"
#include "http/message.hpp"
#include "modules/participation/model.hpp"

namespace changwat::participation::api {

// A numeric path id; anything else cannot name a record, so 404 (`what` names it).
std::int64_t path_id(const http::Request& request, const char* name, const Message& what);
std::optional<std::int64_t> query_integer(const http::Request& request, const char* name);
// limit (1..max, default `fallback`) and offset (>= 0, default 0).
std::int64_t query_limit(const http::Request& request, std::int64_t fallback, std::int64_t max);
std::int64_t query_offset(const http::Request& request);
// The `version` query parameter a DELETE must carry.
std::int64_t query_version(const http::Request& request);

std::optional<Dimension> query_dimension(const http::Request& request);
std::optional<Sector> query_sector(const http::Request& request);
std::optional<NeedStatus> query_status(const http::Request& request);

// Enum fields of a JSON body; a bad value is recorded on the body as a field error.
Dimension body_dimension(http::JsonBody& body, const char* field);
std::optional<Dimension> body_optional_dimension(http::JsonBody& body, const char* field);
Sector body_sector(http::JsonBody& body, const char* field);
std::optional<Sector> body_optional_sector(http::JsonBody& body, const char* field);
std::optional<SwotKind> body_optional_swot_kind(http::JsonBody& body, const char* field);

}  // namespace changwat::participation::api
