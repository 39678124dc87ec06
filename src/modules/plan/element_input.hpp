#pragma once
// Reads an element from a JSON request body onto an Element: for a new element
// (starting from defaults) or a PATCH (starting from the stored element, changing
// only the fields present). Accepts the same field names the API returns, so a
// client may send back what it read. Problems are collected in the JsonBody.
#include "http/json_body.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

enum class InputMode { create, patch };

void read_element(http::JsonBody& body, Element& element, InputMode mode);

}  // namespace changwat::plan
