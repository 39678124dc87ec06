// The causes of warnings in the read models of one province and fiscal year: each
// kind's rule (rules.hpp) applied to the figures it needs.
#include "modules/monitoring/evaluation.hpp"

#include <algorithm>
#include <set>

#include "modules/monitoring/rules.hpp"

namespace changwat::monitoring {
namespace {

rules::Subject subject_of(const ProjectInfo& project) {
  return {project.element_id, project.code, project.name_th, project.name_en, project.agency_code};
}

// A project that is still being carried out in the year (not a reserve, not cancelled).
bool running(const ProjectInfo& project) { return !project.reserve && !project.cancelled; }

bool finished(const progress::ProjectProgress* reports) {
  if (!reports || reports->months.empty()) return false;
  auto status = reports->months.back().status;
  return status == progress::ProgressStatus::completed ||
         status == progress::ProgressStatus::cancelled;
}

int month_key(int year_ce, int month) { return year_ce * 12 + (month - 1); }

}  // namespace

bool Inputs::same_sources(const Inputs& other) const {
  if (province_code != other.province_code || fiscal_year != other.fiscal_year ||
      today != other.today || revision != other.revision || targets != other.targets ||
      progress != other.progress || procurement != other.procurement ||
      plans.size() != other.plans.size() || deadlines.size() != other.deadlines.size()) {
    return false;
  }
  for (std::size_t i = 0; i < deadlines.size(); ++i) {
    if (deadlines[i].key != other.deadlines[i].key ||
        deadlines[i].deadline != other.deadlines[i].deadline) {
      return false;
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].ledger != other.plans[i].ledger || plans[i].index != other.plans[i].index ||
        plans[i].tree != other.plans[i].tree || plans[i].scores != other.plans[i].scores) {
      return false;
    }
  }
  return true;
}

CauseGroup group_of(WarningKind kind) {
  switch (kind) {
    case WarningKind::behind_disbursement_target:
    case WarningKind::reserve_available:
      return CauseGroup::money;
    case WarningKind::progress_report_missing:
      return CauseGroup::progress;
    case WarningKind::procurement_not_committed:
    case WarningKind::instalment_overdue:
      return CauseGroup::procurement;
    case WarningKind::kpi_below_trajectory:
      return CauseGroup::kpi;
  }
  return CauseGroup::money;
}

std::size_t projects_key(const Evaluation& evaluation) {
  std::size_t key = evaluation.projects.size();
  auto mix = [&key](std::size_t value) {
    key ^= value + 0x9e3779b97f4a7c15ull + (key << 6) + (key >> 2);
  };
  std::hash<std::string> text;
  for (const auto& project : evaluation.projects) {
    mix(static_cast<std::size_t>(project.element_id));
    mix(project.cancelled ? 1 : 2);
    mix(project.reserve ? 3 : 4);
    mix(project.plan);
    mix(text(project.code));
    mix(text(project.name_th));
    mix(text(project.name_en));
    mix(text(project.agency_code.value_or("")));
    mix(text(project.start_date.value_or("")));
  }
  return key;
}

std::optional<std::string> district_of(const std::string& area_code) {
  if (area_code.size() < 4) return std::nullopt;
  return area_code.substr(0, 4);
}

void index_projects(Evaluation& evaluation) {
  for (std::size_t slot = 0; slot < evaluation.inputs.plans.size(); ++slot) {
    const PlanSlot& plan = evaluation.inputs.plans[slot];
    std::unordered_map<std::int64_t, const plan::Element*> elements;
    if (plan.tree) {
      for (const auto& element : plan.tree->elements)
        elements.emplace(element.element_id, &element);
    }
    const auto& ledger = *plan.ledger;
    for (std::size_t i = 0; i < ledger.books.size(); ++i) {
      const auto& book = *ledger.books[i];
      action_plan::ProjectMeta fallback;
      const auto& meta = action_plan::meta_ref(*plan.index, book.project, fallback);
      ProjectInfo info;
      info.element_id = book.project.element_id;
      info.code = meta.code;
      info.name_th = meta.name_th;
      info.name_en = meta.name_en;
      info.agency_code = meta.agency_code;
      info.strategy_id = meta.strategy_id;
      info.cancelled = book.project.status == action_plan::ProjectStatus::cancelled;
      info.reserve = book.project.kind == plan::ProjectKind::reserve;
      info.plan = slot;
      info.book = ledger.books[i].get();
      info.figures = ledger.figures[i].get();
      auto element = elements.find(info.element_id);
      if (element != elements.end() && element->second->project) {
        const auto& details = *element->second->project;
        std::set<std::string> districts;
        for (const auto& area : details.area_codes) {
          if (auto district = district_of(area)) districts.insert(*district);
        }
        info.districts.assign(districts.begin(), districts.end());
        info.start_date = details.start_date;
      }
      evaluation.by_element.emplace(info.element_id, evaluation.projects.size());
      evaluation.projects.push_back(std::move(info));
    }
  }
}

