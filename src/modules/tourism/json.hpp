#pragma once
// The JSON of the tourism records: API answers and audit entries use the same shapes.
#include <boost/json/object.hpp>

#include "modules/tourism/model.hpp"
#include "modules/tourism/service.hpp"

namespace changwat::tourism {

// Public: no payee account numbers (a PromptPay id may be a citizen ID).
boost::json::object community_json(const Community& community);
boost::json::object item_json(const Item& item);
boost::json::object split_rule_json(const SplitRule& rule);
boost::json::object sale_json(const Sale& sale);
// What POST /sales answers (the first answer again for a replay).
boost::json::object sale_receipt_json(const Sale& sale);
boost::json::object income_json(const CommunityIncome& income);
boost::json::object timetable_json(const Timetable& timetable);
boost::json::object trip_json(const Trip& trip);
boost::json::object program_json(const ProgramView& view);

}  // namespace changwat::tourism
