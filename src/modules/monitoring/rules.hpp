#pragma once
// Warning rules as pure functions: what cause each kind finds in plain figures on a
// day, and how the causes of today meet the warnings already raised (raise, keep
// current, resolve automatically, or stay quiet after a person's resolution: the
// 7-day suppression and "unless its cause worsens"). No database, no HTTP.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "base/principal.hpp"
#include "modules/monitoring/model.hpp"
#include "thai/calendar.hpp"

namespace changwat::monitoring::rules {

// ---- Days ----
thai::Date add_days(const thai::Date& date, int days);
int days_between(const thai::Date& from, const thai::Date& to);  // to - from
thai::Date parse_iso(const std::string& iso);                    // a stored ISO date
thai::Date last_day_of_month(int year_ce, int month);
// "2 ธ.ค. 2569" for messages people read.
std::string date_th(const thai::Date& date);

// ---- Suppression ----
// The cause is worse than when the warning was resolved: past its due date now and
// not then, or its measure grew (percent kinds by more than settings.worsen_points,
// counts and amounts by anything).
bool worsens(const Warning& resolved, const Cause& cause, const Settings& settings);
// A warning a person resolved stays quiet for settings.suppression_days after the day
// of its resolution unless the cause worsens. A warning resolved automatically (its
// cause went away) never suppresses the cause's return.
bool suppressed(const Warning& resolved, const Cause& cause, const thai::Date& today,
                const Settings& settings);

// What to write so the stored warnings match today's causes.
struct Refresh {
  std::int64_t id = 0;
  Cause cause;
};
struct Reconciliation {
  std::vector<Cause> raise;           // new warnings (first time or raised again)
  std::vector<Refresh> refresh;       // open warnings whose figures or text changed
  std::vector<std::int64_t> resolve;  // open warnings whose cause went away
  bool empty() const { return raise.empty() && refresh.empty() && resolve.empty(); }
};
// `stored`: every warning of the province and fiscal year (any order).
Reconciliation reconcile(const std::vector<Cause>& causes, const std::vector<Warning>& stored,
                         const thai::Date& today, const Settings& settings);
// The same over references (a part of the causes and of the stored warnings: the
// kinds of one group).
Reconciliation reconcile(const std::vector<const Cause*>& causes,
                         const std::vector<const Warning*>& stored, const thai::Date& today,
                         const Settings& settings);

// Who may resolve: the warning's agency's officers, the strategy office and admins
// of its province (403 otherwise; 404 for another province's warning).
void require_resolver(const Actor& actor, const Warning& warning);

// ---- The rules of each kind ----

// What a rule needs to name a project or KPI in its message.
struct Subject {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::string name_en;
  std::optional<std::string> agency_code;
};

// behind_disbursement_target: the project's disbursement at the latest month with a
// position (`latest`, 0..11 in the fiscal year) against the national target of the
// latest quarter end at or before it. Due at the end of the next quarter (the year's
// end at the latest).
std::optional<Cause> behind_target(const Subject& project, std::int64_t allocated,
                                   const std::array<std::int64_t, 12>& disbursed_by_month,
                                   int latest, const std::array<std::optional<double>, 12>& targets,
                                   int fiscal_year, const Settings& settings);

// procurement_not_committed: a procurement without a signed contract within
// settings.commitment_warning_days of its commitment deadline, or past it.
struct ProcurementFacts {
  std::int64_t procurement_id = 0;
  std::string title_th;
  bool contract_signed = false;
  thai::Date deadline{1970, 1, 1};
  std::string rule_th;
  std::string rule_en;
  std::int64_t reference_price = 0;
};
std::optional<Cause> not_committed(const Subject& project, const ProcurementFacts& procurement,
                                   const thai::Date& today, const Settings& settings);

// progress_report_missing: the months of the fiscal year (from `first_month`, CE
// year * 12 + month - 1) whose report is due or due within the warning days and
// missing. `reported` holds the month keys reported.
std::optional<Cause> report_missing(const Subject& project, int fiscal_year, int first_month_key,
                                    const std::vector<int>& reported, const thai::Date& today,
                                    const Settings& settings);

// kpi_below_trajectory: the KPI's actual on the wrong side of the year's target by
// more than settings.kpi_tolerance_percent of the target.
enum class Side { higher_is_better, lower_is_better, within_range };
struct KpiFacts {
  Side side = Side::higher_is_better;
  double actual = 0;
  double target = 0;
  std::string period;  // Q1..Q4, year
};
std::optional<Cause> kpi_below(const Subject& kpi, const KpiFacts& facts, int fiscal_year,
                               const Settings& settings);

// reserve_available: a reserve project the action plan proposes for promotion while
// its budget source has savings. Due at the next commitment deadline still ahead
// (so it can still be committed), else the fiscal year's end.
std::optional<Cause> reserve_available(const Subject& project, std::optional<int> ranking,
                                       std::int64_t savings, std::int64_t requested,
                                       const std::vector<thai::Date>& deadlines, int fiscal_year,
                                       const thai::Date& today);

// instalment_overdue: an instalment not accepted more than the grace days after its
// due date.
struct InstalmentFacts {
  std::int64_t procurement_id = 0;
  int number = 0;
  thai::Date due_on{1970, 1, 1};
  std::int64_t amount = 0;
  std::optional<std::string> contract_number;
};
std::optional<Cause> instalment_overdue(const Subject& project, const InstalmentFacts& instalment,
                                        const thai::Date& today, const Settings& settings);

}  // namespace changwat::monitoring::rules
