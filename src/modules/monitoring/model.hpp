#pragma once
// Early warnings and the thresholds that raise them, as plain data. A warning is
// derived from the records of other modules (the action plan's money, monthly
// progress, procurements and contracts, KPI results); the rules that find its cause
// are pure functions (rules.hpp). No database, no HTTP.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "thai/calendar.hpp"

namespace changwat::monitoring {

enum class WarningKind {
  procurement_not_committed,
  behind_disbursement_target,
  kpi_below_trajectory,
  progress_report_missing,
  reserve_available,
  instalment_overdue,
};
inline constexpr std::size_t kKindCount = 6;
enum class WarningStatus { open, resolved };

std::string_view to_string(WarningKind kind);
std::string_view to_string(WarningStatus status);
std::optional<WarningKind> parse_warning_kind(std::string_view text);
std::optional<WarningStatus> parse_warning_status(std::string_view text);
std::string_view name_th(WarningKind kind);
std::string_view name_en(WarningKind kind);
inline constexpr std::string_view kKindNames =
    "procurement_not_committed, behind_disbursement_target, kpi_below_trajectory, "
    "progress_report_missing, reserve_available, instalment_overdue";

// What the rules find on a day: one cause of one kind on one element (a project or a
// KPI). (kind, element_id, subject) identifies it across days.
struct Cause {
  WarningKind kind = WarningKind::behind_disbursement_target;
  std::int64_t element_id = 0;
  std::string subject;  // "" for the element itself; "procurement:12" for one of its records
  std::optional<std::string> agency_code;  // the owner
  thai::Date due_on{1970, 1, 1};
  // How bad it is, larger is worse, in the kind's own unit (points behind, count of
  // records, satang). Compared with the measure recorded at a resolution.
  double measure = 0;
  // 0: an early warning before the due date; 1: the due date has passed.
  int severity = 0;
  Message message;
};

struct Warning {
  std::int64_t id = 0;
  std::string province_code;
  int fiscal_year = 0;
  WarningKind kind = WarningKind::behind_disbursement_target;
  std::int64_t element_id = 0;
  std::string subject;
  std::optional<std::string> agency_code;
  std::string raised_on;  // ISO date
  std::string due_on;     // ISO date
  WarningStatus status = WarningStatus::open;
  double measure = 0;
  int severity = 0;
  std::string message_th;
  std::string message_en;
  std::optional<std::string> resolved_on;  // ISO date (Thai day)
  std::optional<std::string> resolved_at;  // ISO UTC timestamp
  std::optional<std::string> resolved_by;  // username; none when resolved automatically
  bool resolved_automatically = false;
  std::optional<std::string> resolution_note_th;
  std::optional<double> resolved_measure;
  std::optional<int> resolved_severity;
  bool demo = false;
  std::int64_t version = 1;
};

// The thresholds, per province (the strategy office or an admin sets them; a key
// never set has its default). Each default is explained in the module's README.
struct Settings {
  // behind_disbursement_target: a project is warned when its disbursement (percent of
  // its allocation) is more than this many points below the national target of the
  // latest quarter end reached by the month-end positions.
  double behind_target_points = 10;
  // procurement_not_committed: a procurement without a signed contract is warned this
  // many days before the Cabinet's commitment deadline of its year (and after it).
  double commitment_warning_days = 30;
  // progress_report_missing: the progress of month M is due on this day of month M+1;
  // a project without it is warned this many days before that day (and after it).
  double progress_due_day = 10;
  double progress_warning_days = 3;
  // kpi_below_trajectory: an actual on the wrong side of the year's target by more
  // than this percentage of the target (0 = any shortfall).
  double kpi_tolerance_percent = 0;
  // instalment_overdue: days after an instalment's due date before it is warned.
  double instalment_grace_days = 0;
  // A warning resolved by a person is not raised again for this many days unless its
  // cause worsens.
  double suppression_days = 7;
  // How much the measure must grow over the one recorded at the resolution to count
  // as worse (points for disbursement, percent for KPIs; counts and satang: any growth).
  double worsen_points = 1;
  friend bool operator==(const Settings&, const Settings&) = default;
};

struct SettingInfo {
  std::string_view key;
  double Settings::*field;
  double min;
  double max;
  std::string_view about_th;
  std::string_view about_en;
};
// Every setting, in this order in the API.
const std::array<SettingInfo, 8>& setting_infos();

}  // namespace changwat::monitoring
