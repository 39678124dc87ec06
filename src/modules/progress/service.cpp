#include "modules/progress/service.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "db/sql.hpp"
#include "modules/progress/image.hpp"
#include "modules/progress/json.hpp"
#include "modules/progress/progress_store.hpp"
#include "modules/progress/rules.hpp"
#include "modules/progress/thumbnails.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::progress {

struct ProgressService::Cache {
  std::mutex mutex;
  std::map<int, std::shared_ptr<const ProgressSnapshot>> years;
  std::map<int, std::int64_t> generations;  // writes per year, to drop stale builds
  std::int64_t revision = 0;
  std::vector<ChangeListener> listeners;
};

// A plan project as this module needs it: its province, agency and indicators.
struct ProgressService::ProjectRef {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  std::string province_code;
  std::optional<std::string> agency_code;
  std::size_t indicator_count = 0;
};

namespace {

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "anonymous";
}

[[noreturn]] void throw_project_not_found() { throw_not_found("โครงการ", "Project"); }
[[noreturn]] void throw_photo_not_found() { throw_not_found("ภาพถ่าย", "Photo"); }

// A photo the actor may see: signed in, a reader of the photo's province; 404 otherwise.
Photo readable_photo(db::Database& database, const Actor& actor, std::int64_t photo_id) {
  actor.require_signed_in();
  auto photo =
      database.read([&](db::Connection& c) { return ProgressStore(c).find_photo(photo_id); });
  if (!photo) throw_photo_not_found();
  rules::require_reader(actor, photo->province_code);
  return *photo;
}

