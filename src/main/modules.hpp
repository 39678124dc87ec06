#pragma once
// The one list of modules (docs/adding-a-module.md). A new module is one line in
// make_modules and one changwat_module() line in src/CMakeLists.txt.
#include <memory>
#include <string>
#include <vector>

#include "auth/auth_service.hpp"
#include "db/database.hpp"
#include "platform/areas/agency_service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/module.hpp"

namespace changwat::app {

// What the platform gives every module: made before any module, in App.
struct PlatformServices {
  db::Database& database;
  areas::AreaService& areas;
  areas::AgencyService& agencies;
  auth::AuthService& auth;
  // Where site photos are kept (AppOptions::photos_directory).
  const std::string& photos_directory;
};

// Every module of the program, in the order their routes are registered and their
// demo data loaded: a module comes after the modules whose services it takes.
std::vector<std::unique_ptr<platform::Module>> make_modules(const PlatformServices& platform);

}  // namespace changwat::app
