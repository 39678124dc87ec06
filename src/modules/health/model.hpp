#pragma once
// Plain data of epidemic control (TRAT-FC): outbreaks and their configuration,
// checkpoints and screenings, people, cases with lab tests, contacts with daily
// follow-up visits, teams, the breach register. No database, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::health {

// Each enum's names (SQL, JSON) are in model.cpp, in declaration order.
enum class CheckpointKind {
  province_border,
  district,
  subdistrict,
  village,
  pier,
  island,
  border_crossing,
  international_control
};
enum class IdType { thai_id, passport, cambodian_id, other };
enum class Decision { cleared, refer, quarantine };
// In the order a case moves forward; not_a_case is below them all (a discarded case).
enum class Classification { not_a_case, pui, suspect, probable, confirmed };
enum class InfectedIn { local, other_province, cross_border };
enum class Exposure { household, workplace, community, travel, healthcare, other };
enum class Risk { high, low };
enum class PlaceOfCare { hospital, field_hospital, home_isolation, community_isolation };
enum class Outcome { under_treatment, recovered, dead, referred_out, unknown };
enum class LabKind { rt_pcr, atk };
enum class LabResult { positive, negative, inconclusive };
// The last visit of a contact, kept on the contact (no scan of visits for a board).
enum class VisitStatus { seen, symptomatic, not_found };
enum class ContactStatus { following, completed, converted };
enum class TeamKind { srrt, cdcu, mcatt, treatment, active_case_finding, volunteers, measures };
enum class LegalCategory { dangerous, under_surveillance, notifiable };

#define CHANGWAT_HEALTH_ENUM(Enum, parse) \
  std::string_view to_string(Enum value); \
  std::optional<Enum> parse(std::string_view text);
CHANGWAT_HEALTH_ENUM(CheckpointKind, parse_checkpoint_kind)
CHANGWAT_HEALTH_ENUM(IdType, parse_id_type)
CHANGWAT_HEALTH_ENUM(Decision, parse_decision)
CHANGWAT_HEALTH_ENUM(Classification, parse_classification)
CHANGWAT_HEALTH_ENUM(InfectedIn, parse_infected_in)
CHANGWAT_HEALTH_ENUM(Exposure, parse_exposure)
CHANGWAT_HEALTH_ENUM(Risk, parse_risk)
CHANGWAT_HEALTH_ENUM(PlaceOfCare, parse_place_of_care)
CHANGWAT_HEALTH_ENUM(Outcome, parse_outcome)
CHANGWAT_HEALTH_ENUM(LabKind, parse_lab_kind)
CHANGWAT_HEALTH_ENUM(LabResult, parse_lab_result)
CHANGWAT_HEALTH_ENUM(VisitStatus, parse_visit_status)
CHANGWAT_HEALTH_ENUM(ContactStatus, parse_contact_status)
CHANGWAT_HEALTH_ENUM(TeamKind, parse_team_kind)
CHANGWAT_HEALTH_ENUM(LegalCategory, parse_legal_category)
#undef CHANGWAT_HEALTH_ENUM

// Thai names people read (labels of the board and the export).
std::string_view name_th(Classification value);
std::string_view name_th(CheckpointKind value);

// The names accepted, for "must be one of" messages.
inline constexpr std::string_view kCheckpointKinds =
    "province_border, district, subdistrict, village, pier, island, border_crossing, "
    "international_control";
inline constexpr std::string_view kIdTypes = "thai_id, passport, cambodian_id, other";
inline constexpr std::string_view kDecisions = "cleared, refer, quarantine";
inline constexpr std::string_view kClassifications =
    "pui, suspect, probable, confirmed, not_a_case";
inline constexpr std::string_view kInfectedIn = "local, other_province, cross_border";
inline constexpr std::string_view kExposures =
    "household, workplace, community, travel, healthcare, other";
inline constexpr std::string_view kRisks = "high, low";
inline constexpr std::string_view kPlacesOfCare =
    "hospital, field_hospital, home_isolation, community_isolation";
inline constexpr std::string_view kOutcomes =
    "under_treatment, recovered, dead, referred_out, unknown";
inline constexpr std::string_view kLabKinds = "rt_pcr, atk";
inline constexpr std::string_view kLabResults = "positive, negative, inconclusive";
inline constexpr std::string_view kTeamKinds =
    "srrt, cdcu, mcatt, treatment, active_case_finding, volunteers, measures";
inline constexpr std::string_view kLegalCategories = "dangerous, under_surveillance, notifiable";

// Every record about a person says why it may be kept without consent (PDPA s.26).
inline constexpr std::string_view kLegalBasis = "pdpa_s26_5_b_cda_2558";
inline constexpr std::string_view kLegalBasisTh =
    "ประโยชน์สาธารณะด้านการสาธารณสุข (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ม.26(5)(ข)) "
    "ประกอบ พ.ร.บ.โรคติดต่อ พ.ศ. 2558";

// A legal category in force from `from` (ISO date) up to `to` (inclusive; none: open).
struct LegalPeriod {
  LegalCategory category = LegalCategory::dangerous;
  std::string from;
  std::optional<std::string> to;
};

// An order of the provincial communicable disease committee (closures, measures).
struct Order {
  std::string title_th;
  std::string from;
  std::optional<std::string> to;
};

