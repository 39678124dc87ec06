#pragma once
// Monthly progress of a plan project (รายงานความก้าวหน้าประจำเดือน) and the photos
// taken at its site, as plain data; the read model the monitoring module uses for
// dashboards and warnings (ProgressSnapshot). No database, no HTTP.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "modules/action_plan/model.hpp"

namespace changwat::progress {

using action_plan::Month;

// The status an agency reports for the month (the list, in this order).
enum class ProgressStatus {
  not_started,
  procuring,
  contracted,
  in_progress,
  delayed,
  completed,
  cancelled,
};
inline constexpr std::size_t kStatusCount = 7;

std::string_view to_string(ProgressStatus status);
std::optional<ProgressStatus> parse_progress_status(std::string_view text);
std::string_view name_th(ProgressStatus status);
std::string_view name_en(ProgressStatus status);

// A value of one of the project's output/outcome indicators (plan::ProjectIndicator),
// named by its position in the project's indicator list in the plan's version in force.
struct IndicatorValue {
  int index = 0;
  double value = 0;
  friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

struct ProgressReport {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t element_id = 0;      // the plan project's stable element id
  std::int64_t action_plan_id = 0;  // the action plan of the month's fiscal year
  int fiscal_year = 0;              // BE
  Month month;
  double physical_percent = 0;  // 0..100
  ProgressStatus status = ProgressStatus::not_started;
  std::string activities_th;
  std::string problems_th;
  std::string fixes_th;
  std::optional<std::string> reason_th;  // why the percentage dropped (required then)
  std::vector<IndicatorValue> indicators;
  std::optional<std::string> agency_code;  // the project's agency when written
  bool demo = false;
  std::string entered_by;
  std::string entered_at;  // ISO UTC
  std::int64_t version = 1;
};

// Where a photo's position came from.
enum class PositionSource { device, exif, none };
std::string_view to_string(PositionSource source);
std::optional<PositionSource> parse_position_source(std::string_view text);

struct Photo {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t element_id = 0;
  std::string file_name;     // inside the photo directory (random, never user input)
  std::string content_type;  // image/jpeg or image/png
  std::int64_t size_bytes = 0;
  int width = 0;
  int height = 0;
  std::string taken_at;  // ISO; the device's X-Taken-At, else EXIF, else the upload time
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> accuracy_m;
  PositionSource position_source = PositionSource::none;
  bool demo = false;
  std::string uploaded_by;
  std::string uploaded_at;
};

// ---- The read model for dashboards and warnings ----

// One month of one project, as dashboards need it.
struct ProgressPoint {
  Month month;
  double physical_percent = 0;
  ProgressStatus status = ProgressStatus::not_started;
};

// One project's reports in one fiscal year, months ascending.
struct ProjectProgress {
  std::int64_t element_id = 0;
  std::optional<std::string> agency_code;
  std::vector<ProgressPoint> months;

  // The latest report at or before `as_of` (the latest of all when none); nullptr if none.
  const ProgressPoint* latest(std::optional<Month> as_of = std::nullopt) const;
  bool has(const Month& month) const;
};

// What a set of projects reports at a month (or their latest).
struct StatusSummary {
  std::array<int, kStatusCount> by_status{};  // indexed by ProgressStatus
  int projects = 0;                           // projects asked about
  int without_report = 0;                     // of them, none reported yet
  double physical_percent_sum = 0;            // over the projects with a report
  // Average over the projects with a report; none when no project has one.
  std::optional<double> average_physical_percent() const;
  int count(ProgressStatus status) const { return by_status[static_cast<std::size_t>(status)]; }
};

// Every project's progress in one fiscal year. Immutable: the service swaps in a new
// snapshot after each committed write (copying only pointers of untouched projects),
// so a dashboard reads the last write at once without a database query.
class ProgressSnapshot {
 public:
  ProgressSnapshot(
      int fiscal_year, std::int64_t revision,
      std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>> projects);

  int fiscal_year() const { return fiscal_year_; }
  // Changes with every write of the year (a cache key for derived documents).
  std::int64_t revision() const { return revision_; }
  // nullptr when the project has no report in the year.
  const ProjectProgress* find(std::int64_t element_id) const;
  // The project's latest report at or before `as_of` (its latest when none).
  std::optional<ProgressPoint> latest(std::int64_t element_id,
                                      std::optional<Month> as_of = std::nullopt) const;
  // Counts by status and the percentage sum of `element_ids` at `as_of` (latest when none).
  StatusSummary summarize(std::span<const std::int64_t> element_ids,
                          std::optional<Month> as_of = std::nullopt) const;
  // Those of `element_ids` with no report for exactly `month`, in the order given.
  std::vector<std::int64_t> missing_report(std::span<const std::int64_t> element_ids,
                                           const Month& month) const;
  // Every project with a report, for callers that walk them all.
  const std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>>& projects() const {
    return projects_;
  }
  // A copy with one project's progress replaced (none: removed).
  std::shared_ptr<const ProgressSnapshot> with(std::int64_t element_id,
                                               std::shared_ptr<const ProjectProgress> project,
                                               std::int64_t revision) const;

 private:
  int fiscal_year_ = 0;
  std::int64_t revision_ = 0;
  std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>> projects_;
};

}  // namespace changwat::progress
