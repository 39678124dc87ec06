// Cases (classification history, lab tests, the 3-hour notice), contacts (one by one
// or a sailing's whole manifest) with their generated follow-up visits, visits, and
// the conversion of a contact into a suspect case.
#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/health/json.hpp"
#include "modules/health/report_store.hpp"
#include "modules/health/service.hpp"
#include "modules/health/stores.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

// A new report of the same person and disease within this many days is the same
// episode (a duplicate for the 506 export), later a new one.
constexpr int kEpisodeDays = 90;
constexpr int kNoticeHours = 3;

bool dangerous_on(const Outbreak& outbreak, const std::string& day) {
  for (const auto& period : outbreak.legal_periods)
    if (period.from <= day && (!period.to || day <= *period.to))
      return period.category == LegalCategory::dangerous;
  return false;
}

[[noreturn]] void throw_field_rule(const std::string& code, const std::string& field, Message why) {
  throw Error(ErrorKind::rule, code, why, {{field, why}});
}

Case found_case(CaseStore& store, std::int64_t id, const std::string& province) {
  std::optional<Case> found = store.find(id);
  if (!found || found->province_code != province) throw_not_found("ผู้ป่วย", "Case");
  return *found;
}

// The case and every case it descends from (source_case_id), nearest first; stops at
// a repeat so stored data can never loop this.
std::vector<Case> ancestry(CaseStore& store, Case start) {
  std::vector<Case> line{start};
  while (line.back().source_case_id && line.size() <= 10000) {
    std::optional<Case> source = store.find(*line.back().source_case_id);
    if (!source) break;
    for (const auto& seen : line)
      if (seen.id == source->id) return line;
    line.push_back(*source);
  }
  return line;
}

[[noreturn]] void throw_outside_period(const Contact& contact) {
  throw_field_rule(
      "outside_follow_up_period", "date",
      {"วันที่อยู่นอกช่วงติดตาม (" + contact.last_contact_on + " ถึง " + contact.follow_up_until + ")",
       "is outside the follow-up period (" + contact.last_contact_on + " to " +
           contact.follow_up_until + ")"});
}

void check_retention(const Outbreak& outbreak) {
  if (outbreak.retention_until < thai::to_iso(thai::today_in_thailand()))
    throw_rule("retention_ended",
               {"พ้นระยะเวลาเก็บรักษาข้อมูลของการระบาดนี้แล้ว (" + outbreak.retention_until + ")",
                "this outbreak's retention period has ended (" + outbreak.retention_until + ")"});
}

}  // namespace

Case HealthService::insert_case(db::Connection& c, const Actor& actor, const Outbreak& outbreak,
                                Case record, const std::string& now) {
  CaseStore cases(c);
  record.outbreak_id = outbreak.id;
  record.province_code = outbreak.province_code;
  if (auto latest = cases.latest_of_person(record.person_id, outbreak.disease_code)) {
    int gap = rules::days_between(latest->reported_on, record.reported_on);
    record.episode = gap > kEpisodeDays ? latest->episode + 1 : latest->episode;
  }
  std::int64_t seq = OutbreakStore(c).take_case_seq(outbreak.id);
  record.case_number =
      rules::case_number(outbreak.case_id_mask, outbreak.disease_code,
                         thai::be_year(std::stoi(record.reported_on.substr(0, 4))), seq);
  record.suspected_at = now;
  if (dangerous_on(outbreak, record.reported_on))
    record.notice_due_at = rules::add_hours(now, kNoticeHours);
  record.id = cases.insert(record, outbreak.disease_code);
  cases.add_history(record.id, {record.classification, now, std::nullopt,
                                actor.principal ? actor.principal->username : "command-line"});
  audit::record_in(c, outbreak.province_code, actor, "health_case", std::to_string(record.id),
                   "create", nullptr, case_json(record));
  return record;
}

Case HealthService::create_case(const Actor& actor, const NewCase& input) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "reported_on", input.reported_on);
  if (input.onset_on) rules::check_date(errors, "onset_on", *input.onset_on);
  errors.throw_if_any();
  if (input.onset_on && *input.onset_on > input.reported_on)
    throw_field_rule("onset_after_report", "onset_on",
                     {"วันเริ่มป่วยต้องไม่หลังวันรายงาน", "must not be after reported_on"});
  rules::check_person(errors, "person.", input.person);
  std::optional<std::string> district =
      district_of(input.area_code, principal.province_code, "area_code");
  return database_.write([&](db::Connection& c) {
    Outbreak outbreak = outbreak_for(c, principal.province_code, input.outbreak_id);
    check_retention(outbreak);
    std::string now = iso_utc_now();
    Case record;
    record.person_id = PersonStore(c).upsert(principal.province_code, input.person, false, now);
    record.classification = input.classification;
    record.onset_on = input.onset_on;
    record.reported_on = input.reported_on;
    record.infected_in = input.infected_in;
    record.district_code = district;
    record.place_of_care = input.place_of_care;
    record.cluster_id = input.cluster_id;
    return insert_case(c, actor, outbreak, record, now);
  });
}

