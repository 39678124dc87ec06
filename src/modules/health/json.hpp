#pragma once
// The JSON of epidemic-control records, shared by API answers and audit entries.
// Audit entries never carry a person's identity (the audit log is read by admins and
// auditors): records name people by id only; person_json is for health officers.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "modules/health/model.hpp"

namespace changwat::health {

boost::json::object outbreak_json(const Outbreak& outbreak);
boost::json::object checkpoint_json(const Checkpoint& checkpoint);
// Full (a person's own record) or masked (lists).
boost::json::object person_json(const Person& person, bool masked);
boost::json::object case_json(const Case& record);
boost::json::object contact_json(const Contact& contact);
boost::json::object follow_up_json(const FollowUp& visit);
boost::json::object access_json(const AccessEntry& entry);
boost::json::object team_json(const Team& team);
boost::json::object breach_json(const Breach& breach, const std::string& now);
boost::json::array names_json(const std::vector<std::string>& names);

}  // namespace changwat::health
