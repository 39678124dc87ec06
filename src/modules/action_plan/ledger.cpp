#include "modules/action_plan/ledger.hpp"

#include <algorithm>
#include <cmath>

#include "base/enum_names.hpp"

namespace changwat::action_plan {

std::shared_ptr<const Ledger> Ledger::make(ActionPlan header,
                                           std::vector<std::shared_ptr<const ProjectBook>> books) {
  auto ledger = std::make_shared<Ledger>();
  ledger->header = std::move(header);
  std::sort(books.begin(), books.end(),
            [](const auto& a, const auto& b) { return a->project.id < b->project.id; });
  ledger->books = std::move(books);
  ledger->figures.reserve(ledger->books.size());
  for (std::size_t i = 0; i < ledger->books.size(); ++i) {
    ledger->by_element.emplace(ledger->books[i]->project.element_id, i);
    ledger->figures.push_back(std::make_shared<const ProjectFigures>(
        figures_of(*ledger->books[i], ledger->header.fiscal_year)));
  }
  return ledger;
}

std::shared_ptr<const Ledger> Ledger::with(ActionPlan new_header,
                                           std::shared_ptr<const ProjectBook> book) const {
  auto ledger = std::make_shared<Ledger>();
  ledger->header = std::move(new_header);
  ledger->books = books;
  ledger->figures = figures;
  ledger->by_element = by_element;
  auto figured =
      std::make_shared<const ProjectFigures>(figures_of(*book, ledger->header.fiscal_year));
  auto it = std::lower_bound(ledger->books.begin(), ledger->books.end(), book->project.id,
                             [](const std::shared_ptr<const ProjectBook>& a, std::int64_t id) {
                               return a->project.id < id;
                             });
  auto at = ledger->figures.begin() + (it - ledger->books.begin());
  if (it != ledger->books.end() && (*it)->project.id == book->project.id) {
    *it = std::move(book);
    *at = std::move(figured);
  } else {
    ledger->books.insert(it, std::move(book));
    ledger->figures.insert(at, std::move(figured));
    ledger->by_element.clear();
    for (std::size_t i = 0; i < ledger->books.size(); ++i) {
      ledger->by_element.emplace(ledger->books[i]->project.element_id, i);
    }
  }
  return ledger;
}

const ProjectBook* Ledger::find(std::int64_t element_id) const {
  auto it = by_element.find(element_id);
  if (it == by_element.end()) return nullptr;
  return books[it->second].get();
}

const ProjectMeta& meta_ref(const PlanIndex& index, const Project& project, ProjectMeta& fallback) {
  auto it = index.projects.find(project.element_id);
  if (it != index.projects.end()) return it->second;
  fallback = ProjectMeta{};
  fallback.code = project.code;
  fallback.name_th = project.name_th;
  fallback.agency_code = project.agency_code;
  fallback.order = 1'000'000 + static_cast<int>(project.id % 1'000'000);
  return fallback;
}

ProjectMeta meta_of(const PlanIndex& index, const Project& project) {
  ProjectMeta fallback;
  return meta_ref(index, project, fallback);
}

namespace {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

// A cumulative amount of a line at each month of the fiscal year, carried forward from
// the latest of `entries` (in month order; 0 before the first): the disbursement of
// the month-end positions, the plan of the spending plan.
template <class Entry>
std::array<Satang, 12> by_month(const std::vector<Entry>& entries, Month Entry::*month,
                                Satang Entry::*amount, int fiscal_year) {
  std::array<Satang, 12> result{};
  Satang last = 0;
  std::size_t next = 0;
  for (int m = 0; m < 12; ++m) {
    while (next < entries.size() && fiscal_offset(entries[next].*month, fiscal_year) <= m) {
      last = entries[next].*amount;
      ++next;
    }
    result[static_cast<std::size_t>(m)] = last;
  }
  return result;
}

struct Accumulator {
  SpendingGroup group;
  std::array<Satang, 12> planned{};
  std::array<Satang, 12> disbursed{};
  Satang forecast = 0;
  int order = 0;
};

std::string group_key(GroupBy by, const Ledger& ledger, const ProjectBook& book,
                      const ProjectMeta& meta) {
  switch (by) {
    case GroupBy::province:
      return ledger.header.province_code;
    case GroupBy::strategy:
      return meta.strategy_id ? std::to_string(meta.strategy_id) : "none";
    case GroupBy::agency:
      return meta.agency_code.value_or("none");
    case GroupBy::budget_source:
      return std::string(plan::to_string(book.project.budget_source));
    case GroupBy::project:
      return std::to_string(book.project.element_id);
  }
  return {};
}

}  // namespace

Satang forecast_year_end(const LineBook& line, int fiscal_year) {
  Month year_end = first_month_of(fiscal_year).plus(11);
  const Position* position = line.position_at(year_end);
  if (!position) return 0;
  int elapsed = fiscal_offset(position->month, fiscal_year) + 1;  // 1..12
  Satang disbursed = position->disbursed_to_date;
  Satang forecast = disbursed;
  if (elapsed < 12) {
    if (line.line.is_capital) {
      Satang due = position->po_outstanding;
      if (!line.instalments.empty()) {
        Satang scheduled = 0;
        for (const auto& instalment : line.instalments) {
          if (instalment.due > position->month && instalment.due <= year_end) {
            scheduled += instalment.amount;
          }
        }
        due = std::min(due, scheduled);
      }
      forecast = disbursed + due;
    } else {
      // The pace so far, over the whole year; money already under contract will be
      // paid at least.
      Satang pace = static_cast<Satang>((static_cast<long double>(disbursed) * 12.0L) /
                                        static_cast<long double>(elapsed));
      forecast = std::max(disbursed + position->po_outstanding, pace);
    }
  }
  return std::min(forecast, std::max(line.line.allocated, disbursed));
}

ProjectFigures figures_of(const ProjectBook& book, int fiscal_year) {
  ProjectFigures figures;
  for (const auto& line : book.lines) {
    figures.allocated += line.line.allocated;
    if (const Position* position = line.latest()) {
      figures.po_outstanding += position->po_outstanding;
      figures.disbursed += position->disbursed_to_date;
    }
    for (auto it = line.positions.rbegin(); it != line.positions.rend(); ++it) {
      int offset = fiscal_offset(it->month, fiscal_year);
      if (offset <= 11) {
        figures.latest = std::max(figures.latest, offset);
        break;
      }
    }
    auto disbursed =
        by_month(line.positions, &Position::month, &Position::disbursed_to_date, fiscal_year);
    auto planned = by_month(line.planned, &PlannedPoint::month, &PlannedPoint::planned_cumulative,
                            fiscal_year);
    for (std::size_t m = 0; m < 12; ++m) {
      figures.disbursed_by_month[m] += disbursed[m];
      figures.planned[m] += planned[m];
    }
    figures.forecast += forecast_year_end(line, fiscal_year);
  }
  return figures;
}

SpendingReport compute_spending(const Ledger& ledger, const PlanIndex& index, GroupBy by,
                                const TargetLine& targets, const GroupNamer& namer) {
  const int fiscal_year = ledger.header.fiscal_year;
  const Month first = first_month_of(fiscal_year);
  SpendingReport report;
  report.header = ledger.header;
  report.by = by;

  // The latest month of the year anyone reported: the curves stop there.
  int latest = -1;
  for (const auto& figures : ledger.figures) latest = std::max(latest, figures->latest);
  if (latest >= 0) report.latest_month = first.plus(latest);

  std::vector<Accumulator> groups;
  std::unordered_map<std::string, std::size_t> by_key;
  ProjectMeta fallback;
  for (std::size_t i = 0; i < ledger.books.size(); ++i) {
    const auto& book = ledger.books[i];
    const ProjectFigures& figures = *ledger.figures[i];
    const ProjectMeta& meta = meta_ref(index, book->project, fallback);
    std::string key = group_key(by, ledger, *book, meta);
    auto [it, added] = by_key.emplace(key, groups.size());
    if (added) {
      Accumulator accumulator;
      accumulator.group.key = key;
      accumulator.order = meta.order;
      switch (by) {
        case GroupBy::strategy:
          if (meta.strategy_id) {
            accumulator.group.name_th = meta.strategy_code.empty()
                                            ? meta.strategy_name_th
                                            : meta.strategy_code + " " + meta.strategy_name_th;
            accumulator.group.name_en = meta.strategy_name_en;
          } else {
            accumulator.group.name_th = "ไม่อยู่ภายใต้ประเด็นการพัฒนา";
            accumulator.group.name_en = "Not under a strategy";
          }
          break;
        case GroupBy::budget_source:
          accumulator.group.name_th = std::string(budget_source_th(book->project.budget_source));
          accumulator.group.name_en = std::string(budget_source_en(book->project.budget_source));
          accumulator.order = static_cast<int>(book->project.budget_source);
          break;
        case GroupBy::project:
          accumulator.group.name_th =
              meta.code.empty() ? meta.name_th : meta.code + " " + meta.name_th;
          accumulator.group.name_en = meta.name_en;
          break;
        case GroupBy::province:
        case GroupBy::agency: {
          auto [th, en] = namer(by, key);
          accumulator.group.name_th = std::move(th);
          accumulator.group.name_en = std::move(en);
          break;
        }
      }
      groups.push_back(std::move(accumulator));
    }
    Accumulator& accumulator = groups[it->second];
    if (by != GroupBy::budget_source) accumulator.order = std::min(accumulator.order, meta.order);
    accumulator.group.projects += 1;
    accumulator.group.allocated += figures.allocated;
    accumulator.group.po_outstanding += figures.po_outstanding;
    accumulator.group.disbursed += figures.disbursed;
    for (std::size_t m = 0; m < 12; ++m) {
      accumulator.disbursed[m] += figures.disbursed_by_month[m];
      accumulator.planned[m] += figures.planned[m];
    }
    accumulator.forecast += figures.forecast;
  }

  std::sort(groups.begin(), groups.end(), [by](const Accumulator& a, const Accumulator& b) {
    if (by == GroupBy::agency) return a.group.key < b.group.key;
    if (a.order != b.order) return a.order < b.order;
    return a.group.key < b.group.key;
  });

  for (auto& accumulator : groups) {
    SpendingGroup& group = accumulator.group;
    for (std::size_t m = 0; m < 12; ++m) {
      MonthFigure& figure = group.months[m];
      figure.month = first.plus(static_cast<int>(m));
      figure.planned_cumulative = accumulator.planned[m];
      if (static_cast<int>(m) <= latest) figure.disbursed_cumulative = accumulator.disbursed[m];
      figure.target_percent = targets[m];
    }
    if (group.allocated > 0 && latest >= 0) {
      group.forecast_year_end_percent = round2(100.0 * static_cast<double>(accumulator.forecast) /
                                               static_cast<double>(group.allocated));
      auto at_latest = static_cast<std::size_t>(latest);
      group.behind_plan = accumulator.disbursed[at_latest] < accumulator.planned[at_latest];
      for (int m = latest; m >= 0; --m) {
        if (auto target = targets[static_cast<std::size_t>(m)]) {
          double actual = 100.0 *
                          static_cast<double>(accumulator.disbursed[static_cast<std::size_t>(m)]) /
                          static_cast<double>(group.allocated);
          group.behind_target = actual < *target;
          break;
        }
      }
    }
    report.groups.push_back(std::move(group));
  }
  return report;
}

// ---- Savings and reserve promotion ----

std::map<BudgetSource, Satang> savings_by_source(const Ledger& ledger,
                                                 const std::vector<std::int64_t>& promoted) {
  std::map<BudgetSource, Satang> savings;
  for (auto source : {BudgetSource::provincial, BudgetSource::province_group,
                      BudgetSource::ministry, BudgetSource::local, BudgetSource::other}) {
    savings[source] = 0;
  }
  for (const auto& book : ledger.books) {
    const Project& project = book->project;
    Satang freed = 0;
    for (const auto& line : book->lines) {
      if (project.status == ProjectStatus::cancelled) {
        const Position* position = line.latest();
        Satang spent = position ? position->used() : 0;
        freed += std::max<Satang>(0, line.line.allocated - spent);
      } else if (line.line.contract) {
        freed += std::max<Satang>(0, line.line.allocated - *line.line.contract);
      }
    }
    savings[project.budget_source] += freed;
  }
  // A promoted reserve is paid from the savings: the larger of its request and its
  // allocation is no longer free.
  for (std::int64_t element_id : promoted) {
    if (const ProjectBook* book = ledger.find(element_id)) {
      savings[book->project.budget_source] -= std::max(book->project.requested, book->allocated());
    }
  }
  for (auto& [source, amount] : savings) amount = std::max<Satang>(0, amount);
  return savings;
}

std::string_view to_string(ReserveVerdict verdict) {
  static constexpr EnumNames<ReserveVerdict, 6> kVerdicts{
      {"proposed", "not_reserve", "cancelled", "not_province_source", "not_ready", "does_not_fit"}};
  return kVerdicts.name(verdict);
}

std::vector<ReserveCandidate> reserve_candidates(const Ledger& ledger,
                                                 const std::map<BudgetSource, Satang>& savings) {
  std::vector<ReserveCandidate> candidates;
  for (const auto& book : ledger.books) {
    const Project& project = book->project;
    if (project.kind != ProjectKind::reserve) continue;
    ReserveCandidate candidate{book.get(), ReserveVerdict::proposed};
    auto available = savings.find(project.budget_source);
    if (project.status == ProjectStatus::cancelled) {
      candidate.verdict = ReserveVerdict::cancelled;
    } else if (!province_decides(project.budget_source)) {
      candidate.verdict = ReserveVerdict::not_province_source;
    } else if (!project.readiness.ready()) {
      candidate.verdict = ReserveVerdict::not_ready;
    } else if (available == savings.end() || project.requested > available->second) {
      candidate.verdict = ReserveVerdict::does_not_fit;
    }
    candidates.push_back(candidate);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const ReserveCandidate& a, const ReserveCandidate& b) {
              int ra = a.book->project.ranking.value_or(1'000'000);
              int rb = b.book->project.ranking.value_or(1'000'000);
              if (ra != rb) return ra < rb;
              if (a.book->project.budget_source != b.book->project.budget_source) {
                return a.book->project.budget_source < b.book->project.budget_source;
              }
              return a.book->project.element_id < b.book->project.element_id;
            });
  return candidates;
}

}  // namespace changwat::action_plan
