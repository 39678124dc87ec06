#pragma once
// The JSON of the portal's records, shared by API answers and audit entries.
#include <boost/json/object.hpp>

#include "modules/portal/model.hpp"
#include "modules/portal/service.hpp"

namespace changwat::portal {

// For moderators and the audit log (never about the sender beyond the masked text).
boost::json::object feedback_json(const Feedback& feedback);
boost::json::object rating_json(const Rating& rating);
boost::json::object project_json(const PublicProject& project);
boost::json::object page_json(const ProjectPage& page);
boost::json::object overview_json(const Overview& overview);
// What a receipt shows: status, the masked comment, the answer; nothing else.
boost::json::object follow_json(const FeedbackFollow& follow);

}  // namespace changwat::portal
