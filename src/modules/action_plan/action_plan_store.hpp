#pragma once
// SQL of an action plan and everything under it (projects, lines, positions, spending
// plans, instalments, promotions): rows of migrations/0004_action_plan.sql through the
// connection of the caller's transaction. No rules, no permissions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/action_plan/model.hpp"

namespace changwat::action_plan {

// One position row of a bulk write (import).
struct PositionRow {
  std::int64_t line_id = 0;
  Position position;
};

class ActionPlanStore {
 public:
  explicit ActionPlanStore(db::Connection& connection) : connection_(connection) {}

  // ---- action plans ----
  std::vector<ActionPlan> list();
  std::optional<ActionPlan> find(std::int64_t id);
  std::optional<std::int64_t> id_by_demo_key(const std::string& demo_key);
  std::optional<std::int64_t> id_by_plan_year(std::int64_t plan_id, int fiscal_year);
  std::int64_t insert(const ActionPlan& plan);
  // The cache key: one indexed point read.
  std::optional<std::int64_t> revision(std::int64_t id);
  // Bumps the revision and returns the new one. Done first in every change of the
  // plan's money, so writers of one action plan queue on its row (PostgreSQL) and
  // each change has its own revision.
  std::int64_t bump_revision(std::int64_t id);
  // False if the row version did not match.
  bool close(std::int64_t id, std::int64_t expected_version, const std::string& by,
             const std::string& at);

  // ---- projects and lines ----
  std::optional<std::int64_t> project_id(std::int64_t action_plan_id, std::int64_t element_id);
  std::int64_t insert_project(const Project& project, const std::string& province_code);
  // Every field (version + 1); false on a stale version.
  bool update_project(const Project& project, std::int64_t expected_version);
  std::int64_t insert_line(const Line& line, std::int64_t action_plan_id,
                           const std::string& province_code);
  void update_line(const Line& line);
  // The line and its positions, spending plan and instalments.
  void delete_line(std::int64_t line_id);

  // ---- positions, spending plans, instalments ----
  void upsert_position(std::int64_t line_id, std::int64_t action_plan_id,
                       const std::string& province_code, const Position& position);
  // Many rows in multi-row statements (imports): one round trip per few hundred rows.
  // `insert_positions` for months the lines do not have yet (a plain INSERT, about
  // half the work of an upsert on PostgreSQL), `update_positions` for months they
  // have, `upsert_positions` when the caller does not know.
  void insert_positions(std::int64_t action_plan_id, const std::string& province_code,
                        const std::vector<PositionRow>& rows);
  void update_positions(const std::vector<PositionRow>& rows);
  void upsert_positions(std::int64_t action_plan_id, const std::string& province_code,
                        const std::vector<PositionRow>& rows);
  void replace_planned(std::int64_t line_id, std::int64_t action_plan_id,
                       const std::vector<PlannedPoint>& points);
  void replace_instalments(std::int64_t line_id, std::int64_t action_plan_id,
                           const std::vector<Instalment>& instalments);

  // ---- whole books (the spending model) ----
  // Every project of an action plan with its lines, positions, plans, instalments.
  std::vector<ProjectBook> load_books(std::int64_t action_plan_id);
  std::optional<ProjectBook> load_book(std::int64_t project_id);

  // ---- promotions ----
  std::int64_t insert_promotion(const Promotion& promotion, std::int64_t project_id,
                                const std::string& province_code);
  std::vector<Promotion> promotions(std::int64_t action_plan_id);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::action_plan
