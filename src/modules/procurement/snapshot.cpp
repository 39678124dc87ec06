// The read model the monitoring module calls: every procurement with its stage and
// deadlines on one day, and the questions dashboards and warnings ask of it. No
// database: built from the service's cached state.
#include <algorithm>

#include "modules/procurement/service.hpp"
#include "modules/procurement/service_detail.hpp"

namespace changwat::procurement {
namespace {

bool in_scope(const ProcurementSummary& summary, const Scope& scope) {
  if (scope.province_code && summary.province_code != *scope.province_code) return false;
  if (scope.fiscal_year && summary.fiscal_year != *scope.fiscal_year) return false;
  if (scope.agency_code && summary.agency_code != scope.agency_code) return false;
  return true;
}

}  // namespace

namespace detail {

std::shared_ptr<const Snapshot> build_snapshot(const RuleSet& rules,
                                               const ProcurementService::State& state,
                                               const thai::Date& today) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->revision = state.revision;
  snapshot->token = state.token;
  snapshot->today = today;
  snapshot->procurements.reserve(state.records.size());
  for (const auto& [id, pointer] : state.records) {
    const Procurement& record = *pointer;
    ProcurementSummary summary;
    summary.id = record.id;
    summary.province_code = record.province_code;
    summary.element_id = record.element_id;
    summary.action_plan_id = record.action_plan_id;
    summary.fiscal_year = record.fiscal_year;
    summary.agency_code = record.agency_code;
    summary.title_th = record.title_th;
    summary.egp_project_number = record.egp_project_number;
    summary.method = record.method;
    summary.stage = record.stage();
    summary.reference_price_satang = record.reference_price_satang;
    summary.contract_value_satang = record.contract_value_satang;
    summary.contract_signed = record.stages.contract_signed;
    summary.multi_year = record.multi_year;
    summary.deadlines = compute_deadlines(rules, state.calendar, record,
                                          state.commitments_of(record.fiscal_year), today);
    summary.demo = record.demo;
    std::size_t index = snapshot->procurements.size();
    snapshot->by_element[record.element_id].push_back(index);
    if (record.stages.contract_signed && !record.terminated_on) {
      for (const auto& item : record.instalments) {
        if (item.accepted.value_or(false)) continue;
        snapshot->open_instalments.push_back(
            {index, item.number, item.due_on, item.amount_satang, record.contract_number});
      }
    }
    snapshot->procurements.push_back(std::move(summary));
  }
  std::sort(snapshot->open_instalments.begin(), snapshot->open_instalments.end(),
            [](const Snapshot::Due& a, const Snapshot::Due& b) { return a.due_on < b.due_on; });
  return snapshot;
}

}  // namespace detail

std::optional<Stage> Snapshot::project_stage(std::int64_t element_id) const {
  auto found = by_element.find(element_id);
  if (found == by_element.end()) return std::nullopt;
  std::optional<Stage> least;
  bool any_terminated = false;
  for (std::size_t index : found->second) {
    Stage stage = procurements[index].stage;
    if (stage == Stage::terminated) {
      any_terminated = true;
      continue;
    }
    if (!least || stage < *least) least = stage;
  }
  if (!least && any_terminated) return Stage::terminated;
  return least;
}

StageCounts Snapshot::stage_counts(const std::vector<std::int64_t>& element_ids) const {
  StageCounts counts;
  for (std::int64_t element_id : element_ids) {
    auto found = by_element.find(element_id);
    if (found == by_element.end()) {
      ++counts.projects_without_procurement;
      continue;
    }
    for (std::size_t index : found->second) {
      ++counts.by_stage[static_cast<std::size_t>(procurements[index].stage)];
    }
  }
  return counts;
}

std::vector<UncommittedProcurement> Snapshot::not_committed(const Scope& scope) const {
  std::vector<UncommittedProcurement> out;
  for (const auto& summary : procurements) {
    if (!in_scope(summary, scope)) continue;
    for (const auto& deadline : summary.deadlines) {
      if (deadline.rule != "commitment" || deadline.met != false || !deadline.due_on) continue;
      out.push_back({&summary,
                     summary.multi_year ? "multi_year_procurement" : "single_year_procurement",
                     *deadline.due_on, deadline.note_th, deadline.note_en});
    }
  }
  return out;
}

std::vector<OverdueInstalment> Snapshot::overdue_instalments(const Scope& scope) const {
  std::vector<OverdueInstalment> out;
  std::string day = thai::to_iso(today);
  for (const auto& due : open_instalments) {
    if (due.due_on >= day) break;  // sorted by due date
    const ProcurementSummary& summary = procurements[due.procurement];
    if (!in_scope(summary, scope)) continue;
    out.push_back({&summary, due.number, due.due_on, due.amount_satang, due.contract_number,
                   days_between(iso_date(due.due_on), today)});
  }
  return out;
}

std::vector<LateDeadline> Snapshot::late_deadlines(const Scope& scope) const {
  std::vector<LateDeadline> out;
  for (const auto& summary : procurements) {
    if (!in_scope(summary, scope)) continue;
    for (const auto& deadline : summary.deadlines) {
      if (deadline.met == false) out.push_back({&summary, &deadline});
    }
  }
  return out;
}

}  // namespace changwat::procurement
