// Loads data/participation-demo-trat.json: demo forums, needs (every status, linked
// to the demo plan's guidelines and projects by code) and SWOT items. Each item has
// a key stored as demo_key, so loading again skips what is already there.
#include <boost/json.hpp>
#include <map>

#include "base/clock.hpp"
#include "base/embedded.hpp"
#include "modules/participation/forum_store.hpp"
#include "modules/participation/json.hpp"
#include "modules/participation/module.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/rules.hpp"
#include "modules/participation/swot_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"
#include "thai/text.hpp"

namespace changwat::participation {
namespace {

constexpr std::string_view kDemoFile = "participation-demo-trat.json";
// When the demo forums were held and their needs gathered (for plan 2566–2570).
constexpr const char* kGatheredAt = "2022-03-25T03:00:00Z";

[[noreturn]] void bad_demo(const std::string& what) {
  throw Error(ErrorKind::internal, "bad_demo_data",
              {"ข้อมูลตัวอย่างความต้องการของประชาชนไม่ถูกต้อง: " + what,
               "Participation demo data is invalid: " + what});
}

std::string_view demo_document() {
  for (const EmbeddedFile& file : embedded_data())
    if (file.name == kDemoFile) return file.content;
  bad_demo(std::string(kDemoFile) + " is not embedded");
}

const boost::json::object& object_at(const boost::json::value& value, const std::string& where) {
  if (!value.is_object()) bad_demo(where + " is not an object");
  return value.get_object();
}

std::string text_at(const boost::json::object& object, const char* field,
                    const std::string& where) {
  const boost::json::value* value = object.if_contains(field);
  if (!value || !value->is_string()) bad_demo(where + ": " + field + " is missing");
  return std::string(value->get_string());
}

std::optional<std::string> optional_text_at(const boost::json::object& object, const char* field) {
  const boost::json::value* value = object.if_contains(field);
  if (!value || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

std::int64_t count_at(const boost::json::object& object, const char* field,
                      const std::string& where) {
  const boost::json::value* value = object.if_contains(field);
  if (!value || !value->is_int64() || value->get_int64() < 0)
    bad_demo(where + ": " + field + " is not a count");
  return value->get_int64();
}

template <class Enum>
Enum enum_at(const boost::json::object& object, const char* field, const std::string& where,
             std::optional<Enum> (*parse)(std::string_view)) {
  std::string text = text_at(object, field, where);
  std::optional<Enum> value = parse(text);
  if (!value) bad_demo(where + ": " + field + " '" + text + "' is unknown");
  return *value;
}

// The demo is loaded by the strategy office of the demo plan's province.
Principal demo_principal(const std::string& province_code) {
  Principal principal;
  principal.role = Role::strategy_officer;
  principal.province_code = province_code;
  return principal;
}

rules::Placement placement_at(const areas::AreaService& areas, const std::string& province_code,
                              const std::string& area_code, const std::string& where) {
  FieldErrors errors;
  std::optional<rules::Placement> placement =
      rules::place_for(areas, demo_principal(province_code), area_code, "area", errors);
  if (!placement)
    bad_demo(where + ": area " + area_code + " is not a district or lower in province " +
             province_code);
  return *placement;
}

class DemoLoader {
 public:
  DemoLoader(ParticipationService& service, db::Connection& connection, std::int64_t plan_id,
             std::string province_code)
      : service_(service),
        connection_(connection),
        plan_id_(plan_id),
        province_(std::move(province_code)) {}

  void forums(const boost::json::array& items) {
    load_each(items, "forum", forums_, &DemoLoader::load_forum, [&](const std::string& key) {
      return ForumStore(connection_).forum_id_by_demo_key(key);
    });
  }

  void needs(const boost::json::array& items) {
    load_each(items, "need", needs_, &DemoLoader::load_need, [&](const std::string& key) {
      return NeedStore(connection_).need_id_by_demo_key(key);
    });
  }

  void swot(const boost::json::array& items) {
    for (const boost::json::value& item : items) {
      const auto& object = object_at(item, "swot item");
      std::string key = text_at(object, "key", "swot item");
      std::string where = "swot item " + key;
      if (SwotStore(connection_).demo_swot_item_exists(key)) continue;
      SwotItem swot;
      swot.province_code = province_;
      swot.plan_id = plan_id_;
      swot.kind = enum_at<SwotKind>(object, "kind", where, parse_swot_kind);
      swot.dimension = enum_at<Dimension>(object, "dimension", where, parse_dimension);
      swot.text_th = text_at(object, "text_th", where);
      swot.text_en = text_at(object, "text_en", where);
      swot.evidence = text_at(object, "evidence", where);
      swot.evidence_source = optional_text_at(object, "evidence_source");
      swot.position = SwotStore(connection_).next_swot_position(plan_id_, swot.kind);
      swot.demo = true;
      swot.id = SwotStore(connection_).insert_swot_item(swot, std::nullopt, kGatheredAt, key);
      audit::record_in(connection_, province_, Actor::command_line(), "swot_item",
                       std::to_string(swot.id), "demo_load", nullptr, swot_json(swot));
    }
  }

 private:
  using Load = std::int64_t (DemoLoader::*)(const boost::json::object& object,
                                            const std::string& key, const std::string& where);

  // Loads each demo item of `items` (each a `what` with a "key") with `load` unless
  // `loaded_id(key)` finds it loaded already; either way `ids[key]` is then its id,
  // for the items loaded after it to refer to.
  template <class LoadedId>
  void load_each(const boost::json::array& items, const std::string& what,
                 std::map<std::string, std::int64_t>& ids, Load load, LoadedId loaded_id) {
    for (const boost::json::value& item : items) {
      const auto& object = object_at(item, what);
      std::string key = text_at(object, "key", what);
      std::optional<std::int64_t> loaded = loaded_id(key);
      ids[key] = loaded ? *loaded : (this->*load)(object, key, what + " " + key);
    }
  }

  std::int64_t load_forum(const boost::json::object& object, const std::string& key,
                          const std::string& where) {
    Forum forum;
    forum.province_code = province_;
    forum.plan_id = plan_id_;
    forum.title_th = text_at(object, "title_th", where);
    forum.title_en = text_at(object, "title_en", where);
    forum.held_on = thai::to_iso(thai::parse_date(text_at(object, "held_on", where)));
    rules::Placement placement =
        placement_at(service_.areas(), province_, text_at(object, "area", where), where);
    forum.area_code = placement.area_code;
    forum.district_code = placement.district_code;
    const auto& attendance = object_at(object.at("attendance"), where + " attendance");
    forum.attendance.people = count_at(attendance, "people", where);
    forum.attendance.private_sector = count_at(attendance, "private", where);
    forum.attendance.civil_society = count_at(attendance, "civil_society", where);
    forum.attendance.state = count_at(attendance, "state", where);
    forum.notes = optional_text_at(object, "notes").value_or("");
    forum.created_at = forum.held_on + "T09:00:00Z";
    forum.demo = true;
    forum.id = ForumStore(connection_).insert_forum(forum, key);
    audit::record_in(connection_, province_, Actor::command_line(), "forum",
                     std::to_string(forum.id), "demo_load", nullptr, forum_json(forum));
    return forum.id;
  }

  std::int64_t load_need(const boost::json::object& object, const std::string& key,
                         const std::string& where) {
    Need need = read_need(object, where);
    std::vector<NeedLink> links = read_links(object, where);
    if ((need.status == NeedStatus::linked) != !links.empty())
      bad_demo(where + ": status linked and links go together");
    if (need.status == NeedStatus::merged && !need.merged_into_id)
      bad_demo(where + ": a merged need names merged_into");

    std::string search_text = thai::search_text(need.title + "\n" + need.description);
    need.id =
        NeedStore(connection_).insert_need({need, search_text, std::nullopt, std::nullopt, key});
    for (NeedLink& link : links) {
      link.need_id = need.id;
      if (!NeedStore(connection_).insert_link(link)) bad_demo(where + ": the same link twice");
    }
    audit::record_in(connection_, province_, Actor::command_line(), "need", std::to_string(need.id),
                     "demo_load", nullptr, need_json(need, false));
    return need.id;
  }

  Need read_need(const boost::json::object& object, const std::string& where) {
    Need need;
    need.province_code = province_;
    need.plan_id = plan_id_;
    need.receipt = rules::new_receipt();
    need.title = text_at(object, "title", where);
    need.description = text_at(object, "description", where);
    FieldErrors errors;
    rules::check_text(errors, "title", need.title, kTitleMax);
    rules::check_text(errors, "description", need.description, kDescriptionMax);
    if (!errors.empty()) bad_demo(where + ": title or description is empty or too long");
    need.dimension = enum_at<Dimension>(object, "dimension", where, parse_dimension);
    need.sector = enum_at<Sector>(object, "sector", where, parse_sector);
    need.source = enum_at<NeedSource>(object, "source", where, parse_source);
    need.status = enum_at<NeedStatus>(object, "status", where, parse_status);
    rules::Placement placement =
        placement_at(service_.areas(), province_, text_at(object, "area", where), where);
    need.area_code = placement.area_code;
    need.district_code = placement.district_code;
    need.subdistrict_code = placement.subdistrict_code;
    if (auto forum = optional_text_at(object, "forum")) {
      auto found = forums_.find(*forum);
      if (found == forums_.end()) bad_demo(where + ": unknown forum " + *forum);
      need.forum_id = found->second;
    }
    need.decline_reason = optional_text_at(object, "reason");
    if (auto into = optional_text_at(object, "merged_into")) {
      auto found = needs_.find(*into);
      if (found == needs_.end()) bad_demo(where + ": merged_into " + *into + " must come first");
      need.merged_into_id = found->second;
    }
    if (const boost::json::value* contact = object.if_contains("contact")) {
      const auto& fields = object_at(*contact, where + " contact");
      need.contact.name = optional_text_at(fields, "name");
      need.contact.phone = optional_text_at(fields, "phone");
    }
    // Submissions still waiting for moderation arrived recently; the rest were
    // gathered while the plan was prepared.
    need.created_at = need.status == NeedStatus::pending_moderation
                          ? iso_utc(service_.options().now())
                          : kGatheredAt;
    need.updated_at = need.created_at;
    need.demo = true;
    return need;
  }

  std::vector<NeedLink> read_links(const boost::json::object& object, const std::string& where) {
    std::vector<NeedLink> links;
    const boost::json::value* codes = object.if_contains("links");
    if (!codes) return links;
    if (!codes->is_array()) bad_demo(where + ": links is not a list");
    for (const boost::json::value& code : codes->get_array()) {
      if (!code.is_string()) bad_demo(where + ": a link is not an element code");
      std::string text(code.get_string());
      std::optional<plan::ElementSummary> element =
          service_.plans().find_element_by_code(plan_id_, text);
      if (!element) bad_demo(where + ": the demo plan has no element " + text);
      if (element->kind != plan::ElementKind::guideline &&
          element->kind != plan::ElementKind::project)
        bad_demo(where + ": " + text + " is neither a guideline nor a project");
      links.push_back({0, element->element_id, std::string(plan::to_string(element->kind)),
                       kGatheredAt, std::nullopt});
    }
    return links;
  }

  ParticipationService& service_;
  db::Connection& connection_;
  std::int64_t plan_id_;
  std::string province_;  // the demo plan's
  std::map<std::string, std::int64_t> forums_;
  std::map<std::string, std::int64_t> needs_;
};

}  // namespace

void load_demo(ParticipationService& service) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(demo_document(), parse_error);
  if (parse_error) bad_demo("not JSON: " + parse_error.message());
  const auto& root = object_at(document, "document");
  std::string plan_key = text_at(root, "plan_demo_key", "document");
  std::optional<std::int64_t> plan_id = service.plans().plan_id_by_demo_key(plan_key);
  if (!plan_id) bad_demo("the demo plan " + plan_key + " is not loaded (load the plan demo first)");

  std::string province = service.plans().get_plan(Actor::command_line(), *plan_id).province_code;
  service.database().write([&](db::Connection& connection) {
    DemoLoader loader(service, connection, *plan_id, province);
    loader.forums(root.at("forums").as_array());
    loader.needs(root.at("needs").as_array());
    loader.swot(root.at("swot").as_array());
  });
}

}  // namespace changwat::participation
