#include "modules/action_plan/module.hpp"

#include "modules/action_plan/api_routes.hpp"

namespace changwat::action_plan {

platform::ModuleInfo module_info() {
  return {"action_plan",
          {Role::admin, Role::strategy_officer, Role::agency_officer, Role::executive,
           Role::auditor, Role::public_user},
          {{"Action plans", "Budget and spending", "Disbursement targets"},
           {"/api/v1/action-plans", "/api/v1/disbursement-targets"}}};
}

void register_routes(http::Router& router, ActionPlanService& service) {
  api::add_action_plan_routes(router, service);
  api::add_money_routes(router, service);
  api::add_position_routes(router, service);
  api::add_spending_routes(router, service);
  api::add_target_routes(router, service);
  api::add_export_routes(router, service);
}

}  // namespace changwat::action_plan
