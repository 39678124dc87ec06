#pragma once
// Assembles the product: database, platform services, the one list of modules
// (main/modules.cpp), the router with its middleware and routes. Used by `serve` and
// by the commands that need services.
#include <memory>
#include <string>
#include <vector>

#include "auth/auth_service.hpp"
#include "db/database.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/agency_service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/module.hpp"

namespace changwat::app {

struct AppOptions {
  std::string database_url = "sqlite:changwat.db";
  bool demo = false;
  std::string web_directory;  // "" = no static files
  int database_readers = 4;
  // Longest wait for a free database connection before a request gets 503.
  int database_wait_ms = 3000;
  // Where site photos are kept; "" = next to the SQLite file (PATH-photos), or
  // ./changwat-photos for PostgreSQL (docs/decisions/0009-photo-storage.md).
  std::string photos_directory;
};

// The photo directory `options` mean (their own, else derived from the database URL).
std::string photos_directory_for(const AppOptions& options);

class App {
 public:
  // Opens the database, refuses one newer than this binary, applies migrations and
  // reference data, and (with demo) loads the Trat demo data and demo users.
  explicit App(const AppOptions& options);
  ~App();

  db::Database& database() { return *database_; }
  auth::AuthService& auth() { return *auth_; }
  http::Router& router() { return router_; }
  http::Metrics& metrics() { return metrics_; }
  // Every module, in the order of main/modules.cpp.
  const std::vector<std::unique_ptr<platform::Module>>& modules() const { return modules_; }
  plan::PlanService& plans();

 private:
  void register_routes(const std::string& web_directory);
  void load_demo();

  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<areas::AgencyService> agencies_;
  std::unique_ptr<auth::AuthService> auth_;
  std::string photos_directory_;
  std::vector<std::unique_ptr<platform::Module>> modules_;
  http::Router router_;
  http::Metrics metrics_;
};

// The demo sign-ins printed by `serve --demo`.
inline constexpr const char* kDemoPassword = "trat-demo-2568";

}  // namespace changwat::app
