// Outbreaks, checkpoints and screenings, people and their access log, teams, the
// breach register and the retention purge (cases and contacts: service_cases.cpp;
// board, chains and 506: service_reports.cpp).
#include "modules/health/service.hpp"

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/health/json.hpp"
#include "modules/health/report_store.hpp"
#include "modules/health/stores.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"
#include "thai/timestamp.hpp"

namespace changwat::health {

Outbreak HealthService::outbreak_for(db::Connection& connection, const std::string& province,
                                     std::optional<std::int64_t> id) const {
  OutbreakStore store(connection);
  std::optional<Outbreak> found = id ? store.find(*id) : store.open_one(province);
  if (id && (!found || found->province_code != province)) throw_not_found("การระบาด", "Outbreak");
  if (!found)
    throw_rule("no_open_outbreak", {"ยังไม่มีการระบาดที่เปิดอยู่ (ตั้งค่าการระบาดก่อน)",
                                    "there is no open outbreak (set one up first)"});
  return *found;
}

std::optional<std::string> HealthService::district_of(const std::optional<std::string>& area_code,
                                                      const std::string& province,
                                                      const char* field) const {
  if (!area_code) return std::nullopt;
  if (area_code->size() < 4 || !areas_.find(*area_code) || !areas_.is_within(*area_code, province))
    throw Error(ErrorKind::validation, "invalid_input",
                {"รหัสพื้นที่ไม่อยู่ในจังหวัด", "is not an area of the province"},
                {{field, {"รหัสพื้นที่ไม่อยู่ในจังหวัด", "is not an area of the province"}}});
  return area_code->substr(0, 4);
}

std::vector<Outbreak> HealthService::outbreaks(const Actor& actor) const {
  const Principal& principal = rules::require_aggregate_reader(actor);
  return database_.read(
      [&](db::Connection& c) { return OutbreakStore(c).list(principal.province_code); });
}

Outbreak HealthService::create_outbreak(const Actor& actor, Outbreak input) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  if (input.disease_code.empty()) errors.add("disease_code", {"ต้องระบุโรค", "is required"});
  if (input.name_th.empty()) errors.add("name_th", {"ต้องระบุชื่อ", "is required"});
  rules::check_date(errors, "started_on", input.started_on);
  rules::check_date(errors, "retention_until", input.retention_until);
  if (input.follow_up_days < 1 || input.follow_up_days > 60)
    errors.add("follow_up_days", {"ต้องอยู่ระหว่าง 1 ถึง 60 วัน", "must be 1 to 60 days"});
  if (input.visits_per_day < 1 || input.visits_per_day > 4)
    errors.add("visits_per_day", {"ต้องอยู่ระหว่าง 1 ถึง 4", "must be 1 to 4"});
  if (input.case_id_mask.find("{seq:") == std::string::npos)
    errors.add("case_id_mask",
               {"ต้องมี {seq:N} สำหรับเลขลำดับ", "must contain {seq:N} for the running number"});
  for (std::size_t i = 0; i < input.legal_periods.size(); ++i)
    rules::check_date(errors, "legal_periods[" + std::to_string(i) + "].from",
                      input.legal_periods[i].from);
  errors.throw_if_any();
  input.province_code = principal.province_code;
  return database_.write([&](db::Connection& c) {
    OutbreakStore store(c);
    input.id = store.insert(input, std::nullopt);
    Outbreak created = *store.find(input.id);
    audit::record(c, actor, "health_outbreak", std::to_string(created.id), "create", nullptr,
                  outbreak_json(created));
    return created;
  });
}

