#include "modules/plan/diff.hpp"

#include <boost/json.hpp>
#include <set>
#include <unordered_map>

#include "modules/plan/json.hpp"

namespace changwat::plan {
namespace {

bool same_kpi(const KpiDetails& a, const KpiDetails& b) {
  if (a.targets.size() != b.targets.size()) return false;
  for (std::size_t i = 0; i < a.targets.size(); ++i) {
    if (a.targets[i].fiscal_year != b.targets[i].fiscal_year ||
        a.targets[i].value != b.targets[i].value) {
      return false;
    }
  }
  return a.unit_th == b.unit_th && a.unit_en == b.unit_en && a.direction == b.direction &&
         a.range_low == b.range_low && a.range_high == b.range_high &&
         a.baseline_value == b.baseline_value && a.baseline_year == b.baseline_year &&
         a.formula_th == b.formula_th && a.formula_en == b.formula_en &&
         a.data_source_th == b.data_source_th && a.data_source_en == b.data_source_en &&
         a.frequency == b.frequency && a.owner_agency_code == b.owner_agency_code;
}

bool same_indicators(const std::vector<ProjectIndicator>& a,
                     const std::vector<ProjectIndicator>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].level != b[i].level || a[i].text_th != b[i].text_th || a[i].text_en != b[i].text_en ||
        a[i].unit_th != b[i].unit_th || a[i].target_value != b[i].target_value) {
      return false;
    }
  }
  return true;
}

bool same_project(const ProjectDetails& a, const ProjectDetails& b) {
  return a.kind == b.kind && a.ranking == b.ranking && a.proposal == b.proposal &&
         a.agency_code == b.agency_code && a.supporting_agency_codes == b.supporting_agency_codes &&
         a.area_codes == b.area_codes && a.guideline_ids == b.guideline_ids &&
         a.first_fiscal_year == b.first_fiscal_year && a.last_fiscal_year == b.last_fiscal_year &&
         a.budget_source == b.budget_source && a.budget_satang == b.budget_satang &&
         a.objectives_th == b.objectives_th && a.objectives_en == b.objectives_en &&
         a.start_date == b.start_date && a.end_date == b.end_date && a.term == b.term &&
         same_indicators(a.indicators, b.indicators);
}

// Content equality. Row versions and positions are left out: renumbering siblings
// after an insert is not a change of the sibling.
bool same_content(const Element& a, const Element& b) {
  if (a.parent_id != b.parent_id || a.code != b.code || a.text_th != b.text_th ||
      a.text_en != b.text_en || a.description_th != b.description_th ||
      a.description_en != b.description_en || a.dimensions != b.dimensions ||
      a.alignment_codes != b.alignment_codes || a.kpi.has_value() != b.kpi.has_value() ||
      a.project.has_value() != b.project.has_value()) {
    return false;
  }
  if (a.kpi && !same_kpi(*a.kpi, *b.kpi)) return false;
  if (a.project && !same_project(*a.project, *b.project)) return false;
  return true;
}

std::vector<FieldChange> field_changes(const Element& before, const Element& after) {
  boost::json::object old_fields = comparable_fields(before);
  boost::json::object new_fields = comparable_fields(after);
  std::set<std::string> keys;
  for (const auto& entry : old_fields) keys.insert(std::string(entry.key()));
  for (const auto& entry : new_fields) keys.insert(std::string(entry.key()));
  std::vector<FieldChange> changes;
  for (const auto& key : keys) {
    const boost::json::value* old_value = old_fields.if_contains(key);
    const boost::json::value* new_value = new_fields.if_contains(key);
    boost::json::value none = nullptr;
    const boost::json::value& a = old_value ? *old_value : none;
    const boost::json::value& b = new_value ? *new_value : none;
    if (a == b) continue;
    changes.push_back({key, boost::json::serialize(a), boost::json::serialize(b)});
  }
  return changes;
}

}  // namespace

PlanDiff compare_versions(const PlanTree& from, const PlanTree& to) {
  PlanDiff diff;
  diff.plan_id = to.plan.id;
  diff.from = from.version;
  diff.to = to.version;
  std::unordered_map<std::int64_t, const Element*> before;
  before.reserve(from.elements.size());
  for (const auto& element : from.elements) before.emplace(element.element_id, &element);
  std::unordered_map<std::int64_t, bool> seen;
  seen.reserve(to.elements.size());
  for (const auto& element : to.elements) {
    seen.emplace(element.element_id, true);
    auto found = before.find(element.element_id);
    if (found == before.end()) {
      diff.added.push_back(element);
      continue;
    }
    if (same_content(*found->second, element)) continue;
    auto changes = field_changes(*found->second, element);
    if (changes.empty()) continue;
    diff.changed.push_back(
        {element.element_id, element.kind, element.code, element.text_th, std::move(changes)});
  }
  for (const auto& element : from.elements) {
    if (!seen.contains(element.element_id)) diff.removed.push_back(element);
  }
  return diff;
}

}  // namespace changwat::plan
