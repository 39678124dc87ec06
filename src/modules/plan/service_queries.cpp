// PlanService: comparing versions, the alignment report, and the reads other
// modules make (elements by id, projects of the version in force, project search).
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <unordered_map>

#include "modules/plan/diff.hpp"
#include "modules/plan/element_store.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/plan_store.hpp"
#include "modules/plan/service_detail.hpp"
#include "modules/plan/version_store.hpp"

namespace changwat::plan {
namespace {

using namespace detail;

// Alignment flows down the tree: a project under a guideline linked to a national
// target serves that target too. True for elements with a link of their own or
// one on any ancestor.
std::unordered_map<std::int64_t, bool> effective_alignment(const PlanTree& tree) {
  std::unordered_map<std::int64_t, bool> aligned;
  aligned.reserve(tree.elements.size());
  for (const auto& element : tree.elements) {  // parents come first
    bool inherited = false;
    if (element.parent_id) {
      auto found = aligned.find(*element.parent_id);
      inherited = found != aligned.end() && found->second;
    }
    aligned[element.element_id] = inherited || !element.alignment_codes.empty();
  }
  return aligned;
}

bool answers_alignment(ElementKind kind) {
  return kind == ElementKind::strategy || kind == ElementKind::guideline ||
         kind == ElementKind::project;
}

}  // namespace

std::pair<std::shared_ptr<const PlanService::CachedTree>,
          std::shared_ptr<const PlanService::CachedTree>>
PlanService::diff_trees(const Actor& actor, std::int64_t plan_id, int from_version,
                        int to_version) const {
  return database_.read([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    const PlanVersion* from_row = located.number(from_version);
    if (!from_row) throw_version_not_found(from_version);
    const PlanVersion* to_row = located.number(to_version);
    if (!to_row) throw_version_not_found(to_version);
    if (from_row->status == VersionStatus::draft || to_row->status == VersionStatus::draft) {
      require_draft_reader(actor);
    }
    return std::pair{cached_tree(connection, located, *from_row),
                     cached_tree(connection, located, *to_row)};
  });
}

PlanDiff PlanService::diff(const Actor& actor, std::int64_t plan_id, int from_version,
                           int to_version) const {
  auto [from, to] = diff_trees(actor, plan_id, from_version, to_version);
  return compare_versions(*from->tree, *to->tree);
}

std::shared_ptr<const std::string> PlanService::diff_json(const Actor& actor, std::int64_t plan_id,
                                                          int from_version, int to_version) const {
  auto [from, to] = diff_trees(actor, plan_id, from_version, to_version);
  {
    std::lock_guard lock(cache_->mutex);
    auto& diffs = cache_->diffs;
    diffs.remove_if([](const auto& entry) { return entry.from.expired() || entry.to.expired(); });
    for (auto it = diffs.begin(); it != diffs.end(); ++it) {
      if (it->from.lock() == from && it->to.lock() == to) {
        auto json = it->json;
        diffs.splice(diffs.begin(), diffs, it);
        return json;
      }
    }
  }
  auto json = std::make_shared<const std::string>(
      boost::json::serialize(diff_to_json(compare_versions(*from->tree, *to->tree))));
  std::lock_guard lock(cache_->mutex);
  cache_->diffs.push_front({from, to, json});
  while (cache_->diffs.size() > cache_->capacity) cache_->diffs.pop_back();
  return json;
}

AlignmentReport PlanService::alignment_report(const Actor& actor, std::int64_t plan_id,
                                              std::optional<int> version_number) const {
  auto snapshot = tree(actor, plan_id, version_number);
  AlignmentReport report;
  report.plan_id = plan_id;
  report.version_number = snapshot->version.number;
  std::map<std::string, std::vector<std::int64_t>> users;
  for (const auto& element : snapshot->elements) {
    for (const auto& code : element.alignment_codes) users[code].push_back(element.element_id);
  }
  for (const auto& target : catalog_.targets()) {
    auto found = users.find(target.code);
    if (found == users.end()) {
      report.not_served.push_back(target);
    } else {
      report.served.push_back({target, found->second});
    }
  }
  auto aligned = effective_alignment(*snapshot);
  for (const auto& element : snapshot->elements) {
    if (!answers_alignment(element.kind)) continue;
    if (!aligned[element.element_id]) {
      report.serving_none.push_back(summarize(element, snapshot->version.number));
    } else if (element.alignment_codes.empty()) {
      report.inherited_only.push_back(summarize(element, snapshot->version.number));
    }
  }
  return report;
}

std::optional<ElementSummary> PlanService::find_element(std::int64_t element_id) const {
  return database_.read([&](db::Connection& connection) -> std::optional<ElementSummary> {
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    auto locations = element_store.locations_of(element_id);
    if (locations.empty()) return std::nullopt;
    const auto& newest = locations.front();
    auto element = element_store.load_element(newest.version_id, element_id);
    if (!element) return std::nullopt;
    ElementSummary summary = summarize(*element, newest.version_number);
    auto versions = version_store.versions(newest.plan_id);
    summary.in_latest_version =
        !versions.empty() && versions.back().number == newest.version_number;
    return summary;
  });
}

std::optional<ElementSummary> PlanService::find_element_by_code(std::int64_t plan_id,
                                                                std::string_view code) const {
  return database_.read([&](db::Connection& connection) -> std::optional<ElementSummary> {
    PlanStore plan_store(connection);
    ElementStore element_store(connection);
    if (!plan_store.find_plan(plan_id)) return std::nullopt;
    Located located = locate(connection, plan_id);
    const PlanVersion& version = located.in_force();
    auto element_id = element_store.element_with_code(version.id, std::string(code));
    if (!element_id) return std::nullopt;
    auto element = element_store.load_element(version.id, *element_id);
    if (!element) return std::nullopt;
    return summarize(*element, version.number);
  });
}

std::vector<ElementSummary> PlanService::elements_of_current_version(
    std::int64_t plan_id, std::optional<ElementKind> kind) const {
  auto snapshot = tree(Actor::command_line(), plan_id, std::nullopt);
  std::vector<ElementSummary> result;
  for (const auto& element : snapshot->elements) {
    if (!kind || element.kind == *kind) {
      result.push_back(summarize(element, snapshot->version.number));
    }
  }
  return result;
}

std::vector<ProjectSummary> PlanService::projects_of_current_version(std::int64_t plan_id) const {
  auto snapshot = tree(Actor::command_line(), plan_id, std::nullopt);
  auto aligned = effective_alignment(*snapshot);
  std::vector<ProjectSummary> result;
  for (const auto& element : snapshot->elements) {
    if (element.kind != ElementKind::project || !element.project) continue;
    result.push_back({.element_id = element.element_id,
                      .plan_id = element.plan_id,
                      .code = element.code,
                      .text_th = element.text_th,
                      .text_en = element.text_en,
                      .project_kind = element.project->kind,
                      .agency_code = element.project->agency_code,
                      .area_codes = element.project->area_codes,
                      .budget_satang = element.project->budget_satang,
                      .alignment_codes = element.alignment_codes,
                      .has_alignment = aligned[element.element_id]});
  }
  return result;
}

std::vector<SearchHit> PlanService::search_projects(std::string_view query, int limit) const {
  // The index covers the version in force of every plan; it is rebuilt when one of
  // them is not the one it was built from (approval, or an edit of a first draft).
  std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> key;
  std::vector<std::pair<std::int64_t, int>> sources;  // plan id, version number
  database_.read([&](db::Connection& connection) {
    std::map<std::int64_t, std::vector<PlanVersion>> by_plan;
    for (auto& version : VersionStore(connection).all_versions()) {
      by_plan[version.plan_id].push_back(std::move(version));
    }
    for (const auto& [plan_id, versions] : by_plan) {
      Located located{Plan{}, versions};
      const PlanVersion& in_force = located.in_force();
      key.emplace_back(plan_id, in_force.id, in_force.revision);
      sources.emplace_back(plan_id, in_force.number);
    }
  });
  std::shared_ptr<const ProjectSearchIndex> index;
  {
    std::lock_guard lock(cache_->search_mutex);
    if (!cache_->search || cache_->search_key != key) {
      std::vector<ProjectSearchIndex::Document> documents;
      for (const auto& [plan_id, number] : sources) {
        auto snapshot = tree(Actor::command_line(), plan_id, number);
        for (const auto& element : snapshot->elements) {
          if (element.kind != ElementKind::project || !element.project) continue;
          ProjectSearchIndex::Document document;
          document.hit = {element.element_id, plan_id,         number, element.code,
                          element.text_th,    element.text_en, 0};
          document.text = element.code + " " + element.text_th + " " + element.text_en + " " +
                          element.project->objectives_th;
          documents.push_back(std::move(document));
        }
      }
      cache_->search = std::make_shared<const ProjectSearchIndex>(std::move(documents));
      cache_->search_key = std::move(key);
    }
    index = cache_->search;
  }
  return index->search(query, std::clamp(limit, 0, 1000));
}

std::optional<PlanPeriod> PlanService::period_of(std::int64_t plan_id) const {
  return database_.read([&](db::Connection& connection) -> std::optional<PlanPeriod> {
    auto plan = PlanStore(connection).find_plan(plan_id);
    if (!plan) return std::nullopt;
    return plan->period;
  });
}

std::optional<std::int64_t> PlanService::plan_id_by_demo_key(std::string_view demo_key) const {
  return database_.read([&](db::Connection& connection) {
    return PlanStore(connection).plan_id_by_demo_key(std::string(demo_key));
  });
}

}  // namespace changwat::plan
