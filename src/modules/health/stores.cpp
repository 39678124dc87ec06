#include "modules/health/stores.hpp"

#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/health/rules.hpp"
#include "modules/health/store_rows.hpp"

namespace changwat::health {
namespace {

constexpr const char* kOutbreakColumns =
    "id, province_code, disease_code, name_th, started_on, ended_on, follow_up_days, "
    "visits_per_day, not_seen_alert_days, zero_case_days, case_id_mask, eoc_level, "
    "retention_until, demo, version";
constexpr const char* kCheckpointColumns =
    "id, province_code, name_th, name_km, kind, area_code, demo";
constexpr const char* kTeamColumns = "id, province_code, kind, name_th, area_code, demo";
constexpr const char* kBreachColumns =
    "id, province_code, discovered_at, description, people_affected, high_risk, notify_due_at, "
    "notified_at, recorded_by";

std::string select(const char* columns, const char* table) {
  return std::string("SELECT ") + columns + " FROM " + table;
}

template <class Enum>
db::Value name_or_null(const std::optional<Enum>& value) {
  if (!value) return nullptr;
  return std::string(to_string(*value));
}
db::Value name_of(auto value) { return std::string(to_string(value)); }
db::Value flag(bool value) { return std::int64_t{value ? 1 : 0}; }

constexpr const char* kScreeningColumns =
    "province_code, checkpoint_id, person_id, screened_at, screened_on, temperature_c, "
    "symptoms, origin, destination_area_code, decision, client_id, created_by";

std::vector<db::Value> screening_values(const Screening& s, const std::string& screened_on) {
  return {s.province_code,
          s.checkpoint_id,
          db::nullable(s.person_id),
          s.screened_at,
          screened_on,
          s.temperature_c,
          join_names(s.symptoms),
          db::nullable(s.origin),
          db::nullable(s.destination_area_code),
          name_of(s.decision),
          db::nullable(s.client_id),
          s.created_by};
}

Outbreak outbreak_from(const db::Row& row) {
  Outbreak o;
  db::RowReader(row).read(o.id, o.province_code, o.disease_code, o.name_th, o.started_on,
                          o.ended_on, o.follow_up_days, o.visits_per_day, o.not_seen_alert_days,
                          o.zero_case_days, o.case_id_mask, o.eoc_level, o.retention_until, o.demo,
                          o.version);
  return o;
}

Team team_from(const db::Row& row) {
  Team t;
  db::RowReader(row).read(t.id, t.province_code,
                          db::stored(t.kind, parse_team_kind, "health_team.kind"), t.name_th,
                          t.area_code, t.demo);
  return t;
}

Breach breach_from(const db::Row& row) {
  Breach b;
  db::RowReader(row).read(b.id, b.province_code, b.discovered_at, b.description, b.people_affected,
                          b.high_risk, b.notify_due_at, b.notified_at, b.recorded_by);
  return b;
}

}  // namespace

std::string qualified(const char* columns, const char* alias) {
  std::string out;
  std::string_view rest(columns);
  while (!rest.empty()) {
    auto comma = rest.find(',');
    out +=
        (out.empty() ? "" : ", ") + std::string(alias) + "." + std::string(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 2);
  }
  return out;
}

Person person_from(const db::Row& row, std::size_t first) {
  Person p;
  db::RowReader(row, first)
      .read(p.id, p.province_code, db::stored(p.id_type, parse_id_type, "health_person.id_type"),
            p.id_number, p.name, p.phone, p.demo, p.anonymised, p.created_at);
  return p;
}

Checkpoint checkpoint_from(const db::Row& row) {
  Checkpoint c;
  db::RowReader(row).read(c.id, c.province_code, c.name_th, c.name_km,
                          db::stored(c.kind, parse_checkpoint_kind, "health_checkpoint.kind"),
                          c.area_code, c.demo);
  return c;
}

Case case_from(const db::Row& row, std::size_t first) {
  Case c;
  db::RowReader(row, first)
      .read(c.id, c.province_code, c.outbreak_id, c.case_number, c.person_id,
            db::stored(c.classification, parse_classification, "health_case.classification"),
            c.onset_on, c.reported_on,
            db::stored(c.infected_in, parse_infected_in, "health_case.infected_in"),
            c.district_code,
            db::stored(c.place_of_care, parse_place_of_care, "health_case.place_of_care"),
            db::stored(c.outcome, parse_outcome, "health_case.outcome"), c.episode,
            c.source_case_id, c.from_contact_id, c.cluster_id, c.suspected_at, c.notice_due_at,
            c.notified_at, c.demo, c.version);
  return c;
}

Contact contact_from(const db::Row& row, std::size_t first) {
  Contact c;
  db::RowReader(row, first)
      .read(c.id, c.province_code, c.outbreak_id, c.case_id, c.event_id, c.person_id,
            c.last_contact_on, db::stored(c.exposure, parse_exposure, "health_contact.exposure"),
            db::stored(c.risk, parse_risk, "health_contact.risk"), c.follow_up_until, c.team_id,
            c.district_code, db::stored(c.status, parse_contact_status, "health_contact.status"),
            c.last_visit_on,
            db::stored(c.last_visit_status, parse_visit_status, "health_contact.last_visit_status"),
            c.converted_case_id, c.demo);
  return c;
}

FollowUp follow_up_from(const db::Row& row, std::size_t first) {
  FollowUp f;
  std::string symptoms;
  db::RowReader(row, first)
      .read(f.id, f.contact_id, f.team_id, f.due_on, f.visit, f.performed, symptoms, f.done_at,
            f.done_by);
  f.symptoms = split_names(symptoms);
  return f;
}

void insert_rows(db::Connection& connection, std::string_view table, std::string_view columns,
                 std::size_t column_count, const std::vector<db::Value>& values) {
  // Fixed chunks, so each statement text is prepared once per connection.
  constexpr std::size_t kRowsPerStatement = 100;
  const std::size_t rows = values.size() / column_count;
  const std::string row_text = "(" + db::placeholders(column_count) + ")";
  for (std::size_t first = 0; first < rows; first += kRowsPerStatement) {
    std::size_t count = std::min(kRowsPerStatement, rows - first);
    std::string sql =
        "INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES ";
    for (std::size_t i = 0; i < count; ++i) sql += (i ? ", " : "") + row_text;
    std::vector<db::Value> chunk(
        values.begin() + static_cast<std::ptrdiff_t>(first * column_count),
        values.begin() + static_cast<std::ptrdiff_t>((first + count) * column_count));
    connection.execute(sql, chunk);
  }
}

// ---- outbreaks

std::int64_t OutbreakStore::insert(const Outbreak& o, const std::optional<std::string>& demo_key) {
  std::int64_t id = db::insert_row_returning_id(
      connection_, "health_outbreak",
      "province_code, disease_code, name_th, started_on, ended_on, follow_up_days, "
      "visits_per_day, not_seen_alert_days, zero_case_days, case_id_mask, eoc_level, "
      "retention_until, demo, demo_key",
      {o.province_code, o.disease_code, o.name_th, o.started_on, db::nullable(o.ended_on),
       std::int64_t{o.follow_up_days}, std::int64_t{o.visits_per_day},
       std::int64_t{o.not_seen_alert_days}, std::int64_t{o.zero_case_days}, o.case_id_mask,
       std::int64_t{o.eoc_level}, o.retention_until, flag(o.demo), db::nullable(demo_key)});
  for (const auto& period : o.legal_periods)
    db::insert_row(connection_, "health_legal_period", "outbreak_id, category, from_on, to_on",
                   {id, name_of(period.category), period.from, db::nullable(period.to)});
  for (const auto& order : o.orders)
    db::insert_row(connection_, "health_order", "outbreak_id, title_th, from_on, to_on",
                   {id, order.title_th, order.from, db::nullable(order.to)});
  return id;
}

void OutbreakStore::load_periods(Outbreak& outbreak) {
  for (const auto& row : connection_.query(
           "SELECT category, from_on, to_on FROM health_legal_period WHERE outbreak_id = ? "
           "ORDER BY from_on",
           {outbreak.id})) {
    LegalPeriod period;
    db::RowReader(row).read(
        db::stored(period.category, parse_legal_category, "health_legal_period.category"),
        period.from, period.to);
    outbreak.legal_periods.push_back(std::move(period));
  }
  for (const auto& row :
       connection_.query("SELECT title_th, from_on, to_on FROM health_order WHERE outbreak_id = ? "
                         "ORDER BY from_on",
                         {outbreak.id})) {
    Order order;
    db::RowReader(row).read(order.title_th, order.from, order.to);
    outbreak.orders.push_back(std::move(order));
  }
}

std::optional<Outbreak> OutbreakStore::find(std::int64_t id) {
  auto found = db::map_row(
      connection_.query_one(select(kOutbreakColumns, "health_outbreak") + " WHERE id = ?", {id}),
      outbreak_from);
  if (found) load_periods(*found);
  return found;
}

std::vector<Outbreak> OutbreakStore::list(const std::string& province_code) {
  auto items = all_rows<Outbreak>(connection_,
                                  select(kOutbreakColumns, "health_outbreak") +
                                      " WHERE province_code = ? ORDER BY started_on DESC, id DESC",
                                  {province_code}, outbreak_from);
  for (auto& item : items) load_periods(item);
  return items;
}

std::optional<Outbreak> OutbreakStore::open_one(const std::string& province_code) {
  auto found =
      db::map_row(connection_.query_one(select(kOutbreakColumns, "health_outbreak") +
                                            " WHERE province_code = ? AND ended_on IS NULL "
                                            "ORDER BY started_on DESC, id DESC LIMIT 1",
                                        {province_code}),
                  outbreak_from);
  if (found) load_periods(*found);
  return found;
}

std::optional<std::int64_t> OutbreakStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM health_outbreak WHERE demo_key = ?",
                           {demo_key});
}

