#include "modules/plan/diff.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <type_traits>

namespace changwat::plan {
namespace {

bool same_targets(const KpiDetails& a, const KpiDetails& b) {
  if (a.targets.size() != b.targets.size()) return false;
  for (std::size_t i = 0; i < a.targets.size(); ++i) {
    if (a.targets[i].fiscal_year != b.targets[i].fiscal_year ||
        a.targets[i].value != b.targets[i].value) {
      return false;
    }
  }
  return true;
}

bool same_kpi(const KpiDetails& a, const KpiDetails& b) {
  return same_targets(a, b) && a.unit_th == b.unit_th && a.unit_en == b.unit_en &&
         a.direction == b.direction && a.range_low == b.range_low && a.range_high == b.range_high &&
         a.baseline_value == b.baseline_value && a.baseline_year == b.baseline_year &&
         a.formula_th == b.formula_th && a.formula_en == b.formula_en &&
         a.data_source_th == b.data_source_th && a.data_source_en == b.data_source_en &&
         a.frequency == b.frequency && a.owner_agency_code == b.owner_agency_code;
}

bool same_project(const ProjectDetails& a, const ProjectDetails& b) {
  return a.kind == b.kind && a.ranking == b.ranking && a.proposal == b.proposal &&
         a.agency_code == b.agency_code && a.supporting_agency_codes == b.supporting_agency_codes &&
         a.area_codes == b.area_codes && a.guideline_ids == b.guideline_ids &&
         a.first_fiscal_year == b.first_fiscal_year && a.last_fiscal_year == b.last_fiscal_year &&
         a.budget_source == b.budget_source && a.budget_satang == b.budget_satang &&
         a.objectives_th == b.objectives_th && a.objectives_en == b.objectives_en &&
         a.start_date == b.start_date && a.end_date == b.end_date && a.term == b.term &&
         a.indicators == b.indicators;
}

// Content equality. Row versions and positions are left out: renumbering siblings
// after an insert is not a change of the sibling.
bool same_content(const Element& a, const Element& b) {
  // Every content change of an element row raises its version (update, move,
  // alignment), and a revision copies rows with their versions; so within one plan
  // an equal version means equal content, apart from KPI targets, which are edited
  // in place with versions of their own.
  if (a.version == b.version && a.parent_id == b.parent_id) {
    if (!a.kpi || !b.kpi) return a.kpi.has_value() == b.kpi.has_value();
    return same_targets(*a.kpi, *b.kpi);
  }
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

// JSON of one field's value, for the before/after of a change.
boost::json::value as_json(const std::string& x) { return boost::json::value(x); }
boost::json::value as_json(std::int64_t x) { return x; }
boost::json::value as_json(const std::optional<std::string>& x) {
  return x ? boost::json::value(*x) : boost::json::value(nullptr);
}
boost::json::value as_json(const std::optional<std::int64_t>& x) {
  return x ? boost::json::value(*x) : boost::json::value(nullptr);
}
boost::json::value as_json(const std::optional<int>& x) {
  return x ? boost::json::value(*x) : boost::json::value(nullptr);
}
boost::json::value as_json(const std::optional<double>& x) {
  if (!x) return nullptr;
  if (std::trunc(*x) == *x && std::fabs(*x) < 9.0e15) return static_cast<std::int64_t>(*x);
  return *x;
}
template <class Enum>
requires std::is_enum_v<Enum> boost::json::value as_json(Enum x) {
  return boost::json::value(to_string(x));
}
boost::json::value as_json(const ProjectIndicator& x) {
  return boost::json::object{{"level", to_string(x.level)},
                             {"text_th", x.text_th},
                             {"text_en", x.text_en},
                             {"unit_th", x.unit_th},
                             {"target_value", as_json(x.target_value)}};
}
template <class Item>
boost::json::value as_json(const std::vector<Item>& items) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(as_json(item));
  return out;
}

// Collects the fields that differ; values are turned into JSON only for those.
class Changes {
 public:
  template <class T>
  void field(const std::string& name, const T& before, const T& after) {
    if (before == after) return;
    changes_.push_back(
        {name, boost::json::serialize(as_json(before)), boost::json::serialize(as_json(after))});
  }
  std::vector<FieldChange> take() {
    std::sort(changes_.begin(), changes_.end(),
              [](const FieldChange& a, const FieldChange& b) { return a.field < b.field; });
    return std::move(changes_);
  }

