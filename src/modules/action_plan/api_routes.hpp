#pragma once
// The route groups of this module; register_routes (module.hpp) adds them all.
#include "http/router.hpp"
#include "modules/action_plan/service.hpp"

namespace changwat::action_plan::api {

// Action plans and their projects: list, detail, create, close, add, change, cancel.
void add_action_plan_routes(http::Router& router, ActionPlanService& service);
// Allocation lines, spending plans, instalments, carry-over consent.
void add_money_routes(http::Router& router, ActionPlanService& service);
// Month-end positions: entry per month, reading, file import.
void add_position_routes(http::Router& router, ActionPlanService& service);
// Spending rollups, reserve proposals and promotions.
void add_spending_routes(http::Router& router, ActionPlanService& service);
// National disbursement targets.
void add_target_routes(http::Router& router, ActionPlanService& service);
// Documents: the action plan and the spending report, PDF and XLSX.
void add_export_routes(http::Router& router, ActionPlanService& service);

}  // namespace changwat::action_plan::api
