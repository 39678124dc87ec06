#pragma once
// Rules of the action plan's money that need no database: allocation lines, spending
// plans, month-end positions, the months a position may be entered for, and reserve
// promotion. Field problems throw Error(validation) naming the field; rule
// violations throw Error(rule) (422) with a code, in Thai and English.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "modules/action_plan/ledger.hpp"
#include "modules/action_plan/model.hpp"

namespace changwat::action_plan {

// Largest amount accepted anywhere: 10 trillion baht. Keeps every sum of a plan far
// from the int64 limit.
inline constexpr Satang kMaxSatang = 1'000'000'000'000'000;
inline constexpr std::size_t kMaxLines = 50;
inline constexpr std::size_t kMaxGfmisCode = 40;
inline constexpr std::size_t kMaxText = 500;

struct LineInput {
  std::string gfmis_code;
  ExpenseType expense_type = ExpenseType::operating;
  bool is_capital = false;
  Satang allocated = 0;
  std::optional<Satang> contract;
  std::optional<std::string> budget_holder;
  std::optional<std::string> paying_agency;
};

// Field checks of allocation lines (codes present, unique, amounts in range); adds
// to `errors` under "lines[i].field".
void check_line_fields(const std::vector<LineInput>& lines, FieldErrors& errors);

// 422 when the year is closed.
void require_open(const ActionPlan& plan);

// The rules of PUT …/allocation against what is stored: the project is an active main
// project; a total above the request needs the decision that allowed it; a line with
// positions cannot go away nor drop below what it has used. (A spending plan above a
// lowered line is cut to the new allocation by the service.)
void check_allocation(const ProjectBook& current, const std::vector<LineInput>& lines,
                      const std::optional<std::string>& decision_ref);

// The line a position or plan is for: the one named by `gfmis_code`, or the only
// line when none is named. Error(validation, field `field`) otherwise; 422
// `no_allocation` when the project has no line at all.
const LineBook& pick_line(const ProjectBook& book, const std::optional<std::string>& gfmis_code,
                          const std::string& field = "gfmis_code");

// Months a position may be entered for: the fiscal year, then up to six months of
// carry-over (longer with a recorded consent on the line).
bool month_allowed(const Line& line, const Month& month, int fiscal_year);
Message month_range_message(const Line& line, int fiscal_year);

// A month-end position against the line: 422 `month_out_of_range`,
// `above_allocation`, `disbursed_below_previous`, `disbursed_above_later`.
void check_position(const LineBook& line, const Month& month, Satang po_outstanding,
                    Satang disbursed_to_date, int fiscal_year);

// A spending plan for a line: months inside the fiscal year, each once, cumulative
// amounts never decreasing and never above the allocation. Field errors under
// `field` (e.g. "lines[0].months").
void check_spending_plan(const Line& line, std::vector<PlannedPoint>& points, int fiscal_year,
                         const std::string& field, FieldErrors& errors);

struct PromotionInput {
  std::int64_t element_id = 0;
  std::string committee_th;
  std::string meeting_th;
  std::string resolution_th;
  std::string decided_on;  // ISO date
  std::optional<std::string> skip_reason_th;
  std::int64_t version = 0;
};

// Why a reserve may not be promoted now: not a reserve, a ministry's (or local)
// money, not ready, not fitting its own source's savings (saying so when another
// source's savings would), or a better-ranked ready reserve of the same source
// skipped without a reason. Throws Error(rule).
void check_promotion(const Ledger& ledger, const ProjectBook& book,
                     const std::map<BudgetSource, Satang>& savings,
                     const std::optional<std::string>& skip_reason);

}  // namespace changwat::action_plan
