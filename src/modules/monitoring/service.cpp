#include "modules/monitoring/service.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "base/clock.hpp"
#include "modules/monitoring/evaluation.hpp"
#include "modules/monitoring/json.hpp"
#include "modules/monitoring/rules.hpp"
#include "modules/monitoring/warning_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/notifications/outbox.hpp"

namespace changwat::monitoring {

struct MonitoringService::Cache {
  std::mutex mutex;
  std::map<std::pair<std::string, int>, std::shared_ptr<const Evaluation>> evaluations;
  struct Document {
    std::weak_ptr<const Evaluation> evaluation;
    std::shared_ptr<const std::string> json;
  };
  std::map<std::tuple<std::string, int, int, std::string>, Document> dashboards;
  std::int64_t generation = 0;
};

namespace {

[[noreturn]] void throw_warning_not_found() { throw_not_found("คำเตือน", "Warning"); }

// The figures and text of a cause on its warning row (as WarningStore writes them).
void apply_cause(Warning& warning, const Cause& cause) {
  warning.kind = cause.kind;
  warning.element_id = cause.element_id;
  warning.subject = cause.subject;
  warning.agency_code = cause.agency_code;
  warning.due_on = thai::to_iso(cause.due_on);
  warning.measure = cause.measure;
  warning.severity = cause.severity;
  warning.message_th = cause.message.th;
  warning.message_en = cause.message.en;
}

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command_line" : "system";
}

}  // namespace

MonitoringService::MonitoringService(db::Database& database, areas::AreaService& areas,
                                     Sources sources, Today today)
    : database_(database),
      areas_(areas),
      sources_(sources),
      today_(std::move(today)),
      cache_(std::make_unique<Cache>()) {}

MonitoringService::~MonitoringService() = default;

thai::Date MonitoringService::today() const {
  return today_ ? today_() : thai::today_in_thailand();
}

Settings MonitoringService::load_settings(db::Connection& connection,
                                          const std::string& province_code) const {
  Settings settings;
  auto stored = WarningStore(connection).settings(province_code);
  for (const auto& info : setting_infos()) {
    auto it = stored.find(std::string(info.key));
    if (it != stored.end()) settings.*info.field = it->second;
  }
  return settings;
}

// ---- Evaluation ----