CaseView HealthService::case_view(const Actor& actor, std::int64_t id,
                                  const std::optional<std::string>& reason) {
  rules::Reader reader = rules::require_person_reader(actor, reason);
  return database_.write([&](db::Connection& c) {
    CaseStore cases(c);
    Case record = found_case(cases, id, reader.province_code);
    PersonStore people(c);
    // The case page shows the person: a view of their record, logged.
    people.log_access(record.person_id, reader.username, iso_utc_now(), reader.reason,
                      reader.break_glass);
    Outbreak outbreak = *OutbreakStore(c).find(record.outbreak_id);
    return CaseView{record,
                    *people.find(record.person_id),
                    cases.history(id),
                    cases.lab_tests(id),
                    ContactStore(c).of_case(id),
                    dangerous_on(outbreak, record.reported_on)};
  });
}

std::vector<CaseRow> HealthService::cases(const Actor& actor,
                                          std::optional<std::int64_t> outbreak_id,
                                          std::int64_t limit, std::int64_t offset,
                                          const std::optional<std::string>& reason) const {
  rules::Reader reader = rules::require_person_reader(actor, reason);
  return database_.read([&](db::Connection& c) {
    return ReportStore(c).cases(reader.province_code, outbreak_id, limit, offset);
  });
}

Case HealthService::change_case(const Actor& actor, std::int64_t id, const CaseChange& change) {
  const Principal& principal = rules::require_officer(actor);
  return database_.write([&](db::Connection& c) {
    CaseStore cases(c);
    Case before = found_case(cases, id, principal.province_code);
    Case record = before;
    record.version = change.version;
    std::string now = iso_utc_now();
    bool reclassified = change.classification && *change.classification != before.classification;
    if (reclassified) {
      if (rules::is_backwards(before.classification, *change.classification) && !change.reason)
        throw_field_rule("classification_backwards", "reason",
                         {"การลดระดับการจำแนกผู้ป่วยต้องระบุเหตุผล",
                          "moving the classification backwards needs a reason"});
      record.classification = *change.classification;
    }
    if (change.place_of_care) record.place_of_care = change.place_of_care;
    if (change.outcome) record.outcome = change.outcome;
    if (change.source_case_id) {
      Case source = found_case(cases, *change.source_case_id, principal.province_code);
      for (const Case& ancestor : ancestry(cases, source))
        if (ancestor.id == id || ancestor.person_id == before.person_id)
          throw_field_rule(
              "chain_cycle", "source_case_id",
              {"ผู้ป่วยรายนี้จะกลายเป็นแหล่งโรคของตนเอง", "would make the case its own source"});
      record.source_case_id = source.id;
    }
    if (change.notified && !record.notified_at) record.notified_at = now;
    if (!cases.update(record)) throw_stale_version();
    record.version = change.version + 1;
    if (reclassified)
      cases.add_history(id, {record.classification, now, change.reason, principal.username});
    audit::record(c, actor, "health_case", std::to_string(id), "update", case_json(before),
                  case_json(record));
    return record;
  });
}

Case HealthService::add_lab_test(const Actor& actor, std::int64_t case_id, LabKind kind,
                                 LabResult result, const std::string& taken_on) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "taken_on", taken_on);
  errors.throw_if_any();
  return database_.write([&](db::Connection& c) {
    CaseStore cases(c);
    Case record = found_case(cases, case_id, principal.province_code);
    cases.add_lab_test({0, case_id, kind, result, taken_on});
    // The classification follows a positive test upwards, never down (a negative
    // test is a decision for the officer, with a reason).
    Classification follows =
        kind == LabKind::rt_pcr ? Classification::confirmed : Classification::probable;
    if (result == LabResult::positive &&
        static_cast<int>(follows) > static_cast<int>(record.classification)) {
      Case before = record;
      record.classification = follows;
      if (!cases.update(record)) throw_stale_version();
      ++record.version;
      std::string now = iso_utc_now();
      cases.add_history(case_id, {follows, now, std::string("lab:") + std::string(to_string(kind)),
                                  principal.username});
      audit::record(c, actor, "health_case", std::to_string(case_id), "lab_test", case_json(before),
                    case_json(record));
    }
    return record;
  });
}

