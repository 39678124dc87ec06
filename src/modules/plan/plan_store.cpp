#include "modules/plan/plan_store.hpp"

#include "db/sql.hpp"
#include "modules/plan/store_rows.hpp"

namespace changwat::plan {

std::int64_t PlanStore::insert_plan(const Plan& plan, const std::string& created_by) {
  return connection_.insert_returning_id(
      "INSERT INTO plan (province_code, name_th, name_en, first_fiscal_year, last_fiscal_year, "
      "demo_key, demo, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {plan.province_code, plan.name_th, plan.name_en,
       static_cast<std::int64_t>(plan.period.first_fiscal_year),
       static_cast<std::int64_t>(plan.period.last_fiscal_year), db::nullable(plan.demo_key),
       static_cast<std::int64_t>(plan.demo ? 1 : 0), created_by, plan.created_at});
}

std::optional<Plan> PlanStore::find_plan(std::int64_t plan_id) {
  return db::map_row(
      connection_.query_one(std::string("SELECT ") + rows::kPlanColumns + " FROM plan WHERE id = ?",
                            {plan_id}),
      rows::plan);
}

std::vector<Plan> PlanStore::list_plans() {
  std::vector<Plan> plans;
  for (const auto& row :
       connection_.query(std::string("SELECT ") + rows::kPlanColumns + " FROM plan ORDER BY id")) {
    plans.push_back(rows::plan(row));
  }
  return plans;
}

std::optional<std::int64_t> PlanStore::plan_id_by_demo_key(const std::string& demo_key) {
  return db::query_integer(connection_, "SELECT id FROM plan WHERE demo_key = ?", {demo_key});
}

bool PlanStore::update_plan(const Plan& plan, std::int64_t expected_row_version) {
  return connection_.execute(
             "UPDATE plan SET name_th = ?, name_en = ?, first_fiscal_year = ?, "
             "last_fiscal_year = ?, version = version + 1 WHERE id = ? AND version = ?",
             {plan.name_th, plan.name_en, static_cast<std::int64_t>(plan.period.first_fiscal_year),
              static_cast<std::int64_t>(plan.period.last_fiscal_year), plan.id,
              expected_row_version}) == 1;
}

}  // namespace changwat::plan
