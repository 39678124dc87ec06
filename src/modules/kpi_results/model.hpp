#pragma once
// Plain data of KPI results: actual values per KPI, fiscal year and period, the
// scoring rubric of a KPI, and the scores rolled up KPI → strategy → province.
// No database, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plan/model.hpp"

namespace changwat::kpi_results {

// The period an actual covers inside a fiscal year (Oct–Sep). JSON names: Q1, Q2,
// Q3, Q4, year.
enum class Period { q1, q2, q3, q4, year };
std::string_view to_string(Period period);
std::optional<Period> parse_period(std::string_view text);

// Which way a rubric's thresholds run (JSON names as written).
enum class Direction { higher_is_better, lower_is_better };
std::string_view to_string(Direction direction);
std::optional<Direction> parse_direction(std::string_view text);

struct Threshold {
  double value = 0;
  double score = 0;
  friend bool operator==(const Threshold&, const Threshold&) = default;
};

// How a KPI's actual becomes a score: at least two thresholds, values strictly
// increasing (higher_is_better) or strictly decreasing (lower_is_better), scores
// increasing; linear between adjacent thresholds, the first threshold's score
// below it and the last one's beyond it (rules.hpp: score()).
struct Rubric {
  std::int64_t element_id = 0;  // the KPI (plan element, stable across versions)
  std::int64_t plan_id = 0;
  std::string province_code;
  std::vector<Threshold> thresholds;
  Direction direction = Direction::higher_is_better;
  double weight = 1;  // > 0; weighs the KPI in its strategy's and the province's score
  bool demo = false;
  std::int64_t version = 1;
  std::string updated_by;
  std::string updated_at;
};

// One actual value of a KPI for a fiscal year and period, with its evidence.
struct Actual {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  std::string province_code;
  int fiscal_year = 0;  // Buddhist era
  Period period = Period::year;
  double value = 0;
  std::string evidence_th;
  // The year the figure describes (GDP and poverty figures lag the fiscal year by
  // one or two years); none = the fiscal year itself.
  std::optional<int> data_year;
  std::optional<std::string> source_th;
  bool demo = false;
  std::int64_t version = 1;
  std::string updated_by;
  std::string updated_at;
};

// ---- Scores (what dashboards and monitoring read) ----

struct KpiScore {
  std::int64_t element_id = 0;
  std::string code;
  std::string text_th;
  std::string text_en;
  std::optional<std::int64_t> strategy_id;  // the nearest strategy above it; none at goal level
  std::optional<std::string> agency_code;   // the KPI's owner agency in the plan, if any
  std::optional<Period> period;             // the actual used: year, else the latest quarter
  std::optional<double> value;              // that actual's value
  std::optional<double> target;             // the plan's target for the fiscal year
  std::optional<double> score;              // none without a rubric or an actual
  double weight = 0;                        // the rubric's weight; 0 without a rubric
  plan::KpiDirection direction = plan::KpiDirection::higher_is_better;  // the plan's
  // The actual against the year's target (rules::on_track); none without both.
  std::optional<bool> on_track;
};

struct StrategyScore {
  std::int64_t element_id = 0;
  std::string code;
  std::string text_th;
  std::string text_en;
  std::optional<double> score;  // weighted mean of its scored KPIs; none if none is scored
  double weight = 0;            // sum of the weights of its scored KPIs
  int kpi_count = 0;
  int scored_count = 0;
};

struct PlanScores {
  std::int64_t plan_id = 0;
  int fiscal_year = 0;
  std::vector<KpiScore> kpis;             // plan tree order
  std::vector<StrategyScore> strategies;  // plan tree order
  // Weighted mean of every scored KPI of the plan (goal-level KPIs included).
  std::optional<double> province;
  int kpi_count = 0;
  int scored_count = 0;
};

// A KPI whose actual for the fiscal year is on the wrong side of the plan's target
// for that year (the plan's direction: below for higher_is_better, above for
// lower_is_better, outside the range for within_range).
struct TrajectoryGap {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  int fiscal_year = 0;
  std::string code;
  std::string text_th;
  std::string text_en;
  std::optional<std::int64_t> strategy_id;
  std::optional<std::string> agency_code;  // the KPI's owner agency in the plan, if any
  plan::KpiDirection direction = plan::KpiDirection::higher_is_better;
  Period period = Period::year;  // the actual compared: year, else the latest quarter
  double actual = 0;
  double target = 0;
  std::optional<double> score;
};

// Actual against target per fiscal year of the plan period (trends route).
struct TrendPoint {
  int fiscal_year = 0;
  std::optional<double> target;
  std::optional<Period> period;  // the actual used: year, else the latest quarter
  std::optional<double> actual;
  std::optional<int> data_year;
  std::optional<double> score;
  std::optional<bool> on_track;  // none without an actual and a target
};

struct KpiTrend {
  std::int64_t element_id = 0;
  std::int64_t plan_id = 0;
  plan::KpiDirection direction = plan::KpiDirection::higher_is_better;
  std::optional<double> baseline_value;
  std::optional<int> baseline_year;
  std::vector<TrendPoint> years;
};

}  // namespace changwat::kpi_results