bool OutbreakStore::update(const Outbreak& o) {
  return connection_.execute(
             "UPDATE health_outbreak SET ended_on = ?, retention_until = ?, eoc_level = ?, "
             "not_seen_alert_days = ?, version = version + 1 WHERE id = ? AND version = ?",
             {db::nullable(o.ended_on), o.retention_until, std::int64_t{o.eoc_level},
              std::int64_t{o.not_seen_alert_days}, o.id, o.version}) == 1;
}

std::int64_t OutbreakStore::take_case_seq(std::int64_t outbreak_id) {
  // The increment and the read run in the writer's transaction: two cases of one
  // outbreak never get the same number (the UNIQUE index would refuse it anyway).
  connection_.execute("UPDATE health_outbreak SET next_case_seq = next_case_seq + 1 WHERE id = ?",
                      {outbreak_id});
  return *db::query_integer(
      connection_, "SELECT next_case_seq - 1 FROM health_outbreak WHERE id = ?", {outbreak_id});
}

std::vector<Outbreak> OutbreakStore::past_retention(const std::string& today) {
  return all_rows<Outbreak>(
      connection_,
      select(kOutbreakColumns, "health_outbreak") + " WHERE retention_until < ? ORDER BY id",
      {today}, outbreak_from);
}

// ---- people

