#pragma once
// Optional fields in JSON answers: the value when there is one, else null (the API
// description marks such fields `type: [..., 'null']`; they are never left out).
#include <boost/json/value.hpp>
#include <optional>

namespace changwat {

template <class T>
boost::json::value json_or_null(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value(*value);
}

// With a conversion of the value first (an enum's name, a number's printed form).
template <class T, class Convert>
boost::json::value json_or_null(const std::optional<T>& value, Convert convert) {
  if (!value) return nullptr;
  return boost::json::value(convert(*value));
}

}  // namespace changwat
