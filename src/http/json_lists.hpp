#pragma once
// Lists and objects nested in a JSON body, each read with its own JsonBody so the
// route's usual reads apply to it; a problem of item i is reported as "field[i].name"
// (of a nested object as "field.name"), all in the one 400 answer of the body.
#include <cstddef>
#include <functional>

#include "http/json_body.hpp"

namespace changwat::http {

// The objects of the list under `field` (at most `max_items`), each read by `read`;
// absent or null is refused.
void read_list(JsonBody& body, const char* field, std::size_t max_items,
               const std::function<void(JsonBody& item)>& read);
// The same where absent or null means an empty list.
void read_optional_list(JsonBody& body, const char* field, std::size_t max_items,
                        const std::function<void(JsonBody& item)>& read);

// The object under `field` read by `read`; false when absent or null.
bool read_object(JsonBody& body, const char* field,
                 const std::function<void(JsonBody& item)>& read);

}  // namespace changwat::http
