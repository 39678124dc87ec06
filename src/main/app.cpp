#include "main/app.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>

#include "auth/middleware.hpp"
#include "db/migrations.hpp"
#include "http/static_files.hpp"
#include "main/modules.hpp"
#include "modules/plan/module.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::app {

namespace {

struct DemoUser {
  const char* username;
  const char* display_name;
  Role role;
  const char* agency;
};

constexpr DemoUser kDemoUsers[] = {
    {"admin", "ผู้ดูแลระบบ (ตัวอย่าง)", Role::admin, nullptr},
    {"strategy", "กลุ่มงานยุทธศาสตร์ สนจ.ตราด (ตัวอย่าง)", Role::strategy_officer, "TRAT-PO"},
    {"agency", "เจ้าหน้าที่สำนักงานเกษตรจังหวัด (ตัวอย่าง)", Role::agency_officer, "TRAT-DOAE"},
    {"executive", "ผู้บริหารจังหวัด (ตัวอย่าง)", Role::executive, nullptr},
    {"auditor", "หน่วยตรวจสอบภายใน (ตัวอย่าง)", Role::auditor, nullptr},
    {"health", "สำนักงานสาธารณสุขจังหวัด (ตัวอย่าง)", Role::health_officer, "TRAT-PHO"},
    {"community", "วิสาหกิจชุมชนท่องเที่ยว (ตัวอย่าง)", Role::community_manager, nullptr},
};

// The demo's staff work in the province of its provincial office (from data/).
void add_demo_users(db::Database& database, const areas::Directory& directory,
                    auth::AuthService& auth) {
  Actor system = Actor::command_line();
  std::optional<areas::Agency> office = directory.find_agency(kDemoUsers[1].agency);
  for (const auto& user : kDemoUsers) {
    bool exists = database.read([&](db::Connection& c) {
      return c.query_one("SELECT 1 FROM app_user WHERE username = ?", {std::string(user.username)})
          .has_value();
    });
    if (exists) continue;
    auth::NewUser new_user;
    new_user.username = user.username;
    new_user.display_name = user.display_name;
    new_user.role = user.role;
    if (user.agency) new_user.agency_code = std::string(user.agency);
    if (office) new_user.province_code = office->province_code;
    auth.add_user(new_user, kDemoPassword, system);
  }
}

}  // namespace

std::string photos_directory_for(const AppOptions& options) {
  if (!options.photos_directory.empty()) return options.photos_directory;
  const std::string& url = options.database_url;
  constexpr std::string_view kSqlite = "sqlite:";
  // Beside the database file, as SQLite keeps its -wal and -shm files: a copy of the
  // folder is a copy of the deployment.
  if (url.rfind(kSqlite, 0) == 0 && url != "sqlite::memory:") {
    return url.substr(kSqlite.size()) + "-photos";
  }
  return "changwat-photos";
}

App::App(const AppOptions& options) {
  db::Options db_options;
  db_options.readers = options.database_readers;
  db_options.acquire_timeout_ms = options.database_wait_ms;
  database_ = db::Database::open(options.database_url, db_options);
  db::check_not_newer(*database_);
  int applied = db::migrate(*database_);
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);
  areas::seed_reference_data(*database_);
  if (options.demo) areas::seed_demo_villages(*database_);

  areas_ = std::make_unique<areas::AreaService>(*database_);
  agencies_ = std::make_unique<areas::AgencyService>(*database_, *areas_);
  auth_ = std::make_unique<auth::AuthService>(*database_, *areas_);
  photos_directory_ = photos_directory_for(options);
  modules_ = make_modules({*database_, *areas_, *agencies_, *auth_, photos_directory_});
  if (options.demo) load_demo();
  register_routes(options.web_directory);
}

App::~App() = default;

plan::PlanService& App::plans() {
  for (const auto& module : modules_)
    if (auto* plans = dynamic_cast<plan::PlanModule*>(module.get())) return plans->service();
  throw std::logic_error("the plan module is not in the list (main/modules.cpp)");
}

void App::load_demo() {
  add_demo_users(*database_, *areas_, *auth_);
  // In list order: a module's demo may name records of the modules before it.
  for (const auto& module : modules_) module->load_demo();
}

void App::register_routes(const std::string& web_directory) {
  router_.use(auth::session_middleware(*auth_));

  // /healthz must answer under any load without waiting for a worker, so it runs on
  // the I/O thread and reports the last database check; a check older than a second
  // is redone first on a worker (ping and storage probe may wait on the database).
  struct HealthCheck {
    std::atomic<std::int64_t> checked_ms{0};  // steady clock; 0 = never
    std::atomic<bool> database_ok{false};
    std::atomic<bool> storage_full{false};
  };
  auto health = std::make_shared<HealthCheck>();
  router_.add(
      http::Method::get, "/healthz",
      [this, health](http::Context& ctx) {
        auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count() +
                      1;
        if (now_ms - health->checked_ms.load() > 1000) {
          ctx.require_worker();
          bool reachable = database_->ping();
          health->database_ok = reachable;
          // Reads still work on a full disk, but writes and sign-ins do not: degraded.
          health->storage_full = reachable && database_->storage_full();
          health->checked_ms = now_ms;
        }
        bool ok = health->database_ok;
        bool full = health->storage_full;
        const char* status = !ok ? "unavailable" : full ? "degraded" : "ok";
        boost::json::object body{{"status", status},
                                 {"database", ok ? "ok" : "unreachable"},
                                 {"storage", full ? "full" : "ok"},
                                 {"version", CHANGWAT_VERSION}};
        auto response = http::Response::json(body, ok && !full ? 200 : 503);
        response.add_header("Cache-Control", "no-store");
        return response;
      },
      http::Lane::fast);
  router_.add(http::Method::get, "/metrics", [this](http::Context&) {
    return http::Response::text(metrics_.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  metrics_.add_provider([this] {
    auto s = database_->stats();
    std::string text;
    text += "# HELP changwat_db_connections Database connections in the pool.\n";
    text += "# TYPE changwat_db_connections gauge\n";
    text += "changwat_db_connections{kind=\"reader\",state=\"total\"} " +
            std::to_string(s.readers_total) + "\n";
    text += "changwat_db_connections{kind=\"reader\",state=\"in_use\"} " +
            std::to_string(s.readers_in_use) + "\n";
    text += "changwat_db_connections{kind=\"writer\",state=\"total\"} " +
            std::to_string(s.writers_total) + "\n";
    text += "changwat_db_connections{kind=\"writer\",state=\"in_use\"} " +
            std::to_string(s.writers_in_use) + "\n";
    text += "# HELP changwat_db_pool_waits_total Times a request waited for a connection.\n";
    text += "# TYPE changwat_db_pool_waits_total counter\n";
    text += "changwat_db_pool_waits_total " + std::to_string(s.waits) + "\n";
    text +=
        "# HELP changwat_db_pool_timeouts_total Requests that gave up waiting for a "
        "connection (503 database_busy).\n";
    text += "# TYPE changwat_db_pool_timeouts_total counter\n";
    text += "changwat_db_pool_timeouts_total " + std::to_string(s.timeouts) + "\n";
    return text;
  });

  for (const auto& module : modules_) module->register_routes(router_);

  if (!web_directory.empty()) router_.set_fallback(http::static_files(web_directory));
}

}  // namespace changwat::app
