// Generates an outbreak's wave of invented people, cases, contacts and visits with
// multi-row inserts in the caller's transaction (wave.hpp).
#include "modules/health/wave.hpp"

#include <boost/json.hpp>
#include <map>

#include "base/clock.hpp"
#include "db/sql.hpp"
#include "modules/health/rules.hpp"
#include "modules/health/stores.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

// A small deterministic generator: the same demo on every machine.
class Dice {
 public:
  std::uint32_t next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }

 private:
  std::uint32_t state_ = 20210401u;
};

struct Loader {
  db::Connection& c;
  std::string province;
  std::string today;
  const std::vector<std::string>& first_names;
  const std::vector<std::string>& last_names;
  const std::vector<std::string>& districts;
  const std::vector<std::int64_t>& teams;
  Dice dice;

  std::string name(int i) {
    return first_names[static_cast<std::size_t>(i) % first_names.size()] + " " +
           last_names[static_cast<std::size_t>(i / 7) % last_names.size()];
  }

  // People of a wave, inserted at once; ids back by their DEMO- numbers.
  std::vector<std::int64_t> people(const std::string& prefix, int count) {
    std::vector<db::Value> values;
    std::string now = iso_utc_now();
    for (int i = 0; i < count; ++i) {
      char phone[16];
      std::snprintf(phone, sizeof phone, "08%08u", dice.next() % 100000000u);
      values.insert(values.end(), {province, std::string("other"), prefix + std::to_string(i),
                                   name(i + dice.below(5)), std::string(phone),
                                   std::string(kLegalBasis), std::int64_t{1}, now});
    }
    insert_rows(c, "health_person",
                "province_code, id_type, id_number, name, phone, legal_basis, demo, created_at", 8,
                values);
    std::map<std::string, std::int64_t> by_number;
    for (const auto& row :
         c.query("SELECT id, id_number FROM health_person WHERE province_code = ? "
                 "AND id_type = 'other' AND id_number LIKE ?",
                 {province, prefix + "%"}))
      by_number[row.text(1)] = row.integer(0);
    std::vector<std::int64_t> ids;
    for (int i = 0; i < count; ++i) ids.push_back(by_number.at(prefix + std::to_string(i)));
    return ids;
  }

  static constexpr std::size_t kVisitSlice = 8 * 20000;

  void flush_visits(std::vector<db::Value>& visits, std::size_t& count) {
    insert_rows(c, "health_follow_up",
                "contact_id, team_id, due_on, visit, performed, symptoms, done_at, done_by", 8,
                visits);
    count += visits.size() / 8;
    visits.clear();
  }

