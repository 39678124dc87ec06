#pragma once
// The money of one action plan in memory (the read model behind GET …/spending and
// the reserve proposals), and the computations over it. Plain C++: no database, no
// HTTP, unit-tested on its own.
//
// A Ledger is immutable once built; the service swaps in a new one after each
// committed change (copying only the pointers of untouched projects), keyed by the
// action plan's revision, so every answer reflects the last write at once.
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "modules/action_plan/model.hpp"

namespace changwat::action_plan {

// What the plan module says about a project (its version in force).
struct ProjectMeta {
  std::string code;
  std::string name_th;
  std::string name_en;
  std::optional<std::string> agency_code;
  std::int64_t strategy_id = 0;  // the strategy it hangs under; 0 if none
  std::string strategy_code;
  std::string strategy_name_th;
  std::string strategy_name_en;
  int order = 0;  // position in tree order
};

struct StrategyMeta {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::string name_en;
};

struct PlanIndex {
  std::unordered_map<std::int64_t, ProjectMeta> projects;  // by element id
  std::vector<StrategyMeta> strategies;                    // tree order
};

// What one project adds to a spending group, computed once per book: a write replaces
// one book, so a rollup only adds these up (2,000 projects × 12 months) instead of
// walking every line and position again.
struct ProjectFigures {
  Satang allocated = 0;
  Satang po_outstanding = 0;  // latest positions, carry-over months included
  Satang disbursed = 0;
  Satang forecast = 0;  // year-end forecast of its lines
  std::array<Satang, 12> planned{};
  std::array<Satang, 12> disbursed_by_month{};  // carried forward from the latest position
  int latest = -1;                              // latest fiscal month (0..11) with a position
};
ProjectFigures figures_of(const ProjectBook& book, int fiscal_year);

struct Ledger {
  ActionPlan header;
  std::vector<std::shared_ptr<const ProjectBook>> books;       // by project id
  std::vector<std::shared_ptr<const ProjectFigures>> figures;  // one per book, same order
  std::unordered_map<std::int64_t, std::size_t> by_element;

  // Builds the index; `books` in any order.
  static std::shared_ptr<const Ledger> make(ActionPlan header,
                                            std::vector<std::shared_ptr<const ProjectBook>> books);
  // A copy sharing every book except `book` (added or replaced, by project id).
  std::shared_ptr<const Ledger> with(ActionPlan header,
                                     std::shared_ptr<const ProjectBook> book) const;
  const ProjectBook* find(std::int64_t element_id) const;
};

// The project's meta from the plan, or its snapshot when the plan's version in
// force no longer has it.
ProjectMeta meta_of(const PlanIndex& index, const Project& project);
// The same without a copy: the index's entry, or `fallback` filled from the snapshot.
const ProjectMeta& meta_ref(const PlanIndex& index, const Project& project, ProjectMeta& fallback);

// ---- Spending (S-curves) ----

// The national target for each month of the fiscal year (quarter ends only).
using TargetLine = std::array<std::optional<double>, 12>;

struct MonthFigure {
  Month month;
  Satang planned_cumulative = 0;
  std::optional<Satang> disbursed_cumulative;  // none after the latest month entered
  std::optional<double> target_percent;
};

struct SpendingGroup {
  std::string key;
  std::string name_th;
  std::string name_en;
  int projects = 0;
  Satang allocated = 0;
  Satang po_outstanding = 0;  // latest positions, carry-over months included
  Satang disbursed = 0;
  std::array<MonthFigure, 12> months;
  std::optional<double> forecast_year_end_percent;
  bool behind_plan = false;    // actual below planned at the latest month entered
  bool behind_target = false;  // actual below the national target of the latest quarter end
};

struct SpendingReport {
  ActionPlan header;
  GroupBy by = GroupBy::province;
  std::optional<Month> latest_month;  // latest month of the fiscal year with a position
  std::vector<SpendingGroup> groups;
};

// Names of groups the ledger cannot know (the province, agencies): key -> (th, en).
using GroupNamer = std::function<std::pair<std::string, std::string>(GroupBy, const std::string&)>;

// Every project counts in exactly one group, so the groups add up to the province.
SpendingReport compute_spending(const Ledger& ledger, const PlanIndex& index, GroupBy by,
                                const TargetLine& targets, const GroupNamer& namer);

// The year-end disbursement forecast of a line: capital lines add the outstanding
// POs due by the year end (all of them unless instalment dates say otherwise);
// current lines follow the pace so far. Never above the allocation.
Satang forecast_year_end(const LineBook& line, int fiscal_year);

// ---- Savings and reserve promotion ----

// Savings (เงินเหลือจ่าย) by budget source: contract prices below allocations, what a
// cancelled project had not spent, less what promoted reserves have taken.
std::map<BudgetSource, Satang> savings_by_source(const Ledger& ledger,
                                                 const std::vector<std::int64_t>& promoted);

enum class ReserveVerdict {
  proposed,
  not_reserve,
  cancelled,
  not_province_source,
  not_ready,
  does_not_fit,
};
std::string_view to_string(ReserveVerdict verdict);

struct ReserveCandidate {
  const ProjectBook* book = nullptr;
  ReserveVerdict verdict = ReserveVerdict::proposed;
};

// Reserve projects best-ranked first (ranking, then budget source), each with
// whether the system proposes it.
std::vector<ReserveCandidate> reserve_candidates(const Ledger& ledger,
                                                 const std::map<BudgetSource, Satang>& savings);

}  // namespace changwat::action_plan
