#include "modules/kpi_results/service.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/kpi_results/actual_store.hpp"
#include "modules/kpi_results/json.hpp"
#include "modules/kpi_results/rubric_store.hpp"
#include "modules/kpi_results/rules.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::kpi_results {
namespace {

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "demo";
}

[[noreturn]] void kpi_not_found() { throw_not_found("ตัวชี้วัด", "KPI"); }

const plan::Element* find_in(const plan::PlanTree& tree, std::int64_t element_id) {
  for (const plan::Element& element : tree.elements)
    if (element.element_id == element_id) return &element;
  return nullptr;
}

std::optional<double> target_of(const plan::KpiDetails& kpi, int fiscal_year) {
  for (const plan::KpiTarget& target : kpi.targets)
    if (target.fiscal_year == fiscal_year) return target.value;
  return std::nullopt;
}

std::optional<bool> track(const plan::KpiDetails& kpi, std::optional<double> actual,
                          std::optional<double> target) {
  if (!actual || !target) return std::nullopt;
  return rules::on_track(kpi.direction, *actual, *target, kpi.range_low, kpi.range_high);
}

std::string actual_key(std::int64_t element_id, int fiscal_year, Period period) {
  return std::to_string(element_id) + "/" + std::to_string(fiscal_year) + "/" +
         std::string(to_string(period));
}

// The fields every stored KPI row carries: its KPI, the plan and province, demo or not,
// who wrote it last and when.
template <class Row>
void stamp(Row& row, std::int64_t element_id, const plan::Plan& plan, bool demo,
           const Actor& actor) {
  row.element_id = element_id;
  row.plan_id = plan.id;
  row.province_code = plan.province_code;
  row.demo = demo;
  row.updated_by = actor_name(actor);
  row.updated_at = iso_utc_now();
}

// Writes a row with one conditional statement either way (the read that found `before`
// only picks the statement): an update needs the version the writer saw; a writer that
// saw a version of a row that does not exist, or lost the race to insert it, is stale.
template <class Store, class Row>
void write_versioned(Store& store, const Row& row, bool exists,
                     std::optional<std::int64_t> expected) {
  if (exists) {
    if (!expected || !store.update(row, *expected)) throw_stale_version();
    return;
  }
  if (expected && *expected != 0) throw_stale_version();
  if (!store.insert_if_absent(row)) throw_stale_version();
}

// Writes a stamped row (created or updated), reads it back and records the audit entry,
// all on the caller's transaction. `find` finds the row by its key in the store.
template <class Store, class Row, class Find>
Row save_audited(db::Connection& connection, const Actor& actor, const Row& row,
                 std::optional<std::int64_t> expected, const char* entity, const std::string& key,
                 Find find, boost::json::object (*to_json)(const Row&)) {
  Store store(connection);
  std::optional<Row> before = find(store);
  write_versioned(store, row, before.has_value(), expected);
  Row stored = *find(store);
  audit::record_in(connection, row.province_code, actor, entity, key, before ? "update" : "create",
                   before ? boost::json::value(to_json(*before)) : boost::json::value(nullptr),
                   to_json(stored));
  return stored;
}

}  // namespace

// A KPI and the plan it belongs to, as found inside the transaction in hand.
struct KpiResultsService::Located {
  plan::Plan plan;
  plan::ElementSummary summary;
  std::shared_ptr<const plan::PlanTree> tree;  // the version in force
  const plan::Element* in_force = nullptr;     // the KPI in it; null if only a draft has it
};

struct KpiResultsService::Cache {
  struct Entry {
    std::shared_ptr<const plan::PlanTree> tree;
    std::pair<std::int64_t, std::int64_t> actuals;
    std::pair<std::int64_t, std::int64_t> rubrics;
    std::shared_ptr<const PlanScores> scores;
  };
  std::mutex mutex;
  std::map<std::pair<std::int64_t, int>, Entry> entries;
  std::atomic<std::uint64_t> revision{0};
};

KpiResultsService::KpiResultsService(db::Database& database, areas::AreaService& areas,
                                     plan::PlanService& plans)
    : database_(database), areas_(areas), plans_(plans), cache_(std::make_unique<Cache>()) {}

KpiResultsService::~KpiResultsService() = default;

std::uint64_t KpiResultsService::revision() const { return cache_->revision.load(); }