std::int64_t PersonStore::upsert(const std::string& province_code, const PersonInput& input,
                                 bool demo, const std::string& now) {
  // One statement on both engines: the identity's unique index decides between a new
  // person and the latest name and phone of a known one (a person without an identity
  // number is always new: NULLs never conflict).
  return connection_.insert_returning_id(
      "INSERT INTO health_person (province_code, id_type, id_number, name, phone, legal_basis, "
      "demo, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (province_code, id_type, "
      "id_number) DO UPDATE SET name = excluded.name, phone = COALESCE(excluded.phone, "
      "health_person.phone) RETURNING id",
      {province_code, name_of(input.id_type), db::nullable(input.id_number), input.name,
       db::nullable(input.phone), std::string(kLegalBasis), flag(demo), now});
}

std::string PersonStore::identity_key(IdType id_type, const std::string& id_number) {
  return std::string(to_string(id_type)) + "|" + id_number;
}

std::map<std::string, std::int64_t> PersonStore::upsert_identified(
    const std::string& province_code, const std::vector<PersonInput>& people,
    const std::string& now) {
  constexpr std::size_t kSlice = 100;
  std::map<std::string, std::int64_t> ids;
  for (std::size_t first = 0; first < people.size(); first += kSlice) {
    std::size_t count = std::min(kSlice, people.size() - first);
    std::string sql =
        "INSERT INTO health_person (province_code, id_type, id_number, name, phone, legal_basis, "
        "demo, created_at) VALUES ";
    std::vector<db::Value> params;
    for (std::size_t i = first; i < first + count; ++i) {
      const PersonInput& p = people[i];
      sql += std::string(i == first ? "" : ", ") + "(" + db::placeholders(8) + ")";
      params.insert(params.end(),
                    {province_code, name_of(p.id_type), db::nullable(p.id_number), p.name,
                     db::nullable(p.phone), std::string(kLegalBasis), flag(false), now});
    }
    sql +=
        " ON CONFLICT (province_code, id_type, id_number) DO UPDATE SET name = excluded.name, "
        "phone = COALESCE(excluded.phone, health_person.phone) RETURNING id, id_type, id_number";
    for (const auto& row : connection_.query(sql, params))
      ids[row.text(1) + "|" + row.text(2)] = row.integer(0);
  }
  return ids;
}

