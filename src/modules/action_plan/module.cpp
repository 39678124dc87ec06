#include "modules/action_plan/module.hpp"

#include "modules/action_plan/api_routes.hpp"

namespace changwat::action_plan {

void register_routes(http::Router& router, ActionPlanService& service) {
  api::add_action_plan_routes(router, service);
  api::add_money_routes(router, service);
  api::add_position_routes(router, service);
  api::add_spending_routes(router, service);
  api::add_target_routes(router, service);
  api::add_export_routes(router, service);
}

}  // namespace changwat::action_plan
