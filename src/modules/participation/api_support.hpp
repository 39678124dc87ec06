#pragma once
// This module's enum parameters and enum fields of JSON bodies. Path ids, whole-number
// query parameters, limit/offset and version come from http/params.hpp, so their
// errors read the same as every other module's.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "http/json_body.hpp"
#include "http/message.hpp"
#include "http/params.hpp"
#include "modules/participation/model.hpp"
#include "modules/participation/service.hpp"

namespace changwat::participation::api {

using http::path_id;
using http::query_integer;
using http::query_limit;
using http::query_offset;
using http::query_version;

std::optional<Dimension> query_dimension(const http::Request& request);
std::optional<Sector> query_sector(const http::Request& request);
std::optional<NeedStatus> query_status(const http::Request& request);

// Enum fields of a JSON body; a bad value is recorded on the body as a field error.
Dimension body_dimension(http::JsonBody& body, const char* field);
std::optional<Dimension> body_optional_dimension(http::JsonBody& body, const char* field);
Sector body_sector(http::JsonBody& body, const char* field);
std::optional<Sector> body_optional_sector(http::JsonBody& body, const char* field);
std::optional<SwotKind> body_optional_swot_kind(http::JsonBody& body, const char* field);

// A decision on a need with its reason, from a body {"<field>": "...", "reason": "...",
// "version": n}: a status change by staff, a moderation of a public need.
struct Decision {
  std::string choice;
  std::optional<std::string> reason;
  std::int64_t version = 0;
};
Decision body_decision(http::JsonBody& body, const char* field, std::size_t max_chars);

// The body of a PATCH: the version read, then the fields `read_fields(body, change)`
// takes; finished, so unknown fields and field errors answer 422.
template <class Change, class ReadFields>
Change body_change(const http::Request& request, ReadFields read_fields) {
  http::JsonBody body(request);
  Change change;
  change.expected_version = body.integer("version");
  read_fields(body, change);
  body.finish();
  return change;
}

// What every new need says, whoever files it (NeedInput, PublicNeedInput).
template <class Input>
void read_need_text(http::JsonBody& body, Input& input) {
  input.title = body.text("title", kTitleMax);
  input.description = body.text("description", kDescriptionMax);
  input.dimension = body_dimension(body, "dimension");
  input.sector = body_sector(body, "sector");
  input.area_code = body.text("area_code", 8);
}

}  // namespace changwat::participation::api
