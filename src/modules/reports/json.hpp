#pragma once
// The JSON of eMENSCR step statuses, shared by API answers and audit entries.
#include <boost/json/object.hpp>

#include "modules/reports/model.hpp"

namespace changwat::reports {

boost::json::object steps_json(const ProjectSteps& steps);

}  // namespace changwat::reports
