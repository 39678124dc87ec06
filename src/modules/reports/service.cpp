#include "modules/reports/service.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/reports/documents.hpp"
#include "modules/reports/json.hpp"
#include "modules/reports/step_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"
#include "thai/number_format.hpp"

namespace changwat::reports {
namespace {

using action_plan::ActionPlanView;
using action_plan::GroupBy;

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "demo";
}

[[noreturn]] void action_plan_not_found() { throw_not_found("แผนปฏิบัติราชการประจำปี", "Action plan"); }

// Which of the eMENSCR form's alignment columns a catalog framework fills; none for
// frameworks outside the form (the regional and group plans go to the last column).
std::size_t column_of(const std::string& framework) {
  if (framework == "national_strategy") return 0;
  if (framework == "master_plan") return 1;
  if (framework == "nesdp13") return 2;
  if (framework == "government_policy") return 3;
  // 4: the ministry's action plan strategies are not in the alignment catalog.
  if (framework == "sdg") return 5;
  return 6;
}

int default_quarter(int fiscal_year) {
  thai::Date today = thai::today_in_thailand();
  int current = thai::fiscal_year(today);
  if (current > fiscal_year) return 4;
  if (current < fiscal_year) return 1;
  return thai::fiscal_quarter(today);
}

}  // namespace

ReportsService::ReportsService(db::Database& database, areas::AreaService& areas,
                               plan::PlanService& plans,
                               action_plan::ActionPlanService& action_plans,
                               progress::ProgressService& progress,
                               procurement::ProcurementService& procurements,
                               kpi_results::KpiResultsService& kpis)
    : database_(database),
      areas_(areas),
      plans_(plans),
      action_plans_(action_plans),
      progress_(progress),
      procurements_(procurements),
      kpis_(kpis) {}

ActionPlanView ReportsService::readable(const Actor& actor, std::int64_t action_plan_id) const {
  const Principal& principal = actor.require_signed_in();
  ActionPlanView view = action_plans_.view(action_plan_id);
  if (view.ledger->header.province_code != principal.province_code) action_plan_not_found();
  return view;
}

// ---- Step statuses ----

ProjectSteps ReportsService::steps(const Actor& actor, std::int64_t action_plan_id,
                                   std::int64_t element_id) const {
  return database_.read([&](db::Connection& connection) {
    ActionPlanView view = readable(actor, action_plan_id);
    if (!view.ledger->find(element_id))
      throw_not_found("โครงการในแผนปฏิบัติราชการประจำปี", "Project of the action plan");
    if (auto found = StepStore(connection).find(action_plan_id, element_id)) return *found;
    ProjectSteps none;
    none.action_plan_id = action_plan_id;
    none.element_id = element_id;
    none.province_code = view.ledger->header.province_code;
    none.version = 0;  // nothing stored yet
    return none;
  });
}

ProjectSteps ReportsService::set_steps(const Actor& actor, std::int64_t action_plan_id,
                                       std::int64_t element_id, const StepsInput& input) {
  actor.require_role({Role::admin, Role::strategy_officer, Role::agency_officer});
  return write_steps(actor, action_plan_id, element_id, input, false);
}

ProjectSteps ReportsService::import_steps(const Actor& actor, std::int64_t action_plan_id,
                                          std::int64_t element_id, const StepsInput& input,
                                          bool demo) {
  return write_steps(actor, action_plan_id, element_id, input, demo);
}

ProjectSteps ReportsService::write_steps(const Actor& actor, std::int64_t action_plan_id,
                                         std::int64_t element_id, const StepsInput& input,
                                         bool demo) {
  return database_.write([&](db::Connection& connection) {
    ActionPlanView view = action_plans_.view(action_plan_id);
    const action_plan::ActionPlan& header = view.ledger->header;
    if (actor.principal && actor.principal->province_code != header.province_code)
      action_plan_not_found();
    const action_plan::ProjectBook* book = view.ledger->find(element_id);
    if (!book) throw_not_found("โครงการในแผนปฏิบัติราชการประจำปี", "Project of the action plan");
    if (actor.principal && actor.principal->role == Role::agency_officer) {
      auto meta = action_plan::meta_of(*view.index, book->project);
      if (!actor.principal->agency_code || !meta.agency_code ||
          *actor.principal->agency_code != *meta.agency_code) {
        throw Error(ErrorKind::forbidden, "not_own_agency",
                    {"เจ้าหน้าที่หน่วยงานบันทึกสถานะได้เฉพาะโครงการของหน่วยงานตนเอง",
                     "An agency officer may enter step statuses only for their own agency's "
                     "projects"});
      }
    }
    StepStore store(connection);
    ProjectSteps steps;
    steps.action_plan_id = action_plan_id;
    steps.element_id = element_id;
    steps.province_code = header.province_code;
    steps.steps = input.steps;
    std::sort(steps.steps.begin(), steps.steps.end(),
              [](const StepStatus& a, const StepStatus& b) { return a.step < b.step; });
    steps.demo = demo;
    steps.updated_by = actor_name(actor);
    steps.updated_at = iso_utc_now();
    std::optional<ProjectSteps> before = store.find(action_plan_id, element_id);
    if (before) {
      if (!input.expected_version || !store.update(steps, *input.expected_version))
        throw_stale_version();
    } else {
      if (input.expected_version && *input.expected_version != 0) throw_stale_version();
      if (!store.insert_if_absent(steps)) throw_stale_version();
    }
    ProjectSteps stored = *store.find(action_plan_id, element_id);
    audit::record_in(connection, header.province_code, actor, "emenscr_project_steps",
                     std::to_string(action_plan_id) + "/" + std::to_string(element_id),
                     before ? "update" : "create",
                     before ? boost::json::value(steps_json(*before)) : boost::json::value(nullptr),
                     steps_json(stored));
    return stored;
  });
}

