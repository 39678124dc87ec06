#pragma once
// Rules of procurements that need no database: the rules as data
// (data/procurement-rules.json, each with its threshold and source), the working-day
// calendar, the checks of a record, and the deadlines computed from them.
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "modules/procurement/model.hpp"
#include "thai/calendar.hpp"

namespace changwat::procurement {

// One rule as the data file states it.
struct Rule {
  std::string key;
  std::optional<Satang> threshold_satang;  // "above this amount"
  std::optional<int> working_days;
  std::string rule_th;
  std::string rule_en;
  std::string source;  // the law, regulation clause or announcement, with its address
};

// Every rule the checks and deadlines use, read from the data file once.
struct RuleSet {
  std::vector<Rule> rules;
  const Rule& at(std::string_view key) const;  // Error(internal) if the file lacks it
  Satang e_procurement_above() const;          // 500,000 baht: e-market / e-bidding
  Satang tor_hearing_required_above() const;   // 5,000,000 baht: draft TOR hearing
  int plan_published_working_days() const;     // 30
  int tor_hearing_working_days() const;        // 3
};
// Parses data/procurement-rules.json; Error(internal) naming what is wrong.
RuleSet parse_rules(std::string_view json);
// The embedded data/procurement-rules.json.
RuleSet embedded_rules();

// Working days: not Saturday or Sunday, not a holiday of a loaded year. A year
// without loaded holidays counts weekends only, and results say so. Days of 2000-2150
// are answered from running counts (a due date for 3,000 procurements is a binary
// search each); other days day by day.
class Calendar {
 public:
  Calendar() { rebuild(); }
  void add_year(int year, const std::vector<std::string>& iso_dates);
  bool loaded(int year) const { return years_.count(year) > 0; }
  bool is_working_day(const thai::Date& date) const;

  struct Result {
    thai::Date date;
    bool holidays_loaded = true;  // every year crossed had its holidays loaded
  };
  // The n-th working day after `from` (from itself not counted); n >= 0.
  Result add_working_days(const thai::Date& from, int n) const;
  // The n-th working day counting `from` itself when it is one (n >= 1).
  Result nth_working_day_from(const thai::Date& from, int n) const;
  struct Count {
    int days = 0;
    bool holidays_loaded = true;
  };
  // Working days from `first` to `last`, both included (0 if last < first).
  Count working_days(const thai::Date& first, const thai::Date& last) const;

 private:
  // Running counts of working days and of days in years not loaded, from kFirst;
  // shared by copies of the calendar (rebuilt by add_year).
  struct Counts {
    std::int64_t first = 0;       // day number (days since 1970-01-01) of 2000-01-01
    std::vector<int> working;     // working days in [first, first + i]
    std::vector<int> not_loaded;  // days of years without holidays in [first, first + i]
  };
  void rebuild();
  Result add_working_days_slowly(const thai::Date& from, int n) const;
  std::set<int> years_;
  std::set<thai::Date> holidays_;
  std::shared_ptr<const Counts> counts_;
};

thai::Date add_days(const thai::Date& date, int days);
int days_between(const thai::Date& from, const thai::Date& to);  // to - from
// An ISO date the record holds (checked when stored).
thai::Date iso_date(const std::string& iso);

namespace rules {

// The project's agency's officers, the strategy office, admins of its province
// (403 `not_own_agency` for another agency's officer).
const Principal* require_writer(const Actor& actor, const std::string& province_code,
                                const std::optional<std::string>& project_agency);
// Strategy office and admins (holidays).
void require_calendar_keeper(const Actor& actor);
// Every signed-in role.
void require_reader(const Actor& actor);

// ISO dates, lengths, amounts: 400 with every bad field.
void check_fields(const Procurement& record);
// The Act's rules: stage order, section 56 grounds, price quotation reason, the
// method above the threshold, the TOR hearing where required: 422 naming the field.
void check_procurement(const RuleSet& rules, const Procurement& record);
// Instalments: a signed contract, numbers 1..n, due dates in order, amounts within
// the contract value; 422 naming the field.
void check_instalments(const Procurement& record, const std::vector<Instalment>& instalments);
// Inspection: delivered first (422 `inspected_before_delivery`), a committee.
void check_inspection(const Instalment& instalment);
void check_event(const Procurement& record, const ContractEvent& event);

}  // namespace rules

// The deadlines of a record on `today` (plan published, TOR hearing, the Cabinet's
// commitment deadline of its fiscal year when one is given).
struct CommitmentRule {
  std::string key;  // "single_year_procurement" / "multi_year_procurement"
  std::string deadline;
  std::string rule_th;
  std::string rule_en;
  std::string source;
};
std::vector<Deadline> compute_deadlines(const RuleSet& rules, const Calendar& calendar,
                                        const Procurement& record,
                                        const std::vector<CommitmentRule>& commitments,
                                        const thai::Date& today);

}  // namespace changwat::procurement
