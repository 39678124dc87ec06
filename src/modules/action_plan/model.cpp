#include "modules/action_plan/model.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/enum_names.hpp"
#include "thai/calendar.hpp"

namespace changwat::action_plan {
namespace {

// One table per enum keeps the names used in SQL, JSON, routes and documents in one
// place (base/enum_names.hpp: in declaration order).
constexpr EnumNames<ActionPlanStatus, 2> kPlanStatuses{{"open", "closed"}};
constexpr EnumNames<ProjectStatus, 2> kProjectStatuses{{"active", "cancelled"}};
constexpr EnumNames<ExpenseType, 5> kExpenseTypes{
    {"personnel", "operating", "investment", "subsidy", "other"}};
constexpr EnumNames<ExpenseType, 5> kExpenseTypesTh{
    {"งบบุคลากร", "งบดำเนินงาน", "งบลงทุน", "งบเงินอุดหนุน", "งบรายจ่ายอื่น"}};
constexpr EnumNames<ExpenseType, 5> kExpenseTypesEn{
    {"Personnel", "Operating", "Investment", "Subsidies", "Other expenditure"}};
constexpr EnumNames<BudgetSource, 5> kBudgetSourcesTh{
    {"งบจังหวัด", "งบกลุ่มจังหวัด", "งบกระทรวง/กรม", "งบองค์กรปกครองส่วนท้องถิ่น", "แหล่งอื่น"}};
constexpr EnumNames<BudgetSource, 5> kBudgetSourcesEn{{"Provincial budget", "Province-group budget",
                                                       "Ministry / department budget",
                                                       "Local government budget", "Other sources"}};
constexpr EnumNames<TargetCategory, 3> kCategories{{"overall", "current", "capital"}};
constexpr EnumNames<TargetCategory, 3> kCategoriesTh{{"ภาพรวม", "รายจ่ายประจำ", "รายจ่ายลงทุน"}};
constexpr EnumNames<TargetBase, 3> kBases{{"annual_budget", "carry_over", "combined"}};
constexpr EnumNames<TargetBase, 3> kBasesTh{
    {"งบประมาณรายจ่ายประจำปี", "งบประมาณกันไว้เบิกเหลื่อมปี", "งบประมาณรายจ่ายประจำปีรวมกันไว้เบิกเหลื่อมปี"}};
constexpr EnumNames<TargetMeasure, 2> kMeasures{{"disbursed", "committed"}};
constexpr EnumNames<TargetMeasure, 2> kMeasuresTh{{"เบิกจ่าย", "ก่อหนี้ผูกพัน"}};
constexpr EnumNames<GroupBy, 5> kGroupBys{
    {"province", "strategy", "agency", "budget_source", "project"}};
constexpr EnumNames<PositionSource, 3> kPositionSources{{"entry", "import", "demo"}};
constexpr EnumNames<ProjectKind, 2> kKindsTh{{"โครงการหลัก", "โครงการสำรอง"}};

}  // namespace

std::string_view to_string(ActionPlanStatus status) { return kPlanStatuses.name(status); }
std::string_view to_string(ProjectStatus status) { return kProjectStatuses.name(status); }
std::string_view to_string(ExpenseType type) { return kExpenseTypes.name(type); }
std::string_view to_string(TargetCategory category) { return kCategories.name(category); }
std::string_view to_string(TargetBase base) { return kBases.name(base); }
std::string_view to_string(TargetMeasure measure) { return kMeasures.name(measure); }
std::string_view to_string(GroupBy by) { return kGroupBys.name(by); }
std::string_view to_string(PositionSource source) { return kPositionSources.name(source); }

std::optional<ActionPlanStatus> parse_action_plan_status(std::string_view text) {
  return kPlanStatuses.parse(text);
}
std::optional<ProjectStatus> parse_project_status(std::string_view text) {
  return kProjectStatuses.parse(text);
}
std::optional<ExpenseType> parse_expense_type(std::string_view text) {
  return kExpenseTypes.parse(text);
}
std::optional<TargetCategory> parse_target_category(std::string_view text) {
  return kCategories.parse(text);
}
std::optional<TargetBase> parse_target_base(std::string_view text) { return kBases.parse(text); }
std::optional<TargetMeasure> parse_target_measure(std::string_view text) {
  return kMeasures.parse(text);
}
std::optional<GroupBy> parse_group_by(std::string_view text) { return kGroupBys.parse(text); }
std::optional<PositionSource> parse_position_source(std::string_view text) {
  return kPositionSources.parse(text);
}

std::string_view name_th(ExpenseType type) { return kExpenseTypesTh.name(type); }
std::string_view name_en(ExpenseType type) { return kExpenseTypesEn.name(type); }
std::string_view budget_source_th(BudgetSource source) { return kBudgetSourcesTh.name(source); }
std::string_view budget_source_en(BudgetSource source) { return kBudgetSourcesEn.name(source); }
std::string_view kind_th(ProjectKind kind) { return kKindsTh.name(kind); }
std::string_view name_th(TargetCategory category) { return kCategoriesTh.name(category); }
std::string_view name_th(TargetBase base) { return kBasesTh.name(base); }
std::string_view name_th(TargetMeasure measure) { return kMeasuresTh.name(measure); }

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