std::shared_ptr<const Evaluation> MonitoringService::current(const std::string& province_code,
                                                             int fiscal_year) const {
  const Actor system = Actor::command_line();
  Inputs in;
  in.province_code = province_code;
  in.fiscal_year = fiscal_year;
  in.today = today();
  // One read transaction for every module's stamp: each service's reads join it.
  database_.read([&](db::Connection& c) {
    in.revision = WarningStore(c).revision(province_code);
    for (const auto& header : sources_.action_plans.list(system)) {
      if (header.province_code != province_code || header.fiscal_year != fiscal_year) continue;
      auto view = sources_.action_plans.view(header.id);
      PlanSlot slot;
      slot.ledger = view.ledger;
      slot.index = view.index;
      try {
        slot.tree = sources_.plans.tree(system, header.plan_id, std::nullopt);
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::not_found) throw;
      }
      if (sources_.kpis) slot.scores = sources_.kpis->scores(header.plan_id, fiscal_year);
      for (const auto& figures : slot.ledger->figures) {
        slot.latest = std::max(slot.latest, figures->latest);
      }
      in.plans.push_back(std::move(slot));
    }
    in.targets = sources_.action_plans.target_line(fiscal_year);
    in.deadlines = sources_.action_plans.targets(fiscal_year).deadlines;
    if (sources_.progress) in.progress = sources_.progress->snapshot(fiscal_year);
    if (sources_.procurement) in.procurement = sources_.procurement->snapshot(in.today);
    return 0;
  });

  const auto key = std::make_pair(province_code, fiscal_year);
  std::shared_ptr<const Evaluation> cached;
  {
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->evaluations.find(key);
    if (it != cache_->evaluations.end()) cached = it->second;
  }
  if (cached && cached->inputs.same_sources(in)) return cached;

  auto evaluation = std::make_shared<Evaluation>();
  evaluation->inputs = std::move(in);
  Inputs& inputs = evaluation->inputs;
  std::shared_ptr<const std::vector<Warning>> stored;
  std::int64_t stored_revision = -1;  // the revision `stored` was read at
  database_.read([&](db::Connection& c) {
    evaluation->settings = load_settings(c, province_code);
    for (auto& slot : inputs.plans) {
      if (sources_.kpis && slot.scores) {
        slot.gaps = sources_.kpis->below_trajectory(slot.scores->plan_id, fiscal_year);
      }
      auto proposals = sources_.action_plans.reserve_proposals(system, slot.ledger->header.id);
      slot.savings = proposals.savings;
      for (const auto& candidate : proposals.candidates) {
        if (candidate.verdict != action_plan::ReserveVerdict::proposed) continue;
        const auto& project = candidate.book->project;
        slot.proposed.push_back(
            {project.element_id, project.ranking, project.requested, project.budget_source});
      }
    }
    if (cached && cached->inputs.revision == inputs.revision) {
      stored = cached->warnings;
      stored_revision = inputs.revision;
    } else {
      WarningStore store(c);
      stored_revision = store.revision(province_code);
      stored = std::make_shared<const std::vector<Warning>>(store.list(province_code, fiscal_year));
    }
    return 0;
  });
  index_projects(*evaluation);
  // Each group of causes again only when its inputs changed (a month-end position
  // recomputes the money causes; the instalments' and reports' stand).
  const std::size_t projects = projects_key(*evaluation);
  for (std::size_t g = 0; g < kCauseGroups; ++g) {
    const auto group = static_cast<CauseGroup>(g);
    GroupStamp stamp;
    stamp.projects = projects;
    stamp.today = inputs.today;
    stamp.settings = evaluation->settings;
    for (const auto& deadline : inputs.deadlines) {
      stamp.texts.push_back(deadline.key + "=" + deadline.deadline);
    }
    switch (group) {
      case CauseGroup::money:
        stamp.targets = inputs.targets;
        for (const auto& slot : inputs.plans) {
          stamp.sources.push_back(slot.ledger.get());
          stamp.sources.push_back(slot.index.get());
        }
        break;
      case CauseGroup::progress:
        stamp.sources.push_back(inputs.progress.get());
        break;
      case CauseGroup::procurement:
        stamp.sources.push_back(inputs.procurement.get());
        break;
      case CauseGroup::kpi:
        for (const auto& slot : inputs.plans) stamp.sources.push_back(slot.scores.get());
        break;
    }
    if (cached && cached->causes[g] && cached->stamps[g] == stamp) {
      evaluation->causes[g] = cached->causes[g];
    } else {
      evaluation->causes[g] =
          std::make_shared<const std::vector<Cause>>(find_causes(*evaluation, group));
    }
    evaluation->stamps[g] = std::move(stamp);
  }

  // Reconciles the causes of the groups asked with the stored warnings of their kinds.
  // A group whose causes are the last evaluation's, over the same stored rows, is
  // already reconciled (each evaluation leaves the rows matching every cause).
  std::array<bool, kCauseGroups> changed{};
  for (std::size_t g = 0; g < kCauseGroups; ++g) {
    changed[g] =
        !cached || cached->causes[g] != evaluation->causes[g] || cached->warnings != stored;
  }
  auto reconcile = [&](const std::vector<Warning>& rows, bool every_group) {
    rules::Reconciliation total;
    std::array<std::vector<const Warning*>, kCauseGroups> by_group;
    for (const auto& row : rows)
      by_group[static_cast<std::size_t>(group_of(row.kind))].push_back(&row);
    for (std::size_t g = 0; g < kCauseGroups; ++g) {
      if (!every_group && !changed[g]) continue;
      std::vector<const Cause*> refs;
      refs.reserve(evaluation->causes[g]->size());
      for (const auto& cause : *evaluation->causes[g]) refs.push_back(&cause);
      auto part = rules::reconcile(refs, by_group[g], inputs.today, evaluation->settings);
      for (auto& cause : part.raise) total.raise.push_back(std::move(cause));
      for (auto& refresh : part.refresh) total.refresh.push_back(std::move(refresh));
      for (auto id : part.resolve) total.resolve.push_back(id);
    }
    return total;
  };

  auto plan = reconcile(*stored, false);
  if (!plan.empty()) {
    const std::string today_iso = thai::to_iso(inputs.today);
    database_.write([&](db::Connection& c) {
      WarningStore store(c);
      const std::int64_t read_at = inputs.revision;
      inputs.revision = store.bump_revision(province_code);
      // Another server or thread may have written since the rows were read: then
      // decide again on fresh rows; otherwise the rows in hand are the stored ones.
      const bool same_rows = inputs.revision == read_at + 1 && stored_revision == read_at;
      std::vector<Warning> rows = same_rows ? *stored : store.list(province_code, fiscal_year);
      auto fresh = same_rows ? std::move(plan) : reconcile(rows, true);
      const std::string at = iso_utc_now();
      // Each change written and applied to the rows in hand the same way (no re-read).
      for (const auto& cause : fresh.raise) {
        Warning raised;
        raised.id = store.insert(province_code, fiscal_year, cause, today_iso, false);
        raised.province_code = province_code;
        raised.fiscal_year = fiscal_year;
        raised.raised_on = today_iso;
        apply_cause(raised, cause);
        // The owner agency's officers are told (by their choice of channel), in the
        // transaction that raises the warning (docs/decisions/0014-*.md).
        if (raised.agency_code)
          notifications::enqueue(c, {.topic = notifications::Topic::warning,
                                     .province_code = province_code,
                                     .agency_code = raised.agency_code,
                                     .user_id = std::nullopt,
                                     .subject_th = "คำเตือน: " + std::string(name_th(raised.kind)),
                                     .body_th = raised.message_th,
                                     .link = "/monitoring/warnings"});
        rows.push_back(std::move(raised));
      }
      std::unordered_map<std::int64_t, Warning*> by_id;
      for (auto& row : rows) by_id[row.id] = &row;
      for (const auto& refresh : fresh.refresh) {
        store.refresh(refresh.id, refresh.cause);
        Warning& row = *by_id.at(refresh.id);
        apply_cause(row, refresh.cause);
        row.version += 1;
      }
      for (std::int64_t id : fresh.resolve) {
        store.resolve_automatically(id, today_iso, at);
        Warning& row = *by_id.at(id);
        row.status = WarningStatus::resolved;
        row.resolved_on = today_iso;
        row.resolved_at = at;
        row.resolved_automatically = true;
        row.resolution_note_th = std::string(kAutomaticNote);
        row.resolved_measure = row.measure;
        row.resolved_severity = row.severity;
        row.version += 1;
      }
      stored = std::make_shared<const std::vector<Warning>>(std::move(rows));
      return 0;
    });
  }
  evaluation->warnings = std::move(stored);
  std::shared_ptr<const Evaluation> result = evaluation;
  std::lock_guard lock(cache_->mutex);
  evaluation->generation = ++cache_->generation;
  auto& slot = cache_->evaluations[key];
  slot = result;
  return result;
}

