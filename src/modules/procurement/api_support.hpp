#pragma once
// What this module's route files share: lists of objects in JSON bodies, the
// procurement answer.
#include <cstdint>

#include "http/json_body.hpp"
#include "http/json_lists.hpp"
#include "http/message.hpp"
#include "modules/procurement/service.hpp"

namespace changwat::procurement::api {

std::int64_t procurement_id_of(const http::Request& request);  // {id}: 404 if not an id

// Lists in bodies, absent or null: empty; nested objects (http/json_lists.hpp).
using http::read_object;
using http::read_optional_list;

http::Response procurement_response(const ProcurementView& view, int status = 200);

}  // namespace changwat::procurement::api