Contact HealthService::insert_contact(db::Connection& c, const std::string& province,
                                      const Outbreak& outbreak, Contact contact) {
  contact.province_code = province;
  contact.outbreak_id = outbreak.id;
  contact.follow_up_until = rules::add_days(contact.last_contact_on, outbreak.follow_up_days);
  ContactStore store(c);
  contact.id = store.insert(contact);
  store.generate_follow_ups(contact, outbreak.visits_per_day);
  return contact;
}

Contact HealthService::add_contact(const Actor& actor, std::int64_t case_id,
                                   const NewContact& input) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "last_contact_on", input.last_contact_on);
  errors.throw_if_any();
  rules::check_person(errors, "person.", input.person);
  std::optional<std::string> district =
      district_of(input.area_code, principal.province_code, "area_code");
  return database_.write([&](db::Connection& c) {
    CaseStore cases(c);
    Case index = found_case(cases, case_id, principal.province_code);
    Outbreak outbreak = *OutbreakStore(c).find(index.outbreak_id);
    check_retention(outbreak);
    if (input.team_id) {
      auto team = TeamStore(c).find(*input.team_id);
      if (!team || team->province_code != principal.province_code)
        throw_field_rule("unknown_team", "team_id", {"ไม่พบทีมนี้", "no such team"});
    }
    std::int64_t person_id =
        PersonStore(c).upsert(principal.province_code, input.person, false, iso_utc_now());
    if (person_id == index.person_id)
      throw_field_rule("contact_is_case_person", "person",
                       {"ผู้สัมผัสต้องไม่ใช่ผู้ป่วยรายเดียวกัน", "a case's own person cannot be its contact"});
    // Listing someone the case descends from as its contact would, once converted,
    // make a case its own source.
    for (const Case& ancestor : ancestry(cases, index))
      if (ancestor.person_id == person_id)
        throw_field_rule("chain_cycle", "person",
                         {"บุคคลนี้เป็นแหล่งโรคของผู้ป่วยรายนี้อยู่แล้ว (จะเกิดวงจร)",
                          "this person is already a source of this case (a cycle)"});
    Contact contact;
    contact.case_id = case_id;
    contact.person_id = person_id;
    contact.last_contact_on = input.last_contact_on;
    contact.exposure = input.exposure;
    contact.risk = input.risk;
    contact.team_id = input.team_id;
    contact.district_code = district ? district : index.district_code;
    contact = insert_contact(c, principal.province_code, outbreak, contact);
    audit::record(c, actor, "health_contact", std::to_string(contact.id), "create", nullptr,
                  contact_json(contact));
    return contact;
  });
}

std::vector<Contact> HealthService::add_event(const Actor& actor, const NewEvent& input) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  if (input.name_th.empty()) errors.add("name_th", {"ต้องระบุชื่อเหตุการณ์", "is required"});
  rules::check_date(errors, "occurred_on", input.occurred_on);
  if (input.people.empty()) errors.add("people", {"ต้องมีรายชื่ออย่างน้อย 1 คน", "must list someone"});
  errors.throw_if_any();
  for (std::size_t i = 0; i < input.people.size(); ++i)
    rules::check_person(errors, "people[" + std::to_string(i) + "].person.",
                        input.people[i].person);
  return database_.write([&](db::Connection& c) {
    std::optional<Case> index;
    Outbreak outbreak;
    if (input.case_id) {
      CaseStore cases(c);
      index = found_case(cases, *input.case_id, principal.province_code);
      outbreak = *OutbreakStore(c).find(index->outbreak_id);
    } else {
      outbreak = outbreak_for(c, principal.province_code, std::nullopt);
    }
    check_retention(outbreak);
    std::int64_t event_id =
        ContactStore(c).insert_event(principal.province_code, outbreak.id, input.case_id,
                                     input.name_th, input.occurred_on, principal.username);
    PersonStore people(c);
    std::vector<Contact> made;
    std::string now = iso_utc_now();
    for (const NewContact& item : input.people) {
      Contact contact;
      contact.case_id = input.case_id;
      contact.event_id = event_id;
      contact.person_id = people.upsert(principal.province_code, item.person, false, now);
      // The index case's own person on the manifest is not their own contact.
      if (index && contact.person_id == index->person_id) continue;
      contact.last_contact_on = input.occurred_on;
      contact.exposure = item.exposure;
      contact.risk = item.risk;
      contact.team_id = item.team_id;
      made.push_back(insert_contact(c, principal.province_code, outbreak, contact));
    }
    audit::record(c, actor, "health_event", std::to_string(event_id), "create", nullptr,
                  boost::json::object{{"name_th", input.name_th},
                                      {"occurred_on", input.occurred_on},
                                      {"contacts", made.size()}});
    return made;
  });
}