std::optional<Person> PersonStore::find(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kPersonColumns, "health_person") + " WHERE id = ?", {id}),
      [](const db::Row& r) { return person_from(r); });
}

void PersonStore::log_access(std::int64_t person_id, const std::string& username,
                             const std::string& at, const std::optional<std::string>& reason,
                             bool break_glass) {
  db::insert_row(connection_, "health_person_access",
                 "person_id, username, at, reason, break_glass",
                 {person_id, username, at, db::nullable(reason), flag(break_glass)});
}

std::vector<AccessEntry> PersonStore::access_log(std::int64_t person_id) {
  return all_rows<AccessEntry>(
      connection_,
      "SELECT username, at, reason, break_glass FROM health_person_access WHERE person_id = ? "
      "ORDER BY id",
      {person_id}, [](const db::Row& row) {
        AccessEntry entry;
        db::RowReader(row).read(entry.user, entry.at, entry.reason, entry.break_glass);
        return entry;
      });
}

std::int64_t PersonStore::anonymise_outbreak(std::int64_t outbreak_id, const std::string& today) {
  // People of this outbreak's cases and contacts, unless a case or contact of an
  // outbreak still within its retention also names them.
  const std::string people =
      "SELECT person_id FROM health_case WHERE outbreak_id = ? UNION "
      "SELECT person_id FROM health_contact WHERE outbreak_id = ?";
  const std::string kept =
      "SELECT c.person_id FROM health_case c JOIN health_outbreak o ON o.id = c.outbreak_id "
      "WHERE o.retention_until >= ? UNION SELECT k.person_id FROM health_contact k "
      "JOIN health_outbreak o ON o.id = k.outbreak_id WHERE o.retention_until >= ?";
  return connection_.execute(
      "UPDATE health_person SET id_number = NULL, name = 'ไม่ระบุ (ลบข้อมูลแล้ว)', phone = NULL, "
      "anonymised = 1 WHERE anonymised = 0 AND id IN (" +
          people + ") AND id NOT IN (" + kept + ")",
      {outbreak_id, outbreak_id, today, today});
}

// ---- checkpoints and screenings

std::vector<Checkpoint> ScreeningStore::checkpoints(const std::string& province_code) {
  return all_rows<Checkpoint>(
      connection_,
      select(kCheckpointColumns, "health_checkpoint") + " WHERE province_code = ? ORDER BY id",
      {province_code}, checkpoint_from);
}

std::optional<Checkpoint> ScreeningStore::checkpoint(std::int64_t id) {
  return db::map_row(connection_.query_one(
                         select(kCheckpointColumns, "health_checkpoint") + " WHERE id = ?", {id}),
                     checkpoint_from);
}

std::int64_t ScreeningStore::insert_checkpoint(const Checkpoint& c, const std::string& demo_key) {
  return db::insert_row_returning_id(
      connection_, "health_checkpoint",
      "province_code, name_th, name_km, kind, area_code, demo, demo_key",
      {c.province_code, c.name_th, db::nullable(c.name_km), name_of(c.kind), c.area_code,
       flag(c.demo), demo_key});
}

std::optional<std::int64_t> ScreeningStore::checkpoint_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM health_checkpoint WHERE demo_key = ?",
                           {demo_key});
}

std::optional<std::int64_t> ScreeningStore::by_client_id(const std::string& province_code,
                                                         const std::string& client_id) {
  return db::query_integer(connection_,
                           "SELECT id FROM health_screening WHERE province_code = ? AND "
                           "client_id = ?",
                           {province_code, client_id});
}

