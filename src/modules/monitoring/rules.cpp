#include "modules/monitoring/rules.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "thai/money.hpp"

namespace changwat::monitoring::rules {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

sys_days to_days(const thai::Date& date) {
  return sys_days(year_month_day(year(date.year), month(static_cast<unsigned>(date.month)),
                                 day(static_cast<unsigned>(date.day))));
}

thai::Date from_days(sys_days days) {
  year_month_day ymd(days);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string one_decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string number_text(double value) {
  // Whole numbers without decimals, others with up to two.
  char buffer[48];
  if (std::fabs(value - std::round(value)) < 1e-9) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
  }
  return buffer;
}

std::string label_th(const Subject& subject) {
  return subject.code.empty() ? subject.name_th : subject.code + " " + subject.name_th;
}
std::string label_en(const Subject& subject) {
  const std::string& name = subject.name_en.empty() ? subject.name_th : subject.name_en;
  return subject.code.empty() ? name : subject.code + " " + name;
}

Cause make_cause(WarningKind kind, const Subject& subject) {
  Cause cause;
  cause.kind = kind;
  cause.element_id = subject.element_id;
  cause.agency_code = subject.agency_code;
  return cause;
}

// Counts and amounts worsen by any growth; percentages by more than worsen_points.
bool percent_kind(WarningKind kind) {
  return kind == WarningKind::behind_disbursement_target ||
         kind == WarningKind::kpi_below_trajectory;
}

using Key = std::tuple<WarningKind, std::int64_t, std::string>;

const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string month_th(int key) {
  int year_ce = key / 12;
  int month_number = key % 12 + 1;
  return std::string(thai::month_name(month_number, thai::MonthStyle::full)) + " " +
         std::to_string(thai::be_year(year_ce));
}
std::string month_en(int key) {
  return std::string(kMonthsEn[key % 12]) + " " + std::to_string(key / 12);
}

}  // namespace

thai::Date add_days(const thai::Date& date, int days) {
  return from_days(to_days(date) + std::chrono::days(days));
}

int days_between(const thai::Date& from, const thai::Date& to) {
  return static_cast<int>((to_days(to) - to_days(from)).count());
}

thai::Date parse_iso(const std::string& iso) { return thai::parse_date(iso, "date"); }

thai::Date last_day_of_month(int year_ce, int month_number) {
  return {year_ce, month_number, thai::days_in_month(year_ce, month_number)};
}

std::string date_th(const thai::Date& date) { return thai::format_date(date); }

// ---- Suppression ----

bool worsens(const Warning& resolved, const Cause& cause, const Settings& settings) {
  int before_severity = resolved.resolved_severity.value_or(resolved.severity);
  double before = resolved.resolved_measure.value_or(resolved.measure);
  if (cause.severity > before_severity) return true;
  double margin = percent_kind(cause.kind) ? settings.worsen_points : 0.0;
  return cause.measure > before + margin + 1e-9;
}

bool suppressed(const Warning& resolved, const Cause& cause, const thai::Date& today,
                const Settings& settings) {
  if (resolved.status != WarningStatus::resolved || resolved.resolved_automatically) return false;
  if (!resolved.resolved_on) return false;
  int since = days_between(parse_iso(*resolved.resolved_on), today);
  if (since >= static_cast<int>(settings.suppression_days)) return false;
  return !worsens(resolved, cause, settings);
}

