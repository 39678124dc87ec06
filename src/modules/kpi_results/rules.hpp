#pragma once
// Rules of KPI results that need no database: who may do what, the shape of a
// rubric, the fields of an actual, and the scoring function itself.
#include <optional>
#include <span>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "modules/kpi_results/model.hpp"

namespace changwat::kpi_results::rules {

inline constexpr std::size_t kMaxThresholds = 20;
inline constexpr std::size_t kEvidenceMax = 2000;  // characters
inline constexpr std::size_t kSourceMax = 500;
// How far the data year may lag the fiscal year (provincial GDP comes about two
// years late; five leaves room for census-type figures).
inline constexpr int kMaxDataLag = 5;

// strategy_officer or admin: actuals and rubrics.
const Principal& require_editor(const Actor& actor);
// Every signed-in role reads.
const Principal& require_reader(const Actor& actor);

// 422 invalid_rubric, with the field (thresholds, direction, weight), when the
// thresholds are fewer than two, not strictly ordered as the direction says, their
// scores not strictly increasing, or a number or the weight is not usable.
void check_rubric(std::span<const Threshold> thresholds, Direction direction, double weight);

// The score of `value` under a valid rubric: linear between adjacent thresholds, the
// first threshold's score on its worse side, the last one's beyond it.
double score(std::span<const Threshold> thresholds, Direction direction, double value);

// 400 on evidence_th (required, ≤ kEvidenceMax), source_th, value (finite); 422 on
// fiscal_year outside the plan period and on a data_year after the fiscal year or
// more than kMaxDataLag before it.
void check_actual_fields(double value, const std::string& evidence_th,
                         const std::optional<std::string>& source_th);
void check_actual_years(int fiscal_year, std::optional<int> data_year, int first_fiscal_year,
                        int last_fiscal_year);

// Which of a year's actuals counts: the whole year's, else the latest quarter's.
// `actuals` are of one KPI and one fiscal year. Null when there is none.
const Actual* counted_actual(std::span<const Actual* const> actuals);

// Whether `actual` is on the right side of `target` for the plan's direction
// (within_range: inside [range_low, range_high] when both are set, else at least
// as close to the target as required — equal counts as on track).
bool on_track(plan::KpiDirection direction, double actual, double target,
              std::optional<double> range_low, std::optional<double> range_high);

}  // namespace changwat::kpi_results::rules
