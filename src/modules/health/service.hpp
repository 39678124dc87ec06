#pragma once
// Rules of epidemic control with the database: rights (PDPA: a health officer reads
// and writes; an admin reads a person only by logged break-glass), one transaction per
// change with its audit entry, every view of a person logged in the same transaction
// as the read. Dates are ISO days; the province is the signed-in user's.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/health/model.hpp"
#include "modules/health/rules.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::health {

// The settings of an outbreak that change while it runs.
struct OutbreakChange {
  std::int64_t version = 0;
  std::optional<std::string> ended_on;
  std::optional<std::string> retention_until;
  std::optional<int> eoc_level;
  std::optional<int> not_seen_alert_days;
};

struct ScreeningInput {
  std::int64_t checkpoint_id = 0;
  std::optional<PersonInput> person;
  std::string screened_at;  // ISO UTC
  double temperature_c = 0;
  std::vector<std::string> symptoms;
  std::optional<std::string> origin;
  std::optional<std::string> destination_area_code;
  Decision decision = Decision::cleared;
  std::optional<std::string> client_id;
};

struct ScreeningResult {
  std::int64_t id = 0;
  bool replayed = false;  // the same client_id was recorded before: its first answer
};

// One item of a phone's queue: recorded (or replayed), or refused with why.
struct BatchOutcome {
  std::optional<ScreeningResult> result;
  std::optional<Error> refused;
};

struct NewCase {
  std::optional<std::int64_t> outbreak_id;  // default: the province's open outbreak
  PersonInput person;
  Classification classification = Classification::pui;
  std::optional<std::string> onset_on;
  std::string reported_on;
  InfectedIn infected_in = InfectedIn::local;
  std::optional<std::string> area_code;
  std::optional<PlaceOfCare> place_of_care;
  std::optional<std::int64_t> cluster_id;
};

struct CaseChange {
  std::int64_t version = 0;
  std::optional<Classification> classification;
  std::optional<std::string> reason;
  std::optional<PlaceOfCare> place_of_care;
  std::optional<Outcome> outcome;
  std::optional<std::int64_t> source_case_id;
  bool notified = false;  // the notice to the disease control officer was given now
};

struct NewContact {
  PersonInput person;
  std::string last_contact_on;
  Exposure exposure = Exposure::other;
  Risk risk = Risk::high;
  std::optional<std::int64_t> team_id;
  std::optional<std::string> area_code;
};

struct NewEvent {
  std::string name_th;
  std::string occurred_on;
  std::optional<std::int64_t> case_id;
  std::vector<NewContact> people;  // everyone on the manifest
};

struct CaseView {
  Case record;
  Person person;
  std::vector<ClassificationChange> history;
  std::vector<LabTest> lab_tests;
  std::vector<Contact> contacts;
  bool notice_required = false;
};

struct PersonView {
  Person person;
  std::vector<Case> cases;
  std::vector<Contact> contacts;
};

inline constexpr std::size_t kMaxChainNodes = 2000;

struct Board {
  std::string date;
  std::int64_t outbreak_id = 0;
  std::vector<std::pair<Classification, std::int64_t>> cases_by_class;
  std::vector<std::pair<Classification, std::int64_t>> new_cases_by_class;
  std::int64_t local_cases = 0;
  std::int64_t imported_cases = 0;
  std::int64_t contacts_under_follow_up = 0;
  std::int64_t seen_today = 0;
  double seen_today_percent = 0;
  std::int64_t not_seen_alert = 0;  // not seen for the outbreak's N days
  std::vector<std::pair<std::string, std::int64_t>> zero_case_streak_days;  // district -> days
  int zero_case_goal_days = 28;
  std::int64_t screenings_today = 0;
  std::int64_t notices_overdue = 0;
};

class HealthService {
 public:
  HealthService(db::Database& database, areas::AreaService& areas)
      : database_(database), areas_(areas) {}

  // Outbreaks and their configuration.
  std::vector<Outbreak> outbreaks(const Actor& actor) const;
  Outbreak create_outbreak(const Actor& actor, Outbreak input);
  Outbreak change_outbreak(const Actor& actor, std::int64_t id, const OutbreakChange& change);

