#pragma once
// The monitoring module as `changwat` main() sees it (src/main/modules.cpp): early
// warnings and dashboards over the plan, action plan, progress, procurement and KPI
// results modules, whose services it takes.
#include "http/router.hpp"
#include "modules/monitoring/service.hpp"
#include "platform/module.hpp"

namespace changwat::monitoring {

// Every /api/v1/warnings…, /api/v1/warning-settings… and /api/v1/dashboards… route.
void register_routes(http::Router& router, MonitoringService& service);

// `serve --demo`: evaluates the warnings of the demo action plan's year (computed from
// the other modules' demo data) and applies the demo resolutions of
// data/monitoring-demo-trat.json. Idempotent. Needs the other modules' demo first.
void load_demo(MonitoringService& service);

class MonitoringModule : public platform::Module {
 public:
  MonitoringModule(db::Database& database, areas::AreaService& areas, Sources sources)
      : service_(database, areas, sources) {}
  MonitoringService& service() { return service_; }

  std::string_view name() const override { return "monitoring"; }
  std::vector<Role> roles() const override {
    return {Role::admin,   Role::strategy_officer, Role::agency_officer,   Role::executive,
            Role::auditor, Role::health_officer,   Role::community_manager};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Warnings", "Dashboards"},
            {"/api/v1/warnings", "/api/v1/warning-settings", "/api/v1/dashboards"}};
  }
  void register_routes(http::Router& router) override {
    monitoring::register_routes(router, service_);
  }
  void load_demo() override { monitoring::load_demo(service_); }

 private:
  MonitoringService service_;
};

}  // namespace changwat::monitoring
