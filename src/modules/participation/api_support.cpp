#include "modules/participation/api_support.hpp"

namespace changwat::participation::api {
namespace {

constexpr const char* kDimensions = "economy, society, environment, security";
constexpr const char* kSectors = "people, private, civil_society, state";
constexpr const char* kStatuses =
    "pending_moderation, new, accepted, merged, linked, declined, rejected";
constexpr const char* kSwotKinds = "strength, weakness, opportunity, threat";

}  // namespace

std::optional<Dimension> query_dimension(const http::Request& request) {
  return http::query_enum(request, "dimension", parse_dimension, kDimensions);
}

std::optional<Sector> query_sector(const http::Request& request) {
  return http::query_enum(request, "sector", parse_sector, kSectors);
}

std::optional<NeedStatus> query_status(const http::Request& request) {
  return http::query_enum(request, "status", parse_status, kStatuses);
}

Dimension body_dimension(http::JsonBody& body, const char* field) {
  return http::body_enum(body, field, parse_dimension, kDimensions, true)
      .value_or(Dimension::economy);
}

std::optional<Dimension> body_optional_dimension(http::JsonBody& body, const char* field) {
  return http::body_enum(body, field, parse_dimension, kDimensions);
}

Sector body_sector(http::JsonBody& body, const char* field) {
  return http::body_enum(body, field, parse_sector, kSectors, true).value_or(Sector::people);
}

std::optional<Sector> body_optional_sector(http::JsonBody& body, const char* field) {
  return http::body_enum(body, field, parse_sector, kSectors);
}

std::optional<SwotKind> body_optional_swot_kind(http::JsonBody& body, const char* field) {
  return http::body_enum(body, field, parse_swot_kind, kSwotKinds);
}

Decision body_decision(http::JsonBody& body, const char* field, std::size_t max_chars) {
  Decision decision;
  decision.choice = body.text(field, max_chars);
  decision.reason = body.optional_text("reason", kReasonMax);
  decision.version = body.integer("version");
  return decision;
}

}  // namespace changwat::participation::api