KpiResultsService::Located KpiResultsService::locate_kpi(const Actor& actor,
                                                         std::int64_t element_id) const {
  auto summary = plans_.find_element(element_id);
  if (!summary) kpi_not_found();
  Located located;
  located.plan = plans_.get_plan(Actor::command_line(), summary->plan_id);
  // A KPI of another province is not there for this user.
  if (actor.principal && actor.principal->province_code != located.plan.province_code)
    kpi_not_found();
  if (summary->kind != plan::ElementKind::kpi) {
    throw Error(ErrorKind::rule, "not_a_kpi",
                {"องค์ประกอบนี้ไม่ใช่ตัวชี้วัด จึงไม่มีผลการดำเนินงานหรือเกณฑ์การให้คะแนน",
                 "This element is not a KPI, so it has no actuals or rubric"});
  }
  located.summary = *summary;
  located.tree = plans_.tree(Actor::command_line(), summary->plan_id, std::nullopt);
  located.in_force = find_in(*located.tree, element_id);
  return located;
}

// ---- Reading ----

std::vector<Actual> KpiResultsService::actuals(const Actor& actor, std::int64_t element_id,
                                               std::optional<int> fiscal_year) const {
  rules::require_reader(actor);
  return database_.read([&](db::Connection& connection) {
    locate_kpi(actor, element_id);
    return ActualStore(connection).of_kpi(element_id, fiscal_year);
  });
}

std::optional<Rubric> KpiResultsService::rubric(const Actor& actor, std::int64_t element_id) const {
  rules::require_reader(actor);
  return database_.read([&](db::Connection& connection) {
    locate_kpi(actor, element_id);
    return RubricStore(connection).find(element_id);
  });
}

std::shared_ptr<const PlanScores> KpiResultsService::plan_scores(const Actor& actor,
                                                                 std::int64_t plan_id,
                                                                 int fiscal_year) const {
  const Principal& principal = rules::require_reader(actor);
  return database_.read([&](db::Connection&) {
    plan::Plan plan = plans_.get_plan(actor, plan_id);  // 404 for a plan the caller cannot see
    if (plan.province_code != principal.province_code) throw_not_found("แผน", "Plan");
    if (!plan.period.contains(fiscal_year)) {
      Message why{"ปีงบประมาณ " + std::to_string(fiscal_year) + " อยู่นอกช่วงของแผน",
                  "fiscal year " + std::to_string(fiscal_year) + " is outside the plan period"};
      throw Error(ErrorKind::rule, "fiscal_year_outside_plan", why, {{"fiscal_year", why}});
    }
    return scores(plan_id, fiscal_year);
  });
}

KpiTrend KpiResultsService::trend(const Actor& actor, std::int64_t element_id) const {
  rules::require_reader(actor);
  return database_.read([&](db::Connection& connection) {
    Located located = locate_kpi(actor, element_id);
    KpiTrend trend;
    trend.element_id = element_id;
    trend.plan_id = located.plan.id;
    std::vector<Actual> actuals = ActualStore(connection).of_kpi(element_id, std::nullopt);
    std::optional<Rubric> rubric = RubricStore(connection).find(element_id);
    const plan::KpiDetails* kpi =
        located.in_force && located.in_force->kpi ? &*located.in_force->kpi : nullptr;
    if (kpi) {
      trend.direction = kpi->direction;
      trend.baseline_value = kpi->baseline_value;
      trend.baseline_year = kpi->baseline_year;
    }
    for (int year = located.plan.period.first_fiscal_year;
         year <= located.plan.period.last_fiscal_year; ++year) {
      TrendPoint point;
      point.fiscal_year = year;
      if (kpi) point.target = target_of(*kpi, year);
      std::vector<const Actual*> of_year;
      for (const Actual& actual : actuals)
        if (actual.fiscal_year == year) of_year.push_back(&actual);
      if (const Actual* counted = rules::counted_actual(of_year)) {
        point.period = counted->period;
        point.actual = counted->value;
        point.data_year = counted->data_year;
        if (rubric)
          point.score = rules::score(rubric->thresholds, rubric->direction, counted->value);
      }
      if (kpi) point.on_track = track(*kpi, point.actual, point.target);
      trend.years.push_back(point);
    }
    return trend;
  });
}

// ---- Writing ----

Actual KpiResultsService::set_actual(const Actor& actor, std::int64_t element_id,
                                     const ActualInput& input) {
  rules::require_editor(actor);
  return write_actual(actor, element_id, input, false);
}

Rubric KpiResultsService::set_rubric(const Actor& actor, std::int64_t element_id,
                                     const RubricInput& input) {
  rules::require_editor(actor);
  return write_rubric(actor, element_id, input, false);
}