struct Outbreak {
  std::int64_t id = 0;
  std::string province_code;
  std::string disease_code;  // e.g. "covid19"
  std::string name_th;
  std::string started_on;
  std::optional<std::string> ended_on;  // none: open
  int follow_up_days = 14;
  int visits_per_day = 1;
  int not_seen_alert_days = 2;
  int zero_case_days = 28;   // "COVID=0": no new local case for this many days
  std::string case_id_mask;  // {disease} {yyyy} (Buddhist era) {seq:N}
  int eoc_level = 1;
  std::string retention_until;  // after it: purge or anonymise; exports refused
  std::vector<LegalPeriod> legal_periods;
  std::vector<Order> orders;
  bool demo = false;
  std::int64_t version = 1;
};

struct Person {
  std::int64_t id = 0;
  std::string province_code;
  IdType id_type = IdType::other;
  std::optional<std::string> id_number;
  std::string name;
  std::optional<std::string> phone;
  bool demo = false;
  bool anonymised = false;
  std::string created_at;
};

// A person as a request names them.
struct PersonInput {
  IdType id_type = IdType::other;
  std::optional<std::string> id_number;
  std::string name;
  std::optional<std::string> phone;
};

struct Checkpoint {
  std::int64_t id = 0;
  std::string province_code;
  std::string name_th;
  std::optional<std::string> name_km;
  CheckpointKind kind = CheckpointKind::pier;
  std::string area_code;
  bool demo = false;
};

struct Screening {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t checkpoint_id = 0;
  std::optional<std::int64_t> person_id;  // none at a village checkpoint (counts only)
  std::string screened_at;
  double temperature_c = 0;
  std::vector<std::string> symptoms;
  std::optional<std::string> origin;
  std::optional<std::string> destination_area_code;
  Decision decision = Decision::cleared;
  std::optional<std::string> client_id;
  std::string created_by;
};

// A screening as a list shows it: the person masked, or none (a village count).
struct ScreeningRow {
  Screening screening;
  std::optional<Person> person;
};

struct ClassificationChange {
  Classification classification = Classification::pui;
  std::string at;
  std::optional<std::string> reason;
  std::string by;
};

struct LabTest {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  LabKind kind = LabKind::rt_pcr;
  LabResult result = LabResult::negative;
  std::string taken_on;
};

struct Case {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t outbreak_id = 0;
  std::string case_number;
  std::int64_t person_id = 0;
  Classification classification = Classification::pui;
  std::optional<std::string> onset_on;
  std::string reported_on;
  InfectedIn infected_in = InfectedIn::local;
  std::optional<std::string> district_code;
  std::optional<PlaceOfCare> place_of_care;
  std::optional<Outcome> outcome;
  int episode = 1;
  std::optional<std::int64_t> source_case_id;   // the case it caught it from
  std::optional<std::int64_t> from_contact_id;  // the contact it was converted from
  std::optional<std::int64_t> cluster_id;
  std::string suspected_at;
  std::optional<std::string> notice_due_at;  // dangerous diseases: 3 hours after suspicion
  std::optional<std::string> notified_at;
  bool demo = false;
  std::int64_t version = 1;
};

struct Contact {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t outbreak_id = 0;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> event_id;
  std::int64_t person_id = 0;
  std::string last_contact_on;
  Exposure exposure = Exposure::other;
  Risk risk = Risk::high;
  std::string follow_up_until;
  std::optional<std::int64_t> team_id;
  std::optional<std::string> district_code;
  ContactStatus status = ContactStatus::following;
  std::optional<std::string> last_visit_on;
  std::optional<VisitStatus> last_visit_status;
  std::optional<std::int64_t> converted_case_id;
  bool demo = false;
};

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::optional<std::int64_t> team_id;
  std::string due_on;
  int visit = 1;  // 1..visits per day
  std::optional<bool> performed;
  std::vector<std::string> symptoms;
  std::optional<std::string> done_at;
  std::optional<std::string> done_by;
};

struct AccessEntry {
  std::string user;
  std::string at;
  std::optional<std::string> reason;
  bool break_glass = false;
};

struct Team {
  std::int64_t id = 0;
  std::string province_code;
  TeamKind kind = TeamKind::srrt;
  std::string name_th;
  std::optional<std::string> area_code;
  bool demo = false;
};

struct Breach {
  std::int64_t id = 0;
  std::string province_code;
  std::string discovered_at;
  std::string description;
  std::int64_t people_affected = 0;
  bool high_risk = false;
  std::string notify_due_at;  // 72 hours after discovery (PDPA s.37(4))
  std::optional<std::string> notified_at;
  std::string recorded_by;
};

// A case with its person masked, for lists.
struct CaseRow {
  Case record;
  Person person;
};

struct FollowUpRow {
  FollowUp visit;
  Contact contact;
  Person person;  // masked when shown
};

struct ChainNode {
  std::string id;    // "case-12", "contact-40"
  std::string kind;  // case | contact
  std::int64_t record_id = 0;
  std::string label;  // case number, or the masked name
  std::optional<Classification> classification;
  std::optional<ContactStatus> status;
};
struct ChainEdge {
  std::string from;
  std::string to;
  std::string kind;  // source | contact
};
struct Chain {
  std::vector<ChainNode> nodes;
  std::vector<ChainEdge> edges;
  bool truncated = false;
};

// Joins a list of names with commas (symptoms are stored as one text).
std::string join_names(const std::vector<std::string>& names);
std::vector<std::string> split_names(std::string_view text);

}  // namespace changwat::health