std::map<std::string, std::int64_t> ScreeningStore::by_client_ids(
    const std::string& province_code, const std::vector<std::string>& client_ids) {
  // In slices of a fixed size (padded with the last id), so one statement text serves.
  constexpr std::size_t kSlice = 100;
  std::map<std::string, std::int64_t> found;
  const std::string sql =
      "SELECT client_id, id FROM health_screening WHERE province_code = ? "
      "AND client_id IN (" +
      db::placeholders(kSlice) + ")";
  for (std::size_t first = 0; first < client_ids.size(); first += kSlice) {
    std::vector<db::Value> params{province_code};
    for (std::size_t i = first; i < first + kSlice; ++i)
      params.emplace_back(client_ids[std::min(i, client_ids.size() - 1)]);
    for (const auto& row : connection_.query(sql, params)) found[row.text(0)] = row.integer(1);
  }
  return found;
}

std::int64_t ScreeningStore::insert(const Screening& s, const std::string& screened_on) {
  return db::insert_row_returning_id(connection_, "health_screening", kScreeningColumns,
                                     screening_values(s, screened_on));
}

std::map<std::string, std::int64_t> ScreeningStore::insert_many(
    const std::vector<std::pair<Screening, std::string>>& screenings) {
  constexpr std::size_t kSlice = 100;
  std::map<std::string, std::int64_t> ids;
  for (std::size_t first = 0; first < screenings.size(); first += kSlice) {
    std::size_t count = std::min(kSlice, screenings.size() - first);
    std::string sql =
        std::string("INSERT INTO health_screening (") + kScreeningColumns + ") VALUES ";
    std::vector<db::Value> params;
    for (std::size_t i = first; i < first + count; ++i) {
      sql += std::string(i == first ? "" : ", ") + "(" + db::placeholders(12) + ")";
      auto values = screening_values(screenings[i].first, screenings[i].second);
      params.insert(params.end(), values.begin(), values.end());
    }
    for (const auto& row : connection_.query(sql + " RETURNING id, client_id", params))
      ids[row.text(1)] = row.integer(0);
  }
  return ids;
}

std::int64_t ScreeningStore::count_on(const std::string& province_code, const std::string& day) {
  return *db::query_integer(
      connection_,
      "SELECT COUNT(*) FROM health_screening WHERE province_code = ? AND screened_on = ?",
      {province_code, day});
}

// ---- cases

std::int64_t CaseStore::insert(const Case& c, const std::string& disease_code) {
  return db::insert_row_returning_id(
      connection_, "health_case",
      "province_code, outbreak_id, case_number, person_id, disease_code, classification, "
      "onset_on, reported_on, infected_in, district_code, place_of_care, outcome, episode, "
      "source_case_id, from_contact_id, cluster_id, suspected_at, notice_due_at, notified_at, "
      "demo",
      {c.province_code,
       c.outbreak_id,
       c.case_number,
       c.person_id,
       disease_code,
       name_of(c.classification),
       db::nullable(c.onset_on),
       c.reported_on,
       name_of(c.infected_in),
       db::nullable(c.district_code),
       name_or_null(c.place_of_care),
       name_or_null(c.outcome),
       std::int64_t{c.episode},
       db::nullable(c.source_case_id),
       db::nullable(c.from_contact_id),
       db::nullable(c.cluster_id),
       c.suspected_at,
       db::nullable(c.notice_due_at),
       db::nullable(c.notified_at),
       flag(c.demo)});
}

std::optional<Case> CaseStore::find(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kCaseColumns, "health_case") + " WHERE id = ?", {id}),
      [](const db::Row& r) { return case_from(r); });
}

bool CaseStore::update(const Case& c) {
  return connection_.execute(
             "UPDATE health_case SET classification = ?, onset_on = ?, place_of_care = ?, "
             "outcome = ?, source_case_id = ?, cluster_id = ?, notified_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {name_of(c.classification), db::nullable(c.onset_on), name_or_null(c.place_of_care),
              name_or_null(c.outcome), db::nullable(c.source_case_id), db::nullable(c.cluster_id),
              db::nullable(c.notified_at), c.id, c.version}) == 1;
}

void CaseStore::add_history(std::int64_t case_id, const ClassificationChange& change) {
  db::insert_row(
      connection_, "health_case_history", "case_id, classification, at, reason, by_user",
      {case_id, name_of(change.classification), change.at, db::nullable(change.reason), change.by});
}

