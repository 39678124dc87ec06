#pragma once
// The module of one service, the shape every domain module has (docs/adding-a-module.md):
// it owns its service, declares its name, roles and OpenAPI part, and hands the router
// and the demo loading to the module's free functions. A module's module.hpp declares
// those functions and names the class:
//
//   platform::ModuleInfo module_info();
//   void register_routes(http::Router& router, PlanService& service);
//   void load_demo(PlanService& service);
//   using PlanModule = platform::ServiceModule<PlanService, module_info, register_routes,
//                                              load_demo>;
//
// and module.cpp defines module_info() next to register_routes. The constructor takes
// the service's constructor arguments (src/main/modules.cpp passes the services it
// depends on), so the dependency stays visible in the list.
#include <concepts>
#include <string_view>
#include <utility>
#include <vector>

#include "base/principal.hpp"
#include "http/router.hpp"
#include "platform/module.hpp"

namespace changwat::platform {

// What `changwat modules` prints of a module and tests/unit/app checks.
struct ModuleInfo {
  std::string_view name;  // the folder's name
  std::vector<Role> roles;
  OpenApiPart openapi;
};

// For a module whose rules name every role (readers, writers and the public).
inline std::vector<Role> every_role() {
  return {Role::admin,   Role::strategy_officer, Role::agency_officer,    Role::executive,
          Role::auditor, Role::health_officer,   Role::community_manager, Role::public_user};
}

// `LoadDemo` is nullptr for a module without demo data.
template <class Service, ModuleInfo (*Info)(), void (*RegisterRoutes)(http::Router&, Service&),
          void (*LoadDemo)(Service&) = nullptr>
class ServiceModule : public Module {
 public:
  template <class... Args>
    requires std::constructible_from<Service, Args...>
  explicit ServiceModule(Args&&... args) : info_(Info()), service_(std::forward<Args>(args)...) {}

  // For the modules that take this one's service, the CLI and the tests.
  Service& service() { return service_; }

  std::string_view name() const override { return info_.name; }
  std::vector<Role> roles() const override { return info_.roles; }
  OpenApiPart openapi() const override { return info_.openapi; }
  void register_routes(http::Router& router) override { RegisterRoutes(router, service_); }
  void load_demo() override {
    if constexpr (LoadDemo != nullptr) LoadDemo(service_);
  }

 private:
  ModuleInfo info_;
  Service service_;
};

}  // namespace changwat::platform
