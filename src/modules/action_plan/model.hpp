#pragma once
// The annual action plan (แผนปฏิบัติราชการประจำปี) and its money as plain data: the
// projects requested for one fiscal year (main and reserve), their allocation by
// budget line, the planned cumulative spending per line and month, the month-end
// positions GFMIS reports (PO outstanding and disbursement to date), reserve
// promotions, and the national disbursement targets. Money is integer satang.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plan/model.hpp"

namespace changwat::action_plan {

using Satang = std::int64_t;
using plan::BudgetSource;
using plan::ProjectKind;

enum class ActionPlanStatus { open, closed };
enum class ProjectStatus { active, cancelled };
// GFMIS expense types: งบบุคลากร, งบดำเนินงาน, งบลงทุน, งบเงินอุดหนุน, งบรายจ่ายอื่น.
enum class ExpenseType { personnel, operating, investment, subsidy, other };
enum class TargetCategory { overall, current, capital };
enum class TargetBase { annual_budget, carry_over, combined };
enum class TargetMeasure { disbursed, committed };
enum class GroupBy { province, strategy, agency, budget_source, project };
enum class PositionSource { entry, import, demo };

std::string_view to_string(ActionPlanStatus status);
std::string_view to_string(ProjectStatus status);
std::string_view to_string(ExpenseType type);
std::string_view to_string(TargetCategory category);
std::string_view to_string(TargetBase base);
std::string_view to_string(TargetMeasure measure);
std::string_view to_string(GroupBy by);
std::string_view to_string(PositionSource source);
std::optional<ActionPlanStatus> parse_action_plan_status(std::string_view text);
std::optional<ProjectStatus> parse_project_status(std::string_view text);
std::optional<ExpenseType> parse_expense_type(std::string_view text);
std::optional<TargetCategory> parse_target_category(std::string_view text);
std::optional<TargetBase> parse_target_base(std::string_view text);
std::optional<TargetMeasure> parse_target_measure(std::string_view text);
std::optional<GroupBy> parse_group_by(std::string_view text);
std::optional<PositionSource> parse_position_source(std::string_view text);

// Thai and English names for documents, JSON (`*_th`) and messages.
std::string_view name_th(ExpenseType type);
std::string_view name_en(ExpenseType type);
std::string_view budget_source_th(BudgetSource source);
std::string_view budget_source_en(BudgetSource source);
std::string_view kind_th(ProjectKind kind);
std::string_view name_th(TargetCategory category);
std::string_view name_th(TargetBase base);
std::string_view name_th(TargetMeasure measure);

// Sources whose savings the province itself may move (through ก.บ.จ. / ก.บ.ก.);
// a ministry's savings are not the province's to spend.
bool province_decides(BudgetSource source);

// A calendar month (Common Era), "2026-03" in storage and JSON. Month-end positions
// and spending plans are keyed by it.
struct Month {
  int year = 0;   // CE
  int month = 0;  // 1..12

