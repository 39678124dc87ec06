#pragma once
// Rules of monthly project progress and site photos: who may write (the project's
// agency officers, the strategy office, admins), the month inside the fiscal year of
// an action plan holding the project, no report for a cancelled project, a drop of
// the physical percentage only with a reason, versions (stale -> 409). Every change
// runs in one transaction with its audit entry; the in-memory ProgressSnapshot of
// the year is then swapped at once, so dashboards read each write without a batch job.
//
// For the monitoring module (dashboards, warnings): snapshot(fiscal_year) and
// on_change(listener) below — no database query once a year's snapshot is built.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/progress/model.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::progress {

struct ProgressInput {
  double physical_percent = 0;
  ProgressStatus status = ProgressStatus::not_started;
  std::string activities_th;
  std::string problems_th;
  std::string fixes_th;
  std::optional<std::string> reason_th;
  std::vector<IndicatorValue> indicators;
  // The version the writer last read; none = create, or overwrite whatever is there.
  std::optional<std::int64_t> expected_version;
};

// What a committed write changed, for listeners (monitoring re-evaluates warnings).
struct ProgressChange {
  int fiscal_year = 0;
  std::int64_t element_id = 0;
  Month month;
  std::string province_code;
};

struct PhotoUpload {
  std::string content_type;  // media type without parameters, lower case
  std::string_view bytes;
  std::optional<double> latitude;  // the device's position (X-Latitude, …); all or none
  std::optional<double> longitude;
  std::optional<double> accuracy_m;
  std::optional<std::string> taken_at;  // ISO date-time from the device (X-Taken-At)
};

// Photos of 10 MiB or more than that are refused (413); the route lets the server
// read a little more so the message is this module's, and refuses larger bodies from
// their Content-Length before reading them.
inline constexpr std::size_t kMaxPhotoBytes = 10u * 1024u * 1024u;
inline constexpr std::size_t kPhotoBodyLimit = kMaxPhotoBytes + 1024u * 1024u;

struct ProgressOptions {
  // Where photo files and thumbnails are kept (docs/decisions/0009-photo-storage.md);
  // made on the first upload.
  std::filesystem::path photos_directory = "changwat.db-photos";
  // Start the thumbnail worker (tests of the read model may do without).
  bool thumbnails = true;
};

class ThumbnailWorker;

class ProgressService {
 public:
  ProgressService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans,
                  action_plan::ActionPlanService& action_plans, ProgressOptions options);
  // Stops the thumbnail worker (waits for the photo it is making).
  ~ProgressService();
  ProgressService(const ProgressService&) = delete;
  ProgressService& operator=(const ProgressService&) = delete;

  // ---- Monthly progress ----
  // Every signed-in role: the project's reports, months ascending (every fiscal year).
  std::vector<ProgressReport> list(const Actor& actor, std::int64_t element_id) const;
  // The project's agency officers, the strategy office and admins of its province.
  ProgressReport put(const Actor& actor, std::int64_t element_id, const Month& month,
                     const ProgressInput& input);

  // ---- Photos ----
  Photo add_photo(const Actor& actor, std::int64_t element_id, const PhotoUpload& upload);
  std::vector<Photo> photos(const Actor& actor, std::int64_t element_id) const;
  // The photo and its file's bytes; 404 if none.
  std::pair<Photo, std::string> photo_file(const Actor& actor, std::int64_t photo_id) const;
  // The thumbnail's JPEG bytes, or none while the worker has not made it yet.
  std::optional<std::string> thumbnail(const Actor& actor, std::int64_t photo_id) const;
  // Waits until the worker has no photo queued (tests, benchmarks).
  void wait_for_thumbnails() const;

  // ---- For the monitoring module (no permission checks: callers check theirs) ----
  // Every project's progress in the fiscal year, cached and swapped after each write.
  // Building it once is one indexed query; afterwards it costs a pointer copy.
  std::shared_ptr<const ProgressSnapshot> snapshot(int fiscal_year) const;
  // Called after each committed progress write, on the writer's thread; keep it short.
  using ChangeListener = std::function<void(const ProgressChange&)>;
  void on_change(ChangeListener listener);

  // ---- For the demo loader and benchmarks ----
  // Writes reports as given (rules are the caller's concern), one transaction.
  void import_reports(const Actor& actor, const std::vector<ProgressReport>& reports);
  bool has_demo_reports() const;
  action_plan::ActionPlanService& action_plans() const { return action_plans_; }
  plan::PlanService& plans() const { return plans_; }
  db::Database& database() const { return database_; }

 private:
  struct Cache;
  struct ProjectRef;
  ProjectRef locate(std::int64_t element_id) const;
  void remember(const ProgressReport& report) const;
  void notify(const ProgressChange& change) const;

  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
  action_plan::ActionPlanService& action_plans_;
  ProgressOptions options_;
  std::unique_ptr<Cache> cache_;
  std::unique_ptr<ThumbnailWorker> worker_;
};

}  // namespace changwat::progress
