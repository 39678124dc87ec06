// Loads data/follow-up-demo-trat.json: the province's committees with their member
// agencies, two past meetings with resolutions, directives with their status history
// and findings (marked demo), then issues the meetings' packs from the other modules'
// demo data. Items are keyed (demo_key), so loading again skips what is there. The
// province is the demo plan's, never a constant.
#include <boost/json.hpp>
#include <map>

#include "base/clock.hpp"
#include "modules/follow_up/directive_store.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/meeting_store.hpp"
#include "modules/follow_up/module.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/demo_file.hpp"

namespace changwat::follow_up {
namespace {

const char* kLoader = "demo";

std::string text_at(const platform::DemoFile& file, const boost::json::value& item, std::size_t i) {
  const auto& array = item.as_array();
  if (i >= array.size() || !array[i].is_string())
    file.fail("a list item misses its text " + std::to_string(i));
  return std::string(array[i].get_string());
}

struct Loader {
  const platform::DemoFile& file;
  db::Connection& connection;
  plan::PlanService& plans;
  std::int64_t plan_id;
  std::string province;
  Actor actor = Actor::command_line();
  std::map<std::string, std::int64_t> committees{};
  std::map<std::string, std::int64_t> meetings{};

  std::vector<std::int64_t> projects(const boost::json::object& object) {
    std::vector<std::int64_t> ids;
    for (const auto& code : file.array(object, "projects")) {
      auto element = plans.find_element_by_code(plan_id, std::string(code.as_string()));
      if (!element)
        file.fail("project " + std::string(code.as_string()) + " is not in the demo plan");
      ids.push_back(element->element_id);
    }
    return ids;
  }

  void load_committees(const boost::json::object& root) {
    CommitteeStore store(connection);
    for (const auto& value : file.array(root, "committees")) {
      const auto& object = file.as_object(value);
      std::string key = "follow-up-committee-" + file.text(object, "key");
      if (auto id = store.id_by_demo_key(key)) {
        committees[file.text(object, "key")] = *id;
        continue;
      }
      Committee committee;
      committee.province_code = province;
      committee.short_th = file.text(object, "short_th");
      committee.name_th = file.text(object, "name_th");
      committee.name_en = file.text(object, "name_en");
      committee.purpose_th = file.text(object, "purpose_th");
      for (const auto& member : file.array(object, "members"))
        committee.members.push_back({text_at(file, member, 0), text_at(file, member, 1)});
      committee.demo = true;
      committee.created_by = kLoader;
      committee.created_at = iso_utc_now();
      committee.id = store.insert(committee, key);
      committees[file.text(object, "key")] = committee.id;
      audit::record_in(connection, province, actor, "follow_up_committee",
                       std::to_string(committee.id), "demo_load", nullptr,
                       committee_json(committee));
    }
  }

  void load_meetings(const boost::json::object& root) {
    MeetingStore store(connection);
    for (const auto& value : file.array(root, "meetings")) {
      const auto& object = file.as_object(value);
      std::string name = file.text(object, "key");
      std::string key = "follow-up-meeting-" + name;
      if (auto id = store.id_by_demo_key(key)) {
        meetings[name] = *id;
        continue;
      }
      Meeting meeting;
      meeting.province_code = province;
      meeting.committee_id = committees.at(file.text(object, "committee"));
      meeting.held_on = file.text(object, "held_on");
      meeting.title_th = file.text(object, "title_th");
      for (const auto& attendee : file.array(object, "attendees"))
        meeting.attendees.push_back(
            {text_at(file, attendee, 0), text_at(file, attendee, 1), text_at(file, attendee, 2)});
      std::size_t item = 0;
      for (const auto& details : file.array(object, "agenda"))
        if (item < meeting.agenda.size())
          meeting.agenda[item++].details_th = std::string(details.as_string());
      meeting.previous_meeting_id = store.previous_of(meeting.committee_id, meeting.held_on);
      meeting.previous_minutes_approved = file.flag(object, "previous_minutes_approved");
      meeting.demo = true;
      meeting.created_by = kLoader;
      meeting.created_at = iso_utc_now();
      meeting.id = store.insert(meeting, key);
      meetings[name] = meeting.id;
      int number = 0;
      for (const auto& resolution : file.array(object, "resolutions")) {
        const auto& pair = resolution.as_array();
        Resolution row;
        row.province_code = province;
        row.meeting_id = meeting.id;
        row.number = ++number;
        row.agenda_item = static_cast<int>(pair.at(0).to_number<std::int64_t>());
        row.text_th = text_at(file, resolution, 1);
        row.demo = true;
        row.created_by = kLoader;
        row.created_at = meeting.created_at;
        row.id = store.insert_resolution(row);
      }
      audit::record_in(connection, province, actor, "follow_up_meeting", std::to_string(meeting.id),
                       "demo_load", nullptr, meeting_json(meeting));
    }
  }