std::shared_ptr<const ProjectProgress> project_progress(
    const std::vector<ProgressReport>& reports) {
  if (reports.empty()) return nullptr;
  auto project = std::make_shared<ProjectProgress>();
  project->element_id = reports.front().element_id;
  project->agency_code = reports.back().agency_code;
  for (const auto& report : reports)
    project->months.push_back({report.month, report.physical_percent, report.status});
  return project;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_photo_not_found();
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

ProgressService::ProgressService(db::Database& database, areas::AreaService& areas,
                                 plan::PlanService& plans,
                                 action_plan::ActionPlanService& action_plans,
                                 ProgressOptions options)
    : database_(database),
      areas_(areas),
      plans_(plans),
      action_plans_(action_plans),
      options_(std::move(options)),
      cache_(std::make_unique<Cache>()) {
  // A plan project with progress reports or photos keeps them: it cannot be deleted.
  plans_.add_delete_guard([](db::Connection& c, std::int64_t element_id) -> std::optional<Message> {
    auto reports = db::query_integer(c, "SELECT COUNT(*) FROM progress_report WHERE element_id = ?",
                                     {element_id});
    auto photos = db::query_integer(c, "SELECT COUNT(*) FROM progress_photo WHERE element_id = ?",
                                    {element_id});
    if (reports.value_or(0) + photos.value_or(0) == 0) return std::nullopt;
    return Message{"โครงการนี้มีรายงานความก้าวหน้าหรือภาพถ่ายแล้ว",
                   "The project has progress reports or photos"};
  });
  if (options_.thumbnails) {
    // Tests hold thumbnails back to see the 202 of one not made yet.
    std::chrono::milliseconds delay{0};
    if (const char* text = std::getenv("CHANGWAT_TEST_THUMBNAIL_DELAY_MS"))
      delay = std::chrono::milliseconds(std::strtol(text, nullptr, 10));
    worker_ = std::make_unique<ThumbnailWorker>(options_.photos_directory, delay);
    // Photos whose thumbnail a stopped server had not made yet.
    std::vector<Photo> pending;
    if (std::filesystem::exists(options_.photos_directory)) {
      pending = database_.read([](db::Connection& c) { return ProgressStore(c).all_photos(); });
    }
    for (const auto& photo : pending) {
      if (!std::filesystem::exists(
              ThumbnailWorker::thumbnail_path(options_.photos_directory, photo.file_name)) &&
          !std::filesystem::exists(
              ThumbnailWorker::failed_path(options_.photos_directory, photo.file_name))) {
        worker_->enqueue(photo.file_name, photo.content_type);
      }
    }
  }
}

ProgressService::~ProgressService() = default;

ProgressService::ProjectRef ProgressService::locate(std::int64_t element_id) const {
  auto summary = plans_.find_element(element_id);
  if (!summary || summary->kind != plan::ElementKind::project) throw_project_not_found();
  ProjectRef ref;
  ref.element_id = element_id;
  ref.plan_id = summary->plan_id;
  auto tree = plans_.tree(Actor::command_line(), summary->plan_id, std::nullopt);
  ref.province_code = tree->plan.province_code;
  for (const auto& element : tree->elements) {
    if (element.element_id != element_id || !element.project) continue;
    ref.agency_code = element.project->agency_code;
    ref.indicator_count = element.project->indicators.size();
  }
  return ref;
}

// ---- Monthly progress ----

std::vector<ProgressReport> ProgressService::list(const Actor& actor,
                                                  std::int64_t element_id) const {
  ProjectRef ref = locate(element_id);
  rules::require_reader(actor, ref.province_code);
  return database_.read([&](db::Connection& c) { return ProgressStore(c).list(element_id); });
}

ProgressReport ProgressService::put(const Actor& actor, std::int64_t element_id, const Month& month,
                                    const ProgressInput& input) {
  ProjectRef ref = locate(element_id);
  rules::require_writer(actor, ref.province_code, ref.agency_code);

  ProgressReport report;
  report.province_code = ref.province_code;
  report.element_id = element_id;
  report.month = month;
  report.fiscal_year = rules::fiscal_year_of(month);
  report.physical_percent = input.physical_percent;
  report.status = input.status;
  report.activities_th = input.activities_th;
  report.problems_th = input.problems_th;
  report.fixes_th = input.fixes_th;
  report.reason_th = input.reason_th;
  if (report.reason_th && report.reason_th->empty()) report.reason_th.reset();
  report.indicators = input.indicators;
  report.agency_code = ref.agency_code;
  report.entered_by = actor_name(actor);
  report.entered_at = iso_utc_now();
  rules::check_report(report, ref.indicator_count);

  ProgressReport saved = database_.write([&](db::Connection& c) {
    // The month's fiscal year must have an action plan of the project's plan that
    // holds the project, not cancelled (read inside this transaction).
    std::optional<action_plan::ActionPlan> year_plan;
    for (const auto& candidate : action_plans_.list(Actor::command_line())) {
      if (candidate.plan_id == ref.plan_id && candidate.fiscal_year == report.fiscal_year)
        year_plan = candidate;
    }
    const action_plan::ProjectBook* book = nullptr;
    action_plan::ActionPlanView view;
    if (year_plan) {
      view = action_plans_.view(year_plan->id);
      book = view.ledger->find(element_id);
    }
    if (!book) {
      Message why{"เดือน " + action_plan::to_string(month) + " อยู่ในปีงบประมาณ " +
                      std::to_string(report.fiscal_year) + " ซึ่งโครงการนี้ไม่อยู่ในแผนปฏิบัติราชการประจำปี",
                  "Month " + action_plan::to_string(month) + " is in fiscal year " +
                      std::to_string(report.fiscal_year) +
                      ", whose action plan does not hold this project"};
      throw Error(ErrorKind::rule, "month_outside_plan", why, {{"month", why}});
    }
    if (book->project.status == action_plan::ProjectStatus::cancelled) {
      throw_rule("project_cancelled",
                 {"โครงการนี้ถูกยกเลิกในแผนปฏิบัติราชการประจำปีแล้ว จึงรายงานความก้าวหน้าไม่ได้",
                  "The project is cancelled in the action plan: no progress can be reported"});
    }
    report.action_plan_id = year_plan->id;

    ProgressStore store(c);
    auto existing = store.find(element_id, month);
    rules::check_drop(report, store.latest_before(element_id, report.fiscal_year, month));
    if (existing) {
      if (!store.update(report, input.expected_version)) throw_stale_version();
    } else {
      // A version names a row the writer read: there is none (deleted never; so stale).
      if (input.expected_version) throw_stale_version();
      store.insert(report);
    }
    auto fresh = store.find(element_id, month);
    audit::record_in(c, ref.province_code, actor, "progress_report",
                     std::to_string(element_id) + "/" + action_plan::to_string(month),
                     existing ? "update" : "create",
                     existing ? boost::json::value(report_json(*existing)) : nullptr,
                     report_json(*fresh));
    return *fresh;
  });
  remember(saved);
  notify({saved.fiscal_year, saved.element_id, saved.month, saved.province_code});
  return saved;
}

// ---- The read model ----

std::shared_ptr<const ProgressSnapshot> ProgressService::snapshot(int fiscal_year) const {
  std::int64_t generation = 0;
  {
    std::lock_guard lock(cache_->mutex);
    auto found = cache_->years.find(fiscal_year);
    if (found != cache_->years.end()) return found->second;
    generation = cache_->generations[fiscal_year];
  }
  auto reports =
      database_.read([&](db::Connection& c) { return ProgressStore(c).year(fiscal_year); });
  std::unordered_map<std::int64_t, std::shared_ptr<const ProjectProgress>> projects;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= reports.size(); ++i) {
    if (i == reports.size() || reports[i].element_id != reports[begin].element_id) {
      std::vector<ProgressReport> one(reports.begin() + static_cast<std::ptrdiff_t>(begin),
                                      reports.begin() + static_cast<std::ptrdiff_t>(i));
      projects[reports[begin].element_id] = project_progress(one);
      begin = i;
    }
  }
  std::lock_guard lock(cache_->mutex);
  auto built = std::make_shared<const ProgressSnapshot>(fiscal_year, ++cache_->revision,
                                                        std::move(projects));
  // A write committed while this was read: keep the answer, cache nothing stale.
  if (cache_->generations[fiscal_year] == generation) cache_->years[fiscal_year] = built;
  return built;
}