  std::vector<Checkpoint> checkpoints(const Actor& actor) const;
  ScreeningResult record_screening(const Actor& actor, const ScreeningInput& input);
  // A phone's queue in one transaction; each item answered on its own, so one bad
  // record never holds up the others.
  std::vector<BatchOutcome> record_screenings(const Actor& actor,
                                              const std::vector<ScreeningInput>& inputs);
  std::vector<ScreeningRow> screenings(const Actor& actor, const std::string& day,
                                       std::optional<std::int64_t> checkpoint_id) const;

  // People: every read logged (user, at, reason).
  PersonView person(const Actor& actor, std::int64_t id, const std::optional<std::string>& reason);
  std::vector<AccessEntry> access_log(const Actor& actor, std::int64_t id,
                                      const std::optional<std::string>& reason) const;

  Case create_case(const Actor& actor, const NewCase& input);
  CaseView case_view(const Actor& actor, std::int64_t id, const std::optional<std::string>& reason);
  std::vector<CaseRow> cases(const Actor& actor, std::optional<std::int64_t> outbreak_id,
                             std::int64_t limit, std::int64_t offset,
                             const std::optional<std::string>& reason) const;
  Case change_case(const Actor& actor, std::int64_t id, const CaseChange& change);
  Case add_lab_test(const Actor& actor, std::int64_t case_id, LabKind kind, LabResult result,
                    const std::string& taken_on);

  Contact add_contact(const Actor& actor, std::int64_t case_id, const NewContact& input);
  std::vector<Contact> add_event(const Actor& actor, const NewEvent& input);
  std::vector<FollowUpRow> follow_ups(const Actor& actor, const std::string& date,
                                      std::optional<std::int64_t> team_id) const;
  // A visit: `day` (default the visit's own day) must lie in the contact's period.
  FollowUp record_follow_up(const Actor& actor, std::int64_t id, bool performed,
                            const std::vector<std::string>& symptoms,
                            const std::optional<std::string>& day);
  FollowUp record_contact_visit(const Actor& actor, std::int64_t contact_id, const std::string& day,
                                bool performed, const std::vector<std::string>& symptoms);
  // A contact with symptoms becomes a suspect case whose source is the contact's case.
  Case convert_contact(const Actor& actor, std::int64_t contact_id);

  Chain chain(const Actor& actor, std::optional<std::int64_t> cluster_id,
              std::optional<std::string> from) const;
  Board board(const Actor& actor, const std::string& date,
              std::optional<std::int64_t> outbreak_id) const;
  // The 506 export: one row per person, disease and episode.
  std::string report_506(const Actor& actor, const std::string& from, const std::string& to,
                         std::optional<std::int64_t> outbreak_id) const;

  std::vector<Team> teams(const Actor& actor) const;

  std::vector<Breach> breaches(const Actor& actor) const;
  Breach record_breach(const Actor& actor, Breach input);
  Breach breach_notified(const Actor& actor, std::int64_t id);

  // The command line: people of outbreaks past their retention end anonymised.
  struct PurgeResult {
    std::int64_t outbreaks = 0;
    std::int64_t people = 0;
  };
  PurgeResult purge_past_retention(const Actor& actor, const std::string& today);

  db::Database& database() { return database_; }
  areas::AreaService& areas() { return areas_; }

 private:
  // The province's checkpoints by id, read once per request.
  using CheckpointCache = std::map<std::int64_t, std::optional<Checkpoint>>;
  // A screening checked and ready to store (the person not yet stored).
  struct Prepared {
    Screening screening;
    std::string day;  // in Thailand
    std::optional<PersonInput> person;
  };
  // Every check of a screening, before anything is written.
  Prepared prepare(db::Connection& connection, const Principal& principal,
                   const ScreeningInput& input, CheckpointCache& checkpoints) const;
  Outbreak outbreak_for(db::Connection& connection, const std::string& province,
                        std::optional<std::int64_t> id) const;
  std::optional<std::string> district_of(const std::optional<std::string>& area_code,
                                         const std::string& province, const char* field) const;
  Case insert_case(db::Connection& connection, const Actor& actor, const Outbreak& outbreak,
                   Case record, const std::string& now);
  Contact insert_contact(db::Connection& connection, const std::string& province,
                         const Outbreak& outbreak, Contact contact);
  FollowUp save_visit(db::Connection& connection, const Actor& actor, FollowUp visit,
                      const Contact& contact, bool performed,
                      const std::vector<std::string>& symptoms);

  db::Database& database_;
  areas::AreaService& areas_;
};

}  // namespace changwat::health