  void load_directives(const boost::json::object& root) {
    DirectiveStore store(connection);
    for (const auto& value : file.array(root, "directives")) {
      const auto& object = file.as_object(value);
      std::string key = "follow-up-directive-" + file.text(object, "key");
      if (store.id_by_demo_key(key)) continue;
      Directive directive;
      directive.province_code = province;
      directive.meeting_id = meetings.at(file.text(object, "meeting"));
      directive.text_th = file.text(object, "text_th");
      directive.agency_code = file.text(object, "agency");
      directive.due_on = file.text(object, "due_on");
      directive.element_ids = projects(object);
      directive.demo = true;
      directive.created_by = kLoader;
      directive.created_at = iso_utc_now();
      directive.updated_at = directive.created_at;
      std::vector<DirectiveUpdate> history{
          {DirectiveStatus::open, "", true, kLoader, directive.created_at}};
      for (const auto& step : file.array(object, "history")) {
        auto status = parse_directive_status(text_at(file, step, 0));
        if (!status) file.fail("directive " + key + ": unknown status");
        history.push_back({*status, text_at(file, step, 1), true, kLoader, directive.created_at});
        directive.status = *status;
      }
      directive.id = store.insert(directive, key);
      for (const DirectiveUpdate& update : history) store.add_update(directive.id, update);
      audit::record_in(connection, province, actor, "follow_up_directive",
                       std::to_string(directive.id), "demo_load", nullptr,
                       directive_json(directive, false));
    }
  }

  void load_findings(const boost::json::object& root) {
    FindingStore store(connection);
    for (const auto& value : file.array(root, "findings")) {
      const auto& object = file.as_object(value);
      std::string key = "follow-up-finding-" + file.text(object, "key");
      if (store.id_by_demo_key(key)) continue;
      Finding finding;
      finding.province_code = province;
      finding.kind = file.enumerated(object, "kind", parse_finding_kind);
      finding.agency_code = file.text(object, "agency");
      finding.element_ids = projects(object);
      finding.finding_th = file.text(object, "finding_th");
      finding.risk = file.enumerated(object, "risk", parse_risk);
      finding.recommendation_th = file.text(object, "recommendation_th");
      finding.due_on = file.text(object, "due_on");
      finding.demo = true;
      finding.created_by = kLoader;
      finding.created_at = iso_utc_now();
      if (auto response = file.optional_text(object, "response_th")) {
        finding.status = FindingStatus::responded;
        finding.response_th = response;
        finding.responded_by = kLoader;
        finding.responded_at = finding.created_at;
      }
      if (const auto* closure = object.if_contains("closure")) {
        const auto& closed = file.as_object(*closure);
        finding.status = FindingStatus::closed;
        finding.closure_note_th = file.text(closed, "note_th");
        for (const auto& evidence : file.array(closed, "evidence"))
          finding.closure_evidence.emplace_back(evidence.as_string());
        finding.closed_by = kLoader;
        finding.closed_at = finding.created_at;
      }
      finding.id = store.insert(finding, key);
      audit::record_in(connection, province, actor, "follow_up_finding", std::to_string(finding.id),
                       "demo_load", nullptr, finding_json(finding, false));
    }
  }
};

}  // namespace

void load_demo(FollowUpService& service) {
  platform::DemoFile file("follow-up-demo-trat.json");
  const auto& root = file.root();
  std::string plan_key = file.text(root, "plan_demo_key");
  plan::PlanService& plans = service.sources().plans;
  auto plan_id = plans.plan_id_by_demo_key(plan_key);
  if (!plan_id)
    file.fail("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  std::string province = plans.get_plan(Actor::command_line(), *plan_id).province_code;

  std::vector<std::int64_t> meetings;
  service.database().write([&](db::Connection& connection) {
    Loader loader{file, connection, plans, *plan_id, province};
    loader.load_committees(root);
    loader.load_meetings(root);
    loader.load_directives(root);
    loader.load_findings(root);
    for (const auto& [key, id] : loader.meetings) meetings.push_back(id);
  });
  // Packs from the other modules' demo data as it stands now, issued once.
  for (std::int64_t meeting_id : meetings) {
    bool issued = service.database().read([&](db::Connection& connection) {
      return MeetingStore(connection).pack_of(meeting_id).has_value();
    });
    if (!issued) service.issue_pack_as(Actor::command_line(), meeting_id, true);
  }
}

}  // namespace changwat::follow_up
