#include "modules/health/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"
#include "modules/health/rules.hpp"

namespace changwat::health {
namespace {

std::string name(auto value) { return std::string(to_string(value)); }

boost::json::object legal_basis() {
  return {{"code", std::string(kLegalBasis)}, {"th", std::string(kLegalBasisTh)}};
}

}  // namespace

boost::json::array names_json(const std::vector<std::string>& names) {
  boost::json::array items;
  for (const auto& item : names) items.emplace_back(item);
  return items;
}

boost::json::object outbreak_json(const Outbreak& o) {
  boost::json::array periods;
  for (const auto& p : o.legal_periods)
    periods.push_back(
        {{"category", name(p.category)}, {"from", p.from}, {"to", json_or_null(p.to)}});
  boost::json::array orders;
  for (const auto& order : o.orders)
    orders.push_back(
        {{"title_th", order.title_th}, {"from", order.from}, {"to", json_or_null(order.to)}});
  return {
      {"id", o.id},
      {"disease_code", o.disease_code},
      {"name_th", o.name_th},
      {"started_on", o.started_on},
      {"ended_on", json_or_null(o.ended_on)},
      {"follow_up_days", o.follow_up_days},
      {"visits_per_day", o.visits_per_day},
      {"not_seen_alert_days", o.not_seen_alert_days},
      {"zero_case_days", o.zero_case_days},
      {"case_id_mask", o.case_id_mask},
      {"eoc_level", o.eoc_level},
      {"retention_until", o.retention_until},
      {"legal_periods", std::move(periods)},
      {"orders", std::move(orders)},
      // The configuration's fixed lists, so a form need not hard-code them.
      {"classifications", names_json({"pui", "suspect", "probable", "confirmed", "not_a_case"})},
      {"risk_levels", names_json({"high", "low"})},
      {"quarantine_types", names_json({"home", "local", "state", "hospital"})},
      {"demo", o.demo},
      {"version", o.version}};
}

boost::json::object checkpoint_json(const Checkpoint& c) {
  return {{"id", c.id},
          {"name_th", c.name_th},
          {"name_km", json_or_null(c.name_km)},
          {"kind", name(c.kind)},
          {"kind_th", std::string(name_th(c.kind))},
          {"area_code", c.area_code},
          {"demo", c.demo}};
}

boost::json::object person_json(const Person& p, bool masked) {
  return {{"id", p.id},
          {"id_type", name(p.id_type)},
          {"id_number",
           masked ? boost::json::value(rules::mask_id(p.id_number)) : json_or_null(p.id_number)},
          {"name", masked ? rules::mask_name(p.name) : p.name},
          {"phone", json_or_null(masked ? rules::mask_phone(p.phone) : p.phone)},
          {"masked", masked},
          {"anonymised", p.anonymised},
          {"legal_basis", legal_basis()},
          {"demo", p.demo}};
}

boost::json::object case_json(const Case& c) {
  return {{"id", c.id},
          {"outbreak_id", c.outbreak_id},
          {"case_number", c.case_number},
          {"person_id", c.person_id},
          {"classification", name(c.classification)},
          {"onset_on", json_or_null(c.onset_on)},
          {"reported_on", c.reported_on},
          {"infected_in", name(c.infected_in)},
          {"district_code", json_or_null(c.district_code)},
          {"place_of_care", json_or_null(c.place_of_care, [](auto v) { return name(v); })},
          {"outcome", json_or_null(c.outcome, [](auto v) { return name(v); })},
          {"episode", c.episode},
          {"source_case_id", json_or_null(c.source_case_id)},
          {"from_contact_id", json_or_null(c.from_contact_id)},
          {"cluster_id", json_or_null(c.cluster_id)},
          {"suspected_at", c.suspected_at},
          {"notice_due_at", json_or_null(c.notice_due_at)},
          {"notified_at", json_or_null(c.notified_at)},
          {"legal_basis", std::string(kLegalBasis)},
          {"demo", c.demo},
          {"version", c.version}};
}

boost::json::object contact_json(const Contact& c) {
  return {{"id", c.id},
          {"outbreak_id", c.outbreak_id},
          {"case_id", json_or_null(c.case_id)},
          {"event_id", json_or_null(c.event_id)},
          {"person_id", c.person_id},
          {"last_contact_on", c.last_contact_on},
          {"exposure", name(c.exposure)},
          {"risk", name(c.risk)},
          {"follow_up_until", c.follow_up_until},
          {"team_id", json_or_null(c.team_id)},
          {"district_code", json_or_null(c.district_code)},
          {"status", name(c.status)},
          {"last_visit_on", json_or_null(c.last_visit_on)},
          {"last_visit_status", json_or_null(c.last_visit_status, [](auto v) { return name(v); })},
          {"converted_case_id", json_or_null(c.converted_case_id)},
          {"legal_basis", std::string(kLegalBasis)},
          {"demo", c.demo}};
}

boost::json::object follow_up_json(const FollowUp& f) {
  return {{"id", f.id},
          {"contact_id", f.contact_id},
          {"team_id", json_or_null(f.team_id)},
          {"due_on", f.due_on},
          {"visit", f.visit},
          {"performed", json_or_null(f.performed)},
          {"symptoms", names_json(f.symptoms)},
          {"done_at", json_or_null(f.done_at)},
          {"done_by", json_or_null(f.done_by)}};
}

boost::json::object access_json(const AccessEntry& e) {
  return {{"user", e.user},
          {"at", e.at},
          {"reason", json_or_null(e.reason)},
          {"break_glass", e.break_glass}};
}

boost::json::object team_json(const Team& t) {
  return {{"id", t.id},
          {"kind", name(t.kind)},
          {"name_th", t.name_th},
          {"area_code", json_or_null(t.area_code)},
          {"demo", t.demo}};
}

boost::json::object breach_json(const Breach& b, const std::string& now) {
  return {{"id", b.id},
          {"discovered_at", b.discovered_at},
          {"description", b.description},
          {"people_affected", b.people_affected},
          {"high_risk", b.high_risk},
          {"notify_due_at", b.notify_due_at},
          {"notified_at", json_or_null(b.notified_at)},
          {"overdue", !b.notified_at && b.notify_due_at < now},
          {"recorded_by", b.recorded_by}};
}

}  // namespace changwat::health
