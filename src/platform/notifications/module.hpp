#pragma once
// Notifications as a module of the list in src/main/modules.cpp: the user's routes,
// the LINE webhook, and the delivery worker, started when a channel (SMTP or LINE) is
// configured (config.hpp) and stopped with the program.
#include <memory>

#include "platform/module.hpp"
#include "platform/notifications/api.hpp"
#include "platform/notifications/delivery.hpp"
#include "platform/service_module.hpp"

namespace changwat::notifications {

class NotificationsModule : public platform::Module {
 public:
  explicit NotificationsModule(db::Database& database,
                               ChannelConfig config = ChannelConfig::from_environment())
      : service_(database, config), worker_(database, config) {}
  std::string_view name() const override { return "notifications"; }
  std::vector<Role> roles() const override { return platform::every_role(); }
  platform::OpenApiPart openapi() const override {
    return {{"Notifications"}, {"/api/v1/notifications", "/api/v1/line/"}};
  }
  void register_routes(http::Router& router) override {
    notifications::register_routes(router, service_);
    if (service_.config().email_enabled() || service_.config().line_enabled()) worker_.start();
  }
  NotificationService& service() { return service_; }
  DeliveryWorker& worker() { return worker_; }

 private:
  NotificationService service_;
  DeliveryWorker worker_;
};

}  // namespace changwat::notifications