std::vector<FollowUpRow> HealthService::follow_ups(const Actor& actor, const std::string& date,
                                                   std::optional<std::int64_t> team_id) const {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "date", date);
  errors.throw_if_any();
  return database_.read([&](db::Connection& c) {
    return ReportStore(c).day(principal.province_code, date, team_id);
  });
}

FollowUp HealthService::save_visit(db::Connection& c, const Actor& actor, FollowUp visit,
                                   const Contact& contact, bool performed,
                                   const std::vector<std::string>& symptoms) {
  FieldErrors errors;
  rules::check_symptoms(errors, "symptoms", symptoms);
  errors.throw_if_any();
  visit.performed = performed;
  visit.symptoms = performed ? symptoms : std::vector<std::string>{};
  visit.done_at = iso_utc_now();
  visit.done_by = actor.principal->username;
  ContactStore store(c);
  store.record_visit(visit);
  VisitStatus status = !performed         ? VisitStatus::not_found
                       : symptoms.empty() ? VisitStatus::seen
                                          : VisitStatus::symptomatic;
  store.set_last_visit(contact.id, visit.due_on, status);
  audit::record(c, actor, "health_follow_up", std::to_string(visit.id), "visit", nullptr,
                follow_up_json(visit));
  return visit;
}

FollowUp HealthService::record_follow_up(const Actor& actor, std::int64_t id, bool performed,
                                         const std::vector<std::string>& symptoms,
                                         const std::optional<std::string>& day) {
  const Principal& principal = rules::require_officer(actor);
  return database_.write([&](db::Connection& c) {
    ContactStore store(c);
    std::optional<FollowUp> visit = store.follow_up(id);
    std::optional<Contact> contact = visit ? store.find(visit->contact_id) : std::nullopt;
    if (!contact || contact->province_code != principal.province_code)
      throw_not_found("การติดตาม", "Follow-up");
    if (day && *day != visit->due_on) {
      FieldErrors errors;
      rules::check_date(errors, "date", *day);
      errors.throw_if_any();
      visit = store.follow_up_on(contact->id, *day);
      if (!visit) throw_outside_period(*contact);
    }
    return save_visit(c, actor, *visit, *contact, performed, symptoms);
  });
}

FollowUp HealthService::record_contact_visit(const Actor& actor, std::int64_t contact_id,
                                             const std::string& day, bool performed,
                                             const std::vector<std::string>& symptoms) {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "date", day);
  errors.throw_if_any();
  return database_.write([&](db::Connection& c) {
    ContactStore store(c);
    std::optional<Contact> contact = store.find(contact_id);
    if (!contact || contact->province_code != principal.province_code)
      throw_not_found("ผู้สัมผัส", "Contact");
    std::optional<FollowUp> visit = store.follow_up_on(contact_id, day);
    if (!visit) throw_outside_period(*contact);
    return save_visit(c, actor, *visit, *contact, performed, symptoms);
  });
}

Case HealthService::convert_contact(const Actor& actor, std::int64_t contact_id) {
  const Principal& principal = rules::require_officer(actor);
  return database_.write([&](db::Connection& c) {
    ContactStore contacts(c);
    std::optional<Contact> contact = contacts.find(contact_id);
    if (!contact || contact->province_code != principal.province_code)
      throw_not_found("ผู้สัมผัส", "Contact");
    if (contact->converted_case_id)
      throw_conflict("already_converted",
                     {"ผู้สัมผัสรายนี้เป็นผู้ป่วยแล้ว", "this contact is already a case"});
    Outbreak outbreak = *OutbreakStore(c).find(contact->outbreak_id);
    check_retention(outbreak);
    Case record;
    record.person_id = contact->person_id;
    record.classification = Classification::suspect;
    record.reported_on = thai::to_iso(thai::today_in_thailand());
    record.infected_in = InfectedIn::local;
    record.district_code = contact->district_code;
    record.source_case_id = contact->case_id;
    record.from_contact_id = contact->id;
    if (contact->case_id) {
      CaseStore cases(c);
      record.cluster_id = cases.find(*contact->case_id)->cluster_id;
      if (!record.district_code)
        record.district_code = cases.find(*contact->case_id)->district_code;
    }
    record = insert_case(c, actor, outbreak, record, iso_utc_now());
    contacts.set_converted(contact_id, record.id);
    return record;
  });
}

}  // namespace changwat::health
