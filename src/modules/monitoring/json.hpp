#pragma once
// The JSON of warnings and settings, shared by API answers and audit entries.
#include <boost/json/object.hpp>

#include "modules/monitoring/model.hpp"
#include "modules/monitoring/service.hpp"

namespace changwat::monitoring {

boost::json::object warning_json(const Warning& warning);
boost::json::object setting_json(const SettingValue& setting);

}  // namespace changwat::monitoring