  int key() const { return year * 12 + (month - 1); }
  static Month from_key(int key) { return {key / 12, key % 12 + 1}; }
  Month plus(int months) const { return from_key(key() + months); }
  friend bool operator==(const Month&, const Month&) = default;
  friend auto operator<=>(const Month& a, const Month& b) { return a.key() <=> b.key(); }
};

// "YYYY-MM" exactly (month 01..12, year 1900..2999); nullopt otherwise.
std::optional<Month> parse_month(std::string_view text);
std::string to_string(const Month& month);
// "ต.ค. 68" — the Thai short label of a month in the Buddhist era, for charts.
std::string month_label_th(const Month& month);

// The fiscal year (BE) runs October to September: FY 2569 = 2025-10 .. 2026-09.
Month first_month_of(int fiscal_year);
// 0..11 inside the fiscal year, 12.. after it (carry-over), negative before it.
int fiscal_offset(const Month& month, int fiscal_year);
// Money committed but unpaid at the year end stays payable this many months into the
// next fiscal year (longer only with a recorded consent on the line).
inline constexpr int kCarryOverMonths = 6;

struct ActionPlan {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t plan_id = 0;
  int fiscal_year = 0;  // BE
  std::string name_th;
  std::string name_en;
  ActionPlanStatus status = ActionPlanStatus::open;
  bool demo = false;
  std::optional<std::string> demo_key;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> closed_by;
  std::optional<std::string> closed_at;
  std::int64_t revision = 0;  // bumped by every change of the plan's money (cache key)
  std::int64_t version = 1;   // optimistic concurrency of the action plan row
};

// Readiness of a project to be contracted this year (what a reserve needs before
// it may be promoted).
struct Readiness {
  bool design_ready = false;    // design and bill of quantities ready
  bool land_ready = false;      // land or permission secured
  bool contract_ready = false;  // can be contracted before the commitment deadline
  bool ready() const { return design_ready && land_ready && contract_ready; }
  friend bool operator==(const Readiness&, const Readiness&) = default;
};

struct Line {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string gfmis_code;  // free text (the FY-scoped GFMIS budget code)
  ExpenseType expense_type = ExpenseType::operating;
  bool is_capital = false;  // as GFMIS classifies the line, not derived from the type
  Satang allocated = 0;
  std::optional<Satang> contract;            // contract amount once signed (savings)
  std::optional<std::string> budget_holder;  // agency code holding the budget
  std::optional<std::string> paying_agency;  // เบิกแทนกัน: agency paying on our behalf
  std::optional<Month> carry_over_until;  // consent to pay beyond six months
  std::optional<std::string> carry_over_consent;
  int position = 0;
};

struct Position {
  Month month;
  Satang po_outstanding = 0;     // unpaid balance of purchase orders and contracts
  Satang disbursed_to_date = 0;  // disbursed in the fiscal year up to this month end
  PositionSource source = PositionSource::entry;
  std::string entered_by;
  std::string entered_at;
  Satang used() const { return po_outstanding + disbursed_to_date; }
};

struct PlannedPoint {
  Month month;
  Satang planned_cumulative = 0;
};

struct Instalment {
  Month due;
  Satang amount = 0;
};

struct Project {
  std::int64_t id = 0;
  std::int64_t action_plan_id = 0;
  std::int64_t element_id = 0;  // the plan element's stable id
  // Snapshot of the plan element when it joined the action plan; the live plan
  // tree is preferred for display and grouping.
  std::string code;
  std::string name_th;
  std::optional<std::string> agency_code;
  ProjectKind kind = ProjectKind::main;
  std::optional<int> ranking;  // reserves: order of promotion within the budget source
  BudgetSource budget_source = BudgetSource::provincial;
  Satang requested = 0;
  std::optional<int> priority;  // order of requests in the action plan
  Readiness readiness;
  ProjectStatus status = ProjectStatus::active;
  std::optional<std::string> cancel_reason;
  std::optional<std::string> decision_ref;  // resolution allowing more than requested
  bool demo = false;
  std::int64_t version = 1;
};

// A line with its month-end positions, spending plan and contract instalments,
// each ordered by month.
struct LineBook {
  Line line;
  std::vector<Position> positions;
  std::vector<PlannedPoint> planned;
  std::vector<Instalment> instalments;

  // The latest position at or before `month`, if any.
  const Position* position_at(const Month& month) const;
  const Position* latest() const { return positions.empty() ? nullptr : &positions.back(); }
  Satang planned_at(const Month& month) const;  // carried forward, 0 before the first
};

struct ProjectBook {
  Project project;
  std::vector<LineBook> lines;
  Satang allocated() const;
  const LineBook* line(std::string_view gfmis_code) const;
};

struct Promotion {
  std::int64_t id = 0;
  std::int64_t action_plan_id = 0;
  std::int64_t element_id = 0;
  BudgetSource budget_source = BudgetSource::provincial;
  std::string committee_th;
  std::string meeting_th;
  std::string resolution_th;
  std::string decided_on;  // ISO date
  std::optional<std::string> skip_reason_th;
  Satang savings_before = 0;
  std::optional<int> plan_version;  // the plan version that shows the change
  std::string created_by;
  std::string created_at;
};

struct DisbursementTarget {
  int fiscal_year = 0;
  TargetCategory category = TargetCategory::overall;
  int quarter = 4;  // 1..4; 4 = the whole year
  TargetBase base = TargetBase::annual_budget;
  TargetMeasure measure = TargetMeasure::disbursed;
  std::optional<double> percent;  // empty: not announced
  std::string source;             // where the figure comes from (address)
  std::string note;
  std::optional<std::string> updated_by;
  std::optional<std::string> updated_at;
  std::int64_t version = 1;
};

// A commitment deadline of the year (e.g. single-year procurement committed by the
// end of Q1).
struct CommitmentDeadline {
  int fiscal_year = 0;
  std::string key;
  std::string rule_th;
  std::string rule_en;
  std::string deadline;  // ISO date
  std::string source;
};

}  // namespace changwat::action_plan