Actual KpiResultsService::import_actual(const Actor& actor, std::int64_t element_id,
                                        const ActualInput& input, bool demo) {
  return write_actual(actor, element_id, input, demo);
}

Rubric KpiResultsService::import_rubric(const Actor& actor, std::int64_t element_id,
                                        const RubricInput& input, bool demo) {
  return write_rubric(actor, element_id, input, demo);
}

Actual KpiResultsService::write_actual(const Actor& actor, std::int64_t element_id,
                                       const ActualInput& input, bool demo) {
  rules::check_actual_fields(input.value, input.evidence_th, input.source_th);
  Actual saved = database_.write([&](db::Connection& connection) {
    Located located = locate_kpi(actor, element_id);
    rules::check_actual_years(input.fiscal_year, input.data_year,
                              located.plan.period.first_fiscal_year,
                              located.plan.period.last_fiscal_year);
    Actual actual;
    stamp(actual, element_id, located.plan, demo, actor);
    actual.fiscal_year = input.fiscal_year;
    actual.period = input.period;
    actual.value = input.value;
    actual.evidence_th = input.evidence_th;
    actual.data_year = input.data_year;
    actual.source_th = input.source_th;
    return save_audited<ActualStore>(
        connection, actor, actual, input.expected_version, "kpi_actual",
        actual_key(element_id, input.fiscal_year, input.period),
        [&](ActualStore& store) { return store.find(element_id, input.fiscal_year, input.period); },
        actual_json);
  });
  cache_->revision.fetch_add(1);
  return saved;
}

Rubric KpiResultsService::write_rubric(const Actor& actor, std::int64_t element_id,
                                       const RubricInput& input, bool demo) {
  rules::check_rubric(input.thresholds, input.direction, input.weight);
  Rubric saved = database_.write([&](db::Connection& connection) {
    Located located = locate_kpi(actor, element_id);
    Rubric rubric;
    stamp(rubric, element_id, located.plan, demo, actor);
    rubric.thresholds = input.thresholds;
    rubric.direction = input.direction;
    rubric.weight = input.weight;
    return save_audited<RubricStore>(
        connection, actor, rubric, input.expected_version, "kpi_rubric", std::to_string(element_id),
        [&](RubricStore& store) { return store.find(element_id); }, rubric_json);
  });
  cache_->revision.fetch_add(1);
  return saved;
}

// ---- Scores ----

std::shared_ptr<const PlanScores> KpiResultsService::scores(std::int64_t plan_id,
                                                            int fiscal_year) const {
  return database_.read([&](db::Connection& connection) -> std::shared_ptr<const PlanScores> {
    if (!plans_.period_of(plan_id)) {
      auto empty = std::make_shared<PlanScores>();
      empty->plan_id = plan_id;
      empty->fiscal_year = fiscal_year;
      return empty;
    }
    auto tree = plans_.tree(Actor::command_line(), plan_id, std::nullopt);
    auto actual_stamp = ActualStore(connection).stamp(plan_id, fiscal_year);
    auto rubric_stamp = RubricStore(connection).stamp(plan_id);
    const auto key = std::make_pair(plan_id, fiscal_year);
    {
      std::lock_guard lock(cache_->mutex);
      auto found = cache_->entries.find(key);
      if (found != cache_->entries.end() && found->second.tree == tree &&
          found->second.actuals == actual_stamp && found->second.rubrics == rubric_stamp)
        return found->second.scores;
    }
    auto computed = compute(connection, *tree, fiscal_year);
    std::lock_guard lock(cache_->mutex);
    cache_->entries[key] = Cache::Entry{tree, actual_stamp, rubric_stamp, computed};
    return computed;
  });
}

