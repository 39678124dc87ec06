#include "modules/plan/json.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <unordered_map>

#include "base/json_or_null.hpp"

namespace changwat::plan {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// Whole numbers print as integers (12, not 1.2E1); others as doubles.
value number(double x) {
  if (std::isfinite(x) && std::trunc(x) == x && std::fabs(x) < 9.0e15) {
    return static_cast<std::int64_t>(x);
  }
  return x;
}

value text_or_null(const std::string& x) {
  if (x.empty()) return nullptr;
  return value(x);
}

template <class Enum>
array enum_list(const std::vector<Enum>& items) {
  array out;
  for (auto item : items) out.emplace_back(to_string(item));
  return out;
}

array text_list(const std::vector<std::string>& items) {
  array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

array id_list(const std::vector<std::int64_t>& items) {
  array out;
  for (auto item : items) out.emplace_back(item);
  return out;
}

object baseline_json(const KpiDetails& kpi) {
  return {{"value", json_or_null(kpi.baseline_value, number)},
          {"fiscal_year", json_or_null(kpi.baseline_year)}};
}

// Targets keyed by fiscal year: {"2566": 12, "2567": null}.
object targets_by_year(const KpiDetails& kpi) {
  object out;
  for (const auto& target : kpi.targets) {
    out[std::to_string(target.fiscal_year)] = json_or_null(target.value, number);
  }
  return out;
}

void add_kpi_fields(object& out, const KpiDetails& kpi, bool full) {
  out["unit_th"] = kpi.unit_th;
  out["unit_en"] = kpi.unit_en;
  out["direction"] = to_string(kpi.direction);
  out["range_low"] = json_or_null(kpi.range_low, number);
  out["range_high"] = json_or_null(kpi.range_high, number);
  out["baseline"] = baseline_json(kpi);
  out["targets"] = targets_by_year(kpi);
  out["owner_agency"] = json_or_null(kpi.owner_agency_code);
  out["frequency"] = kpi.frequency;
  if (!full) return;
  out["formula_th"] = kpi.formula_th;
  out["formula_en"] = kpi.formula_en;
  out["data_source_th"] = kpi.data_source_th;
  out["data_source_en"] = kpi.data_source_en;
  array rows;
  for (const auto& target : kpi.targets) {
    rows.push_back(object{{"fiscal_year", target.fiscal_year},
                          {"value", json_or_null(target.value, number)},
                          {"version", target.version}});
  }
  out["target_rows"] = std::move(rows);
}

void add_project_fields(object& out, const ProjectDetails& project, bool full) {
  out["project_kind"] = to_string(project.kind);
  object nested{{"kind", to_string(project.kind)},
                {"ranking", json_or_null(project.ranking)},
                {"proposal", to_string(project.proposal)},
                {"budget_source", to_string(project.budget_source)},
                {"first_fiscal_year", json_or_null(project.first_fiscal_year)},
                {"last_fiscal_year", json_or_null(project.last_fiscal_year)},
                {"term", to_string(project.term)}};
  out["project"] = std::move(nested);
  out["ranking"] = json_or_null(project.ranking);
  out["budget_satang"] = project.budget_satang;
  out["agency"] = json_or_null(project.agency_code);
  out["supporting_agencies"] = text_list(project.supporting_agency_codes);
  out["areas"] = text_list(project.area_codes);
  out["guideline_ids"] = id_list(project.guideline_ids);
  if (!full) return;
  out["proposal"] = to_string(project.proposal);
  out["proposed_by_agency"] = json_or_null(project.proposed_by_agency);
  out["budget_source"] = to_string(project.budget_source);
  out["first_fiscal_year"] = json_or_null(project.first_fiscal_year);
  out["last_fiscal_year"] = json_or_null(project.last_fiscal_year);
  out["objectives_th"] = project.objectives_th;
  out["objectives_en"] = project.objectives_en;
  out["start_date"] = json_or_null(project.start_date);
  out["end_date"] = json_or_null(project.end_date);
  out["term"] = to_string(project.term);
  array indicators;
  for (const auto& indicator : project.indicators) {
    indicators.push_back(object{{"level", to_string(indicator.level)},
                                {"text_th", indicator.text_th},
                                {"text_en", indicator.text_en},
                                {"unit_th", indicator.unit_th},
                                {"target_value", json_or_null(indicator.target_value, number)}});
  }
  out["indicators"] = std::move(indicators);
}

object node_json(const Element& element, bool full) {
  object out;
  out["id"] = element.element_id;
  out["kind"] = to_string(element.kind);
  out["code"] = text_or_null(element.code);
  out["text_th"] = element.text_th;
  out["text_en"] = element.text_en;
  out["parent_id"] = json_or_null(element.parent_id);
  out["position"] = element.position;
  out["version"] = element.version;
  out["demo"] = element.demo;
  out["dimensions"] = enum_list(element.dimensions);
  out["alignments"] = text_list(element.alignment_codes);
  if (full) {
    out["plan_id"] = element.plan_id;
    out["description_th"] = element.description_th;
    out["description_en"] = element.description_en;
  }
  if (element.kpi) add_kpi_fields(out, *element.kpi, full);
  if (element.project) add_project_fields(out, *element.project, full);
  return out;
}

}  // namespace

object period_to_json(const PlanPeriod& period) {
  return {{"first_fiscal_year", period.first_fiscal_year},
          {"last_fiscal_year", period.last_fiscal_year},
          {"text", std::to_string(period.first_fiscal_year) + "–" +
                       std::to_string(period.last_fiscal_year)}};
}

object plan_to_json(const Plan& plan) {
  return {{"id", plan.id},
          {"province_code", plan.province_code},
          {"name_th", plan.name_th},
          {"name_en", plan.name_en},
          {"period", period_to_json(plan.period)},
          {"status", to_string(plan.current_status)},
          {"version", plan.current_version},
          {"approved_version", json_or_null(plan.approved_version)},
          {"draft_version", json_or_null(plan.draft_version)},
          {"row_version", plan.row_version},
          {"demo", plan.demo},
          {"created_at", plan.created_at}};
}

object version_to_json(const PlanVersion& version) {
  return {{"number", version.number},
          {"status", to_string(version.status)},
          {"based_on", json_or_null(version.based_on)},
          {"created_by", version.created_by},
          {"created_by_name", version.created_by_name},
          {"created_at", version.created_at},
          {"approved_by", json_or_null(version.approved_by)},
          {"approved_by_name", json_or_null(version.approved_by_name)},
          {"approved_at", json_or_null(version.approved_at)},
          {"note", json_or_null(version.note)},
          {"revision", version.revision},
          {"element_count", version.element_count}};
}

object element_to_json(const Element& element) { return node_json(element, true); }

object tree_node_to_json(const Element& element) { return node_json(element, false); }

object diff_to_json(const PlanDiff& diff) {
  array added;
  for (const auto& element : diff.added) added.push_back(tree_node_to_json(element));
  array removed;
  for (const auto& element : diff.removed) removed.push_back(tree_node_to_json(element));
  array changed;
  std::size_t target_changes = 0;
  for (const auto& change : diff.changed) {
    array fields;
    for (const auto& field : change.changes) {
      if (field.field.starts_with("targets.")) ++target_changes;
      fields.push_back(object{{"field", field.field},
                              {"before", boost::json::parse(field.before_json)},
                              {"after", boost::json::parse(field.after_json)}});
    }
    changed.push_back(object{{"id", change.element_id},
                             {"kind", to_string(change.kind)},
                             {"code", text_or_null(change.code)},
                             {"text_th", change.text_th},
                             {"changes", std::move(fields)}});
  }
  object summary{{"added", diff.added.size()},
                 {"removed", diff.removed.size()},
                 {"changed", diff.changed.size()},
                 {"target_changes", target_changes}};
  return {{"plan_id", diff.plan_id},        {"from", version_to_json(diff.from)},
          {"to", version_to_json(diff.to)}, {"summary", std::move(summary)},
          {"added", std::move(added)},      {"removed", std::move(removed)},
          {"changed", std::move(changed)}};
}

object alignment_target_to_json(const AlignmentTarget& target) {
  return {{"code", target.code},         {"framework", target.framework},
          {"number", target.number},     {"parent_code", json_or_null(target.parent_code)},
          {"name_th", target.name_th},   {"name_en", target.name_en},
          {"short_th", target.short_th}, {"short_en", target.short_en}};
}

object catalog_to_json(const AlignmentCatalog& catalog) {
  array frameworks;
  for (const auto& framework : catalog.frameworks()) {
    array targets;
    for (const auto& target : catalog.targets()) {
      if (target.framework == framework.key) targets.push_back(alignment_target_to_json(target));
    }
    frameworks.push_back(object{{"key", framework.key},
                                {"name_th", framework.name_th},
                                {"name_en", framework.name_en},
                                {"source", framework.source},
                                {"wording", framework.wording},
                                {"targets", std::move(targets)}});
  }
  return {{"frameworks", std::move(frameworks)}, {"target_count", catalog.targets().size()}};
}

object element_summary_to_json(const ElementSummary& summary) {
  object out{{"id", summary.element_id},           {"plan_id", summary.plan_id},
             {"version", summary.version_number},  {"kind", to_string(summary.kind)},
             {"code", text_or_null(summary.code)}, {"text_th", summary.text_th},
             {"text_en", summary.text_en}};
  if (summary.project_kind) out["project_kind"] = to_string(*summary.project_kind);
  return out;
}

object report_to_json(const AlignmentReport& report) {
  array served;
  for (const auto& use : report.served) {
    object item = alignment_target_to_json(use.target);
    item["element_ids"] = id_list(use.element_ids);
    item["element_count"] = use.element_ids.size();
    served.push_back(std::move(item));
  }
  array not_served;
  for (const auto& target : report.not_served) {
    not_served.push_back(alignment_target_to_json(target));
  }
  array serving_none;
  for (const auto& element : report.serving_none) {
    serving_none.push_back(element_summary_to_json(element));
  }
  array inherited_only;
  for (const auto& element : report.inherited_only) {
    inherited_only.push_back(element_summary_to_json(element));
  }
  object summary{{"elements_inherited_only", report.inherited_only.size()},
                 {"targets_served", report.served.size()},
                 {"targets_not_served", report.not_served.size()},
                 {"elements_serving_none", report.serving_none.size()}};
  return {{"plan_id", report.plan_id},
          {"version", report.version_number},
          {"summary", std::move(summary)},
          {"served", std::move(served)},
          {"not_served", std::move(not_served)},
          {"serving_none", std::move(serving_none)},
          {"inherited_only", std::move(inherited_only)}};
}

}  // namespace changwat::plan