Reconciliation reconcile(const std::vector<const Cause*>& causes,
                         const std::vector<const Warning*>& stored, const thai::Date& today,
                         const Settings& settings) {
  // The latest warning of each cause (ids grow with time).
  std::map<Key, const Warning*> latest;
  for (const Warning* row : stored) {
    const Warning& warning = *row;
    Key key{warning.kind, warning.element_id, warning.subject};
    auto [it, added] = latest.emplace(key, &warning);
    if (!added && it->second->id < warning.id) it->second = &warning;
  }
  Reconciliation result;
  std::set<Key> present;
  for (const Cause* item : causes) {
    const Cause& cause = *item;
    Key key{cause.kind, cause.element_id, cause.subject};
    if (!present.insert(key).second) continue;  // one warning per cause
    auto it = latest.find(key);
    if (it == latest.end()) {
      result.raise.push_back(cause);
      continue;
    }
    const Warning& warning = *it->second;
    if (warning.status == WarningStatus::open) {
      if (warning.measure != cause.measure || warning.severity != cause.severity ||
          warning.message_th != cause.message.th || warning.message_en != cause.message.en ||
          warning.due_on != thai::to_iso(cause.due_on) ||
          warning.agency_code != cause.agency_code) {
        result.refresh.push_back({warning.id, cause});
      }
      continue;
    }
    if (!suppressed(warning, cause, today, settings)) result.raise.push_back(cause);
  }
  for (const auto& [key, warning] : latest) {
    if (warning->status == WarningStatus::open && !present.contains(key)) {
      result.resolve.push_back(warning->id);
    }
  }
  // Every open row, not only the latest, must go when its cause did (a duplicate
  // can only come from data written by hand; be safe).
  for (const Warning* row : stored) {
    const Warning& warning = *row;
    Key key{warning.kind, warning.element_id, warning.subject};
    if (warning.status == WarningStatus::open && latest[key] != &warning) {
      result.resolve.push_back(warning.id);
    }
  }
  return result;
}

Reconciliation reconcile(const std::vector<Cause>& causes, const std::vector<Warning>& stored,
                         const thai::Date& today, const Settings& settings) {
  std::vector<const Cause*> cause_refs;
  cause_refs.reserve(causes.size());
  for (const auto& cause : causes) cause_refs.push_back(&cause);
  std::vector<const Warning*> stored_refs;
  stored_refs.reserve(stored.size());
  for (const auto& warning : stored) stored_refs.push_back(&warning);
  return reconcile(cause_refs, stored_refs, today, settings);
}

void require_resolver(const Actor& actor, const Warning& warning) {
  const Principal& principal = actor.require_signed_in();
  if (principal.province_code != warning.province_code) {
    throw_not_found("คำเตือน", "Warning");
  }
  if (principal.role == Role::admin || principal.role == Role::strategy_officer) return;
  if (principal.role == Role::agency_officer && principal.agency_code && warning.agency_code &&
      *principal.agency_code == *warning.agency_code) {
    return;
  }
  throw_forbidden();
}

// ---- Rules ----

std::optional<Cause> behind_target(const Subject& project, std::int64_t allocated,
                                   const std::array<std::int64_t, 12>& disbursed_by_month,
                                   int latest, const std::array<std::optional<double>, 12>& targets,
                                   int fiscal_year, const Settings& settings) {
  if (allocated <= 0 || latest < 0 || latest > 11) return std::nullopt;
  for (int m = latest; m >= 0; --m) {
    const auto& target = targets[static_cast<std::size_t>(m)];
    if (!target) continue;
    double actual = 100.0 * static_cast<double>(disbursed_by_month[static_cast<std::size_t>(m)]) /
                    static_cast<double>(allocated);
    double behind = *target - actual;
    if (behind <= settings.behind_target_points + 1e-9) return std::nullopt;
    int quarter = m / 3 + 1;
    // Catch up by the end of the next quarter (the year's end at the latest).
    int due_quarter = std::min(quarter + 1, 4);
    int due_offset = due_quarter * 3 - 1;  // fiscal month index of its last month
    int key = (thai::ce_year(fiscal_year) - 1) * 12 + 9 + due_offset;  // October of FY-1 + offset
    Cause cause = make_cause(WarningKind::behind_disbursement_target, project);
    cause.due_on = last_day_of_month(key / 12, key % 12 + 1);
    cause.measure = std::round(behind * 100.0) / 100.0;
    cause.severity = 1;
    cause.message.th = "โครงการ " + label_th(project) + " เบิกจ่ายแล้วร้อยละ " + one_decimal(actual) +
                       " ของงบที่ได้รับจัดสรร ต่ำกว่าเป้าหมายการเบิกจ่ายของรัฐบาล ณ สิ้นไตรมาสที่ " +
                       std::to_string(quarter) + " (ร้อยละ " + one_decimal(*target) + ") " +
                       one_decimal(behind) + " จุด";
    cause.message.en = "Project " + label_en(project) + " has disbursed " + one_decimal(actual) +
                       "% of its allocation, " + one_decimal(behind) +
                       " points below the national target for the end of Q" +
                       std::to_string(quarter) + " (" + one_decimal(*target) + "%)";
    return cause;
  }
  return std::nullopt;
}

