#include "modules/action_plan/model.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

#include "thai/calendar.hpp"

namespace changwat::action_plan {
namespace {

// One table per enum keeps the names used in SQL, JSON and routes in one place.
template <class Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<ActionPlanStatus, 2> kPlanStatuses{
    {{ActionPlanStatus::open, "open"}, {ActionPlanStatus::closed, "closed"}}};
constexpr Names<ProjectStatus, 2> kProjectStatuses{
    {{ProjectStatus::active, "active"}, {ProjectStatus::cancelled, "cancelled"}}};
constexpr Names<ExpenseType, 5> kExpenseTypes{{{ExpenseType::personnel, "personnel"},
                                               {ExpenseType::operating, "operating"},
                                               {ExpenseType::investment, "investment"},
                                               {ExpenseType::subsidy, "subsidy"},
                                               {ExpenseType::other, "other"}}};
constexpr Names<TargetCategory, 3> kCategories{{{TargetCategory::overall, "overall"},
                                                {TargetCategory::current, "current"},
                                                {TargetCategory::capital, "capital"}}};
constexpr Names<TargetBase, 3> kBases{{{TargetBase::annual_budget, "annual_budget"},
                                       {TargetBase::carry_over, "carry_over"},
                                       {TargetBase::combined, "combined"}}};
constexpr Names<TargetMeasure, 2> kMeasures{
    {{TargetMeasure::disbursed, "disbursed"}, {TargetMeasure::committed, "committed"}}};
constexpr Names<GroupBy, 5> kGroupBys{{{GroupBy::province, "province"},
                                       {GroupBy::strategy, "strategy"},
                                       {GroupBy::agency, "agency"},
                                       {GroupBy::budget_source, "budget_source"},
                                       {GroupBy::project, "project"}}};
constexpr Names<PositionSource, 3> kPositionSources{{{PositionSource::entry, "entry"},
                                                     {PositionSource::import, "import"},
                                                     {PositionSource::demo, "demo"}}};

template <class Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return {};
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [candidate, name] : names) {
    if (name == text) return candidate;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ActionPlanStatus status) { return name_of(kPlanStatuses, status); }
std::string_view to_string(ProjectStatus status) { return name_of(kProjectStatuses, status); }
std::string_view to_string(ExpenseType type) { return name_of(kExpenseTypes, type); }
std::string_view to_string(TargetCategory category) { return name_of(kCategories, category); }
std::string_view to_string(TargetBase base) { return name_of(kBases, base); }
std::string_view to_string(TargetMeasure measure) { return name_of(kMeasures, measure); }
std::string_view to_string(GroupBy by) { return name_of(kGroupBys, by); }
std::string_view to_string(PositionSource source) { return name_of(kPositionSources, source); }

std::optional<ActionPlanStatus> parse_action_plan_status(std::string_view text) {
  return parse_name(kPlanStatuses, text);
}
std::optional<ProjectStatus> parse_project_status(std::string_view text) {
  return parse_name(kProjectStatuses, text);
}
std::optional<ExpenseType> parse_expense_type(std::string_view text) {
  return parse_name(kExpenseTypes, text);
}
std::optional<TargetCategory> parse_target_category(std::string_view text) {
  return parse_name(kCategories, text);
}
std::optional<TargetBase> parse_target_base(std::string_view text) {
  return parse_name(kBases, text);
}
std::optional<TargetMeasure> parse_target_measure(std::string_view text) {
  return parse_name(kMeasures, text);
}
std::optional<GroupBy> parse_group_by(std::string_view text) { return parse_name(kGroupBys, text); }
std::optional<PositionSource> parse_position_source(std::string_view text) {
  return parse_name(kPositionSources, text);
}

std::string_view name_th(ExpenseType type) {
  switch (type) {
    case ExpenseType::personnel:
      return "งบบุคลากร";
    case ExpenseType::operating:
      return "งบดำเนินงาน";
    case ExpenseType::investment:
      return "งบลงทุน";
    case ExpenseType::subsidy:
      return "งบเงินอุดหนุน";
    case ExpenseType::other:
      return "งบรายจ่ายอื่น";
  }
  return {};
}

std::string_view name_en(ExpenseType type) {
  switch (type) {
    case ExpenseType::personnel:
      return "Personnel";
    case ExpenseType::operating:
      return "Operating";
    case ExpenseType::investment:
      return "Investment";
    case ExpenseType::subsidy:
      return "Subsidies";
    case ExpenseType::other:
      return "Other expenditure";
  }
  return {};
}

std::string_view budget_source_th(BudgetSource source) {
  switch (source) {
    case BudgetSource::provincial:
      return "งบจังหวัด";
    case BudgetSource::province_group:
      return "งบกลุ่มจังหวัด";
    case BudgetSource::ministry:
      return "งบกระทรวง/กรม";
    case BudgetSource::local:
      return "งบองค์กรปกครองส่วนท้องถิ่น";
    case BudgetSource::other:
      return "แหล่งอื่น";
  }
  return {};
}

std::string_view budget_source_en(BudgetSource source) {
  switch (source) {
    case BudgetSource::provincial:
      return "Provincial budget";
    case BudgetSource::province_group:
      return "Province-group budget";
    case BudgetSource::ministry:
      return "Ministry / department budget";
    case BudgetSource::local:
      return "Local government budget";
    case BudgetSource::other:
      return "Other sources";
  }
  return {};
}

std::string_view kind_th(ProjectKind kind) {
  return kind == ProjectKind::main ? "โครงการหลัก" : "โครงการสำรอง";
}

std::string_view name_th(TargetCategory category) {
  switch (category) {
    case TargetCategory::overall:
      return "ภาพรวม";
    case TargetCategory::current:
      return "รายจ่ายประจำ";
    case TargetCategory::capital:
      return "รายจ่ายลงทุน";
  }
  return {};
}

std::string_view name_th(TargetBase base) {
  switch (base) {
    case TargetBase::annual_budget:
      return "งบประมาณรายจ่ายประจำปี";
    case TargetBase::carry_over:
      return "งบประมาณกันไว้เบิกเหลื่อมปี";
    case TargetBase::combined:
      return "งบประมาณรายจ่ายประจำปีรวมกันไว้เบิกเหลื่อมปี";
  }
  return {};
}

std::string_view name_th(TargetMeasure measure) {
  return measure == TargetMeasure::disbursed ? "เบิกจ่าย" : "ก่อหนี้ผูกพัน";
}

bool province_decides(BudgetSource source) {
  return source == BudgetSource::provincial || source == BudgetSource::province_group;
}

std::optional<Month> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  Month month;
  std::from_chars(text.data(), text.data() + 4, month.year);
  std::from_chars(text.data() + 5, text.data() + 7, month.month);
  if (month.year < 1900 || month.year > 2999 || month.month < 1 || month.month > 12) {
    return std::nullopt;
  }
  return month;
}

