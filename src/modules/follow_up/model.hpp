#pragma once
// Plain data of follow-up and review: committees, meetings with the standard agenda,
// frozen meeting packs, resolutions (มติ), directives (ข้อสั่งการ) and their status
// history, audit and inspection findings, evidence files, the yearly review. No
// database, no HTTP.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::follow_up {

enum class DirectiveStatus { open, in_progress, done, cancelled };
enum class FindingKind {
  internal_audit,
  governance_inspection,
  government_inspector,
  state_audit_office
};
enum class Risk { low, medium, high };
enum class FindingStatus { open, responded, closed };
enum class EvidenceOwner { directive, finding };

std::string_view to_string(DirectiveStatus status);
std::string_view to_string(FindingKind kind);
std::string_view to_string(Risk risk);
std::string_view to_string(FindingStatus status);
std::string_view to_string(EvidenceOwner owner);
std::optional<DirectiveStatus> parse_directive_status(std::string_view text);
std::optional<FindingKind> parse_finding_kind(std::string_view text);
std::optional<Risk> parse_risk(std::string_view text);
std::optional<FindingStatus> parse_finding_status(std::string_view text);
std::optional<EvidenceOwner> parse_evidence_owner(std::string_view text);
std::string_view name_th(DirectiveStatus status);
std::string_view name_th(FindingKind kind);
std::string_view name_th(Risk risk);

inline constexpr std::string_view kDirectiveStatusNames = "open, in_progress, done, cancelled";
inline constexpr std::string_view kFindingKindNames =
    "internal_audit, governance_inspection, government_inspector, state_audit_office";
inline constexpr std::string_view kRiskNames = "low, medium, high";
inline constexpr std::string_view kFindingStatusNames = "open, responded, closed";

struct Member {
  std::string agency_code;
  std::string seat_th;  // ประธาน, รองประธาน, กรรมการ, กรรมการและเลขานุการ …
  friend bool operator==(const Member&, const Member&) = default;
};

struct Committee {
  std::int64_t id = 0;
  std::string province_code;
  std::string short_th;  // ก.บ.จ.
  std::string name_th;
  std::string name_en;
  std::string purpose_th;
  std::vector<Member> members;
  bool demo = false;
  std::string created_by;
  std::string created_at;
  std::int64_t version = 1;
};

// The standard agenda of a provincial meeting (ระเบียบวาระการประชุม), items 1–6.
inline constexpr int kAgendaItems = 6;
std::string_view agenda_title_th(int item);  // 1 -> "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"

struct AgendaItem {
  int item = 1;            // 1..6
  std::string title_th;    // the standard title
  std::string details_th;  // what is brought under it at this meeting
  friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};
std::array<AgendaItem, kAgendaItems> standard_agenda();

struct Attendee {
  std::optional<std::string> agency_code;
  std::string name_th;      // the person or office as written in the minutes
  std::string position_th;  // ผู้ว่าราชการจังหวัด, หัวหน้าสำนักงานจังหวัด …
  friend bool operator==(const Attendee&, const Attendee&) = default;
};

struct Meeting {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t committee_id = 0;
  std::string held_on;  // ISO date
  std::string title_th;
  std::vector<Attendee> attendees;
  std::array<AgendaItem, kAgendaItems> agenda = standard_agenda();
  std::optional<std::int64_t> previous_meeting_id;
  std::optional<bool> previous_minutes_approved;  // none: not decided yet
  std::optional<std::string> previous_minutes_note_th;
  bool demo = false;
  std::string created_by;
  std::string created_at;
  std::int64_t version = 1;
};

// An issued pack: the documents' hashes and the summary figures; the bytes are read
// apart (PackStore::document).
struct Pack {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string province_code;
  int fiscal_year = 0;
  std::string summary_json;  // the pack's figures as issued (PackSummary as JSON)
  std::string pdf_sha256;
  std::string xlsx_sha256;
  bool demo = false;
  std::string issued_by;
  std::string issued_at;
};

struct Resolution {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t meeting_id = 0;
  int number = 1;       // within the meeting
  int agenda_item = 4;  // 1..6
  std::string text_th;
  bool demo = false;
  std::string created_by;
  std::string created_at;
};

struct DirectiveUpdate {
  DirectiveStatus status = DirectiveStatus::open;
  std::string note_th;
  bool demo = false;
  std::string created_by;
  std::string created_at;
};

struct Directive {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t meeting_id = 0;
  std::string text_th;
  std::string agency_code;
  std::string due_on;  // ISO date
  std::vector<std::int64_t> element_ids;
  DirectiveStatus status = DirectiveStatus::open;
  bool demo = false;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<DirectiveUpdate> history;  // filled by DirectiveStore::find
};

// Open or in progress and past its due date on `today` (ISO).
bool is_overdue(const Directive& directive, const std::string& today);

struct Finding {
  std::int64_t id = 0;
  std::string province_code;
  FindingKind kind = FindingKind::internal_audit;
  std::string agency_code;
  std::vector<std::int64_t> element_ids;
  std::string finding_th;
  Risk risk = Risk::medium;
  std::string recommendation_th;
  std::string due_on;
  FindingStatus status = FindingStatus::open;
  std::optional<std::string> response_th;
  std::optional<std::string> responded_by;
  std::optional<std::string> responded_at;
  std::optional<std::string> closure_note_th;
  std::vector<std::string> closure_evidence;
  std::optional<std::string> closed_by;
  std::optional<std::string> closed_at;
  bool demo = false;
  std::string created_by;
  std::string created_at;
  std::int64_t version = 1;
};

struct EvidenceFile {
  std::int64_t id = 0;
  std::string province_code;
  EvidenceOwner owner = EvidenceOwner::directive;
  std::int64_t owner_id = 0;
  std::string file_name;
  std::string content_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::string uploaded_by;
  std::string uploaded_at;
};

// The strategy office's entries of a year's review.
struct ReviewNotes {
  std::string province_code;
  int fiscal_year = 0;
  std::string lessons_th;
  std::vector<std::string> proposed_changes;
  std::optional<std::int64_t> revision_plan_id;
  std::optional<int> revision_version;
  bool demo = false;
  std::string updated_by;
  std::string updated_at;
  std::int64_t version = 0;  // 0: nothing stored yet
};

}  // namespace changwat::follow_up