std::optional<Cause> not_committed(const Subject& project, const ProcurementFacts& procurement,
                                   const thai::Date& today, const Settings& settings) {
  if (procurement.contract_signed) return std::nullopt;
  int days_left = days_between(today, procurement.deadline);
  if (days_left > static_cast<int>(settings.commitment_warning_days)) return std::nullopt;
  Cause cause = make_cause(WarningKind::procurement_not_committed, project);
  cause.subject = "procurement:" + std::to_string(procurement.procurement_id);
  cause.due_on = procurement.deadline;
  cause.measure = static_cast<double>(procurement.reference_price);
  cause.severity = days_left < 0 ? 1 : 0;
  std::string title_th = procurement.title_th.empty() ? label_th(project) : procurement.title_th;
  if (days_left < 0) {
    cause.message.th = "การจัดซื้อจัดจ้าง \"" + title_th + "\" ของโครงการ " + label_th(project) +
                       " ยังไม่ลงนามสัญญา เลยกำหนดก่อหนี้ผูกพัน " + date_th(procurement.deadline) +
                       " มาแล้ว " + std::to_string(-days_left) + " วัน (" + procurement.rule_th + ")";
    cause.message.en = "Procurement \"" + title_th + "\" of project " + label_en(project) +
                       " has no signed contract " + std::to_string(-days_left) +
                       " days after the commitment deadline " + thai::to_iso(procurement.deadline) +
                       " (" + procurement.rule_en + ")";
  } else {
    cause.message.th = "การจัดซื้อจัดจ้าง \"" + title_th + "\" ของโครงการ " + label_th(project) +
                       " ยังไม่ลงนามสัญญา เหลือ " + std::to_string(days_left) + " วันถึงกำหนดก่อหนี้ผูกพัน " +
                       date_th(procurement.deadline) + " (" + procurement.rule_th + ")";
    cause.message.en = "Procurement \"" + title_th + "\" of project " + label_en(project) +
                       " has no signed contract, " + std::to_string(days_left) +
                       " days before the commitment deadline " +
                       thai::to_iso(procurement.deadline) + " (" + procurement.rule_en + ")";
  }
  return cause;
}

std::optional<Cause> report_missing(const Subject& project, int fiscal_year, int first_month_key,
                                    const std::vector<int>& reported, const thai::Date& today,
                                    const Settings& settings) {
  const int year_first = (thai::ce_year(fiscal_year) - 1) * 12 + 9;  // October
  const int year_last = year_first + 11;
  const int due_day = std::clamp(static_cast<int>(settings.progress_due_day), 1, 28);
  const int warn_days = static_cast<int>(settings.progress_warning_days);
  std::vector<int> missing;
  std::optional<thai::Date> first_due;
  bool past_due = false;
  for (int key = std::max(first_month_key, year_first); key <= year_last; ++key) {
    int next = key + 1;
    thai::Date due{next / 12, next % 12 + 1, due_day};
    int days_left = days_between(today, due);
    if (days_left > warn_days) break;  // not yet due, nor soon
    // A month is only asked for once it has ended.
    if (thai::Date{key / 12, key % 12 + 1, 1} > today) break;
    if (std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
    missing.push_back(key);
    if (!first_due) first_due = due;
    if (days_left < 0) past_due = true;
  }
  if (missing.empty()) return std::nullopt;
  Cause cause = make_cause(WarningKind::progress_report_missing, project);
  cause.due_on = *first_due;
  cause.measure = static_cast<double>(missing.size());
  cause.severity = past_due ? 1 : 0;
  std::string months_th;
  std::string months_en;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    months_th += (i ? ", " : "") + month_th(missing[i]);
    months_en += (i ? ", " : "") + month_en(missing[i]);
  }
  cause.message.th = "โครงการ " + label_th(project) + " ยังไม่รายงานความก้าวหน้าเดือน " + months_th +
                     " (กำหนดส่งเดือนแรก " + date_th(*first_due) + ")";
  cause.message.en = "Project " + label_en(project) + " has no progress report for " + months_en +
                     " (the first was due " + thai::to_iso(*first_due) + ")";
  return cause;
}

