#pragma once
// Reading one field of a JSON body that must be of one kind (a number, a list, an
// object): shared by JsonBody's typed readers and the modules' nested readers.
#include <boost/json/value.hpp>
#include <utility>

#include "http/json_body.hpp"

namespace changwat::http {

// The value of `field` when it is present, not null and of the kind `is_kind` accepts;
// one of another kind fails the field with `must_be`. Null when absent or failed.
template <class IsKind>
const boost::json::value* present_as(JsonBody& body, const char* field, IsKind is_kind,
                                     Message must_be) {
  const boost::json::value* value = body.raw(field);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!is_kind(*value)) {
    body.fail(field, std::move(must_be));
    return nullptr;
  }
  return value;
}

}  // namespace changwat::http
