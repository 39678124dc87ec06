#pragma once
// The JSON of progress reports and photos, shared by API answers and audit entries.
#include <boost/json/object.hpp>

#include "modules/progress/model.hpp"

namespace changwat::progress {

boost::json::object report_json(const ProgressReport& report);
boost::json::object photo_json(const Photo& photo);

}  // namespace changwat::progress
