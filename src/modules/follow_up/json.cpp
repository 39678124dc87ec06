#include "modules/follow_up/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::follow_up {
namespace {

boost::json::array ids_json(const std::vector<std::int64_t>& ids) {
  boost::json::array array;
  for (std::int64_t id : ids) array.push_back(id);
  return array;
}

boost::json::array texts_json(const std::vector<std::string>& texts) {
  boost::json::array array;
  for (const std::string& text : texts) array.push_back(boost::json::string(text));
  return array;
}

std::string pack_path(std::int64_t meeting_id, const char* file) {
  return "/api/v1/meetings/" + std::to_string(meeting_id) + "/pack/" + file;
}

std::string evidence_url(const EvidenceFile& file) {
  return "/api/v1/" +
         std::string(file.owner == EvidenceOwner::directive ? "directives/" : "findings/") +
         std::to_string(file.owner_id) + "/evidence/" + std::to_string(file.id);
}

}  // namespace

boost::json::object committee_json(const Committee& committee) {
  boost::json::array members;
  for (const Member& member : committee.members)
    members.push_back({{"agency", member.agency_code}, {"seat_th", member.seat_th}});
  return {{"id", committee.id},
          {"short_th", committee.short_th},
          {"name_th", committee.name_th},
          {"name_en", committee.name_en},
          {"purpose_th", committee.purpose_th},
          {"members", std::move(members)},
          {"demo", committee.demo},
          {"version", committee.version}};
}

boost::json::object meeting_json(const Meeting& meeting) {
  boost::json::array attendees;
  for (const Attendee& attendee : meeting.attendees)
    attendees.push_back({{"agency", json_or_null(attendee.agency_code)},
                         {"name_th", attendee.name_th},
                         {"position_th", attendee.position_th}});
  boost::json::array agenda;
  for (const AgendaItem& item : meeting.agenda)
    agenda.push_back(
        {{"item", item.item}, {"title_th", item.title_th}, {"details_th", item.details_th}});
  return {{"id", meeting.id},
          {"committee_id", meeting.committee_id},
          {"held_on", meeting.held_on},
          {"title_th", meeting.title_th},
          {"attendees", std::move(attendees)},
          {"agenda", std::move(agenda)},
          {"previous_meeting_id", json_or_null(meeting.previous_meeting_id)},
          {"previous_minutes_approved", json_or_null(meeting.previous_minutes_approved)},
          {"previous_minutes_note_th", json_or_null(meeting.previous_minutes_note_th)},
          {"demo", meeting.demo},
          {"created_by", meeting.created_by},
          {"created_at", meeting.created_at},
          {"version", meeting.version}};
}

boost::json::object meeting_view_json(const MeetingView& view, const std::string& today,
                                      bool detail) {
  boost::json::object object = meeting_json(view.meeting);
  object["committee_short_th"] = view.committee.short_th;
  object["committee_name_th"] = view.committee.name_th;
  object["pack"] =
      view.pack ? boost::json::value(pack_json(*view.pack)) : boost::json::value(nullptr);
  if (detail) {
    boost::json::array resolutions;
    for (const Resolution& resolution : view.resolutions)
      resolutions.push_back(resolution_json(resolution));
    boost::json::array directives;
    for (const Directive& directive : view.directives)
      directives.push_back(directive_json(directive, is_overdue(directive, today)));
    object["resolutions"] = std::move(resolutions);
    object["directives"] = std::move(directives);
  }
  return object;
}

boost::json::object pack_json(const Pack& pack) {
  boost::json::value summary = boost::json::parse(pack.summary_json);
  return {{"id", pack.id},
          {"meeting_id", pack.meeting_id},
          {"fiscal_year", pack.fiscal_year},
          {"pdf_url", pack_path(pack.meeting_id, "pack.pdf")},
          {"xlsx_url", pack_path(pack.meeting_id, "pack.xlsx")},
          {"pdf_sha256", pack.pdf_sha256},
          {"xlsx_sha256", pack.xlsx_sha256},
          {"summary", summary.is_object() ? summary.get_object() : boost::json::object{}},
          {"demo", pack.demo},
          {"issued_by", pack.issued_by},
          {"issued_at", pack.issued_at}};
}

boost::json::object resolution_json(const Resolution& resolution) {
  return {{"id", resolution.id},
          {"meeting_id", resolution.meeting_id},
          {"number", resolution.number},
          {"agenda_item", resolution.agenda_item},
          {"text_th", resolution.text_th},
          {"demo", resolution.demo},
          {"created_by", resolution.created_by},
          {"created_at", resolution.created_at}};
}

boost::json::object directive_json(const Directive& directive, bool overdue) {
  return {{"id", directive.id},
          {"meeting_id", directive.meeting_id},
          {"text_th", directive.text_th},
          {"agency", directive.agency_code},
          {"due_on", directive.due_on},
          {"element_ids", ids_json(directive.element_ids)},
          {"status", std::string(to_string(directive.status))},
          {"status_th", std::string(name_th(directive.status))},
          {"overdue", overdue},
          {"demo", directive.demo},
          {"created_by", directive.created_by},
          {"created_at", directive.created_at},
          {"updated_at", directive.updated_at},
          {"version", directive.version}};
}

