#pragma once
// The JSON shape of this module's records, shared by the HTTP layer and the audit
// log so a record reads the same in both. Contact details of a public submitter
// appear only when `with_contact` is set (moderators); never in public lists.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "modules/participation/model.hpp"
#include "modules/participation/service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::participation {

boost::json::object need_json(const Need& need, bool with_contact);
// The need with its area names, links and whether the reader voted.
boost::json::object need_view_json(const NeedView& view, const areas::AreaService& areas,
                                   bool with_contact);
boost::json::object link_json(const LinkedElement& link);
boost::json::object forum_json(const Forum& forum);
boost::json::object swot_json(const SwotItem& item);
// {"code", "name_th", "name_en", "level"} or null when the code is unknown.
boost::json::value area_ref_json(const areas::AreaService& areas, const std::string& code);
boost::json::object receipt_json(const Receipt& receipt);

}  // namespace changwat::participation
