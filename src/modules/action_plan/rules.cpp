#include "modules/action_plan/rules.hpp"

#include <algorithm>
#include <set>

#include "thai/money.hpp"
#include "thai/text.hpp"

namespace changwat::action_plan {
namespace {

std::string baht(Satang amount) { return thai::format_baht(amount); }

std::string month_th(const Month& month) {
  return std::string(thai::month_name(month.month, thai::MonthStyle::abbreviated)) + " " +
         std::to_string(thai::be_year(month.year));
}

std::string indexed(const char* list, std::size_t index, const char* field) {
  return std::string(list) + "[" + std::to_string(index) + "]." + field;
}

}  // namespace

void check_line_fields(const std::vector<LineInput>& lines, FieldErrors& errors) {
  if (lines.size() > kMaxLines) {
    errors.add("lines", {"มีรายการงบประมาณได้ไม่เกิน " + std::to_string(kMaxLines) + " รายการ",
                         "at most " + std::to_string(kMaxLines) + " lines"});
    return;
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineInput& line = lines[i];
    if (line.gfmis_code.empty()) {
      errors.add(indexed("lines", i, "gfmis_code"), {"ต้องระบุรหัสงบประมาณ", "is required"});
    } else if (thai::count_code_points(line.gfmis_code) > kMaxGfmisCode) {
      errors.add(indexed("lines", i, "gfmis_code"),
                 {"ยาวได้ไม่เกิน " + std::to_string(kMaxGfmisCode) + " ตัวอักษร",
                  "at most " + std::to_string(kMaxGfmisCode) + " characters"});
    } else if (!codes.insert(line.gfmis_code).second) {
      errors.add(indexed("lines", i, "gfmis_code"),
                 {"รหัสงบประมาณซ้ำกับรายการอื่นของโครงการ", "repeats another line of the project"});
    }
    if (line.allocated < 0 || line.allocated > kMaxSatang) {
      errors.add(indexed("lines", i, "allocated_satang"),
                 {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
    }
    if (line.contract) {
      if (*line.contract < 0 || *line.contract > kMaxSatang) {
        errors.add(indexed("lines", i, "contract_satang"),
                   {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
      } else if (*line.contract > line.allocated) {
        errors.add(indexed("lines", i, "contract_satang"),
                   {"ราคาตามสัญญาสูงกว่างบที่ได้รับจัดสรร", "is above the line's allocation"});
      }
    }
  }
}

void require_open(const ActionPlan& plan) {
  if (plan.status == ActionPlanStatus::closed) {
    throw_rule("fiscal_year_closed",
               {"ปีงบประมาณ " + std::to_string(plan.fiscal_year) +
                    " ปิดแล้ว บันทึกหรือแก้ไขข้อมูลการเงินของแผนนี้ไม่ได้",
                "Fiscal year " + std::to_string(plan.fiscal_year) +
                    " is closed; its money can no longer be entered or changed"});
  }
}

void check_allocation(const ProjectBook& current, const std::vector<LineInput>& lines,
                      const std::optional<std::string>& decision_ref) {
  const Project& project = current.project;
  if (project.status == ProjectStatus::cancelled) {
    throw_rule("project_cancelled", {"โครงการนี้ถูกยกเลิกแล้ว จัดสรรงบประมาณไม่ได้",
                                     "The project is cancelled; it cannot receive an allocation"});
  }
  if (project.kind == ProjectKind::reserve && !lines.empty()) {
    throw_rule("reserve_project",
               {"โครงการสำรองยังไม่ได้รับจัดสรรงบประมาณ ต้องเลื่อนเป็นโครงการหลักก่อน (promotion)",
                "A reserve project receives money only once promoted to a main project"});
  }
  Satang total = 0;
  for (const auto& line : lines) total += line.allocated;
  if (total > project.requested && !decision_ref) {
    throw Error(
        ErrorKind::rule, "allocation_above_request",
        {"ยอดจัดสรร " + baht(total) + " สูงกว่าคำขอ " + baht(project.requested) +
             " ต้องระบุมติที่อนุญาต (decision_ref)",
         "The allocation " + baht(total) + " is above the request " + baht(project.requested) +
             "; give the decision that allowed it (decision_ref)"},
        {{"decision_ref", {"ต้องระบุเมื่อยอดจัดสรรสูงกว่าคำขอ", "is required above the request"}}});
  }
  for (const auto& book : current.lines) {
    auto replacement = std::find_if(lines.begin(), lines.end(), [&](const LineInput& line) {
      return line.gfmis_code == book.line.gfmis_code;
    });
    Satang used = 0;
    for (const auto& position : book.positions) used = std::max(used, position.used());
    if (replacement == lines.end()) {
      if (!book.positions.empty()) {
        throw_rule("line_has_positions",
                   {"รายการ " + book.line.gfmis_code + " มีผลการเบิกจ่ายรายเดือนแล้ว จึงลบออกไม่ได้",
                    "Line " + book.line.gfmis_code +
                        " already has month-end positions; it cannot be removed"});
      }
      continue;
    }
    if (replacement->allocated < used) {
      throw_rule("allocation_below_used",
                 {"รายการ " + book.line.gfmis_code + " ใช้ไปแล้ว " + baht(used) +
                      " ยอดจัดสรรใหม่ต้องไม่น้อยกว่านั้น",
                  "Line " + book.line.gfmis_code + " has already used " + baht(used) +
                      "; its allocation cannot drop below that"});
    }
  }
}

const LineBook& pick_line(const ProjectBook& book, const std::optional<std::string>& gfmis_code,
                          const std::string& field) {
  if (book.lines.empty()) {
    throw_rule("no_allocation", {"โครงการนี้ยังไม่มีรายการงบประมาณที่ได้รับจัดสรร",
                                 "The project has no allocated budget line yet"});
  }
  if (!gfmis_code) {
    if (book.lines.size() == 1) return book.lines.front();
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{field,
                  {"โครงการนี้มีหลายรายการงบประมาณ ต้องระบุรหัสงบประมาณ",
                   "the project has several budget lines: name one by its code"}}});
  }
  if (const LineBook* line = book.line(*gfmis_code)) return *line;
  throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
              {{field,
                {"โครงการนี้ไม่มีรายการงบประมาณรหัส " + *gfmis_code,
                 "the project has no budget line " + *gfmis_code}}});
}

bool month_allowed(const Line& line, const Month& month, int fiscal_year) {
  int offset = fiscal_offset(month, fiscal_year);
  if (offset < 0) return false;
  if (offset < 12 + kCarryOverMonths) return true;
  return line.carry_over_until && month <= *line.carry_over_until;
}

Message month_range_message(const Line& line, int fiscal_year) {
  Month first = first_month_of(fiscal_year);
  Month last = first.plus(11 + kCarryOverMonths);
  if (line.carry_over_until && *line.carry_over_until > last) last = *line.carry_over_until;
  return {"เดือนต้องอยู่ในปีงบประมาณ " + std::to_string(fiscal_year) + " (" + month_th(first) + " – " +
              month_th(first.plus(11)) + ") หรือเดือนของเงินกันไว้เบิกเหลื่อมปีไม่เกิน " + month_th(last),
          "The month must be inside fiscal year " + std::to_string(fiscal_year) + " (" +
              to_string(first) + " to " + to_string(first.plus(11)) +
              ") or, for carried-over money, no later than " + to_string(last)};
}

void check_position(const LineBook& line, const Month& month, Satang po_outstanding,
                    Satang disbursed_to_date, int fiscal_year) {
  if (!month_allowed(line.line, month, fiscal_year)) {
    throw Error(ErrorKind::rule, "month_out_of_range", month_range_message(line.line, fiscal_year),
                {{"month", month_range_message(line.line, fiscal_year)}});
  }
  Satang used = po_outstanding + disbursed_to_date;
  if (used > line.line.allocated) {
    throw_rule("above_allocation",
               {"PO คงค้าง + เบิกจ่ายสะสม = " + baht(used) + " เกินงบที่ได้รับจัดสรรของรายการ " +
                    line.line.gfmis_code + " (" + baht(line.line.allocated) + ")",
                "PO outstanding + disbursed to date = " + baht(used) +
                    " is above the allocation of line " + line.line.gfmis_code + " (" +
                    baht(line.line.allocated) + ")"});
  }
  const Position* previous = nullptr;
  const Position* later = nullptr;
  for (const auto& position : line.positions) {
    if (position.month < month) previous = &position;
    if (position.month > month && !later) later = &position;
  }
  if (previous && disbursed_to_date < previous->disbursed_to_date) {
    throw_rule(
        "disbursed_below_previous",
        {"เบิกจ่ายสะสม " + baht(disbursed_to_date) + " น้อยกว่าของเดือน " + month_th(previous->month) +
             " (" + baht(previous->disbursed_to_date) + ") ยอดสะสมลดลงไม่ได้",
         "Disbursed to date " + baht(disbursed_to_date) + " is below " +
             to_string(previous->month) + "'s (" + baht(previous->disbursed_to_date) +
             "); a cumulative figure cannot go down"});
  }
  if (later && disbursed_to_date > later->disbursed_to_date) {
    throw_rule("disbursed_above_later",
               {"เบิกจ่ายสะสม " + baht(disbursed_to_date) + " มากกว่าของเดือน " +
                    month_th(later->month) + " (" + baht(later->disbursed_to_date) + ") ที่บันทึกไว้แล้ว",
                "Disbursed to date " + baht(disbursed_to_date) + " is above the figure already " +
                    "recorded for " + to_string(later->month) + " (" +
                    baht(later->disbursed_to_date) + ")"});
  }
}

void check_spending_plan(const Line& line, std::vector<PlannedPoint>& points, int fiscal_year,
                         const std::string& field, FieldErrors& errors) {
  std::sort(points.begin(), points.end(),
            [](const PlannedPoint& a, const PlannedPoint& b) { return a.month < b.month; });
  Satang previous = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const PlannedPoint& point = points[i];
    int offset = fiscal_offset(point.month, fiscal_year);
    if (offset < 0 || offset > 11) {
      errors.add(field, {"เดือน " + to_string(point.month) + " ไม่อยู่ในปีงบประมาณ " +
                             std::to_string(fiscal_year),
                         "month " + to_string(point.month) + " is outside fiscal year " +
                             std::to_string(fiscal_year)});
      return;
    }
    if (i > 0 && points[i - 1].month == point.month) {
      errors.add(field, {"เดือน " + to_string(point.month) + " ซ้ำ",
                         "month " + to_string(point.month) + " appears twice"});
      return;
    }
    if (point.planned_cumulative < 0 || point.planned_cumulative > kMaxSatang) {
      errors.add(field, {"ยอดสะสมต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ",
                         "cumulative amounts must be non-negative whole satang"});
      return;
    }
    if (point.planned_cumulative < previous) {
      errors.add(field, {"ยอดแผนสะสมของเดือน " + to_string(point.month) + " ลดลง",
                         "the planned cumulative amount goes down at " + to_string(point.month)});
      return;
    }
    if (point.planned_cumulative > line.allocated) {
      errors.add(field, {"ยอดแผนสะสมเกินงบที่ได้รับจัดสรร (" + baht(line.allocated) + ")",
                         "the planned cumulative amount is above the allocation (" +
                             baht(line.allocated) + ")"});
      return;
    }
    previous = point.planned_cumulative;
  }
}

void check_promotion(const Ledger& ledger, const ProjectBook& book,
                     const std::map<BudgetSource, Satang>& savings,
                     const std::optional<std::string>& skip_reason) {
  const Project& project = book.project;
  if (project.kind != ProjectKind::reserve) {
    throw_rule("not_reserve", {"โครงการนี้ไม่ใช่โครงการสำรอง", "The project is not a reserve project"});
  }
  if (project.status == ProjectStatus::cancelled) {
    throw_rule("project_cancelled", {"โครงการนี้ถูกยกเลิกแล้ว", "The project is cancelled"});
  }
  if (!province_decides(project.budget_source)) {
    throw_rule(
        "not_province_savings",
        {"เงินเหลือจ่ายของ" + std::string(budget_source_th(project.budget_source)) +
             " ไม่ใช่เงินที่จังหวัดตัดสินใจเองได้ จังหวัดเลื่อนได้เฉพาะงบจังหวัด (ก.บ.จ.) และงบกลุ่มจังหวัด (ก.บ.ก.)",
         "Savings of the " + std::string(budget_source_en(project.budget_source)) +
             " are not the province's to move; only provincial (ก.บ.จ.) and "
             "province-group (ก.บ.ก.) budgets can be"});
  }
  if (!project.readiness.ready()) {
    std::string missing_th;
    std::string missing_en;
    auto add = [&](bool ok, const char* th, const char* en) {
      if (ok) return;
      if (!missing_th.empty()) {
        missing_th += ", ";
        missing_en += ", ";
      }
      missing_th += th;
      missing_en += en;
    };
    add(project.readiness.design_ready, "แบบรูปรายการและ BOQ", "design and bill of quantities");
    add(project.readiness.land_ready, "ที่ดินหรือการอนุญาต", "land or permission");
    add(project.readiness.contract_ready, "ความพร้อมก่อหนี้ผูกพันทันกำหนด",
        "contracting before the commitment deadline");
    throw_rule("reserve_not_ready", {"โครงการสำรองยังไม่พร้อม: ขาด" + missing_th,
                                     "The reserve project is not ready: missing " + missing_en});
  }
  Satang own = 0;
  if (auto it = savings.find(project.budget_source); it != savings.end()) own = it->second;
  if (project.requested > own) {
    bool elsewhere = false;
    for (const auto& [source, amount] : savings) {
      if (source != project.budget_source && province_decides(source) &&
          amount >= project.requested) {
        elsewhere = true;
      }
    }
    if (elsewhere) {
      throw_rule("savings_of_other_source",
                 {"เงินเหลือจ่ายของ" + std::string(budget_source_th(project.budget_source)) + " มี " +
                      baht(own) + " ไม่พอ (" + baht(project.requested) +
                      ") และใช้เงินเหลือจ่ายต่างแหล่งงบประมาณแทนกันไม่ได้",
                  "The " + std::string(budget_source_en(project.budget_source)) + " savings of " +
                      baht(own) + " do not cover " + baht(project.requested) +
                      "; savings of another budget source cannot be used"});
    }
    throw_rule("savings_do_not_fit",
               {"เงินเหลือจ่ายของ" + std::string(budget_source_th(project.budget_source)) + " มี " +
                    baht(own) + " ไม่พอสำหรับโครงการนี้ (" + baht(project.requested) + ")",
                "The " + std::string(budget_source_en(project.budget_source)) + " savings of " +
                    baht(own) + " do not cover this project (" + baht(project.requested) + ")"});
  }
  if (skip_reason) return;
  for (const auto& candidate : reserve_candidates(ledger, savings)) {
    const Project& other = candidate.book->project;
    if (other.element_id == project.element_id) break;  // none better-ranked before it
    if (candidate.verdict != ReserveVerdict::proposed) continue;
    if (other.budget_source != project.budget_source) continue;
    if (other.ranking.value_or(1'000'000) >= project.ranking.value_or(1'000'000)) continue;
    throw Error(
        ErrorKind::rule, "better_ranked_reserve",
        {"โครงการสำรองลำดับ " + std::to_string(other.ranking.value_or(0)) + " (" + other.code +
             ") พร้อมและอยู่ในวงเงินเหลือจ่าย ต้องเลื่อนก่อน หรือระบุเหตุผลที่ข้าม (skip_reason_th)",
         "Reserve ranked " + std::to_string(other.ranking.value_or(0)) + " (" + other.code +
             ") is ready and fits the savings; promote it first or give the reason for skipping "
             "it (skip_reason_th)"},
        {{"skip_reason_th",
          {"ต้องระบุเมื่อข้ามโครงการสำรองที่อยู่ลำดับดีกว่า", "is required to skip a better-ranked reserve"}}});
  }
}

}  // namespace changwat::action_plan
