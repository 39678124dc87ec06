#pragma once
// What this module's route files share: lists of objects in JSON bodies, the
// procurement answer.
#include <cstdint>
#include <functional>

#include "http/json_body.hpp"
#include "http/message.hpp"
#include "modules/procurement/service.hpp"

namespace changwat::procurement::api {

std::int64_t procurement_id_of(const http::Request& request);  // {id}: 404 if not an id

// A list of objects under `field` (absent or null: empty), each read by `read` with
// its own JsonBody; problems of item i are reported as "field[i].name".
void read_list(http::JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(http::JsonBody& item)>& read);
// An object under `field` read by `read`; false when absent or null. Problems are
// reported as "field.name".
bool read_object(http::JsonBody& body, const char* field,
                 const std::function<void(http::JsonBody& item)>& read);

http::Response procurement_response(const ProcurementView& view, int status = 200);

}  // namespace changwat::procurement::api