std::vector<Warning> MonitoringService::evaluate(const std::string& province_code,
                                                 int fiscal_year) const {
  return *current(province_code, fiscal_year)->warnings;
}

// ---- Reading ----

std::vector<Warning> MonitoringService::warnings(const Actor& actor,
                                                 const WarningFilter& filter) const {
  const Principal& principal = actor.require_signed_in();
  auto evaluation = current(principal.province_code, filter.fiscal_year);
  std::vector<Warning> result;
  for (const auto& warning : *evaluation->warnings) {
    if (filter.agency_code && warning.agency_code != filter.agency_code) continue;
    if (filter.kind && warning.kind != *filter.kind) continue;
    if (filter.status && warning.status != *filter.status) continue;
    result.push_back(warning);
  }
  // Open first, the most urgent first; then the resolved ones, latest first.
  std::stable_sort(result.begin(), result.end(), [](const Warning& a, const Warning& b) {
    if (a.status != b.status) return a.status == WarningStatus::open;
    if (a.status == WarningStatus::open) {
      if (a.due_on != b.due_on) return a.due_on < b.due_on;
      return a.id < b.id;
    }
    return a.id > b.id;
  });
  return result;
}

Warning MonitoringService::warning(const Actor& actor, std::int64_t id) const {
  const Principal& principal = actor.require_signed_in();
  auto found = database_.read([&](db::Connection& c) { return WarningStore(c).find(id); });
  if (!found || found->province_code != principal.province_code) throw_warning_not_found();
  return *found;
}