boost::json::object directive_view_json(const DirectiveView& view, bool detail) {
  boost::json::object object = directive_json(view.directive, view.overdue);
  if (detail) {
    boost::json::array history;
    for (const DirectiveUpdate& update : view.directive.history)
      history.push_back({{"status", std::string(to_string(update.status))},
                         {"note_th", update.note_th},
                         {"by", update.created_by},
                         {"at", update.created_at}});
    boost::json::array evidence;
    for (const EvidenceFile& file : view.evidence) evidence.push_back(evidence_json(file));
    object["history"] = std::move(history);
    object["evidence"] = std::move(evidence);
  }
  return object;
}

boost::json::object finding_json(const Finding& finding, bool overdue) {
  return {{"id", finding.id},
          {"kind", std::string(to_string(finding.kind))},
          {"kind_th", std::string(name_th(finding.kind))},
          {"agency", finding.agency_code},
          {"element_ids", ids_json(finding.element_ids)},
          {"finding_th", finding.finding_th},
          {"risk", std::string(to_string(finding.risk))},
          {"recommendation_th", finding.recommendation_th},
          {"due_on", finding.due_on},
          {"status", std::string(to_string(finding.status))},
          {"overdue", overdue},
          {"response_th", json_or_null(finding.response_th)},
          {"responded_by", json_or_null(finding.responded_by)},
          {"responded_at", json_or_null(finding.responded_at)},
          {"closure_note_th", json_or_null(finding.closure_note_th)},
          {"closure_evidence", texts_json(finding.closure_evidence)},
          {"closed_by", json_or_null(finding.closed_by)},
          {"closed_at", json_or_null(finding.closed_at)},
          {"demo", finding.demo},
          {"created_by", finding.created_by},
          {"created_at", finding.created_at},
          {"version", finding.version}};
}

boost::json::object finding_view_json(const FindingView& view, bool detail) {
  boost::json::object object = finding_json(view.finding, view.overdue);
  if (detail) {
    boost::json::array evidence;
    for (const EvidenceFile& file : view.evidence) evidence.push_back(evidence_json(file));
    object["evidence"] = std::move(evidence);
  }
  return object;
}

boost::json::object evidence_json(const EvidenceFile& file) {
  return {{"id", file.id},
          {"file_name", file.file_name},
          {"content_type", file.content_type},
          {"size_bytes", file.size_bytes},
          {"sha256", file.sha256},
          {"url", evidence_url(file)},
          {"uploaded_by", file.uploaded_by},
          {"uploaded_at", file.uploaded_at}};
}

boost::json::object review_notes_json(const ReviewNotes& notes) {
  return {{"fiscal_year", notes.fiscal_year},
          {"lessons_th", notes.lessons_th},
          {"proposed_changes", texts_json(notes.proposed_changes)},
          {"revision_plan_id", json_or_null(notes.revision_plan_id)},
          {"revision_version", json_or_null(notes.revision_version)},
          {"demo", notes.demo},
          {"updated_by", notes.updated_by.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(notes.updated_by)},
          {"version", notes.version}};
}

boost::json::object review_json(const ReviewPack& pack) {
  boost::json::array kpis;
  if (pack.scores) {
    for (const kpi_results::KpiScore& kpi : pack.scores->kpis)
      kpis.push_back({{"element_id", kpi.element_id},
                      {"code", kpi.code},
                      {"text_th", kpi.text_th},
                      {"target", json_or_null(kpi.target)},
                      {"value", json_or_null(kpi.value)},
                      {"score", json_or_null(kpi.score)},
                      {"on_track", json_or_null(kpi.on_track)}});
  }
  return {
      {"fiscal_year", pack.fiscal_year},
      {"plan_id", json_or_null(pack.plan_id)},
      {"plan_name_th", json_or_null(pack.plan_name_th)},
      {"action_plan_id", json_or_null(pack.action_plan_id)},
      {"kpis", std::move(kpis)},
      {"province_score",
       pack.scores ? json_or_null(pack.scores->province) : boost::json::value(nullptr)},
      {"money",
       {{"allocated_satang", pack.allocated_satang}, {"disbursed_satang", pack.disbursed_satang}}},
      {"projects",
       {{"total", pack.projects},
        {"completed", pack.projects_completed},
        {"delayed", pack.projects_delayed},
        {"cancelled", pack.projects_cancelled}}},
      {"needs", {{"total", pack.needs_total}, {"answered", pack.needs_answered}}},
      {"directives",
       {{"total", pack.directives_total},
        {"done", pack.directives_done},
        {"overdue", pack.directives_overdue}}},
      {"findings", {{"total", pack.findings_total}, {"closed", pack.findings_closed}}},
      {"lessons_th", pack.notes.lessons_th},
      {"proposed_changes", texts_json(pack.notes.proposed_changes)},
      {"revision_plan_id", json_or_null(pack.notes.revision_plan_id)},
      {"revision_version", json_or_null(pack.notes.revision_version)},
      {"version", pack.notes.version}};
}

}  // namespace changwat::follow_up
