#include "modules/kpi_results/json.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "base/error.hpp"
#include "base/json_or_null.hpp"

namespace changwat::kpi_results {
namespace {

boost::json::array thresholds_array(const std::vector<Threshold>& thresholds) {
  boost::json::array array;
  for (const Threshold& threshold : thresholds)
    array.push_back(boost::json::object{{"value", threshold.value}, {"score", threshold.score}});
  return array;
}

boost::json::value score_or_null(const std::optional<double>& score) {
  return json_or_null(score, rounded_score);
}

std::string_view period_name(Period period) { return to_string(period); }

}  // namespace

double rounded_score(double score) { return std::round(score * 10000.0) / 10000.0; }

boost::json::object actual_json(const Actual& actual) {
  return {{"element_id", actual.element_id},
          {"plan_id", actual.plan_id},
          {"fiscal_year", actual.fiscal_year},
          {"period", std::string(to_string(actual.period))},
          {"value", actual.value},
          {"evidence_th", actual.evidence_th},
          {"data_year", json_or_null(actual.data_year)},
          {"source_th", json_or_null(actual.source_th)},
          {"demo", actual.demo},
          {"version", actual.version},
          {"updated_by", actual.updated_by},
          {"updated_at", actual.updated_at}};
}

boost::json::object rubric_json(const Rubric& rubric) {
  return {{"element_id", rubric.element_id},
          {"plan_id", rubric.plan_id},
          {"thresholds", thresholds_array(rubric.thresholds)},
          {"direction", std::string(to_string(rubric.direction))},
          {"weight", rubric.weight},
          {"demo", rubric.demo},
          {"version", rubric.version},
          {"updated_by", rubric.updated_by},
          {"updated_at", rubric.updated_at}};
}

boost::json::object scores_json(const PlanScores& scores) {
  boost::json::array kpis;
  for (const KpiScore& kpi : scores.kpis) {
    kpis.push_back(boost::json::object{{"element_id", kpi.element_id},
                                       {"code", kpi.code},
                                       {"text_th", kpi.text_th},
                                       {"text_en", kpi.text_en},
                                       {"strategy_id", json_or_null(kpi.strategy_id)},
                                       {"agency_code", json_or_null(kpi.agency_code)},
                                       {"period", json_or_null(kpi.period, period_name)},
                                       {"value", json_or_null(kpi.value)},
                                       {"target", json_or_null(kpi.target)},
                                       {"score", score_or_null(kpi.score)},
                                       {"weight", kpi.weight}});
  }
  boost::json::array strategies;
  for (const StrategyScore& strategy : scores.strategies) {
    strategies.push_back(boost::json::object{{"element_id", strategy.element_id},
                                             {"code", strategy.code},
                                             {"text_th", strategy.text_th},
                                             {"text_en", strategy.text_en},
                                             {"score", score_or_null(strategy.score)},
                                             {"weight", strategy.weight},
                                             {"kpi_count", strategy.kpi_count},
                                             {"scored_count", strategy.scored_count}});
  }
  return {{"plan_id", scores.plan_id},
          {"fiscal_year", scores.fiscal_year},
          {"kpis", std::move(kpis)},
          {"strategies", std::move(strategies)},
          {"province", boost::json::object{{"score", score_or_null(scores.province)},
                                           {"kpi_count", scores.kpi_count},
                                           {"scored_count", scores.scored_count}}}};
}

boost::json::object trend_json(const KpiTrend& trend) {
  boost::json::array years;
  for (const TrendPoint& point : trend.years) {
    years.push_back(boost::json::object{{"fiscal_year", point.fiscal_year},
                                        {"target", json_or_null(point.target)},
                                        {"period", json_or_null(point.period, period_name)},
                                        {"actual", json_or_null(point.actual)},
                                        {"data_year", json_or_null(point.data_year)},
                                        {"score", score_or_null(point.score)},
                                        {"on_track", json_or_null(point.on_track)}});
  }
  return {{"element_id", trend.element_id},
          {"plan_id", trend.plan_id},
          {"direction", std::string(plan::to_string(trend.direction))},
          {"baseline_value", json_or_null(trend.baseline_value)},
          {"baseline_year", json_or_null(trend.baseline_year)},
          {"years", std::move(years)}};
}

boost::json::object gap_json(const TrajectoryGap& gap) {
  return {{"element_id", gap.element_id},
          {"plan_id", gap.plan_id},
          {"fiscal_year", gap.fiscal_year},
          {"code", gap.code},
          {"text_th", gap.text_th},
          {"agency_code", json_or_null(gap.agency_code)},
          {"period", std::string(to_string(gap.period))},
          {"actual", gap.actual},
          {"target", gap.target},
          {"score", score_or_null(gap.score)}};
}

std::string thresholds_to_text(const std::vector<Threshold>& thresholds) {
  return boost::json::serialize(thresholds_array(thresholds));
}

std::vector<Threshold> thresholds_from_text(std::string_view text) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(text, error);
  if (error || !value.is_array())
    throw Error(ErrorKind::internal, "corrupt_row",
                {"ข้อมูลเกณฑ์ในฐานข้อมูลเสียหาย", "kpi_rubric.thresholds is not a JSON array"});
  std::vector<Threshold> thresholds;
  for (const auto& item : value.as_array()) {
    const auto& object = item.as_object();
    thresholds.push_back(
        {object.at("value").to_number<double>(), object.at("score").to_number<double>()});
  }
  return thresholds;
}

}  // namespace changwat::kpi_results
