#include "modules/health/report_store.hpp"

#include "db/row_reader.hpp"
#include "db/sql.hpp"
#include "modules/health/store_rows.hpp"

namespace changwat::health {
namespace {

// The cases of a chain: a cluster's, or those reported from a day on (`?` params in
// this order: province, cluster or day).
std::string chain_case_filter(std::optional<std::int64_t> cluster_id,
                              std::vector<db::Value>& params, const std::string& province_code,
                              const std::optional<std::string>& from) {
  params.emplace_back(province_code);
  if (cluster_id) {
    params.emplace_back(*cluster_id);
    return " WHERE c.province_code = ? AND c.cluster_id = ?";
  }
  params.emplace_back(from.value_or("0000-00-00"));
  return " WHERE c.province_code = ? AND c.reported_on >= ?";
}

template <class Enum>
std::vector<std::pair<Enum, std::int64_t>> counted(db::Connection& connection,
                                                   const std::string& sql,
                                                   const std::vector<db::Value>& params,
                                                   std::optional<Enum> (*parse)(std::string_view),
                                                   const char* column) {
  std::vector<std::pair<Enum, std::int64_t>> counts;
  for (const auto& row : connection.query(sql, params)) {
    std::pair<Enum, std::int64_t> item;
    db::RowReader(row).read(db::stored(item.first, parse, column), item.second);
    counts.push_back(item);
  }
  return counts;
}

}  // namespace

std::vector<CaseRow> ReportStore::cases(const std::string& province_code,
                                        std::optional<std::int64_t> outbreak_id, std::int64_t limit,
                                        std::int64_t offset) {
  std::string sql = "SELECT " + qualified(kCaseColumns, "c") + ", " +
                    qualified(kPersonColumns, "p") +
                    " FROM health_case c JOIN health_person p ON p.id = c.person_id "
                    "WHERE c.province_code = ?";
  std::vector<db::Value> params{province_code};
  if (outbreak_id) {
    sql += " AND c.outbreak_id = ?";
    params.emplace_back(*outbreak_id);
  }
  sql += " ORDER BY c.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(limit);
  params.emplace_back(offset);
  return all_rows<CaseRow>(connection_, sql, params, [](const db::Row& row) {
    return CaseRow{case_from(row), person_from(row, kCaseColumnCount)};
  });
}

std::vector<ScreeningRow> ReportStore::screenings(const std::string& province_code,
                                                  const std::string& day,
                                                  std::optional<std::int64_t> checkpoint_id,
                                                  std::int64_t limit) {
  std::string sql =
      "SELECT s.id, s.province_code, s.checkpoint_id, s.person_id, s.screened_at, "
      "s.temperature_c, s.symptoms, s.origin, s.destination_area_code, s.decision, s.client_id, "
      "s.created_by, " +
      qualified(kPersonColumns, "p") +
      " FROM health_screening s LEFT JOIN health_person p ON p.id = s.person_id "
      "WHERE s.province_code = ? AND s.screened_on = ?";
  std::vector<db::Value> params{province_code, day};
  if (checkpoint_id) {
    sql += " AND s.checkpoint_id = ?";
    params.emplace_back(*checkpoint_id);
  }
  sql += " ORDER BY s.id DESC LIMIT ?";
  params.emplace_back(limit);
  return all_rows<ScreeningRow>(connection_, sql, params, [](const db::Row& row) {
    ScreeningRow item;
    Screening& s = item.screening;
    std::string symptoms;
    db::RowReader reader(row);
    reader.read(s.id, s.province_code, s.checkpoint_id, s.person_id, s.screened_at, s.temperature_c,
                symptoms, s.origin, s.destination_area_code,
                db::stored(s.decision, parse_decision, "health_screening.decision"), s.client_id,
                s.created_by);
    s.symptoms = split_names(symptoms);
    if (!row.is_null(reader.position())) item.person = person_from(row, reader.position());
    return item;
  });
}

std::vector<FollowUpRow> ReportStore::day(const std::string& province_code, const std::string& date,
                                          std::optional<std::int64_t> team_id) {
  // (team_id, due_on) is indexed: a team's day is an index range, whatever the wave.
  std::string sql = "SELECT " + qualified(kFollowUpColumns, "f") + ", " +
                    qualified(kContactColumns, "k") + ", " + qualified(kPersonColumns, "p") +
                    " FROM health_follow_up f JOIN health_contact k ON k.id = f.contact_id "
                    "JOIN health_person p ON p.id = k.person_id WHERE f.due_on = ? AND "
                    "k.province_code = ?";
  std::vector<db::Value> params{date, province_code};
  if (team_id) {
    sql += " AND f.team_id = ?";
    params.emplace_back(*team_id);
  }
  sql += " ORDER BY f.id LIMIT 5000";
  return all_rows<FollowUpRow>(connection_, sql, params, [](const db::Row& row) {
    return FollowUpRow{follow_up_from(row), contact_from(row, kFollowUpColumnCount),
                       person_from(row, kFollowUpColumnCount + kContactColumnCount)};
  });
}

std::vector<ChainCase> ReportStore::chain_cases(const std::string& province_code,
                                                std::optional<std::int64_t> cluster_id,
                                                const std::optional<std::string>& from,
                                                std::int64_t limit) {
  std::vector<db::Value> params;
  std::string where = chain_case_filter(cluster_id, params, province_code, from);
  params.emplace_back(limit);
  return all_rows<ChainCase>(
      connection_,
      "SELECT c.id, c.case_number, c.classification, c.source_case_id FROM health_case c" + where +
          " ORDER BY c.id LIMIT ?",
      params, [](const db::Row& row) {
        ChainCase item;
        db::RowReader(row).read(
            item.id, item.case_number,
            db::stored(item.classification, parse_classification, "health_case.classification"),
            item.source_case_id);
        return item;
      });
}

std::vector<ChainContact> ReportStore::chain_contacts(const std::string& province_code,
                                                      std::optional<std::int64_t> cluster_id,
                                                      const std::optional<std::string>& from,
                                                      std::int64_t case_limit, std::int64_t limit) {
  std::vector<db::Value> params;
  std::string where = chain_case_filter(cluster_id, params, province_code, from);
  params.emplace_back(case_limit);
  params.emplace_back(limit);
  return all_rows<ChainContact>(
      connection_,
      "SELECT k.id, k.case_id, k.status, p.name FROM health_contact k "
      "JOIN health_person p ON p.id = k.person_id WHERE k.status <> 'converted' AND "
      "k.case_id IN (SELECT c.id FROM health_case c" +
          where + " ORDER BY c.id LIMIT ?) ORDER BY k.id LIMIT ?",
      params, [](const db::Row& row) {
        ChainContact item;
        db::RowReader(row).read(
            item.id, item.case_id,
            db::stored(item.status, parse_contact_status, "health_contact.status"), item.name);
        return item;
      });
}

std::vector<std::pair<Classification, std::int64_t>> ReportStore::cases_by_class(
    std::int64_t outbreak_id, const std::string& date, bool that_day_only) {
  return counted<Classification>(
      connection_,
      std::string("SELECT classification, COUNT(*) FROM health_case WHERE outbreak_id = ? AND "
                  "reported_on ") +
          (that_day_only ? "=" : "<=") + " ? GROUP BY classification ORDER BY classification",
      {outbreak_id, date}, parse_classification, "health_case.classification");
}

std::vector<std::pair<InfectedIn, std::int64_t>> ReportStore::cases_by_origin(
    std::int64_t outbreak_id, const std::string& date) {
  return counted<InfectedIn>(
      connection_,
      "SELECT infected_in, COUNT(*) FROM health_case WHERE outbreak_id = ? AND "
      "classification = 'confirmed' AND reported_on <= ? GROUP BY infected_in",
      {outbreak_id, date}, parse_infected_in, "health_case.infected_in");
}

ContactCounts ReportStore::contacts(std::int64_t outbreak_id, const std::string& date,
                                    const std::string& not_seen_since) {
  // Under follow-up on `date`: after the last contact, up to follow_up_until, not
  // converted. "Seen" is the kept last-visit status: no visit is read.
  auto row = connection_.query_one(
      "SELECT COUNT(*), "
      "COALESCE(SUM(CASE WHEN last_visit_on = ? AND last_visit_status <> 'not_found' THEN 1 "
      "ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN COALESCE(last_visit_on, last_contact_on) < ? THEN 1 ELSE 0 END), "
      "0) FROM health_contact WHERE outbreak_id = ? AND follow_up_until >= ? AND "
      "last_contact_on < ? AND status <> 'converted'",
      {date, not_seen_since, outbreak_id, date, date});
  ContactCounts counts;
  if (row) db::RowReader(*row).read(counts.under_follow_up, counts.seen_today, counts.not_seen);
  return counts;
}

std::int64_t ReportStore::seen_on(std::int64_t outbreak_id, const std::string& date) {
  return *db::query_integer(connection_,
                            "SELECT COUNT(DISTINCT f.contact_id) FROM health_follow_up f "
                            "JOIN health_contact k ON k.id = f.contact_id WHERE f.due_on = ? AND "
                            "f.performed = 1 AND k.outbreak_id = ?",
                            {date, outbreak_id});
}

std::optional<std::string> ReportStore::last_local_case(const std::string& province_code,
                                                        const std::string& disease_code,
                                                        const std::string& district_code,
                                                        const std::string& date) {
  auto row = connection_.query_one(
      "SELECT MAX(reported_on) FROM health_case WHERE province_code = ? AND disease_code = ? "
      "AND infected_in = 'local' AND classification = 'confirmed' AND district_code = ? AND "
      "reported_on <= ?",
      {province_code, disease_code, district_code, date});
  return row ? row->optional_text(0) : std::nullopt;
}

std::optional<std::string> ReportStore::first_outbreak_start(const std::string& province_code,
                                                             const std::string& disease_code) {
  auto row = connection_.query_one(
      "SELECT MIN(started_on) FROM health_outbreak WHERE province_code = ? AND disease_code = ?",
      {province_code, disease_code});
  if (!row) return std::nullopt;
  return row->optional_text(0);
}

std::int64_t ReportStore::notices_overdue(std::int64_t outbreak_id, const std::string& now) {
  return *db::query_integer(connection_,
                            "SELECT COUNT(*) FROM health_case WHERE outbreak_id = ? AND "
                            "notified_at IS NULL AND notice_due_at < ?",
                            {outbreak_id, now});
}

void ReportStore::rows_506(const std::string& province_code, const std::string& from,
                           const std::string& to, std::optional<std::int64_t> outbreak_id,
                           const std::function<void(const Row506&)>& on_row) {
  std::string sql =
      "SELECT c.case_number, c.disease_code, c.episode, c.person_id, p.id_type, p.id_number, "
      "p.name, c.classification, c.onset_on, c.reported_on, c.infected_in, c.district_code, "
      "o.retention_until FROM health_case c JOIN health_person p ON p.id = c.person_id "
      "JOIN health_outbreak o ON o.id = c.outbreak_id WHERE c.province_code = ? AND "
      "c.reported_on >= ? AND c.reported_on <= ? AND c.classification <> 'not_a_case'";
  std::vector<db::Value> params{province_code, from, to};
  if (outbreak_id) {
    sql += " AND c.outbreak_id = ?";
    params.emplace_back(*outbreak_id);
  }
  sql += " ORDER BY c.person_id, c.disease_code, c.episode, c.reported_on, c.id";
  connection_.for_each(sql, params, [&](const db::Row& row) {
    Row506 item;
    db::RowReader(row).read(
        item.case_number, item.disease_code, item.episode, item.person_id,
        db::stored(item.id_type, parse_id_type, "health_person.id_type"), item.id_number, item.name,
        db::stored(item.classification, parse_classification, "health_case.classification"),
        item.onset_on, item.reported_on,
        db::stored(item.infected_in, parse_infected_in, "health_case.infected_in"),
        item.district_code, item.retention_until);
    on_row(item);
  });
}

}  // namespace changwat::health