void ProgressService::remember(const ProgressReport& report) const {
  std::lock_guard lock(cache_->mutex);
  ++cache_->generations[report.fiscal_year];
  auto found = cache_->years.find(report.fiscal_year);
  if (found == cache_->years.end()) return;
  const ProgressSnapshot& current = *found->second;
  auto project = std::make_shared<ProjectProgress>();
  if (const ProjectProgress* before = current.find(report.element_id)) *project = *before;
  project->element_id = report.element_id;
  project->agency_code = report.agency_code;
  ProgressPoint point{report.month, report.physical_percent, report.status};
  auto at = std::lower_bound(
      project->months.begin(), project->months.end(), point,
      [](const ProgressPoint& a, const ProgressPoint& b) { return a.month < b.month; });
  if (at != project->months.end() && at->month == report.month) {
    *at = point;
  } else {
    project->months.insert(at, point);
  }
  found->second = current.with(report.element_id, std::move(project), ++cache_->revision);
}

void ProgressService::on_change(ChangeListener listener) {
  std::lock_guard lock(cache_->mutex);
  cache_->listeners.push_back(std::move(listener));
}

void ProgressService::notify(const ProgressChange& change) const {
  std::vector<ChangeListener> listeners;
  {
    std::lock_guard lock(cache_->mutex);
    listeners = cache_->listeners;
  }
  for (const auto& listener : listeners) {
    try {
      listener(change);
    } catch (const std::exception& error) {
      spdlog::error("progress change listener: {}", error.what());
    }
  }
}

// ---- Demo and benchmarks ----

void ProgressService::import_reports(const Actor& actor,
                                     const std::vector<ProgressReport>& reports) {
  if (reports.empty()) return;
  database_.write([&](db::Connection& c) {
    ProgressStore store(c);
    for (const auto& report : reports) store.insert(report);
    audit::record_in(c, reports.front().province_code, actor, "progress_report", "import", "import",
                     nullptr,
                     boost::json::object{{"reports", static_cast<std::int64_t>(reports.size())},
                                         {"demo", reports.front().demo}});
  });
  std::lock_guard lock(cache_->mutex);
  for (const auto& report : reports) {
    ++cache_->generations[report.fiscal_year];
    cache_->years.erase(report.fiscal_year);
  }
}

bool ProgressService::has_demo_reports() const {
  return database_.read([](db::Connection& c) { return ProgressStore(c).has_demo(); });
}

// ---- Photos ----

