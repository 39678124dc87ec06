#pragma once
// The JSON of a sample item: API answers and audit entries use the same shape.
#include <boost/json/object.hpp>

#include "modules/sample/model.hpp"

namespace changwat::sample {

boost::json::object item_json(const Item& item);

}  // namespace changwat::sample