Outbreak HealthService::change_outbreak(const Actor& actor, std::int64_t id,
                                        const OutbreakChange& change) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  if (change.ended_on) rules::check_date(errors, "ended_on", *change.ended_on);
  if (change.retention_until) rules::check_date(errors, "retention_until", *change.retention_until);
  errors.throw_if_any();
  return database_.write([&](db::Connection& c) {
    OutbreakStore store(c);
    Outbreak before = outbreak_for(c, principal.province_code, id);
    Outbreak after = before;
    after.version = change.version;
    if (change.ended_on) after.ended_on = change.ended_on;
    if (change.retention_until) after.retention_until = *change.retention_until;
    if (change.eoc_level) after.eoc_level = *change.eoc_level;
    if (change.not_seen_alert_days) after.not_seen_alert_days = *change.not_seen_alert_days;
    if (!store.update(after)) throw_stale_version();
    after.version = change.version + 1;
    audit::record(c, actor, "health_outbreak", std::to_string(id), "update", outbreak_json(before),
                  outbreak_json(after));
    return after;
  });
}

std::vector<Checkpoint> HealthService::checkpoints(const Actor& actor) const {
  const Principal& principal = rules::require_aggregate_reader(actor);
  return database_.read(
      [&](db::Connection& c) { return ScreeningStore(c).checkpoints(principal.province_code); });
}

ScreeningResult HealthService::record_screening(const Actor& actor, const ScreeningInput& input) {
  const Principal& principal = rules::require_officer(actor);
  return database_.write([&](db::Connection& c) {
    ScreeningStore store(c);
    // A phone's queue may send a screening again: the first answer, nothing new.
    if (input.client_id)
      if (auto id = store.by_client_id(principal.province_code, *input.client_id))
        return ScreeningResult{*id, true};
    CheckpointCache checkpoints;
    Prepared prepared = prepare(c, principal, input, checkpoints);
    if (prepared.person)
      prepared.screening.person_id =
          PersonStore(c).upsert(principal.province_code, *prepared.person, false, iso_utc_now());
    return ScreeningResult{store.insert(prepared.screening, prepared.day), false};
  });
}

std::vector<BatchOutcome> HealthService::record_screenings(
    const Actor& actor, const std::vector<ScreeningInput>& inputs) {
  const Principal& principal = rules::require_officer(actor);
  return database_.write([&](db::Connection& c) {
    // Every check first, then the people and the screenings in multi-row statements:
    // a thousand queued screenings are a few dozen statements, not thousands.
    ScreeningStore store(c);
    std::vector<std::string> client_ids;
    for (const auto& input : inputs)
      if (input.client_id) client_ids.push_back(*input.client_id);
    std::map<std::string, std::int64_t> known =
        store.by_client_ids(principal.province_code, client_ids);
    std::vector<BatchOutcome> outcomes(inputs.size());
    std::vector<std::pair<std::size_t, Prepared>> ready;
    std::map<std::string, std::size_t> first_of;  // a client id sent twice in one batch
    CheckpointCache checkpoints;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const auto& client_id = inputs[i].client_id;
      if (client_id && known.count(*client_id)) {
        outcomes[i].result = ScreeningResult{known[*client_id], true};
        continue;
      }
      if (client_id && !first_of.emplace(*client_id, i).second) continue;
      try {
        ready.emplace_back(i, prepare(c, principal, inputs[i], checkpoints));
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::validation && error.kind() != ErrorKind::rule) throw;
        outcomes[i].refused = error;
      }
    }
    std::string now = iso_utc_now();
    PersonStore people(c);
    std::vector<PersonInput> identified;
    for (const auto& [i, prepared] : ready)
      if (prepared.person && prepared.person->id_number) identified.push_back(*prepared.person);
    std::map<std::string, PersonInput> unique;
    for (const auto& person : identified)
      unique.insert_or_assign(PersonStore::identity_key(person.id_type, *person.id_number), person);
    identified.clear();
    for (const auto& [key, person] : unique) identified.push_back(person);
    std::map<std::string, std::int64_t> person_ids =
        people.upsert_identified(principal.province_code, identified, now);
    std::vector<std::pair<Screening, std::string>> keyed;
    for (auto& [i, prepared] : ready) {
      if (prepared.person)
        prepared.screening.person_id =
            prepared.person->id_number
                ? person_ids.at(PersonStore::identity_key(prepared.person->id_type,
                                                          *prepared.person->id_number))
                : people.upsert(principal.province_code, *prepared.person, false, now);
      if (prepared.screening.client_id)
        keyed.emplace_back(prepared.screening, prepared.day);
      else
        outcomes[i].result = ScreeningResult{store.insert(prepared.screening, prepared.day), false};
    }
    std::map<std::string, std::int64_t> ids = store.insert_many(keyed);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const auto& client_id = inputs[i].client_id;
      if (outcomes[i].result || outcomes[i].refused || !client_id) continue;
      std::size_t first = first_of.at(*client_id);
      if (first == i) {
        outcomes[i].result = ScreeningResult{ids.at(*client_id), false};
      } else if (outcomes[first].refused) {
        outcomes[i].refused = outcomes[first].refused;
      } else {
        outcomes[i].result = ScreeningResult{ids.at(*client_id), true};
      }
    }
    return outcomes;
  });
}