std::shared_ptr<const std::string> MonitoringService::dashboard(
    const Actor& actor, const DashboardScope& requested, std::optional<int> fiscal_year) const {
  const Principal& principal = actor.require_signed_in();
  const std::string& province = principal.province_code;
  const int year = fiscal_year.value_or(thai::fiscal_year(today()));
  DashboardScope scope = requested;
  ScopeNames names;
  switch (scope.kind) {
    case ScopeKind::province: {
      scope.code = province;
      auto area = areas_.find(province);
      names = area ? ScopeNames{"จังหวัด" + area->name_th, area->name_en}
                   : ScopeNames{province, province};
      break;
    }
    case ScopeKind::agency: {
      auto agency = areas_.find_agency(scope.code);
      if (!agency || agency->province_code != province) throw_not_found("หน่วยงาน", "Agency");
      names = {agency->name_th, agency->name_en};
      break;
    }
    case ScopeKind::district: {
      auto area = areas_.find(scope.code);
      if (!area || area->level != areas::Level::district || area->province_code != province) {
        throw_not_found("อำเภอ", "District");
      }
      names = {"อำเภอ" + area->name_th, area->name_en};
      break;
    }
    case ScopeKind::strategy:
      break;  // named below, from the plans of the evaluation or the plan module
  }
  auto evaluation = current(province, year);
  if (scope.kind == ScopeKind::strategy) {
    bool found = false;
    for (const auto& plan : evaluation->inputs.plans) {
      for (const auto& strategy : plan.index->strategies) {
        if (std::to_string(strategy.element_id) != scope.code) continue;
        names = {strategy.code.empty() ? strategy.name_th : strategy.code + " " + strategy.name_th,
                 strategy.name_en};
        found = true;
      }
    }
    if (!found) {
      // A strategy of the province's plan without an action plan this year.
      std::optional<plan::ElementSummary> element;
      try {
        element = sources_.plans.find_element(std::stoll(scope.code));
      } catch (const std::exception&) {
        element.reset();
      }
      std::optional<plan::Plan> owner;
      if (element && element->kind == plan::ElementKind::strategy) {
        try {
          owner = sources_.plans.get_plan(actor, element->plan_id);
        } catch (const Error&) {
          owner.reset();
        }
      }
      if (!owner || owner->province_code != province) {
        throw_not_found("ประเด็นการพัฒนา", "Strategy");
      }
      names = {element->code.empty() ? element->text_th : element->code + " " + element->text_th,
               element->text_en};
    }
  }

  auto key = std::make_tuple(province, year, static_cast<int>(scope.kind), scope.code);
  {
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->dashboards.find(key);
    if (it != cache_->dashboards.end() && it->second.evaluation.lock() == evaluation) {
      return it->second.json;
    }
  }
  auto json = std::make_shared<const std::string>(
      dashboard_json(*evaluation, scope, names, sources_.action_plans));
  std::lock_guard lock(cache_->mutex);
  cache_->dashboards[key] = {evaluation, json};
  return json;
}

std::vector<SettingValue> MonitoringService::settings(const Actor& actor) const {
  const Principal& principal = actor.require_signed_in();
  return database_.read([&](db::Connection& c) {
    WarningStore store(c);
    auto values = store.settings(principal.province_code);
    auto versions = store.setting_versions(principal.province_code);
    Settings defaults;
    std::vector<SettingValue> result;
    for (const auto& info : setting_infos()) {
      SettingValue value;
      value.info = &info;
      value.default_value = defaults.*info.field;
      value.value = value.default_value;
      auto it = values.find(std::string(info.key));
      if (it != values.end()) {
        value.value = it->second;
        value.version = versions[std::string(info.key)];
      }
      result.push_back(value);
    }
    return result;
  });
}

// ---- Changes ----

