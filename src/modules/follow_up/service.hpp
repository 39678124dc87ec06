#pragma once
// Rules of follow-up and review with the database: rights, versions, one transaction
// per change with its audit entry. The strategy office (the governor's secretariat)
// and admins keep committees' meetings, resolutions, directives, packs and the yearly
// review; auditors and admins enter and close findings; an agency's officers answer
// the directives and findings of their own agency. Figures of packs and reviews come
// from the other modules' services, read inside this module's transaction.
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/follow_up/directive_store.hpp"
#include "modules/follow_up/model.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/monitoring/service.hpp"
#include "modules/participation/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "platform/areas/area_service.hpp"
#include "thai/calendar.hpp"

namespace changwat::follow_up {

// The services follow-up reads (packs and reviews) and the plan's versions (revision).
struct Sources {
  plan::PlanService& plans;
  participation::ParticipationService& participation;
  action_plan::ActionPlanService& action_plans;
  progress::ProgressService& progress;
  procurement::ProcurementService& procurement;
  kpi_results::KpiResultsService& kpis;
  monitoring::MonitoringService& monitoring;
};

struct NewCommittee {
  std::string short_th;
  std::string name_th;
  std::string name_en;
  std::string purpose_th;
  std::vector<Member> members;
};

struct NewMeeting {
  std::int64_t committee_id = 0;
  std::string held_on;
  std::string title_th;
  std::vector<Attendee> attendees;
  std::array<std::string, kAgendaItems> agenda_details;  // what comes under items 1–6
};

// What a secretary changes of a meeting after it is set up; unset fields stay.
struct MeetingChange {
  std::int64_t expected_version = 0;
  std::optional<std::vector<Attendee>> attendees;
  std::optional<std::array<std::string, kAgendaItems>> agenda_details;
  std::optional<bool> previous_minutes_approved;
  std::optional<std::string> previous_minutes_note_th;
};

struct NewResolution {
  int agenda_item = 4;
  std::string text_th;
};

struct NewDirective {
  std::int64_t meeting_id = 0;
  std::string text_th;
  std::string agency_code;
  std::string due_on;
  std::vector<std::int64_t> element_ids;
};

struct DirectiveReport {
  DirectiveStatus status = DirectiveStatus::in_progress;
  std::string note_th;
  std::optional<std::int64_t> expected_version;  // none: whatever is stored now
};

struct NewFinding {
  FindingKind kind = FindingKind::internal_audit;
  std::string agency_code;
  std::vector<std::int64_t> element_ids;
  std::string finding_th;
  Risk risk = Risk::medium;
  std::string recommendation_th;
  std::string due_on;
};

struct Closure {
  std::string note_th;
  std::vector<std::string> evidence;  // references of the evidence (documents, files)
  std::optional<std::int64_t> expected_version;
};

struct EvidenceUpload {
  std::string file_name;
  std::string content_type;
  std::string bytes;
};

struct MeetingView {
  Meeting meeting;
  Committee committee;
  std::optional<Pack> pack;
  std::vector<Resolution> resolutions;  // detail only
  std::vector<Directive> directives;    // detail only
};

struct DirectiveView {
  Directive directive;
  bool overdue = false;
  std::vector<EvidenceFile> evidence;  // detail only
};

struct FindingView {
  Finding finding;
  bool overdue = false;
  std::vector<EvidenceFile> evidence;  // detail only
};

// A resolution as another module cites it: "มติ ก.บ.จ. ครั้งที่ 2/2569 (12 ส.ค. 2569) ข้อ 1".
struct Citation {
  Resolution resolution;
  std::string citation_th;
};

// The yearly PDCA review: plan against results, with the strategy office's notes.
struct ReviewPack {
  int fiscal_year = 0;
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> plan_name_th;
  std::optional<std::int64_t> action_plan_id;
  int projects = 0;
  int projects_completed = 0;
  int projects_delayed = 0;
  int projects_cancelled = 0;
  std::int64_t allocated_satang = 0;
  std::int64_t disbursed_satang = 0;
  std::shared_ptr<const kpi_results::PlanScores> scores;
  std::int64_t needs_total = 0;
  std::int64_t needs_answered = 0;  // linked to a project or guideline of the plan
  int directives_total = 0;
  int directives_done = 0;
  int directives_overdue = 0;
  int findings_total = 0;
  int findings_closed = 0;
  ReviewNotes notes;
};

struct ReviewInput {
  std::string lessons_th;
  std::vector<std::string> proposed_changes;
  std::int64_t expected_version = 0;  // 0 when nothing is stored yet
};

struct RevisionStarted {
  std::int64_t plan_id = 0;
  plan::PlanVersion version;
};

class FollowUpService {
 public:
  // `today` gives the Thai civil day (tests and benchmarks set it).
  using Today = std::function<thai::Date()>;
  FollowUpService(db::Database& database, areas::AreaService& areas, Sources sources,
                  Today today = nullptr);

