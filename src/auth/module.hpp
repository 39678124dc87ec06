#pragma once
// Sign-in and user management as a module of the list in src/main/modules.cpp.
#include "auth/api.hpp"
#include "platform/module.hpp"

namespace changwat::auth {

class AuthModule : public platform::Module {
 public:
  explicit AuthModule(AuthService& service) : service_(service) {}
  std::string_view name() const override { return "auth"; }
  std::vector<Role> roles() const override { return {Role::admin}; }
  platform::OpenApiPart openapi() const override {
    return {{"Sign-in", "Users"}, {"/api/v1/auth/", "/api/v1/users"}};
  }
  void register_routes(http::Router& router) override { auth::register_routes(router, service_); }

 private:
  AuthService& service_;
};

}  // namespace changwat::auth
