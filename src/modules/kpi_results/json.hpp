#pragma once
// The JSON of KPI results, shared by API answers and audit entries.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "modules/kpi_results/model.hpp"

namespace changwat::kpi_results {

boost::json::object actual_json(const Actual& actual);
boost::json::object rubric_json(const Rubric& rubric);
boost::json::object scores_json(const PlanScores& scores);
boost::json::object trend_json(const KpiTrend& trend);
boost::json::object gap_json(const TrajectoryGap& gap);

// The thresholds column of kpi_rubric: [{"value": …, "score": …}, …].
std::string thresholds_to_text(const std::vector<Threshold>& thresholds);
std::vector<Threshold> thresholds_from_text(std::string_view text);

// Scores in answers: four decimals (what a person reads is two).
double rounded_score(double score);

}  // namespace changwat::kpi_results
