#pragma once
// JSON of an agency, shared by the API answers and the audit log entries.
#include <boost/json/object.hpp>

#include "platform/areas/area_service.hpp"

namespace changwat::areas {

inline boost::json::object agency_json(const Agency& a) {
  return {{"code", a.code},       {"name_th", a.name_th}, {"name_en", a.name_en},
          {"kind", a.kind},       {"version", a.version}, {"demo", a.demo},
          {"province_code", a.province_code}};
}

}  // namespace changwat::areas
