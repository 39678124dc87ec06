#include "modules/kpi_results/rules.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "base/utf8.hpp"

namespace changwat::kpi_results::rules {
namespace {

[[noreturn]] void invalid_rubric(const std::string& field, Message why) {
  throw Error(ErrorKind::rule, "invalid_rubric",
              {"เกณฑ์การให้คะแนนไม่ถูกต้อง: " + why.th, "The scoring rubric is invalid: " + why.en},
              {{field, why}});
}

std::string years_text(int first, int last) {
  return std::to_string(first) + "–" + std::to_string(last);
}

}  // namespace

const Principal& require_editor(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

const Principal& require_reader(const Actor& actor) { return actor.require_signed_in(); }

void check_rubric(std::span<const Threshold> thresholds, Direction direction, double weight) {
  if (thresholds.size() < 2)
    invalid_rubric("thresholds", {"ต้องมีอย่างน้อย 2 ระดับ", "needs at least two thresholds"});
  if (thresholds.size() > kMaxThresholds)
    invalid_rubric("thresholds", {"มีได้ไม่เกิน 20 ระดับ", "may have at most 20 thresholds"});
  for (const Threshold& threshold : thresholds) {
    if (!std::isfinite(threshold.value) || !std::isfinite(threshold.score))
      invalid_rubric("thresholds", {"ค่าและคะแนนต้องเป็นตัวเลข", "values and scores must be numbers"});
  }
  for (std::size_t i = 1; i < thresholds.size(); ++i) {
    const Threshold& before = thresholds[i - 1];
    const Threshold& after = thresholds[i];
    if (direction == Direction::higher_is_better && !(after.value > before.value))
      invalid_rubric(
          "thresholds",
          {"ยิ่งมากยิ่งดี: ค่าของแต่ละระดับต้องมากกว่าระดับก่อนหน้า",
           "higher_is_better: each threshold's value must be greater than the one before"});
    if (direction == Direction::lower_is_better && !(after.value < before.value))
      invalid_rubric("thresholds",
                     {"ยิ่งน้อยยิ่งดี: ค่าของแต่ละระดับต้องน้อยกว่าระดับก่อนหน้า",
                      "lower_is_better: each threshold's value must be less than the one before"});
    if (!(after.score > before.score))
      invalid_rubric("thresholds", {"คะแนนของแต่ละระดับต้องมากกว่าระดับก่อนหน้า",
                                    "each threshold's score must be greater than the one before"});
  }
  if (!std::isfinite(weight) || weight <= 0 || weight > 1000)
    invalid_rubric("weight", {"น้ำหนักต้องมากกว่า 0 และไม่เกิน 1,000",
                              "the weight must be greater than 0 and at most 1,000"});
}

double score(std::span<const Threshold> thresholds, Direction direction, double value) {
  if (thresholds.empty()) return 0;
  // Lower is better: mirror the values so the thresholds increase, then one rule.
  const double sign = direction == Direction::lower_is_better ? -1.0 : 1.0;
  const double x = sign * value;
  if (x <= sign * thresholds.front().value) return thresholds.front().score;
  if (x >= sign * thresholds.back().value) return thresholds.back().score;
  for (std::size_t i = 1; i < thresholds.size(); ++i) {
    const double low = sign * thresholds[i - 1].value;
    const double high = sign * thresholds[i].value;
    if (x <= high) {
      const double fraction = (x - low) / (high - low);
      return thresholds[i - 1].score + fraction * (thresholds[i].score - thresholds[i - 1].score);
    }
  }
  return thresholds.back().score;
}

void check_actual_fields(double value, const std::string& evidence_th,
                         const std::optional<std::string>& source_th) {
  FieldErrors errors;
  if (!std::isfinite(value)) errors.add("value", {"ต้องเป็นตัวเลข", "must be a number"});
  if (evidence_th.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add("evidence_th", {"ต้องระบุหลักฐาน", "evidence is required"});
  } else if (utf8::count_code_points(evidence_th) > kEvidenceMax) {
    errors.add("evidence_th", {"ยาวได้ไม่เกิน 2,000 ตัวอักษร", "must be at most 2,000 characters"});
  }
  if (source_th && utf8::count_code_points(*source_th) > kSourceMax)
    errors.add("source_th", {"ยาวได้ไม่เกิน 500 ตัวอักษร", "must be at most 500 characters"});
  errors.throw_if_any();
}

void check_actual_years(int fiscal_year, std::optional<int> data_year, int first_fiscal_year,
                        int last_fiscal_year) {
  if (fiscal_year < first_fiscal_year || fiscal_year > last_fiscal_year) {
    Message why{"ปีงบประมาณ " + std::to_string(fiscal_year) + " อยู่นอกช่วงของแผน " +
                    years_text(first_fiscal_year, last_fiscal_year),
                "fiscal year " + std::to_string(fiscal_year) + " is outside the plan period " +
                    years_text(first_fiscal_year, last_fiscal_year)};
    throw Error(ErrorKind::rule, "fiscal_year_outside_plan", why, {{"fiscal_year", why}});
  }
  if (data_year && (*data_year > fiscal_year || *data_year < fiscal_year - kMaxDataLag)) {
    Message why{"ปีของข้อมูลต้องอยู่ระหว่าง " + years_text(fiscal_year - kMaxDataLag, fiscal_year) +
                    " (ไม่หลังปีงบประมาณ และช้ากว่าได้ไม่เกิน 5 ปี)",
                "the data year must be within " +
                    years_text(fiscal_year - kMaxDataLag, fiscal_year) +
                    " (not after the fiscal year, at most five years behind it)"};
    throw Error(ErrorKind::rule, "data_year_out_of_range", why, {{"data_year", why}});
  }
}

const Actual* counted_actual(std::span<const Actual* const> actuals) {
  const Actual* best = nullptr;
  for (const Actual* actual : actuals) {
    // Period values run Q1 < Q2 < Q3 < Q4 < year: the greatest is the one that counts.
    if (!best || actual->period > best->period) best = actual;
  }
  return best;
}

bool on_track(plan::KpiDirection direction, double actual, double target,
              std::optional<double> range_low, std::optional<double> range_high) {
  switch (direction) {
    case plan::KpiDirection::higher_is_better:
      return actual >= target;
    case plan::KpiDirection::lower_is_better:
      return actual <= target;
    case plan::KpiDirection::within_range:
      if (range_low && range_high) return actual >= *range_low && actual <= *range_high;
      return actual == target;
  }
  return true;
}

}  // namespace changwat::kpi_results::rules