Photo ProgressService::add_photo(const Actor& actor, std::int64_t element_id,
                                 const PhotoUpload& upload) {
  ProjectRef ref = locate(element_id);
  rules::require_writer(actor, ref.province_code, ref.agency_code);
  if (upload.bytes.size() > kMaxPhotoBytes) {
    throw Error(ErrorKind::payload_too_large, "photo_too_large",
                {"ภาพถ่ายต้องมีขนาดไม่เกิน 10 MB", "A photo must be at most 10 MB"});
  }
  image::Info info = image::inspect(upload.content_type, upload.bytes);

  Photo photo;
  photo.province_code = ref.province_code;
  photo.element_id = element_id;
  photo.content_type = upload.content_type;
  photo.size_bytes = static_cast<std::int64_t>(upload.bytes.size());
  photo.width = info.width;
  photo.height = info.height;
  if (upload.latitude && upload.longitude) {
    photo.latitude = upload.latitude;
    photo.longitude = upload.longitude;
    photo.accuracy_m = upload.accuracy_m;
    photo.position_source = PositionSource::device;
  } else if (info.latitude && info.longitude) {
    photo.latitude = info.latitude;
    photo.longitude = info.longitude;
    photo.position_source = PositionSource::exif;
  }
  photo.uploaded_by = actor_name(actor);
  photo.uploaded_at = iso_utc_now();
  photo.taken_at = upload.taken_at.value_or(info.taken_at.value_or(photo.uploaded_at));
  // A random name: never the user's, never guessable from the id.
  photo.file_name = random_token(18) + (upload.content_type == "image/png" ? ".png" : ".jpg");

  const std::filesystem::path& directory = options_.photos_directory;
  std::filesystem::create_directories(directory);
  std::filesystem::path path = directory / photo.file_name;
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(upload.bytes.data(), static_cast<std::streamsize>(upload.bytes.size()));
    if (!out) {
      throw Error(ErrorKind::unavailable, "photo_storage_failed",
                  {"บันทึกไฟล์ภาพไม่สำเร็จ", "The photo could not be stored"});
    }
  }
  std::filesystem::rename(temporary, path);
  try {
    photo = database_.write([&](db::Connection& c) {
      ProgressStore store(c);
      photo.id = store.insert_photo(photo);
      audit::record_in(c, ref.province_code, actor, "progress_photo", std::to_string(photo.id),
                       "create", nullptr, photo_json(photo));
      return photo;
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    throw;
  }
  if (worker_) worker_->enqueue(photo.file_name, photo.content_type);
  return photo;
}

std::vector<Photo> ProgressService::photos(const Actor& actor, std::int64_t element_id) const {
  ProjectRef ref = locate(element_id);
  rules::require_reader(actor, ref.province_code);
  return database_.read([&](db::Connection& c) { return ProgressStore(c).photos(element_id); });
}

std::pair<Photo, std::string> ProgressService::photo_file(const Actor& actor,
                                                          std::int64_t photo_id) const {
  Photo photo = readable_photo(database_, actor, photo_id);
  return {photo, read_file(options_.photos_directory / photo.file_name)};
}

std::optional<std::string> ProgressService::thumbnail(const Actor& actor,
                                                      std::int64_t photo_id) const {
  Photo photo = readable_photo(database_, actor, photo_id);
  auto path = ThumbnailWorker::thumbnail_path(options_.photos_directory, photo.file_name);
  if (std::filesystem::exists(path)) return read_file(path);
  if (std::filesystem::exists(
          ThumbnailWorker::failed_path(options_.photos_directory, photo.file_name))) {
    throw Error(ErrorKind::rule, "thumbnail_failed",
                {"สร้างภาพย่อไม่ได้ เพราะอ่านรูปภาพไม่ได้", "The image could not be read for a thumbnail"});
  }
  // Without a worker (tests of the read model) the thumbnail is made on demand.
  if (!worker_) {
    ThumbnailWorker::make(options_.photos_directory, photo.file_name, photo.content_type);
    if (std::filesystem::exists(path)) return read_file(path);
  }
  return std::nullopt;
}

void ProgressService::wait_for_thumbnails() const {
  if (worker_) worker_->wait_idle();
}

}  // namespace changwat::progress