std::shared_ptr<const PlanScores> KpiResultsService::compute(db::Connection& connection,
                                                             const plan::PlanTree& tree,
                                                             int fiscal_year) const {
  const std::int64_t plan_id = tree.plan.id;
  std::vector<Actual> actuals = ActualStore(connection).of_plan(plan_id, fiscal_year);
  std::vector<Rubric> rubrics = RubricStore(connection).of_plan(plan_id);
  std::unordered_map<std::int64_t, const Rubric*> rubric_of;
  for (const Rubric& rubric : rubrics) rubric_of[rubric.element_id] = &rubric;
  std::unordered_map<std::int64_t, std::vector<const Actual*>> actuals_of;
  for (const Actual& actual : actuals) actuals_of[actual.element_id].push_back(&actual);

  auto result = std::make_shared<PlanScores>();
  result->plan_id = plan_id;
  result->fiscal_year = fiscal_year;
  // Parents come before children: each element's strategy is itself or its parent's.
  std::unordered_map<std::int64_t, std::optional<std::int64_t>> strategy_of;
  std::unordered_map<std::int64_t, std::size_t> strategy_index;
  for (const plan::Element& element : tree.elements) {
    std::optional<std::int64_t> strategy;
    if (element.kind == plan::ElementKind::strategy) {
      strategy = element.element_id;
      strategy_index[element.element_id] = result->strategies.size();
      result->strategies.push_back(StrategyScore{.element_id = element.element_id,
                                                 .code = element.code,
                                                 .text_th = element.text_th,
                                                 .text_en = element.text_en,
                                                 .score = std::nullopt,
                                                 .weight = 0,
                                                 .kpi_count = 0,
                                                 .scored_count = 0});
    } else if (element.parent_id) {
      auto parent = strategy_of.find(*element.parent_id);
      if (parent != strategy_of.end()) strategy = parent->second;
    }
    strategy_of[element.element_id] = strategy;
    if (element.kind != plan::ElementKind::kpi || !element.kpi) continue;

    KpiScore kpi{.element_id = element.element_id,
                 .code = element.code,
                 .text_th = element.text_th,
                 .text_en = element.text_en,
                 .strategy_id = strategy,
                 .agency_code = element.kpi->owner_agency_code,
                 .period = std::nullopt,
                 .value = std::nullopt,
                 .target = target_of(*element.kpi, fiscal_year),
                 .score = std::nullopt,
                 .weight = 0,
                 .direction = element.kpi->direction,
                 .on_track = std::nullopt};
    auto rubric = rubric_of.find(element.element_id);
    if (rubric != rubric_of.end()) kpi.weight = rubric->second->weight;
    if (auto found = actuals_of.find(element.element_id); found != actuals_of.end()) {
      if (const Actual* counted = rules::counted_actual(found->second)) {
        kpi.period = counted->period;
        kpi.value = counted->value;
        if (rubric != rubric_of.end())
          kpi.score =
              rules::score(rubric->second->thresholds, rubric->second->direction, counted->value);
      }
    }
    kpi.on_track = track(*element.kpi, kpi.value, kpi.target);
    result->kpis.push_back(std::move(kpi));
  }

  // Weighted means: strategy over its scored KPIs, province over every scored KPI.
  double province_sum = 0;
  double province_weight = 0;
  std::vector<double> strategy_sums(result->strategies.size(), 0.0);
  for (const KpiScore& kpi : result->kpis) {
    ++result->kpi_count;
    StrategyScore* strategy = nullptr;
    if (kpi.strategy_id) {
      std::size_t index = strategy_index.at(*kpi.strategy_id);
      strategy = &result->strategies[index];
      ++strategy->kpi_count;
      if (kpi.score) strategy_sums[index] += *kpi.score * kpi.weight;
    }
    if (!kpi.score) continue;
    ++result->scored_count;
    province_sum += *kpi.score * kpi.weight;
    province_weight += kpi.weight;
    if (strategy) {
      ++strategy->scored_count;
      strategy->weight += kpi.weight;
    }
  }
  for (std::size_t i = 0; i < result->strategies.size(); ++i) {
    StrategyScore& strategy = result->strategies[i];
    if (strategy.weight > 0) strategy.score = strategy_sums[i] / strategy.weight;
  }
  if (province_weight > 0) result->province = province_sum / province_weight;
  return result;
}

std::vector<TrajectoryGap> KpiResultsService::below_trajectory(std::int64_t plan_id,
                                                               int fiscal_year) const {
  auto computed = scores(plan_id, fiscal_year);
  std::vector<TrajectoryGap> gaps;
  for (const KpiScore& kpi : computed->kpis) {
    if (!kpi.on_track || *kpi.on_track) continue;
    gaps.push_back(TrajectoryGap{.element_id = kpi.element_id,
                                 .plan_id = plan_id,
                                 .fiscal_year = fiscal_year,
                                 .code = kpi.code,
                                 .text_th = kpi.text_th,
                                 .text_en = kpi.text_en,
                                 .strategy_id = kpi.strategy_id,
                                 .agency_code = kpi.agency_code,
                                 .direction = kpi.direction,
                                 .period = kpi.period.value_or(Period::year),
                                 .actual = kpi.value.value_or(0),
                                 .target = kpi.target.value_or(0),
                                 .score = kpi.score});
  }
  return gaps;
}

}  // namespace changwat::kpi_results