  std::int64_t wave(const WaveSpec& spec) {
    OutbreakStore outbreaks(c);
    Outbreak outbreak = spec.outbreak;
    outbreak.id = outbreaks.insert(outbreak, spec.key);
    std::vector<std::int64_t> clusters;
    for (const auto& cluster : spec.clusters)
      clusters.push_back(db::insert_row_returning_id(
          c, "health_cluster", "province_code, outbreak_id, name_th, demo",
          {province, outbreak.id, cluster, std::int64_t{1}}));
    std::vector<std::int64_t> persons =
        people("DEMO-" + spec.key + "-", spec.cases + spec.contacts);

    // Cases, spread over the wave's days.
    int span = rules::days_between(spec.cases_from, spec.cases_to);
    std::vector<db::Value> cases;
    std::vector<std::string> reported(static_cast<std::size_t>(spec.cases));
    std::vector<std::string> case_district(static_cast<std::size_t>(spec.cases));
    for (int i = 0; i < spec.cases; ++i) {
      std::string day = rules::add_days(spec.cases_from, span * i / std::max(1, spec.cases - 1));
      reported[static_cast<std::size_t>(i)] = day;
      std::string district =
          districts[static_cast<std::size_t>(dice.below(static_cast<int>(districts.size())))];
      case_district[static_cast<std::size_t>(i)] = district;
      int roll = dice.below(100);
      std::string classification = roll < 85 ? "confirmed" : roll < 95 ? "probable" : "suspect";
      roll = dice.below(100);
      std::string origin = roll < 80 ? "local" : roll < 90 ? "other_province" : "cross_border";
      std::string suspected = day + "T02:00:00Z";
      bool dangerous = day <= "2022-09-30";
      db::Value cluster = clusters.empty() || i % 10 >= 6
                              ? db::Value(nullptr)
                              : db::Value(clusters[static_cast<std::size_t>(i) % clusters.size()]);
      cases.insert(cases.end(),
                   {province, outbreak.id,
                    rules::case_number(outbreak.case_id_mask, outbreak.disease_code,
                                       thai::be_year(std::stoi(day.substr(0, 4))), i + 1),
                    persons[static_cast<std::size_t>(i)], outbreak.disease_code, classification,
                    rules::add_days(day, -2), day, origin, district,
                    std::string(i % 4 == 0 ? "field_hospital" : "hospital"),
                    std::string(day < today ? "recovered" : "under_treatment"), suspected,
                    dangerous ? db::Value(rules::add_hours(suspected, 3)) : db::Value(nullptr),
                    dangerous ? db::Value(rules::add_hours(suspected, 1)) : db::Value(nullptr),
                    cluster, std::int64_t{1}});
    }
    insert_rows(c, "health_case",
                "province_code, outbreak_id, case_number, person_id, disease_code, classification, "
                "onset_on, reported_on, infected_in, district_code, place_of_care, outcome, "
                "suspected_at, notice_due_at, notified_at, cluster_id, demo",
                17, cases);
    c.execute("UPDATE health_outbreak SET next_case_seq = ? WHERE id = ?",
              {std::int64_t{spec.cases + 1}, outbreak.id});
    std::vector<std::int64_t> case_ids;
    std::vector<db::Value> history;
    std::vector<db::Value> labs;
    for (const auto& row : c.query("SELECT id, classification, reported_on FROM health_case "
                                   "WHERE outbreak_id = ? ORDER BY id",
                                   {outbreak.id})) {
      case_ids.push_back(row.integer(0));
      history.insert(history.end(), {row.integer(0), row.text(1), row.text(2) + "T02:00:00Z",
                                     std::string("health")});
      if (row.text(1) == "confirmed")
        labs.insert(labs.end(),
                    {row.integer(0), std::string("rt_pcr"), std::string("positive"), row.text(2)});
    }
    insert_rows(c, "health_case_history", "case_id, classification, at, by_user", 4, history);
    insert_rows(c, "health_lab_test", "case_id, kind, result, taken_on", 4, labs);
    // Chains: four in ten cases caught it from one of the ten cases before them.
    for (std::size_t i = 10; i < case_ids.size(); ++i)
      if (dice.below(10) < 4)
        c.execute("UPDATE health_case SET source_case_id = ? WHERE id = ?",
                  {case_ids[i - 1 - static_cast<std::size_t>(dice.below(10))], case_ids[i]});

    // Contacts, each of a case, with the follow-up period of the outbreak.
    const char* exposures[] = {"household", "workplace",  "community",
                               "travel",    "healthcare", "other"};
    std::vector<db::Value> contacts;
    for (int k = 0; k < spec.contacts; ++k) {
      auto index = static_cast<std::size_t>(k % spec.cases);
      std::string last = rules::add_days(reported[index], -(k % 3));
      std::string until = rules::add_days(last, outbreak.follow_up_days);
      std::string last_visit = std::min(until, rules::add_days(today, -1));
      bool visited = last_visit > last;
      contacts.insert(
          contacts.end(),
          {province, outbreak.id, case_ids[index],
           persons[static_cast<std::size_t>(spec.cases + k)], last, std::string(exposures[k % 6]),
           std::string(k % 3 == 0 ? "high" : "low"), until,
           teams[static_cast<std::size_t>(k) % teams.size()], case_district[index],
           std::string(until < today ? "completed" : "following"),
           visited ? db::Value(last_visit) : db::Value(nullptr),
           visited ? db::Value(std::string(k == 0 ? "symptomatic" : "seen")) : db::Value(nullptr),
           std::int64_t{1}});
    }
    insert_rows(c, "health_contact",
                "province_code, outbreak_id, case_id, person_id, last_contact_on, exposure, risk, "
                "follow_up_until, team_id, district_code, status, last_visit_on, "
                "last_visit_status, demo",
                14, contacts);

    // Their daily visits: done up to yesterday (the first contact had a fever at the
    // last one), open from today on.
    std::vector<db::Value> visits;
    std::size_t visit_count = 0;
    bool first = true;
    for (const auto& row : c.query("SELECT id, last_contact_on, follow_up_until, team_id, "
                                   "last_visit_on FROM health_contact WHERE outbreak_id = ? "
                                   "ORDER BY id",
                                   {outbreak.id})) {
      std::string last = row.text(1);
      int days = rules::days_between(last, row.text(2));
      std::optional<std::string> last_visit = row.optional_text(4);
      for (int d = 1; d <= days; ++d) {
        std::string due = rules::add_days(last, d);
        bool done = due < today;
        bool fever = first && last_visit && due == *last_visit;
        visits.insert(visits.end(), {row.integer(0), row.integer(3), due, std::int64_t{1},
                                     done ? db::Value(std::int64_t{1}) : db::Value(nullptr),
                                     std::string(fever ? "fever,cough" : ""),
                                     done ? db::Value(due + "T03:00:00Z") : db::Value(nullptr),
                                     done ? db::Value(std::string("health")) : db::Value(nullptr)});
      }
      first = false;
      // Written in slices: a wave of 100,000 contacts has 1.4 million visits.
      if (visits.size() >= kVisitSlice) flush_visits(visits, visit_count);
    }
    flush_visits(visits, visit_count);
    audit::record_in(
        c, province, Actor::command_line(), "health_outbreak", std::to_string(outbreak.id),
        "demo_load", nullptr,
        boost::json::object{
            {"cases", spec.cases}, {"contacts", spec.contacts}, {"follow_ups", visit_count}});
    return outbreak.id;
  }
};

}  // namespace

std::int64_t generate_wave(db::Connection& connection, const std::string& province_code,
                           const std::vector<std::string>& districts,
                           const std::vector<std::int64_t>& teams, const std::string& today,
                           const WavePeople& names, const WaveSpec& spec) {
  Loader loader{connection,       province_code, today, names.first_names,
                names.last_names, districts,     teams, Dice{}};
  return loader.wave(spec);
}

}  // namespace changwat::health
