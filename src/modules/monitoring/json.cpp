#include "modules/monitoring/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::monitoring {

boost::json::object warning_json(const Warning& w) {
  boost::json::object json;
  json["id"] = w.id;
  json["kind"] = to_string(w.kind);
  json["kind_th"] = name_th(w.kind);
  json["element_id"] = w.element_id;
  json["subject"] = w.subject;
  json["agency"] = json_or_null(w.agency_code);
  json["fiscal_year"] = w.fiscal_year;
  json["raised_on"] = w.raised_on;
  json["due_on"] = w.due_on;
  json["status"] = to_string(w.status);
  json["measure"] = w.measure;
  json["past_due"] = w.severity > 0;
  json["message_th"] = w.message_th;
  json["message_en"] = w.message_en;
  json["resolution"] = nullptr;
  if (w.status == WarningStatus::resolved) {
    json["resolution"] = {{"resolved_on", json_or_null(w.resolved_on)},
                          {"resolved_by", json_or_null(w.resolved_by)},
                          {"automatic", w.resolved_automatically},
                          {"note_th", json_or_null(w.resolution_note_th)}};
  }
  json["demo"] = w.demo;
  json["version"] = w.version;
  return json;
}

boost::json::object setting_json(const SettingValue& setting) {
  boost::json::object json;
  json["key"] = setting.info->key;
  json["value"] = setting.value;
  json["default"] = setting.default_value;
  json["min"] = setting.info->min;
  json["max"] = setting.info->max;
  json["about_th"] = setting.info->about_th;
  json["about_en"] = setting.info->about_en;
  json["version"] = setting.version ? boost::json::value(*setting.version) : nullptr;
  return json;
}

}  // namespace changwat::monitoring