// ---- Documents ----

namespace {

struct Gatherer {
  const plan::PlanService& plans;
  const action_plan::ActionPlanService& action_plans;
  const progress::ProgressService& progress;
  const procurement::ProcurementService& procurements;
  const Actor& actor;
  const ActionPlanView& view;
  int quarter;
  // The texts of the latest progress report (problems, fixes) cost one read per
  // project; the quarterly report prints them, the workbook does without.
  bool with_texts;

  ReportData gather(db::Connection& connection, const kpi_results::KpiResultsService& kpis) const {
    const action_plan::ActionPlan& header = view.ledger->header;
    ReportData data;
    data.header = header;
    data.quarter = quarter;
    data.province_th = action_plans.group_name(GroupBy::province, header.province_code).first;
    auto tree = plans.tree(Actor::command_line(), header.plan_id, std::nullopt);
    data.plan_name_th = tree->plan.name_th;
    std::unordered_map<std::int64_t, const plan::Element*> elements;
    elements.reserve(tree->elements.size());
    for (const plan::Element& element : tree->elements) elements[element.element_id] = &element;
    std::unordered_map<std::int64_t, ProjectSteps> steps;
    for (ProjectSteps& row : StepStore(connection).of_action_plan(header.id))
      steps.emplace(row.element_id, std::move(row));
    std::unordered_map<std::string, std::string> agency_names;
    auto agency_th = [&](const std::optional<std::string>& code) -> std::string {
      if (!code) return "-";
      auto found = agency_names.find(*code);
      if (found != agency_names.end()) return found->second;
      return agency_names[*code] = action_plans.group_name(GroupBy::agency, *code).first;
    };
    const plan::AlignmentCatalog& catalog = plans.catalog();

    struct Ordered {
      const action_plan::ProjectBook* book;
      action_plan::ProjectMeta meta;
    };
    std::vector<Ordered> rows;
    rows.reserve(view.ledger->books.size());
    for (const auto& book : view.ledger->books)
      rows.push_back({book.get(), action_plan::meta_of(*view.index, book->project)});
    std::sort(rows.begin(), rows.end(), [](const Ordered& a, const Ordered& b) {
      if (a.meta.order != b.meta.order) return a.meta.order < b.meta.order;
      return a.book->project.element_id < b.book->project.element_id;
    });

    const action_plan::Month first = action_plan::first_month_of(header.fiscal_year);
    const action_plan::Month reported = first.plus(quarter * 3 - 1);
    auto snapshot = progress.snapshot(header.fiscal_year);
    auto stages = procurements.snapshot();
    data.has_progress = true;
    for (const Ordered& row : rows) {
      const action_plan::Project& project = row.book->project;
      ReportProject out;
      out.element_id = project.element_id;
      out.code = row.meta.code;
      out.name_th = row.meta.name_th;
      out.strategy_th =
          row.meta.strategy_id ? row.meta.strategy_code + " " + row.meta.strategy_name_th : "";
      out.agency_th = agency_th(row.meta.agency_code);
      out.kind_th = std::string(action_plan::kind_th(project.kind));
      out.reserve = project.kind == plan::ProjectKind::reserve;
      out.cancelled = project.status == action_plan::ProjectStatus::cancelled;
      out.requested = project.requested;
      out.allocated = row.book->allocated();
      out.demo = project.demo;

      // Indicators and alignment from the plan's version in force; alignment flows
      // down the tree, so a project serves what the elements above it serve.
      std::vector<std::string> seen;
      auto element = elements.find(project.element_id);
      if (element != elements.end() && element->second->project) {
        for (const plan::ProjectIndicator& indicator : element->second->project->indicators) {
          std::string text = indicator.text_th;
          if (indicator.target_value) {
            text += ": " + thai::format_decimal(*indicator.target_value,
                                                thai::decimals_of(*indicator.target_value, 2));
            if (!indicator.unit_th.empty()) text += " " + indicator.unit_th;
          }
          out.indicators.push_back(std::move(text));
        }
      }
      std::array<std::vector<std::string>, kAlignmentColumns> tags;
      for (auto at = element; at != elements.end();) {
        for (const std::string& code : at->second->alignment_codes) {
          if (std::find(seen.begin(), seen.end(), code) != seen.end()) continue;
          seen.push_back(code);
          const plan::AlignmentTarget* target = catalog.find(code);
          std::string name =
              target ? code + " " + (target->short_th.empty() ? target->name_th : target->short_th)
                     : code;
          tags[target ? column_of(target->framework) : 6].push_back(std::move(name));
        }
        if (!at->second->parent_id) break;
        at = elements.find(*at->second->parent_id);
      }
      for (std::size_t c = 0; c < kAlignmentColumns; ++c) {
        std::sort(tags[c].begin(), tags[c].end());
        for (const auto& tag : tags[c]) {
          if (!out.alignments[c].empty()) out.alignments[c] += "; ";
          out.alignments[c] += tag;
        }
      }

      // Money at each quarter's last month: the latest position of each line.
      for (int q = 0; q < 4; ++q) {
        action_plan::Month end = first.plus(q * 3 + 2);
        QuarterFigures& figures = out.quarters[static_cast<std::size_t>(q)];
        for (const auto& line : row.book->lines) {
          if (const action_plan::Position* position = line.position_at(end)) {
            figures.disbursed += position->disbursed_to_date;
            figures.po_outstanding += position->po_outstanding;
          }
        }
      }
      // Progress at each quarter end, and the texts of the latest report up to the
      // reporting quarter (read only for projects that reported in the year).
      if (const progress::ProjectProgress* reports = snapshot->find(project.element_id)) {
        for (int q = 0; q < 4; ++q) {
          const progress::ProgressPoint* point = reports->latest(first.plus(q * 3 + 2));
          if (!point || point->month > first.plus(q * 3 + 2)) continue;
          QuarterFigures& figures = out.quarters[static_cast<std::size_t>(q)];
          figures.physical_percent = point->physical_percent;
          figures.status_th = std::string(progress::name_th(point->status));
        }
        if (with_texts) {
          const progress::ProgressReport* latest = nullptr;
          auto history = progress.list(actor, project.element_id);
          for (const progress::ProgressReport& report : history)
            if (report.fiscal_year == header.fiscal_year && report.month <= reported)
              latest = &report;
          if (latest) {
            out.activities_th = latest->activities_th;
            out.problems_th = latest->problems_th;
            out.fixes_th = latest->fixes_th;
          }
        }
      }
      if (auto stage = stages->project_stage(project.element_id))
        out.procurement_stage_th = std::string(procurement::name_th(*stage));
      if (auto found = steps.find(project.element_id); found != steps.end()) {
        for (const StepStatus& step : found->second.steps)
          if (step.step >= 1 && step.step <= kStepCount)
            out.steps[static_cast<std::size_t>(step.step - 1)] = step;
      }
      data.projects.push_back(std::move(out));
    }
    data.scores = kpis.scores(header.plan_id, header.fiscal_year);
    return data;
  }
};

}  // namespace

std::string ReportsService::emenscr_xlsx(const Actor& actor, std::int64_t action_plan_id,
                                         std::optional<int> quarter) const {
  ReportData data = database_.read([&](db::Connection& connection) {
    ActionPlanView view = readable(actor, action_plan_id);
    int q = quarter.value_or(default_quarter(view.ledger->header.fiscal_year));
    return Gatherer{plans_, action_plans_, progress_, procurements_, actor, view, q, false}.gather(
        connection, kpis_);
  });
  return emenscr_workbook(data);
}

std::string ReportsService::quarterly_pdf(const Actor& actor, std::int64_t action_plan_id,
                                          int quarter) const {
  ReportData data = database_.read([&](db::Connection& connection) {
    ActionPlanView view = readable(actor, action_plan_id);
    return Gatherer{plans_, action_plans_, progress_, procurements_, actor, view, quarter, true}
        .gather(connection, kpis_);
  });
  return quarterly_report_pdf(data);
}

}  // namespace changwat::reports
