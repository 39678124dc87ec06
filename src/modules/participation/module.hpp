#pragma once
// The participation module as `changwat` main() sees it (src/main/modules.cpp), plus
// the free entry points that tests and benchmarks use. It builds on the plan module's
// service, so it comes after the plan module in the list.
#include "http/router.hpp"
#include "modules/participation/service.hpp"
#include "platform/module.hpp"

namespace changwat::participation {

// Every /api/v1/needs…, /api/v1/forums…, /api/v1/swot…, /api/v1/search and
// /api/v1/plans/{id}/swot|coverage/… route (see README.md).
void register_routes(http::Router& router, ParticipationService& service);

// Loads the Trat demo needs, forums and SWOT items (data/participation-demo-trat.json)
// into the demo plan. Idempotent: items already loaded are skipped. Needs the plan
// module's demo plan (plan::load_demo) to be loaded first.
void load_demo(ParticipationService& service);

class ParticipationModule : public platform::Module {
 public:
  ParticipationModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans)
      : service_(database, areas, plans) {}
  ParticipationService& service() { return service_; }

  std::string_view name() const override { return "participation"; }
  std::vector<Role> roles() const override {
    return {Role::admin, Role::strategy_officer, Role::agency_officer, Role::public_user};
  }
  platform::OpenApiPart openapi() const override {
    return {{"Needs", "Public needs", "Forums", "SWOT", "Coverage", "Search"},
            {"/api/v1/needs", "/api/v1/forums", "/api/v1/swot/", "/api/v1/search",
             "/api/v1/plans/{id}/swot", "/api/v1/plans/{id}/coverage/"}};
  }
  void register_routes(http::Router& router) override {
    participation::register_routes(router, service_);
  }
  void load_demo() override { participation::load_demo(service_); }

 private:
  ParticipationService service_;
};

}  // namespace changwat::participation
