#pragma once
// The official documents as plain data in, bytes out: what the service gathers from
// the plan, the action plan, KPI results (and progress, procurement) for one action
// plan and quarter, and the writers of the eMENSCR workbook and the quarterly report.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modules/action_plan/model.hpp"
#include "modules/kpi_results/model.hpp"
#include "modules/reports/model.hpp"

namespace changwat::reports {

using action_plan::Satang;

// The six alignment tags of the eMENSCR form (6.1 … 6.6) and one column for the
// regional and provincial-group plans the province also aligns with.
inline constexpr std::size_t kAlignmentColumns = 7;

struct QuarterFigures {
  Satang disbursed = 0;  // cumulative at the quarter's last month (latest position)
  Satang po_outstanding = 0;
  std::optional<double> physical_percent;  // progress at the quarter end, when reported
  std::optional<std::string> status_th;
};

struct ReportProject {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::string strategy_th;
  std::string agency_th;
  std::string kind_th;
  bool cancelled = false;
  bool reserve = false;                 // a reserve project (counted once it has money)
  std::vector<std::string> indicators;  // "text: target unit"
  Satang requested = 0;
  Satang allocated = 0;
  std::array<std::string, kAlignmentColumns> alignments;  // "; "-joined names per column
  std::array<QuarterFigures, 4> quarters;
  std::array<std::optional<StepStatus>, kStepCount> steps;
  std::string activities_th;  // the latest progress report up to the quarter end
  std::string problems_th;
  std::string fixes_th;
  std::string procurement_stage_th;  // the least advanced stage of its procurements, today
  bool demo = false;
};

struct ReportData {
  action_plan::ActionPlan header;
  std::string province_th;
  std::string plan_name_th;
  int quarter = 1;
  std::vector<ReportProject> projects;  // plan order
  std::shared_ptr<const kpi_results::PlanScores> scores;
  bool has_progress = false;  // whether progress figures were available
};

// "ไตรมาสที่ 2 (1 ม.ค. 2569 – 31 มี.ค. 2569)"
std::string quarter_label_th(int fiscal_year, int quarter);

std::string emenscr_workbook(const ReportData& data);
std::string quarterly_report_pdf(const ReportData& data);

}  // namespace changwat::reports