Warning MonitoringService::resolve(const Actor& actor, std::int64_t id,
                                   const Resolution& resolution) {
  const Principal& principal = actor.require_signed_in();
  auto found = database_.read([&](db::Connection& c) { return WarningStore(c).find(id); });
  if (!found || found->province_code != principal.province_code) throw_warning_not_found();
  rules::require_resolver(actor, *found);
  if (resolution.note_th.empty()) {
    throw Error(ErrorKind::validation, "invalid_input",
                {"ต้องระบุบันทึกการแก้ไข", "A note on the resolution is required"},
                {{"note_th", {"ต้องระบุ", "is required"}}});
  }
  // Bring the warning's measure up to date first: the resolution records the cause
  // as it is now, the yardstick for "worsens" later.
  current(found->province_code, found->fiscal_year);
  return write_resolution(actor, *found, resolution.note_th, resolution.expected_version, false);
}

Warning MonitoringService::resolve_as(const Actor& actor, std::int64_t id,
                                      const std::string& note_th, bool demo_mark) {
  auto found = database_.read([&](db::Connection& c) { return WarningStore(c).find(id); });
  if (!found) throw_warning_not_found();
  return write_resolution(actor, *found, note_th, std::nullopt, demo_mark);
}

Warning MonitoringService::write_resolution(const Actor& actor, const Warning& found,
                                            const std::string& note_th,
                                            std::optional<std::int64_t> expected_version,
                                            bool demo_mark) {
  return database_.write([&](db::Connection& c) {
    WarningStore store(c);
    store.bump_revision(found.province_code);
    auto before = store.find(found.id);
    if (!before) throw_warning_not_found();
    if (before->status != WarningStatus::open) {
      // The demo loads again over its own resolutions; a person is told.
      if (demo_mark) return *before;
      throw_conflict("warning_resolved", {"คำเตือนนี้แก้ไขแล้ว", "This warning is already resolved"});
    }
    Warning after = *before;
    after.status = WarningStatus::resolved;
    after.resolved_on = thai::to_iso(today());
    after.resolved_at = iso_utc_now();
    after.resolved_by = actor_name(actor);
    after.resolved_automatically = false;
    after.resolution_note_th = note_th;
    after.resolved_measure = before->measure;
    after.resolved_severity = before->severity;
    if (!store.resolve(after, expected_version.value_or(before->version))) throw_stale_version();
    if (demo_mark) c.execute("UPDATE monitoring_warning SET demo = 1 WHERE id = ?", {found.id});
    auto saved = store.find(found.id);
    audit::record_in(c, before->province_code, actor, "monitoring_warning",
                     std::to_string(found.id), "resolve", warning_json(*before),
                     warning_json(*saved));
    return *saved;
  });
}

SettingValue MonitoringService::set_setting(const Actor& actor, const std::string& key,
                                            double value,
                                            std::optional<std::int64_t> expected_version) {
  const Principal& principal = actor.require_role({Role::admin, Role::strategy_officer});
  const SettingInfo* info = nullptr;
  for (const auto& candidate : setting_infos()) {
    if (candidate.key == key) info = &candidate;
  }
  if (!info) throw_not_found("ค่าตั้ง", "Setting");
  if (!(value >= info->min && value <= info->max)) {
    throw Error(ErrorKind::rule, "setting_out_of_range",
                {"ค่าอยู่นอกช่วงที่รับได้", "The value is outside the accepted range"},
                {{"value",
                  {"ต้องอยู่ระหว่าง " + std::to_string(static_cast<int>(info->min)) + " ถึง " +
                       std::to_string(static_cast<int>(info->max)),
                   "must be between " + std::to_string(static_cast<int>(info->min)) + " and " +
                       std::to_string(static_cast<int>(info->max))}}});
  }
  database_.write([&](db::Connection& c) {
    WarningStore store(c);
    // A new threshold changes which warnings stand: the evaluation sees the new revision.
    store.bump_revision(principal.province_code);
    if (!store.set_setting(principal.province_code, key, value, actor_name(actor), iso_utc_now(),
                           expected_version)) {
      throw_stale_version();
    }
    boost::json::object after{{"key", key}, {"value", value}};
    audit::record_in(c, principal.province_code, actor, "monitoring_setting", key, "update",
                     boost::json::object{}, after);
    return 0;
  });
  for (const auto& setting : settings(actor)) {
    if (setting.info == info) return setting;
  }
  throw_not_found("ค่าตั้ง", "Setting");
}

}  // namespace changwat::monitoring