 private:
  std::vector<FieldChange> changes_;
};

void kpi_changes(Changes& out, const KpiDetails& a, const KpiDetails& b) {
  out.field("unit_th", a.unit_th, b.unit_th);
  out.field("unit_en", a.unit_en, b.unit_en);
  out.field("direction", a.direction, b.direction);
  out.field("range_low", a.range_low, b.range_low);
  out.field("range_high", a.range_high, b.range_high);
  out.field("baseline.value", a.baseline_value, b.baseline_value);
  out.field("baseline.fiscal_year", a.baseline_year, b.baseline_year);
  out.field("formula_th", a.formula_th, b.formula_th);
  out.field("formula_en", a.formula_en, b.formula_en);
  out.field("data_source_th", a.data_source_th, b.data_source_th);
  out.field("data_source_en", a.data_source_en, b.data_source_en);
  out.field("frequency", a.frequency, b.frequency);
  out.field("owner_agency", a.owner_agency_code, b.owner_agency_code);
  // Targets year by year; a year only one side has counts as null on the other.
  std::map<int, std::pair<std::optional<double>, std::optional<double>>> years;
  for (const auto& target : a.targets) years[target.fiscal_year].first = target.value;
  for (const auto& target : b.targets) years[target.fiscal_year].second = target.value;
  for (const auto& [year, values] : years) {
    out.field("targets." + std::to_string(year), values.first, values.second);
  }
}

void project_changes(Changes& out, const ProjectDetails& a, const ProjectDetails& b) {
  out.field("project.project_kind", a.kind, b.kind);
  out.field("project.ranking", a.ranking, b.ranking);
  out.field("project.proposal", a.proposal, b.proposal);
  out.field("project.agency", a.agency_code, b.agency_code);
  out.field("project.supporting_agencies", a.supporting_agency_codes, b.supporting_agency_codes);
  out.field("project.areas", a.area_codes, b.area_codes);
  out.field("project.guideline_ids", a.guideline_ids, b.guideline_ids);
  out.field("project.first_fiscal_year", a.first_fiscal_year, b.first_fiscal_year);
  out.field("project.last_fiscal_year", a.last_fiscal_year, b.last_fiscal_year);
  out.field("project.budget_source", a.budget_source, b.budget_source);
  out.field("project.budget_satang", a.budget_satang, b.budget_satang);
  out.field("project.objectives_th", a.objectives_th, b.objectives_th);
  out.field("project.objectives_en", a.objectives_en, b.objectives_en);
  out.field("project.start_date", a.start_date, b.start_date);
  out.field("project.end_date", a.end_date, b.end_date);
  out.field("project.term", a.term, b.term);
  out.field("project.indicators", a.indicators, b.indicators);
}

std::vector<FieldChange> field_changes(const Element& before, const Element& after) {
  Changes out;
  out.field("parent_id", before.parent_id, after.parent_id);
  out.field("code", before.code, after.code);
  out.field("text_th", before.text_th, after.text_th);
  out.field("text_en", before.text_en, after.text_en);
  out.field("description_th", before.description_th, after.description_th);
  out.field("description_en", before.description_en, after.description_en);
  out.field("dimensions", before.dimensions, after.dimensions);
  out.field("alignments", before.alignment_codes, after.alignment_codes);
  if (before.kpi && after.kpi) kpi_changes(out, *before.kpi, *after.kpi);
  if (before.project && after.project) project_changes(out, *before.project, *after.project);
  return out.take();
}

}  // namespace

PlanDiff compare_versions(const PlanTree& from, const PlanTree& to) {
  PlanDiff diff;
  diff.plan_id = to.plan.id;
  diff.from = from.version;
  diff.to = to.version;
  // The "from" elements sorted by id, looked up by binary search: no allocation per
  // element (a hash map of 25,000 nodes costs more than the comparisons).
  std::vector<std::pair<std::int64_t, const Element*>> before;
  before.reserve(from.elements.size());
  for (const auto& element : from.elements) before.emplace_back(element.element_id, &element);
  std::sort(before.begin(), before.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<bool> matched(before.size(), false);
  for (const auto& element : to.elements) {
    auto found =
        std::lower_bound(before.begin(), before.end(), element.element_id,
                         [](const auto& entry, std::int64_t id) { return entry.first < id; });
    if (found == before.end() || found->first != element.element_id) {
      diff.added.push_back(element);
      continue;
    }
    matched[static_cast<std::size_t>(found - before.begin())] = true;
    const Element& old = *found->second;
    if (same_content(old, element)) continue;
    auto changes = field_changes(old, element);
    if (changes.empty()) continue;
    diff.changed.push_back(
        {element.element_id, element.kind, element.code, element.text_th, std::move(changes)});
  }
  for (const auto& element : from.elements) {
    auto found =
        std::lower_bound(before.begin(), before.end(), element.element_id,
                         [](const auto& entry, std::int64_t id) { return entry.first < id; });
    if (!matched[static_cast<std::size_t>(found - before.begin())]) diff.removed.push_back(element);
  }
  return diff;
}

}  // namespace changwat::plan
