#pragma once
// Reference data (areas, agencies, fiscal years) as a module of the list in
// src/main/modules.cpp. The services are the platform's, made before any module.
#include "platform/areas/api.hpp"
#include "platform/module.hpp"

namespace changwat::areas {

class ReferenceDataModule : public platform::Module {
 public:
  ReferenceDataModule(AreaService& areas, AgencyService& agencies)
      : areas_(areas), agencies_(agencies) {}
  std::string_view name() const override { return "areas"; }
  std::vector<Role> roles() const override { return {Role::admin}; }
  platform::OpenApiPart openapi() const override {
    return {{"Reference data"}, {"/api/v1/areas", "/api/v1/agencies", "/api/v1/fiscal-years"}};
  }
  void register_routes(http::Router& router) override {
    areas::register_routes(router, areas_, agencies_);
  }

 private:
  AreaService& areas_;
  AgencyService& agencies_;
};

}  // namespace changwat::areas