HealthService::Prepared HealthService::prepare(db::Connection& c, const Principal& principal,
                                               const ScreeningInput& input,
                                               CheckpointCache& checkpoints) const {
  ScreeningStore store(c);
  auto cached = checkpoints.find(input.checkpoint_id);
  if (cached == checkpoints.end())
    cached = checkpoints.emplace(input.checkpoint_id, store.checkpoint(input.checkpoint_id)).first;
  const std::optional<Checkpoint>& checkpoint = cached->second;
  if (!checkpoint || checkpoint->province_code != principal.province_code)
    throw Error(ErrorKind::rule, "unknown_checkpoint", {"ไม่พบด่านนี้", "no such checkpoint"},
                {{"checkpoint_id", {"ไม่พบด่านนี้", "no such checkpoint"}}});
  rules::check_temperature(input.temperature_c);
  FieldErrors errors;
  if (!rules::is_iso_utc(input.screened_at))
    errors.add("screened_at", {"ต้องเป็นเวลา ISO 8601 UTC เช่น 2026-12-01T10:00:00Z",
                               "must be an ISO 8601 UTC time, e.g. 2026-12-01T10:00:00Z"});
  rules::check_symptoms(errors, "symptoms", input.symptoms);
  if (input.destination_area_code && !areas_.find(*input.destination_area_code))
    errors.add("destination_area_code", {"ไม่พบรหัสพื้นที่", "is not a known area"});
  errors.throw_if_any();
  Screening screening;
  screening.province_code = principal.province_code;
  screening.checkpoint_id = checkpoint->id;
  screening.screened_at = input.screened_at;
  screening.temperature_c = input.temperature_c;
  screening.symptoms = input.symptoms;
  screening.origin = input.origin;
  screening.destination_area_code = input.destination_area_code;
  screening.decision = input.decision;
  screening.client_id = input.client_id;
  screening.created_by = principal.username;
  // Data minimisation: a village checkpoint counts people; it keeps one only when
  // it refers them on.
  bool keep_person =
      checkpoint->kind != CheckpointKind::village || input.decision != Decision::cleared;
  Prepared prepared{screening, rules::add_hours(input.screened_at, 7).substr(0, 10), std::nullopt};
  if (keep_person) {
    if (!input.person)
      throw Error(ErrorKind::validation, "invalid_input", {"ต้องระบุบุคคล", "person is required"},
                  {{"person", {"ต้องระบุบุคคล", "is required"}}});
    FieldErrors person_errors;
    rules::check_person(person_errors, "person.", *input.person);
    prepared.person = input.person;
  }
  return prepared;
}

std::vector<ScreeningRow> HealthService::screenings(
    const Actor& actor, const std::string& day, std::optional<std::int64_t> checkpoint_id) const {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "date", day);
  errors.throw_if_any();
  return database_.read([&](db::Connection& c) {
    return ReportStore(c).screenings(principal.province_code, day, checkpoint_id, 2000);
  });
}

PersonView HealthService::person(const Actor& actor, std::int64_t id,
                                 const std::optional<std::string>& reason) {
  rules::Reader reader = rules::require_person_reader(actor, reason);
  // A write: the view and its log entry commit together, or neither happens.
  return database_.write([&](db::Connection& c) {
    PersonStore people(c);
    std::optional<Person> found = people.find(id);
    if (!found || found->province_code != reader.province_code) throw_not_found("บุคคล", "Person");
    people.log_access(id, reader.username, iso_utc_now(), reader.reason, reader.break_glass);
    return PersonView{*found, CaseStore(c).of_person(id), ContactStore(c).of_person(id)};
  });
}