std::string to_string(const Month& month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", month.year % 10000, month.month % 100);
  return text;
}

std::string month_label_th(const Month& month) {
  std::string label(thai::month_name(month.month, thai::MonthStyle::abbreviated));
  int be = thai::be_year(month.year) % 100;
  label += ' ';
  if (be < 10) label += '0';
  label += std::to_string(be);
  return label;
}

Month first_month_of(int fiscal_year) { return {thai::ce_year(fiscal_year) - 1, 10}; }

int fiscal_offset(const Month& month, int fiscal_year) {
  return month.key() - first_month_of(fiscal_year).key();
}

const Position* LineBook::position_at(const Month& month) const {
  // Positions are few per line (at most 12 + carry-over months): a backward scan
  // beats a binary search's branches.
  for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
    if (it->month <= month) return &*it;
  }
  return nullptr;
}

Satang LineBook::planned_at(const Month& month) const {
  for (auto it = planned.rbegin(); it != planned.rend(); ++it) {
    if (it->month <= month) return it->planned_cumulative;
  }
  return 0;
}

Satang ProjectBook::allocated() const {
  Satang total = 0;
  for (const auto& book : lines) total += book.line.allocated;
  return total;
}

const LineBook* ProjectBook::line(std::string_view gfmis_code) const {
  for (const auto& book : lines) {
    if (book.line.gfmis_code == gfmis_code) return &book;
  }
  return nullptr;
}

}  // namespace changwat::action_plan
