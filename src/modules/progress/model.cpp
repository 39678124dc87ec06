#include "modules/progress/model.hpp"

#include <algorithm>

#include "base/enum_names.hpp"

namespace changwat::progress {
namespace {

constexpr EnumNames<ProgressStatus, kStatusCount> kStatuses{
    {"not_started", "procuring", "contracted", "in_progress", "delayed", "completed", "cancelled"}};
constexpr EnumNames<ProgressStatus, kStatusCount> kStatusesTh{{"ยังไม่เริ่ม", "อยู่ระหว่างจัดซื้อจัดจ้าง",
                                                               "ลงนามสัญญาแล้ว", "อยู่ระหว่างดำเนินการ",
                                                               "ล่าช้า", "แล้วเสร็จ", "ยกเลิก"}};
constexpr EnumNames<ProgressStatus, kStatusCount> kStatusesEn{
    {"Not started", "Procuring", "Contracted", "In progress", "Delayed", "Completed", "Cancelled"}};
constexpr EnumNames<PositionSource, 3> kPositionSources{{"device", "exif", "none"}};

}  // namespace

std::string_view to_string(ProgressStatus status) { return kStatuses.name(status); }
std::optional<ProgressStatus> parse_progress_status(std::string_view text) {
  return kStatuses.parse(text);
}
std::string_view name_th(ProgressStatus status) { return kStatusesTh.name(status); }
std::string_view name_en(ProgressStatus status) { return kStatusesEn.name(status); }
std::string_view to_string(PositionSource source) { return kPositionSources.name(source); }
std::optional<PositionSource> parse_position_source(std::string_view text) {
  return kPositionSources.parse(text);
}

const ProgressPoint* ProjectProgress::latest(std::optional<Month> as_of) const {
  if (!as_of) return months.empty() ? nullptr : &months.back();
  // Months are ascending: the last one not after `as_of`.
  auto after = std::upper_bound(months.begin(), months.end(), *as_of,
                                [](const Month& m, const ProgressPoint& p) { return m < p.month; });
  if (after == months.begin()) return nullptr;
  return &*std::prev(after);
}

bool ProjectProgress::has(const Month& month) const {
  return std::binary_search(
      months.begin(), months.end(), ProgressPoint{month, 0, ProgressStatus::not_started},
      [](const ProgressPoint& a, const ProgressPoint& b) { return a.month < b.month; });
}

std::optional<double> StatusSummary::average_physical_percent() const {
  int reported = projects - without_report;
  if (reported <= 0) return std::nullopt;
  return physical_percent_sum / reported;
}

ProgressSnapshot::ProgressSnapshot(
    int fiscal_year, std::int64_t revision,
    std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>> projects)
    : fiscal_year_(fiscal_year), revision_(revision), projects_(std::move(projects)) {}

const ProjectProgress* ProgressSnapshot::find(std::int64_t element_id) const {
  auto found = projects_.find(element_id);
  return found == projects_.end() ? nullptr : found->second.get();
}

std::optional<ProgressPoint> ProgressSnapshot::latest(std::int64_t element_id,
                                                      std::optional<Month> as_of) const {
  const ProjectProgress* project = find(element_id);
  if (!project) return std::nullopt;
  const ProgressPoint* point = project->latest(as_of);
  if (!point) return std::nullopt;
  return *point;
}

StatusSummary ProgressSnapshot::summarize(std::span<const std::int64_t> element_ids,
                                          std::optional<Month> as_of) const {
  StatusSummary summary;
  for (std::int64_t id : element_ids) {
    ++summary.projects;
    const ProjectProgress* project = find(id);
    const ProgressPoint* point = project ? project->latest(as_of) : nullptr;
    if (!point) {
      ++summary.without_report;
      continue;
    }
    ++summary.by_status[static_cast<std::size_t>(point->status)];
    summary.physical_percent_sum += point->physical_percent;
  }
  return summary;
}

std::vector<std::int64_t> ProgressSnapshot::missing_report(
    std::span<const std::int64_t> element_ids, const Month& month) const {
  std::vector<std::int64_t> missing;
  for (std::int64_t id : element_ids) {
    const ProjectProgress* project = find(id);
    if (!project || !project->has(month)) missing.push_back(id);
  }
  return missing;
}

std::shared_ptr<const ProgressSnapshot> ProgressSnapshot::with(
    std::int64_t element_id, std::shared_ptr<const ProjectProgress> project,
    std::int64_t revision) const {
  auto projects = projects_;
  if (project) {
    projects[element_id] = std::move(project);
  } else {
    projects.erase(element_id);
  }
  return std::make_shared<const ProgressSnapshot>(fiscal_year_, revision, std::move(projects));
}

}  // namespace changwat::progress
