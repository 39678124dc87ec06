#pragma once
// The sample module as `changwat` main() sees it: one line in src/main/modules.cpp,
//   add(std::make_unique<sample::SampleModule>(platform.database, platform.areas,
//                                              plans.service()));
// after the plan module, whose service it takes.
#include "modules/sample/service.hpp"
#include "platform/module.hpp"

namespace changwat::sample {

// Loads data/sample-demo-trat.json into the demo plan. Idempotent.
void load_demo(SampleService& service);

class SampleModule : public platform::Module {
 public:
  SampleModule(db::Database& database, areas::AreaService& areas, plan::PlanService& plans)
      : service_(database, areas, plans) {}
  // For modules after this one that build on it.
  SampleService& service() { return service_; }

  std::string_view name() const override { return "sample"; }
  std::vector<Role> roles() const override { return {Role::admin, Role::strategy_officer}; }
  platform::OpenApiPart openapi() const override { return {{"Sample"}, {"/api/v1/sample/"}}; }
  void register_routes(http::Router& router) override;
  void load_demo() override { sample::load_demo(service_); }

 private:
  SampleService service_;
};

}  // namespace changwat::sample