std::optional<Cause> kpi_below(const Subject& kpi, const KpiFacts& facts, int fiscal_year,
                               const Settings& settings) {
  double gap = 0;  // how far on the wrong side, in the KPI's unit
  switch (facts.side) {
    case Side::higher_is_better:
    case Side::within_range:
      gap = facts.target - facts.actual;
      if (facts.side == Side::within_range) gap = std::fabs(gap);
      break;
    case Side::lower_is_better:
      gap = facts.actual - facts.target;
      break;
  }
  if (gap <= 0) return std::nullopt;
  double scale = std::fabs(facts.target) > 1e-9 ? std::fabs(facts.target) : 1.0;
  double percent = 100.0 * gap / scale;
  if (percent <= settings.kpi_tolerance_percent + 1e-9) return std::nullopt;
  Cause cause = make_cause(WarningKind::kpi_below_trajectory, kpi);
  cause.due_on = {thai::ce_year(fiscal_year), 9, 30};
  cause.measure = std::round(percent * 100.0) / 100.0;
  cause.severity = 1;
  cause.message.th = "ตัวชี้วัด " + label_th(kpi) + " ผลการดำเนินงาน " + number_text(facts.actual) +
                     " (" + facts.period + ") ไม่เป็นไปตามค่าเป้าหมายปี " + std::to_string(fiscal_year) +
                     " (" + number_text(facts.target) + ") ห่างอยู่ร้อยละ " + one_decimal(percent) +
                     " ของค่าเป้าหมาย";
  cause.message.en = "KPI " + label_en(kpi) + " stands at " + number_text(facts.actual) + " (" +
                     facts.period + "), missing its FY " + std::to_string(fiscal_year) +
                     " target " + number_text(facts.target) + " by " + one_decimal(percent) +
                     "% of the target";
  return cause;
}

std::optional<Cause> reserve_available(const Subject& project, std::optional<int> ranking,
                                       std::int64_t savings, std::int64_t requested,
                                       const std::vector<thai::Date>& deadlines, int fiscal_year,
                                       const thai::Date& today) {
  if (savings <= 0) return std::nullopt;
  Cause cause = make_cause(WarningKind::reserve_available, project);
  cause.due_on = {thai::ce_year(fiscal_year), 9, 30};
  for (const auto& deadline : deadlines) {
    if (deadline >= today && deadline < cause.due_on) cause.due_on = deadline;
  }
  cause.measure = static_cast<double>(savings);
  cause.severity = 0;
  std::string rank = ranking ? std::to_string(*ranking) : "-";
  cause.message.th = "โครงการสำรอง " + label_th(project) + " (ลำดับ " + rank +
                     ") เลื่อนขึ้นเป็นโครงการหลักได้: มีเงินเหลือจ่าย " + thai::format_baht(savings) +
                     " เพียงพอกับวงเงิน " + thai::format_baht(requested);
  cause.message.en = "Reserve project " + label_en(project) + " (rank " + rank +
                     ") can be promoted: savings of " + thai::format_number(savings) +
                     " baht cover its " + thai::format_number(requested) + " baht";
  return cause;
}

std::optional<Cause> instalment_overdue(const Subject& project, const InstalmentFacts& instalment,
                                        const thai::Date& today, const Settings& settings) {
  int late = days_between(instalment.due_on, today);
  if (late <= static_cast<int>(settings.instalment_grace_days)) return std::nullopt;
  Cause cause = make_cause(WarningKind::instalment_overdue, project);
  cause.subject = "instalment:" + std::to_string(instalment.procurement_id) + ":" +
                  std::to_string(instalment.number);
  cause.due_on = instalment.due_on;
  cause.measure = static_cast<double>(instalment.amount);
  cause.severity = 1;
  std::string contract = instalment.contract_number.value_or("-");
  cause.message.th = "งวดที่ " + std::to_string(instalment.number) + " สัญญาเลขที่ " + contract +
                     " ของโครงการ " + label_th(project) + " ครบกำหนด " +
                     date_th(instalment.due_on) + " ยังไม่ตรวจรับ เลยกำหนด " + std::to_string(late) +
                     " วัน (" + thai::format_baht(instalment.amount) + ")";
  cause.message.en = "Instalment " + std::to_string(instalment.number) + " of contract " +
                     contract + " of project " + label_en(project) + " was due " +
                     thai::to_iso(instalment.due_on) + " and is not accepted, " +
                     std::to_string(late) + " days overdue (" +
                     thai::format_number(instalment.amount) + " baht)";
  return cause;
}

}  // namespace changwat::monitoring::rules
