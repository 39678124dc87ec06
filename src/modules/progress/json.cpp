#include "modules/progress/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::progress {

boost::json::object report_json(const ProgressReport& r) {
  boost::json::array indicators;
  for (const auto& value : r.indicators)
    indicators.push_back(boost::json::object{{"index", value.index}, {"value", value.value}});
  return {
      {"element_id", r.element_id},
      {"month", action_plan::to_string(r.month)},
      {"fiscal_year", r.fiscal_year},
      {"action_plan_id", r.action_plan_id},
      {"physical_percent", r.physical_percent},
      {"status", to_string(r.status)},
      {"status_th", name_th(r.status)},
      {"activities_th", r.activities_th},
      {"problems_th", r.problems_th},
      {"fixes_th", r.fixes_th},
      {"reason_th", json_or_null(r.reason_th)},
      {"indicators", std::move(indicators)},
      {"agency_code", json_or_null(r.agency_code)},
      {"demo", r.demo},
      {"entered_by", r.entered_by},
      {"entered_at", r.entered_at},
      {"version", r.version},
  };
}

boost::json::object photo_json(const Photo& p) {
  std::string url = "/api/v1/photos/" + std::to_string(p.id);
  return {
      {"id", p.id},
      {"element_id", p.element_id},
      {"taken_at", p.taken_at},
      {"latitude", json_or_null(p.latitude)},
      {"longitude", json_or_null(p.longitude)},
      {"accuracy_m", json_or_null(p.accuracy_m)},
      {"position_source", to_string(p.position_source)},
      {"content_type", p.content_type},
      {"size_bytes", p.size_bytes},
      {"width", p.width},
      {"height", p.height},
      {"url", url},
      {"thumbnail_url", url + "/thumbnail"},
      {"demo", p.demo},
      {"uploaded_by", p.uploaded_by},
      {"uploaded_at", p.uploaded_at},
  };
}

}  // namespace changwat::progress
