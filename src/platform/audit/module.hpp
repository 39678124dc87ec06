#pragma once
// The audit log's read route as a module of the list in src/main/modules.cpp.
// Writing entries is audit::record, called by every service (audit_log.hpp).
#include "platform/audit/api.hpp"
#include "platform/module.hpp"

namespace changwat::audit {

class AuditModule : public platform::Module {
 public:
  explicit AuditModule(db::Database& database) : database_(database) {}
  std::string_view name() const override { return "audit"; }
  std::vector<Role> roles() const override { return {Role::admin, Role::auditor}; }
  platform::OpenApiPart openapi() const override { return {{"Audit"}, {"/api/v1/audit"}}; }
  void register_routes(http::Router& router) override { audit::register_routes(router, database_); }

 private:
  db::Database& database_;
};

}  // namespace changwat::audit
