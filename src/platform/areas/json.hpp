#pragma once
// JSON of areas and agencies, shared by every API answer that shows one (the areas
// routes, participation's coverage and needs) and by audit log entries.
#include <boost/json/object.hpp>

#include "platform/areas/area_service.hpp"

namespace changwat::areas {

// An area as the API describes it (schema Area): parent_code null for a province.
inline boost::json::object area_json(const Area& a) {
  return {{"code", a.code},
          {"level", std::string(level_name(a.level))},
          {"parent_code",
           a.parent_code.empty() ? boost::json::value(nullptr) : boost::json::value(a.parent_code)},
          {"name_th", a.name_th},
          {"name_en", a.name_en},
          {"province_code", a.province_code},
          {"demo", a.demo}};
}

// The short reference other records carry (schema ParticipationAreaRef).
inline boost::json::object area_ref_json(const Area& a) {
  return {{"code", a.code},
          {"level", std::string(level_name(a.level))},
          {"name_th", a.name_th},
          {"name_en", a.name_en}};
}

inline boost::json::object agency_json(const Agency& a) {
  return {{"code", a.code},
          {"name_th", a.name_th},
          {"name_en", a.name_en},
          {"kind", a.kind},
          {"version", a.version},
          {"demo", a.demo},
          {"province_code", a.province_code}};
}

}  // namespace changwat::areas