std::vector<ClassificationChange> CaseStore::history(std::int64_t case_id) {
  return all_rows<ClassificationChange>(
      connection_,
      "SELECT classification, at, reason, by_user FROM health_case_history WHERE case_id = ? "
      "ORDER BY id",
      {case_id}, [](const db::Row& row) {
        ClassificationChange change;
        db::RowReader(row).read(db::stored(change.classification, parse_classification,
                                           "health_case_history.classification"),
                                change.at, change.reason, change.by);
        return change;
      });
}

std::int64_t CaseStore::add_lab_test(const LabTest& test) {
  return db::insert_row_returning_id(
      connection_, "health_lab_test", "case_id, kind, result, taken_on",
      {test.case_id, name_of(test.kind), name_of(test.result), test.taken_on});
}

std::vector<LabTest> CaseStore::lab_tests(std::int64_t case_id) {
  return all_rows<LabTest>(
      connection_,
      "SELECT id, case_id, kind, result, taken_on FROM health_lab_test WHERE case_id = ? "
      "ORDER BY taken_on, id",
      {case_id}, [](const db::Row& row) {
        LabTest test;
        db::RowReader(row).read(
            test.id, test.case_id, db::stored(test.kind, parse_lab_kind, "health_lab_test.kind"),
            db::stored(test.result, parse_lab_result, "health_lab_test.result"), test.taken_on);
        return test;
      });
}

std::optional<Case> CaseStore::latest_of_person(std::int64_t person_id,
                                                const std::string& disease_code) {
  return db::map_row(connection_.query_one(select(kCaseColumns, "health_case") +
                                               " WHERE person_id = ? AND disease_code = ? "
                                               "ORDER BY reported_on DESC, id DESC LIMIT 1",
                                           {person_id, disease_code}),
                     [](const db::Row& r) { return case_from(r); });
}

std::vector<Case> CaseStore::of_person(std::int64_t person_id) {
  return all_rows<Case>(connection_,
                        select(kCaseColumns, "health_case") + " WHERE person_id = ? ORDER BY id",
                        {person_id}, [](const db::Row& r) { return case_from(r); });
}

// ---- contacts and follow-ups

std::int64_t ContactStore::insert(const Contact& c) {
  return db::insert_row_returning_id(
      connection_, "health_contact",
      "province_code, outbreak_id, case_id, event_id, person_id, last_contact_on, exposure, "
      "risk, follow_up_until, team_id, district_code, status, demo",
      {c.province_code, c.outbreak_id, db::nullable(c.case_id), db::nullable(c.event_id),
       c.person_id, c.last_contact_on, name_of(c.exposure), name_of(c.risk), c.follow_up_until,
       db::nullable(c.team_id), db::nullable(c.district_code), name_of(c.status), flag(c.demo)});
}

std::optional<Contact> ContactStore::find(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kContactColumns, "health_contact") + " WHERE id = ?", {id}),
      [](const db::Row& r) { return contact_from(r); });
}

std::vector<Contact> ContactStore::of_case(std::int64_t case_id) {
  return all_rows<Contact>(
      connection_, select(kContactColumns, "health_contact") + " WHERE case_id = ? ORDER BY id",
      {case_id}, [](const db::Row& r) { return contact_from(r); });
}

std::vector<Contact> ContactStore::of_person(std::int64_t person_id) {
  return all_rows<Contact>(
      connection_, select(kContactColumns, "health_contact") + " WHERE person_id = ? ORDER BY id",
      {person_id}, [](const db::Row& r) { return contact_from(r); });
}

void ContactStore::generate_follow_ups(const Contact& contact, int visits_per_day) {
  std::vector<db::Value> values;
  int days = rules::days_between(contact.last_contact_on, contact.follow_up_until);
  for (int day = 1; day <= days; ++day)
    for (int visit = 1; visit <= visits_per_day; ++visit) {
      values.emplace_back(contact.id);
      values.emplace_back(db::nullable(contact.team_id));
      values.emplace_back(rules::add_days(contact.last_contact_on, day));
      values.emplace_back(std::int64_t{visit});
    }
  insert_rows(connection_, "health_follow_up", "contact_id, team_id, due_on, visit", 4, values);
}

