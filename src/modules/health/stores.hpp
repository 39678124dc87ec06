#pragma once
// SQL of epidemic control, nothing else (docs/decisions/0007-module-shape.md): one
// class per aggregate, made on the connection of the transaction in hand, model
// structs out, std::optional for absence.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/health/model.hpp"

namespace changwat::health {

// Many rows in few statements (multi-row INSERT): a contact's follow-up days, a
// sailing's manifest, the demo wave. `values` holds `columns`' count per row.
void insert_rows(db::Connection& connection, std::string_view table, std::string_view columns,
                 std::size_t column_count, const std::vector<db::Value>& values);

class OutbreakStore {
 public:
  explicit OutbreakStore(db::Connection& connection) : connection_(connection) {}
  std::int64_t insert(const Outbreak& outbreak, const std::optional<std::string>& demo_key);
  std::optional<Outbreak> find(std::int64_t id);
  std::vector<Outbreak> list(const std::string& province_code);
  // The province's open outbreak of the latest start (cases join it by default).
  std::optional<Outbreak> open_one(const std::string& province_code);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);
  // The changeable settings, one conditional statement (stale -> false).
  bool update(const Outbreak& outbreak);
  // Takes the next case number's running number (one conditional statement).
  std::int64_t take_case_seq(std::int64_t outbreak_id);
  // Outbreaks past their retention end on `today`.
  std::vector<Outbreak> past_retention(const std::string& today);

 private:
  void load_periods(Outbreak& outbreak);
  db::Connection& connection_;
};

class PersonStore {
 public:
  explicit PersonStore(db::Connection& connection) : connection_(connection) {}
  // The person with this identity in the province, made if new (name and phone kept
  // up to date from the latest record).
  std::int64_t upsert(const std::string& province_code, const PersonInput& input, bool demo,
                      const std::string& now);
  // Many identified people at once (a phone's queue), each identity once; their ids by
  // identity_key().
  std::map<std::string, std::int64_t> upsert_identified(const std::string& province_code,
                                                        const std::vector<PersonInput>& people,
                                                        const std::string& now);
  static std::string identity_key(IdType id_type, const std::string& id_number);
  std::optional<Person> find(std::int64_t id);
  void log_access(std::int64_t person_id, const std::string& username, const std::string& at,
                  const std::optional<std::string>& reason, bool break_glass);
  std::vector<AccessEntry> access_log(std::int64_t person_id);
  // Replaces identity, name and phone of the outbreak's people who have no record in
  // another outbreak still kept; returns how many.
  std::int64_t anonymise_outbreak(std::int64_t outbreak_id, const std::string& today);

 private:
  db::Connection& connection_;
};

class ScreeningStore {
 public:
  explicit ScreeningStore(db::Connection& connection) : connection_(connection) {}
  std::vector<Checkpoint> checkpoints(const std::string& province_code);
  std::optional<Checkpoint> checkpoint(std::int64_t id);
  std::int64_t insert_checkpoint(const Checkpoint& checkpoint, const std::string& demo_key);
  std::optional<std::int64_t> checkpoint_by_demo_key(const std::string& demo_key);
  std::optional<std::int64_t> by_client_id(const std::string& province_code,
                                           const std::string& client_id);
  // The screenings already recorded under these client ids (a phone's queue at once).
  std::map<std::string, std::int64_t> by_client_ids(const std::string& province_code,
                                                    const std::vector<std::string>& client_ids);
  std::int64_t insert(const Screening& screening, const std::string& screened_on);
  // Many screenings that carry client ids, with their days; their ids by client id.
  std::map<std::string, std::int64_t> insert_many(
      const std::vector<std::pair<Screening, std::string>>& screenings);
  std::int64_t count_on(const std::string& province_code, const std::string& day);

 private:
  db::Connection& connection_;
};

class CaseStore {
 public:
  explicit CaseStore(db::Connection& connection) : connection_(connection) {}
  std::int64_t insert(const Case& record, const std::string& disease_code);
  std::optional<Case> find(std::int64_t id);
  // One conditional statement (stale -> false).
  bool update(const Case& record);
  void add_history(std::int64_t case_id, const ClassificationChange& change);
  std::vector<ClassificationChange> history(std::int64_t case_id);
  std::int64_t add_lab_test(const LabTest& test);
  std::vector<LabTest> lab_tests(std::int64_t case_id);
  // The person's latest case of the disease (for the episode).
  std::optional<Case> latest_of_person(std::int64_t person_id, const std::string& disease_code);
  std::vector<Case> of_person(std::int64_t person_id);

 private:
  db::Connection& connection_;
};

class ContactStore {
 public:
  explicit ContactStore(db::Connection& connection) : connection_(connection) {}
  std::int64_t insert(const Contact& contact);
  std::optional<Contact> find(std::int64_t id);
  std::vector<Contact> of_case(std::int64_t case_id);
  std::vector<Contact> of_person(std::int64_t person_id);
  // Generates the visits of the follow-up period (day after last contact .. until).
  void generate_follow_ups(const Contact& contact, int visits_per_day);
  std::optional<FollowUp> follow_up(std::int64_t id);
  std::optional<FollowUp> follow_up_on(std::int64_t contact_id, const std::string& day);
  bool record_visit(const FollowUp& visit);
  void set_last_visit(std::int64_t contact_id, const std::string& day, VisitStatus status);
  void set_converted(std::int64_t contact_id, std::int64_t case_id);
  std::int64_t insert_event(const std::string& province_code, std::int64_t outbreak_id,
                            std::optional<std::int64_t> case_id, const std::string& name_th,
                            const std::string& occurred_on, const std::string& by);

 private:
  db::Connection& connection_;
};

class TeamStore {
 public:
  explicit TeamStore(db::Connection& connection) : connection_(connection) {}
  std::vector<Team> list(const std::string& province_code);
  std::optional<Team> find(std::int64_t id);
  std::int64_t insert(const Team& team, const std::optional<std::string>& demo_key);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);

 private:
  db::Connection& connection_;
};

class BreachStore {
 public:
  explicit BreachStore(db::Connection& connection) : connection_(connection) {}
  std::int64_t insert(const Breach& breach);
  std::optional<Breach> find(std::int64_t id);
  std::vector<Breach> list(const std::string& province_code);
  bool set_notified(std::int64_t id, const std::string& at);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::health
