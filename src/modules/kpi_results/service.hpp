#pragma once
// Rules of KPI results with the database: who may enter actuals and rubrics (the
// strategy office and admins), fiscal years inside the plan period, rubric shapes,
// versions (stale → 409), audit in the same transaction. Scores roll up KPI →
// strategy → province and are cached per (plan, fiscal year) until the next write
// or a change of the plan's tree, so dashboards read them in microseconds.
//
// Calls into the plan module go through its service and join this module's
// transaction (Database::read/write); other modules' calls into this service join
// theirs the same way.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/kpi_results/model.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::kpi_results {

struct ActualInput {
  int fiscal_year = 0;
  Period period = Period::year;
  double value = 0;
  std::string evidence_th;
  std::optional<int> data_year;
  std::optional<std::string> source_th;
  // The version read; none when creating. A stale one (or none for an existing
  // row) is 409 stale_version.
  std::optional<std::int64_t> expected_version;
};

struct RubricInput {
  std::vector<Threshold> thresholds;
  Direction direction = Direction::higher_is_better;
  double weight = 1;
  std::optional<std::int64_t> expected_version;  // none when creating
};

class KpiResultsService {
 public:
  KpiResultsService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans);
  ~KpiResultsService();
  KpiResultsService(const KpiResultsService&) = delete;
  KpiResultsService& operator=(const KpiResultsService&) = delete;

  // ---- Every signed-in role ----
  std::vector<Actual> actuals(const Actor& actor, std::int64_t element_id,
                              std::optional<int> fiscal_year) const;
  std::optional<Rubric> rubric(const Actor& actor, std::int64_t element_id) const;
  std::shared_ptr<const PlanScores> plan_scores(const Actor& actor, std::int64_t plan_id,
                                                int fiscal_year) const;
  KpiTrend trend(const Actor& actor, std::int64_t element_id) const;

  // ---- Strategy office and admins ----
  Actual set_actual(const Actor& actor, std::int64_t element_id, const ActualInput& input);
  Rubric set_rubric(const Actor& actor, std::int64_t element_id, const RubricInput& input);

  // ---- For other modules (monitoring, reports): no permission checks ----
  // Scores of a plan for a fiscal year (KPI, strategy, province). Cached: a hit is a
  // lock and a shared_ptr copy; recomputed after any write of this module or when
  // the plan's tree in force changes. An unknown plan gives empty scores.
  std::shared_ptr<const PlanScores> scores(std::int64_t plan_id, int fiscal_year) const;
  // KPIs of the plan whose actual for the year (year, else the latest quarter) is on
  // the wrong side of the plan's target for that year; KPIs without an actual or a
  // target are left out. Built from the same cached scores.
  std::vector<TrajectoryGap> below_trajectory(std::int64_t plan_id, int fiscal_year) const;
  // Changes with every committed write of this module (a cheap cache key for
  // callers that derive their own figures from scores).
  std::uint64_t revision() const;

  // For the demo loader and benchmarks: writes as given, marked demo (rules checked).
  Actual import_actual(const Actor& actor, std::int64_t element_id, const ActualInput& input,
                       bool demo);
  Rubric import_rubric(const Actor& actor, std::int64_t element_id, const RubricInput& input,
                       bool demo);
  plan::PlanService& plans() const { return plans_; }
  db::Database& database() const { return database_; }

 private:
  struct Cache;
  struct Located;
  Located locate_kpi(const Actor& actor, std::int64_t element_id) const;
  Actual write_actual(const Actor& actor, std::int64_t element_id, const ActualInput& input,
                      bool demo);
  Rubric write_rubric(const Actor& actor, std::int64_t element_id, const RubricInput& input,
                      bool demo);
  std::shared_ptr<const PlanScores> compute(db::Connection& connection, const plan::PlanTree& tree,
                                            int fiscal_year) const;

  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace changwat::kpi_results
