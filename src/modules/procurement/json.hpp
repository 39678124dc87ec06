#pragma once
// The JSON of each record, shared by the API answers and the audit log.
#include <boost/json.hpp>
#include <vector>

#include "modules/procurement/model.hpp"

namespace changwat::procurement {

boost::json::object stages_json(const Stages& stages);
boost::json::object deadline_json(const Deadline& deadline);
boost::json::object instalment_json(const Instalment& instalment);
boost::json::object event_json(const ContractEvent& event);
// The contract administration part: end after extensions, instalments, events,
// penalties charged and waived, termination.
boost::json::object contract_json(const Procurement& record);
boost::json::object procurement_json(const Procurement& record,
                                     const std::vector<Deadline>& deadlines);
boost::json::object holiday_year_json(const HolidayYear& year);

}  // namespace changwat::procurement