  // ---- Committees (every signed-in role; admins add and change) ----
  std::vector<Committee> committees(const Actor& actor) const;
  Committee create_committee(const Actor& actor, const NewCommittee& input);
  Committee set_members(const Actor& actor, std::int64_t id, const std::vector<Member>& members,
                        std::int64_t expected_version);

  // ---- Meetings, resolutions, packs ----
  std::vector<MeetingView> meetings(const Actor& actor,
                                    std::optional<std::int64_t> committee_id) const;
  MeetingView meeting(const Actor& actor, std::int64_t id) const;
  Meeting create_meeting(const Actor& actor, const NewMeeting& input);
  Meeting update_meeting(const Actor& actor, std::int64_t id, const MeetingChange& change);
  Resolution add_resolution(const Actor& actor, std::int64_t meeting_id,
                            const NewResolution& input);
  Resolution resolution(const Actor& actor, std::int64_t id) const;
  // Generates the pack from live data and freezes it; a meeting's pack is issued once
  // (409 pack_issued afterwards, nothing changes).
  Pack issue_pack(const Actor& actor, std::int64_t meeting_id);
  // The issued document's bytes (PDF or workbook), exactly as issued.
  std::pair<Pack, std::string> pack_document(const Actor& actor, std::int64_t meeting_id,
                                             bool pdf) const;

  // ---- Directives ----
  std::vector<DirectiveView> directives(const Actor& actor, const DirectiveFilter& filter,
                                        bool overdue_only) const;
  DirectiveView directive(const Actor& actor, std::int64_t id) const;
  Directive create_directive(const Actor& actor, const NewDirective& input);
  DirectiveView report(const Actor& actor, std::int64_t id, const DirectiveReport& input);

  // ---- Findings ----
  std::vector<FindingView> findings(const Actor& actor, const FindingFilter& filter) const;
  FindingView finding(const Actor& actor, std::int64_t id) const;
  Finding create_finding(const Actor& actor, const NewFinding& input);
  FindingView respond(const Actor& actor, std::int64_t id, const std::string& response_th,
                      std::optional<std::int64_t> expected_version);
  FindingView close(const Actor& actor, std::int64_t id, const Closure& closure);

  // ---- Evidence files of a directive (its agency, the secretariat) or a finding
  // (its agency, auditors) ----
  EvidenceFile add_evidence(const Actor& actor, EvidenceOwner owner, std::int64_t owner_id,
                            const EvidenceUpload& upload);
  std::pair<EvidenceFile, std::string> evidence_file(const Actor& actor, EvidenceOwner owner,
                                                     std::int64_t owner_id,
                                                     std::int64_t file_id) const;

  // ---- Yearly review (staff read; the strategy office writes) ----
  ReviewPack review(const Actor& actor, int fiscal_year) const;
  ReviewNotes set_review_notes(const Actor& actor, int fiscal_year, const ReviewInput& input);
  // Starts a revision (a new draft version) of the plan the year's action plan follows,
  // noting the proposed changes; the plan module refuses it while a draft is open (422).
  RevisionStarted start_revision(const Actor& actor, int fiscal_year);

  // ---- For other modules: a resolution to cite (no rights: the number is public) ----
  std::optional<Citation> cite(std::int64_t resolution_id) const;

  // ---- For the demo loader, tests and benchmarks ----
  Pack issue_pack_as(const Actor& actor, std::int64_t meeting_id, bool demo);
  thai::Date today() const;
  db::Database& database() const { return database_; }
  areas::AreaService& areas() const { return areas_; }
  const Sources& sources() const { return sources_; }

 private:
  std::string today_iso() const;
  // To whom and by when a directive or a finding is given: with `errors` (the other
  // fields' checks) a missing agency or a malformed date is 400; then an unknown agency,
  // project or KPI, and (`future_only`) a due date before today are 422.
  struct Assignment {
    const std::string& agency_code;
    const std::string& due_on;
    const std::vector<std::int64_t>& element_ids;
    bool future_only = false;
  };
  void check_assignment(FieldErrors& errors, const std::string& province_code,
                        const Assignment& assignment) const;
  bool known_agency(const std::string& province_code, const std::string& agency_code) const;
  std::optional<action_plan::ActionPlan> action_plan_of(const std::string& province_code,
                                                        int fiscal_year) const;

  db::Database& database_;
  areas::AreaService& areas_;
  Sources sources_;
  Today today_;
};

}  // namespace changwat::follow_up