std::vector<AccessEntry> HealthService::access_log(const Actor& actor, std::int64_t id,
                                                   const std::optional<std::string>& reason) const {
  rules::Reader reader = rules::require_person_reader(actor, reason);
  return database_.read([&](db::Connection& c) {
    PersonStore people(c);
    std::optional<Person> found = people.find(id);
    if (!found || found->province_code != reader.province_code) throw_not_found("บุคคล", "Person");
    return people.access_log(id);
  });
}

std::vector<Team> HealthService::teams(const Actor& actor) const {
  const Principal& principal = rules::require_aggregate_reader(actor);
  return database_.read(
      [&](db::Connection& c) { return TeamStore(c).list(principal.province_code); });
}

std::vector<Breach> HealthService::breaches(const Actor& actor) const {
  const Principal& principal = actor.require_role({Role::health_officer, Role::admin});
  return database_.read(
      [&](db::Connection& c) { return BreachStore(c).list(principal.province_code); });
}

Breach HealthService::record_breach(const Actor& actor, Breach input) {
  const Principal& principal = actor.require_role({Role::health_officer, Role::admin});
  FieldErrors errors;
  if (input.description.empty()) errors.add("description", {"ต้องระบุเหตุการณ์", "is required"});
  if (input.people_affected < 0)
    errors.add("people_affected", {"ต้องไม่ติดลบ", "must not be negative"});
  if (!rules::is_iso_utc(input.discovered_at))
    errors.add("discovered_at", {"ต้องเป็นเวลา ISO 8601 UTC เช่น 2026-12-01T10:00:00Z",
                                 "must be an ISO 8601 UTC time, e.g. 2026-12-01T10:00:00Z"});
  errors.throw_if_any();
  input.province_code = principal.province_code;
  input.notify_due_at = rules::add_hours(input.discovered_at, 72);
  input.recorded_by = principal.username;
  return database_.write([&](db::Connection& c) {
    BreachStore store(c);
    input.id = store.insert(input);
    audit::record(c, actor, "health_breach", std::to_string(input.id), "create", nullptr,
                  breach_json(input, iso_utc_now()));
    return input;
  });
}

Breach HealthService::breach_notified(const Actor& actor, std::int64_t id) {
  const Principal& principal = actor.require_role({Role::health_officer, Role::admin});
  return database_.write([&](db::Connection& c) {
    BreachStore store(c);
    std::optional<Breach> found = store.find(id);
    if (!found || found->province_code != principal.province_code)
      throw_not_found("เหตุละเมิดข้อมูล", "Breach");
    std::string now = iso_utc_now();
    if (!store.set_notified(id, now))
      throw_conflict("already_notified", {"แจ้งเหตุนี้ไปแล้ว", "this breach was already notified"});
    Breach after = *store.find(id);
    audit::record(c, actor, "health_breach", std::to_string(id), "notify", breach_json(*found, now),
                  breach_json(after, now));
    return after;
  });
}

HealthService::PurgeResult HealthService::purge_past_retention(const Actor& actor,
                                                               const std::string& today) {
  actor.require_role_or_local({Role::admin});
  FieldErrors errors;
  rules::check_date(errors, "today", today);
  errors.throw_if_any();
  return database_.write([&](db::Connection& c) {
    PurgeResult result;
    PersonStore people(c);
    for (const Outbreak& outbreak : OutbreakStore(c).past_retention(today)) {
      std::int64_t done = people.anonymise_outbreak(outbreak.id, today);
      ++result.outbreaks;
      result.people += done;
      audit::record_in(
          c, outbreak.province_code, actor, "health_outbreak", std::to_string(outbreak.id),
          "anonymise", nullptr,
          boost::json::object{{"people", done}, {"retention_until", outbreak.retention_until}});
    }
    return result;
  });
}

}  // namespace changwat::health