std::optional<FollowUp> ContactStore::follow_up(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kFollowUpColumns, "health_follow_up") + " WHERE id = ?", {id}),
      [](const db::Row& r) { return follow_up_from(r); });
}

std::optional<FollowUp> ContactStore::follow_up_on(std::int64_t contact_id,
                                                   const std::string& day) {
  return db::map_row(connection_.query_one(select(kFollowUpColumns, "health_follow_up") +
                                               " WHERE contact_id = ? AND due_on = ? "
                                               "ORDER BY performed IS NOT NULL, visit LIMIT 1",
                                           {contact_id, day}),
                     [](const db::Row& r) { return follow_up_from(r); });
}

bool ContactStore::record_visit(const FollowUp& visit) {
  return connection_.execute(
             "UPDATE health_follow_up SET performed = ?, symptoms = ?, done_at = ?, done_by = ? "
             "WHERE id = ?",
             {flag(visit.performed.value_or(false)), join_names(visit.symptoms),
              db::nullable(visit.done_at), db::nullable(visit.done_by), visit.id}) == 1;
}

void ContactStore::set_last_visit(std::int64_t contact_id, const std::string& day,
                                  VisitStatus status) {
  // Only a visit of a later (or the same) day moves the contact's last-visit status.
  connection_.execute(
      "UPDATE health_contact SET last_visit_on = ?, last_visit_status = ? "
      "WHERE id = ? AND (last_visit_on IS NULL OR last_visit_on <= ?)",
      {day, name_of(status), contact_id, day});
}

void ContactStore::set_converted(std::int64_t contact_id, std::int64_t case_id) {
  connection_.execute(
      "UPDATE health_contact SET status = 'converted', converted_case_id = ? WHERE id = ?",
      {case_id, contact_id});
}

std::int64_t ContactStore::insert_event(const std::string& province_code, std::int64_t outbreak_id,
                                        std::optional<std::int64_t> case_id,
                                        const std::string& name_th, const std::string& occurred_on,
                                        const std::string& by) {
  return db::insert_row_returning_id(
      connection_, "health_event",
      "province_code, outbreak_id, case_id, name_th, occurred_on, created_by",
      {province_code, outbreak_id, db::nullable(case_id), name_th, occurred_on, by});
}

// ---- teams and breaches

std::vector<Team> TeamStore::list(const std::string& province_code) {
  return all_rows<Team>(
      connection_, select(kTeamColumns, "health_team") + " WHERE province_code = ? ORDER BY id",
      {province_code}, team_from);
}

std::optional<Team> TeamStore::find(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kTeamColumns, "health_team") + " WHERE id = ?", {id}),
      team_from);
}

std::int64_t TeamStore::insert(const Team& t, const std::optional<std::string>& demo_key) {
  return db::insert_row_returning_id(
      connection_, "health_team", "province_code, kind, name_th, area_code, demo, demo_key",
      {t.province_code, name_of(t.kind), t.name_th, db::nullable(t.area_code), flag(t.demo),
       db::nullable(demo_key)});
}

std::optional<std::int64_t> TeamStore::id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM health_team WHERE demo_key = ?",
                           {demo_key});
}

std::int64_t BreachStore::insert(const Breach& b) {
  return db::insert_row_returning_id(
      connection_, "health_breach",
      "province_code, discovered_at, description, people_affected, high_risk, notify_due_at, "
      "recorded_by",
      {b.province_code, b.discovered_at, b.description, b.people_affected, flag(b.high_risk),
       b.notify_due_at, b.recorded_by});
}

std::optional<Breach> BreachStore::find(std::int64_t id) {
  return db::map_row(
      connection_.query_one(select(kBreachColumns, "health_breach") + " WHERE id = ?", {id}),
      breach_from);
}

std::vector<Breach> BreachStore::list(const std::string& province_code) {
  return all_rows<Breach>(
      connection_,
      select(kBreachColumns, "health_breach") + " WHERE province_code = ? ORDER BY id DESC",
      {province_code}, breach_from);
}

bool BreachStore::set_notified(std::int64_t id, const std::string& at) {
  return connection_.execute(
             "UPDATE health_breach SET notified_at = ? WHERE id = ? AND notified_at IS NULL",
             {at, id}) == 1;
}

}  // namespace changwat::health
