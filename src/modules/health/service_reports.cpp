// Reads over many records: transmission chains (never more than 2,000 nodes), the
// EOC board (from the contacts' kept last-visit status and indexed counts), and the
// 506 surveillance export (one row per person, disease and episode).
#include <set>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/health/report_store.hpp"
#include "modules/health/service.hpp"
#include "modules/health/stores.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return quoted + "\"";
}

}  // namespace

Chain HealthService::chain(const Actor& actor, std::optional<std::int64_t> cluster_id,
                           std::optional<std::string> from) const {
  const Principal& principal = rules::require_officer(actor);
  if (!cluster_id && !from)
    throw Error(ErrorKind::validation, "invalid_input",
                {"ต้องระบุ cluster หรือ from", "give cluster or from"},
                {{"cluster", {"ต้องระบุ cluster หรือ from", "give cluster or from"}}});
  if (from) {
    FieldErrors errors;
    rules::check_date(errors, "from", *from);
    errors.throw_if_any();
  }
  return database_.read([&](db::Connection& c) {
    ReportStore store(c);
    const auto max = static_cast<std::int64_t>(kMaxChainNodes);
    Chain chain;
    // One more than allowed tells whether more exist.
    std::vector<ChainCase> cases =
        store.chain_cases(principal.province_code, cluster_id, from, max + 1);
    if (static_cast<std::int64_t>(cases.size()) > max) {
      cases.resize(kMaxChainNodes);
      chain.truncated = true;
    }
    std::set<std::int64_t> shown;
    for (const auto& item : cases) {
      shown.insert(item.id);
      chain.nodes.push_back({"case-" + std::to_string(item.id), "case", item.id, item.case_number,
                             item.classification, std::nullopt});
    }
    for (const auto& item : cases)
      if (item.source_case_id && shown.count(*item.source_case_id))
        chain.edges.push_back({"case-" + std::to_string(*item.source_case_id),
                               "case-" + std::to_string(item.id), "source"});
    std::int64_t room = max - static_cast<std::int64_t>(cases.size());
    if (!chain.truncated) {
      std::vector<ChainContact> contacts =
          store.chain_contacts(principal.province_code, cluster_id, from, max, room + 1);
      if (static_cast<std::int64_t>(contacts.size()) > room) {
        contacts.resize(static_cast<std::size_t>(room));
        chain.truncated = true;
      }
      for (const auto& item : contacts) {
        std::string id = "contact-" + std::to_string(item.id);
        chain.nodes.push_back(
            {id, "contact", item.id, rules::mask_name(item.name), std::nullopt, item.status});
        chain.edges.push_back({"case-" + std::to_string(item.case_id), id, "contact"});
      }
    }
    return chain;
  });
}

Board HealthService::board(const Actor& actor, const std::string& date,
                           std::optional<std::int64_t> outbreak_id) const {
  const Principal& principal = rules::require_aggregate_reader(actor);
  FieldErrors errors;
  rules::check_date(errors, "date", date);
  errors.throw_if_any();
  return database_.read([&](db::Connection& c) {
    Outbreak outbreak = outbreak_for(c, principal.province_code, outbreak_id);
    ReportStore store(c);
    Board board;
    board.date = date;
    board.outbreak_id = outbreak.id;
    board.cases_by_class = store.cases_by_class(outbreak.id, date, false);
    board.new_cases_by_class = store.cases_by_class(outbreak.id, date, true);
    for (const auto& [origin, count] : store.cases_by_origin(outbreak.id, date))
      (origin == InfectedIn::local ? board.local_cases : board.imported_cases) += count;
    ContactCounts contacts =
        store.contacts(outbreak.id, date, rules::add_days(date, -outbreak.not_seen_alert_days));
    board.contacts_under_follow_up = contacts.under_follow_up;
    // Today from the contacts' kept last visit (no scan); a past day from its visits.
    board.seen_today = date == thai::to_iso(thai::today_in_thailand())
                           ? contacts.seen_today
                           : store.seen_on(outbreak.id, date);
    board.not_seen_alert = contacts.not_seen;
    board.seen_today_percent =
        contacts.under_follow_up == 0
            ? 0.0
            : static_cast<double>(contacts.seen_today * 1000 / contacts.under_follow_up) / 10.0;
    // The streak of each district: days since its last local case of the disease
    // (any outbreak of it), or since the disease's first outbreak here began.
    std::string since = store.first_outbreak_start(principal.province_code, outbreak.disease_code)
                            .value_or(outbreak.started_on);
    for (const auto& district : areas_.children(principal.province_code)) {
      std::string start =
          store.last_local_case(principal.province_code, outbreak.disease_code, district.code, date)
              .value_or(since);
      board.zero_case_streak_days.emplace_back(district.code,
                                               std::max(0, rules::days_between(start, date)));
    }
    board.zero_case_goal_days = outbreak.zero_case_days;
    board.screenings_today = ScreeningStore(c).count_on(principal.province_code, date);
    board.notices_overdue = store.notices_overdue(outbreak.id, iso_utc_now());
    return board;
  });
}

std::string HealthService::report_506(const Actor& actor, const std::string& from,
                                      const std::string& to,
                                      std::optional<std::int64_t> outbreak_id) const {
  const Principal& principal = rules::require_officer(actor);
  FieldErrors errors;
  rules::check_date(errors, "from", from);
  rules::check_date(errors, "to", to);
  errors.throw_if_any();
  if (from > to)
    throw Error(ErrorKind::validation, "invalid_input", {"from ต้องไม่หลัง to", "from is after to"},
                {{"to", {"ต้องไม่ก่อน from", "must not be before from"}}});
  std::string today = thai::to_iso(thai::today_in_thailand());
  return database_.write([&](db::Connection& c) {
    std::string csv =
        "case_number,disease,episode,person_id,id_type,id_number,name,classification,onset_on,"
        "reported_on,infected_in,district_code\n";
    std::int64_t person = -1;
    std::string disease;
    int episode = -1;
    std::int64_t rows = 0;
    std::int64_t duplicates = 0;
    ReportStore(c).rows_506(principal.province_code, from, to, outbreak_id, [&](const Row506& r) {
      // Data past its retention end is never handed out again.
      if (r.retention_until < today)
        throw_rule("retention_ended",
                   {"พ้นระยะเวลาเก็บรักษาข้อมูลแล้ว (" + r.retention_until + ") ส่งออกไม่ได้",
                    "the retention period ended (" + r.retention_until + "): no export"});
      // Rows come ordered by person, disease, episode: the first of each is reported.
      if (r.person_id == person && r.disease_code == disease && r.episode == episode) {
        ++duplicates;
        return;
      }
      person = r.person_id;
      disease = r.disease_code;
      episode = r.episode;
      ++rows;
      csv += csv_field(r.case_number) + "," + csv_field(r.disease_code) + "," +
             std::to_string(r.episode) + "," + std::to_string(r.person_id) + "," +
             std::string(to_string(r.id_type)) + "," + csv_field(r.id_number.value_or("")) + "," +
             csv_field(r.name) + "," + std::string(to_string(r.classification)) + "," +
             r.onset_on.value_or("") + "," + r.reported_on + "," +
             std::string(to_string(r.infected_in)) + "," + r.district_code.value_or("") + "\n";
    });
    // Who exported which people is on record (the export is a disclosure).
    audit::record(c, actor, "health_report_506", from + ".." + to, "export", nullptr,
                  boost::json::object{{"rows", rows}, {"duplicates_skipped", duplicates}});
    return csv;
  });
}

}  // namespace changwat::health
