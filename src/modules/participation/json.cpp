#include "modules/participation/json.hpp"

#include "base/json_or_null.hpp"
#include "platform/areas/json.hpp"

namespace changwat::participation {

boost::json::object need_json(const Need& need, bool with_contact) {
  boost::json::object json{
      {"id", need.id},
      {"plan_id", need.plan_id},
      {"source", source_name(need.source)},
      {"title", need.title},
      {"description", need.description},
      {"dimension", dimension_name(need.dimension)},
      {"sector", sector_name(need.sector)},
      {"area_code", need.area_code},
      {"district_code", need.district_code},
      {"subdistrict_code", json_or_null(need.subdistrict_code)},
      {"forum_id", json_or_null(need.forum_id)},
      {"status", status_name(need.status)},
      {"decline_reason", json_or_null(need.decline_reason)},
      {"merged_into_id", json_or_null(need.merged_into_id)},
      {"vote_count", need.vote_count},
      {"created_at", need.created_at},
      {"updated_at", need.updated_at},
      {"demo", need.demo},
      {"version", need.version},
  };
  if (with_contact) {
    json["receipt"] = need.receipt;
    json["submitter"] = boost::json::object{{"name", json_or_null(need.contact.name)},
                                            {"phone", json_or_null(need.contact.phone)}};
  }
  return json;
}

boost::json::object link_json(const LinkedElement& link) {
  boost::json::object json{
      {"element_id", link.link.element_id},
      {"element_kind", link.link.element_kind},
      {"linked_at", link.link.linked_at},
  };
  if (link.element) {
    json["code"] = link.element->code;
    json["text_th"] = link.element->text_th;
    json["text_en"] = link.element->text_en;
    json["in_latest_version"] = link.element->in_latest_version;
  } else {
    json["code"] = nullptr;
    json["text_th"] = nullptr;
    json["text_en"] = nullptr;
    json["in_latest_version"] = false;
  }
  return json;
}

boost::json::object need_view_json(const NeedView& view, const areas::AreaService& areas,
                                   bool with_contact) {
  boost::json::object json = need_json(view.need, with_contact);
  json["area"] = area_ref_json(areas, view.need.area_code);
  json["district"] = area_ref_json(areas, view.need.district_code);
  boost::json::array links;
  for (const auto& link : view.links) links.push_back(link_json(link));
  json["links"] = std::move(links);
  json["voted"] = view.voted;
  return json;
}

boost::json::object forum_json(const Forum& forum) {
  return {
      {"id", forum.id},
      {"plan_id", forum.plan_id},
      {"title_th", forum.title_th},
      {"title_en", forum.title_en},
      {"held_on", forum.held_on},
      {"area_code", forum.area_code},
      {"district_code", forum.district_code},
      {"attendance",
       {{"people", forum.attendance.people},
        {"private", forum.attendance.private_sector},
        {"civil_society", forum.attendance.civil_society},
        {"state", forum.attendance.state},
        {"total", forum.attendance.total()}}},
      {"notes", forum.notes},
      {"needs_raised", forum.needs_raised},
      {"created_at", forum.created_at},
      {"demo", forum.demo},
      {"version", forum.version},
  };
}

boost::json::object swot_json(const SwotItem& item) {
  return {
      {"id", item.id},
      {"plan_id", item.plan_id},
      {"kind", swot_kind_name(item.kind)},
      {"text_th", item.text_th},
      {"text_en", item.text_en},
      {"evidence", item.evidence},
      {"evidence_source", json_or_null(item.evidence_source)},
      {"dimension", json_or_null(item.dimension, dimension_name)},
      {"position", item.position},
      {"demo", item.demo},
      {"version", item.version},
  };
}

boost::json::value area_ref_json(const areas::AreaService& areas, const std::string& code) {
  std::optional<areas::Area> area = areas.find(code);
  if (!area) return nullptr;
  return areas::area_ref_json(*area);
}

boost::json::object receipt_json(const Receipt& receipt) {
  boost::json::array history;
  for (const ReceiptStep& step : receipt.history) {
    history.push_back({{"status", status_name(step.status)}, {"at", step.at}});
  }
  return {
      {"receipt", receipt.receipt},
      {"title", receipt.title},
      {"status", status_name(receipt.status)},
      {"submitted_at", receipt.submitted_at},
      {"reason", json_or_null(receipt.reason)},
      {"need_id", json_or_null(receipt.need_id)},
      {"history", std::move(history)},
  };
}

}  // namespace changwat::participation