std::vector<Cause> find_causes(const Evaluation& evaluation, CauseGroup group) {
  const Inputs& in = evaluation.inputs;
  const Settings& settings = evaluation.settings;
  const int year = in.fiscal_year;
  std::vector<Cause> causes;
  auto add = [&causes](std::optional<Cause> cause) {
    if (cause) causes.push_back(std::move(*cause));
  };

  // Money: behind the national target; reserves proposed while savings exist.
  if (group == CauseGroup::money) {
    std::vector<thai::Date> deadline_dates;
    for (const auto& deadline : in.deadlines) {
      deadline_dates.push_back(rules::parse_iso(deadline.deadline));
    }
    for (const auto& project : evaluation.projects) {
      if (!running(project) || !project.figures) continue;
      const PlanSlot& plan = in.plans[project.plan];
      add(rules::behind_target(subject_of(project), project.figures->allocated,
                               project.figures->disbursed_by_month, plan.latest, in.targets, year,
                               settings));
    }
    for (const auto& plan : in.plans) {
      for (const auto& proposed : plan.proposed) {
        const ProjectInfo* project = evaluation.project(proposed.element_id);
        if (!project) continue;
        auto savings = plan.savings.find(proposed.source);
        if (savings == plan.savings.end()) continue;
        add(rules::reserve_available(subject_of(*project), proposed.ranking, savings->second,
                                     proposed.requested, deadline_dates, year, in.today));
      }
    }
  }

  // Monthly progress reports.
  if (group == CauseGroup::progress && in.progress) {
    const int year_first = month_key(thai::ce_year(year) - 1, 10);
    for (const auto& project : evaluation.projects) {
      if (!running(project)) continue;
      const progress::ProjectProgress* reports = in.progress->find(project.element_id);
      if (finished(reports)) continue;
      int first = year_first;
      if (project.start_date && project.start_date->size() >= 7) {
        try {
          thai::Date start = rules::parse_iso(*project.start_date);
          first = std::max(first, month_key(start.year, start.month));
        } catch (const Error&) {
          // A start date the plan holds in another form: ask from the year's start.
        }
      }
      std::vector<int> reported;
      if (reports) {
        for (const auto& point : reports->months) reported.push_back(point.month.key());
      }
      add(rules::report_missing(subject_of(project), year, first, reported, in.today, settings));
    }
  }

  // Procurements and contracts.
  if (group == CauseGroup::procurement && in.procurement) {
    for (const auto& summary : in.procurement->procurements) {
      if (summary.province_code != in.province_code || summary.fiscal_year != year) continue;
      const ProjectInfo* project = evaluation.project(summary.element_id);
      if (!project || project->cancelled) continue;
      if (summary.stage == procurement::Stage::terminated) continue;
      for (const auto& deadline : summary.deadlines) {
        // The Cabinet's commitment deadline of the procurement's year (single- or
        // multi-year), as the procurement module computed it.
        if (deadline.rule != "commitment" || !deadline.due_on) continue;
        rules::ProcurementFacts facts;
        facts.procurement_id = summary.id;
        facts.title_th = summary.title_th;
        facts.contract_signed = summary.contract_signed.has_value();
        facts.deadline = rules::parse_iso(*deadline.due_on);
        facts.rule_th = deadline.note_th;
        facts.rule_en = deadline.note_en;
        facts.reference_price = summary.reference_price_satang;
        rules::Subject subject = subject_of(*project);
        if (summary.agency_code) subject.agency_code = summary.agency_code;
        add(rules::not_committed(subject, facts, in.today, settings));
      }
    }
    for (const auto& due : in.procurement->open_instalments) {
      const auto& summary = in.procurement->procurements[due.procurement];
      if (summary.province_code != in.province_code || summary.fiscal_year != year) continue;
      if (summary.stage == procurement::Stage::terminated) continue;
      const ProjectInfo* project = evaluation.project(summary.element_id);
      if (!project || project->cancelled) continue;
      rules::InstalmentFacts facts;
      facts.procurement_id = summary.id;
      facts.number = due.number;
      facts.due_on = rules::parse_iso(due.due_on);
      facts.amount = due.amount_satang;
      facts.contract_number = due.contract_number;
      rules::Subject subject = subject_of(*project);
      if (summary.agency_code) subject.agency_code = summary.agency_code;
      add(rules::instalment_overdue(subject, facts, in.today, settings));
    }
  }

  // KPIs against the year's target.
  if (group == CauseGroup::kpi) {
    for (const auto& plan : in.plans) {
      for (const auto& gap : plan.gaps) {
        rules::Subject kpi{gap.element_id, gap.code, gap.text_th, gap.text_en, gap.agency_code};
        rules::KpiFacts facts;
        switch (gap.direction) {
          case plan::KpiDirection::higher_is_better:
            facts.side = rules::Side::higher_is_better;
            break;
          case plan::KpiDirection::lower_is_better:
            facts.side = rules::Side::lower_is_better;
            break;
          case plan::KpiDirection::within_range:
            facts.side = rules::Side::within_range;
            break;
        }
        facts.actual = gap.actual;
        facts.target = gap.target;
        facts.period = std::string(kpi_results::to_string(gap.period));
        add(rules::kpi_below(kpi, facts, year, settings));
      }
    }
  }
  return causes;
}

}  // namespace changwat::monitoring
