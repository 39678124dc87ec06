#pragma once
// Routes: /api/v1/notifications… (the signed-in user's list and choices; admins: the
// delivery counts) and /api/v1/line/webhook (the LINE platform).
#include "http/router.hpp"
#include "platform/notifications/service.hpp"

namespace changwat::notifications {

void register_routes(http::Router& router, NotificationService& service);

}  // namespace changwat::notifications
