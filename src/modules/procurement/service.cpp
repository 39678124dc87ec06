// ProcurementService: procurements, contracts and holidays with their rights,
// versions and audit entries; the cached state behind the read model.
#include "modules/procurement/service.hpp"

#include <algorithm>

#include "base/clock.hpp"
#include "modules/procurement/json.hpp"
#include "modules/procurement/procurement_store.hpp"
#include "modules/procurement/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::procurement {

namespace detail {

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "anonymous";
}

}  // namespace detail

using detail::actor_name;

namespace {

[[noreturn]] void throw_procurement_not_found() {
  throw_not_found("รายการจัดซื้อจัดจ้าง", "Procurement");
}

[[noreturn]] void throw_project_not_found() {
  throw_not_found("โครงการในแผนปฏิบัติราชการประจำปี", "Project of an action plan");
}

boost::json::object audit_json(const Procurement& record) { return procurement_json(record, {}); }

std::pair<std::int64_t, std::string> as_pair(ProcurementStore::Revision revision) {
  return {revision.number, std::move(revision.token)};
}

// The input's fields onto the record (everything but its project and year).
void apply_input(Procurement& record, const ProcurementInput& input, const RuleSet& rules) {
  if (input.title_th) record.title_th = *input.title_th;
  record.method = input.method;
  record.reference_price_satang = input.reference_price_satang;
  record.budget_satang = input.budget_satang.value_or(input.reference_price_satang);
  record.method_reason_th = input.method_reason_th;
  record.legal_ground = input.legal_ground;
  record.egp_project_number = input.egp_project_number;
  record.in_e_catalog = input.in_e_catalog;
  record.multi_year = input.multi_year;
  record.plan_exempt = input.plan_exempt;
  record.allocated_on = input.allocated_on;
  record.stages = input.stages;
  record.bidders = input.bidders;
  record.winner = input.winner;
  record.contract_number = input.contract_number;
  record.contract_value_satang = input.contract_value_satang;
  // A hearing is held when its dates are given; required above the threshold; else
  // as the officer says.
  bool has_dates = input.stages.tor_hearing_from || input.stages.tor_hearing_to;
  Satang amount = std::max(record.budget_satang, record.reference_price_satang);
  record.tor_hearing =
      has_dates || input.tor_hearing.value_or(amount > rules.tor_hearing_required_above());
}

void check_record(const RuleSet& rules, const Procurement& record) {
  rules::check_fields(record);
  rules::check_procurement(rules, record);
}

// A new procurement of the project `located` found (its plan, agency and name),
// from the input, checked against the rules.
template <class Located>
Procurement new_record(const Located& located, std::int64_t element_id,
                       const ProcurementInput& input, const RuleSet& rules, bool demo) {
  Procurement record;
  record.province_code = located.plan.province_code;
  record.element_id = element_id;
  record.action_plan_id = located.plan.id;
  record.fiscal_year = located.plan.fiscal_year;
  record.agency_code = located.agency_code;
  record.demo = demo;
  record.title_th = located.project_name_th;
  apply_input(record, input, rules);
  check_record(rules, record);
  return record;
}

// The start of a change of one stored procurement, in the write transaction: bumps the
// revision (so writers queue here and read fresh rows), finds the record (404) and
// checks the writer's right to it.
Procurement found_for_change(ProcurementStore& store, const Actor& actor, std::int64_t id,
                             std::pair<std::int64_t, std::string>& revision) {
  revision = as_pair(store.bump_revision());
  auto found = store.find(id);
  if (!found) throw_procurement_not_found();
  rules::require_writer(actor, found->province_code, found->agency_code);
  return *found;
}

// The conditional update of a changed record (stale -> 409), stamped now.
void store_change(ProcurementStore& store, Procurement& record, const Procurement& found,
                  std::optional<std::int64_t> expected_version) {
  record.updated_at = iso_utc_now();
  if (!store.update(record, expected_version.value_or(found.version))) throw_stale_version();
}
}  // namespace

const std::vector<CommitmentRule>& ProcurementService::State::commitments_of(
    int fiscal_year) const {
  static const std::vector<CommitmentRule> kNone;
  auto found = commitments.find(fiscal_year);
  return found == commitments.end() ? kNone : found->second;
}

ProcurementService::ProcurementService(db::Database& database, areas::AreaService& areas,
                                       action_plan::ActionPlanService& action_plans)
    : database_(database),
      areas_(areas),
      action_plans_(action_plans),
      rules_(embedded_rules()),
      cache_(std::make_unique<Cache>()) {}

ProcurementService::~ProcurementService() = default;

// ---- The cached state and the read model ----

std::shared_ptr<const ProcurementService::State> ProcurementService::state(
    db::Connection& connection) const {
  ProcurementStore store(connection);
  auto stored = store.revision();
  std::int64_t revision = stored.number;
  {
    std::lock_guard lock(cache_->mutex);
    if (cache_->state && cache_->state->revision == revision &&
        cache_->state->token == stored.token)
      return cache_->state;
  }
  // Built outside the lock from this transaction's rows (a thread never waits for
  // the mutex while another waits for a connection it holds).
  auto built = std::make_shared<State>();
  built->revision = revision;
  built->token = stored.token;
  for (auto& record : store.all()) {
    std::int64_t id = record.id;
    built->records.emplace(id, std::make_shared<const Procurement>(std::move(record)));
  }
  for (const auto& year : HolidayStore(connection).all()) {
    std::vector<std::string> dates;
    for (const auto& holiday : year.holidays) dates.push_back(holiday.date);
    built->calendar.add_year(year.year, dates);
  }
  for (const auto& deadline : action_plans_.targets(std::nullopt).deadlines) {
    built->commitments[deadline.fiscal_year].push_back(
        {deadline.key, deadline.deadline, deadline.rule_th, deadline.rule_en, deadline.source});
  }
  std::lock_guard lock(cache_->mutex);
  if (!cache_->state || cache_->state->revision <= revision) cache_->state = built;
  return built;
}

void ProcurementService::after_write(const std::pair<std::int64_t, std::string>& revision,
                                     const std::optional<Procurement>& changed) const {
  std::lock_guard lock(cache_->mutex);
  if (changed && cache_->state && cache_->state->revision == revision.first - 1) {
    // Only this write happened since: patch the one record (pointers are shared). If
    // an enclosing transaction rolls it back, the stored token differs and the next
    // read rebuilds.
    auto next = std::make_shared<State>(*cache_->state);
    next->revision = revision.first;
    next->token = revision.second;
    next->records[changed->id] = std::make_shared<const Procurement>(*changed);
    cache_->state = std::move(next);
  } else {
    cache_->state.reset();
  }
}

std::shared_ptr<const Snapshot> ProcurementService::snapshot(
    std::optional<thai::Date> today) const {
  thai::Date day = today.value_or(thai::today_in_thailand());
  auto current = database_.read([&](db::Connection& c) { return state(c); });
  {
    std::lock_guard lock(cache_->mutex);
    const auto& cached = cache_->snapshot;
    if (cached && cached->revision == current->revision && cached->token == current->token &&
        cached->today == day) {
      return cached;
    }
  }
  auto built = detail::build_snapshot(rules_, *current, day);
  std::lock_guard lock(cache_->mutex);
  cache_->snapshot = built;  // one day kept: callers ask for today
  return built;
}

ProcurementView ProcurementService::view_of(Procurement record) const {
  auto current = database_.read([&](db::Connection& c) { return state(c); });
  ProcurementView view;
  view.deadlines =
      compute_deadlines(rules_, current->calendar, record,
                        current->commitments_of(record.fiscal_year), thai::today_in_thailand());
  view.procurement = std::move(record);
  return view;
}

// ---- Where a project is ----

ProcurementService::Located ProcurementService::locate_project(
    std::int64_t element_id, std::optional<int> fiscal_year) const {
  std::vector<action_plan::ActionPlan> plans = action_plans_.list(Actor::command_line());
  // The latest year first: a project carried into a new year records its
  // procurements there unless the caller names the year.
  std::sort(plans.begin(), plans.end(),
            [](const auto& a, const auto& b) { return a.fiscal_year > b.fiscal_year; });
  for (const auto& header : plans) {
    if (fiscal_year && header.fiscal_year != *fiscal_year) continue;
    auto view = action_plans_.view(header.id);
    const action_plan::ProjectBook* book = view.ledger->find(element_id);
    if (!book) continue;
    if (book->project.status == action_plan::ProjectStatus::cancelled) {
      throw Error(ErrorKind::rule, "project_cancelled",
                  {"โครงการถูกยกเลิกแล้ว จึงบันทึกการจัดซื้อจัดจ้างไม่ได้",
                   "the project was cancelled, so no procurement can be recorded"},
                  {{"element_id", {"โครงการถูกยกเลิกแล้ว", "the project was cancelled"}}});
    }
    action_plan::ProjectMeta fallback;
    const auto& meta = action_plan::meta_ref(*view.index, book->project, fallback);
    return Located{view.ledger->header, meta.agency_code, meta.name_th};
  }
  if (fiscal_year) {
    throw Error(
        ErrorKind::rule, "project_not_in_year",
        {"โครงการนี้ไม่อยู่ในแผนปฏิบัติราชการประจำปีงบประมาณ " + std::to_string(*fiscal_year),
         "the project is not in the action plan of fiscal year " + std::to_string(*fiscal_year)},
        {{"fiscal_year",
          {"ไม่มีโครงการนี้ในปีงบประมาณที่ระบุ", "the project is not in that year's action plan"}}});
  }
  throw_project_not_found();
}

// ---- Reading ----

std::vector<ProcurementView> ProcurementService::list_for_project(const Actor& actor,
                                                                  std::int64_t element_id) const {
  rules::require_reader(actor);
  return database_.read([&](db::Connection& c) {
    auto records = ProcurementStore(c).for_element(element_id);
    if (records.empty()) {
      auto element = action_plans_.plans().find_element(element_id);
      if (!element || element->kind != plan::ElementKind::project) throw_project_not_found();
    }
    auto current = state(c);
    thai::Date today = thai::today_in_thailand();
    std::vector<ProcurementView> views;
    for (auto& record : records) {
      ProcurementView view;
      view.deadlines = compute_deadlines(rules_, current->calendar, record,
                                         current->commitments_of(record.fiscal_year), today);
      view.procurement = std::move(record);
      views.push_back(std::move(view));
    }
    return views;
  });
}

ProcurementView ProcurementService::get(const Actor& actor, std::int64_t id) const {
  rules::require_reader(actor);
  auto record = database_.read([&](db::Connection& c) { return ProcurementStore(c).find(id); });
  if (!record) throw_procurement_not_found();
  return view_of(std::move(*record));
}

std::optional<HolidayYear> ProcurementService::holidays(const Actor& actor, int year) const {
  rules::require_reader(actor);
  return database_.read([&](db::Connection& c) { return HolidayStore(c).find(year); });
}

std::optional<std::int64_t> ProcurementService::id_by_demo_key(std::string_view key) const {
  return database_.read(
      [&](db::Connection& c) { return ProcurementStore(c).id_by_demo_key(std::string(key)); });
}

// ---- Writes ----

ProcurementView ProcurementService::create(const Actor& actor, std::int64_t element_id,
                                           const ProcurementInput& input) {
  if (!actor.local_command) actor.require_signed_in();
  std::pair<std::int64_t, std::string> revision;
  Procurement saved = database_.write([&](db::Connection& c) {
    Located located = locate_project(element_id, input.fiscal_year);
    rules::require_writer(actor, located.plan.province_code, located.agency_code);
    Procurement record = new_record(located, element_id, input, rules_, false);
    ProcurementStore store(c);
    revision = as_pair(store.bump_revision());
    record.created_by = actor_name(actor);
    record.created_at = record.updated_at = iso_utc_now();
    record.id = store.insert(record, std::nullopt);
    store.write_bidders(record);
    auto stored = store.find(record.id);
    audit::record_in(c, record.province_code, actor, "procurement", std::to_string(record.id),
                     "create", nullptr, audit_json(*stored));
    return *stored;
  });
  after_write(revision, saved);
  return view_of(std::move(saved));
}

ProcurementView ProcurementService::update(const Actor& actor, std::int64_t id,
                                           const ProcurementInput& input,
                                           std::optional<std::int64_t> expected_version) {
  return write_change(actor, id, expected_version, "update", ChangedPart::procurement,
                      [&](Procurement& record, std::vector<ContractEvent>&) {
                        apply_input(record, input, rules_);
                        check_record(rules_, record);
                        if (!record.instalments.empty() && !record.stages.contract_signed) {
                          throw Error(ErrorKind::rule, "contract_has_instalments",
                                      {"สัญญามีงวดงานแล้ว จึงลบวันลงนามสัญญาไม่ได้",
                                       "the contract has instalments, so its signing date "
                                       "cannot be removed"},
                                      {{"stages.contract_signed",
                                        {"สัญญามีงวดงานแล้ว", "the contract has instalments"}}});
                        }
                      });
}

ProcurementView ProcurementService::write_change(
    const Actor& actor, std::int64_t id, std::optional<std::int64_t> expected_version,
    const char* action, ChangedPart part,
    const std::function<void(Procurement&, std::vector<ContractEvent>&)>& change) {
  if (!actor.local_command) actor.require_signed_in();
  std::pair<std::int64_t, std::string> revision;
  Procurement saved = database_.write([&](db::Connection& c) {
    ProcurementStore store(c);
    const Procurement found = found_for_change(store, actor, id, revision);
    Procurement record = found;
    std::vector<ContractEvent> added;
    change(record, added);
    store_change(store, record, found, expected_version);
    if (part == ChangedPart::procurement) store.write_bidders(record);
    if (part == ChangedPart::contract) store.write_instalments(record);
    for (auto& event : added) {
      event.recorded_by = actor_name(actor);
      event.recorded_at = record.updated_at;
      store.insert_event(id, event);
    }
    auto stored = store.find(id);
    // The audit entry shows the part that changed: the whole procurement, or its contract.
    const auto json_of = part == ChangedPart::procurement ? audit_json : contract_json;
    audit::record_in(c, record.province_code, actor, "procurement", std::to_string(id), action,
                     json_of(found), json_of(*stored));
    return *stored;
  });
  after_write(revision, saved);
  return view_of(std::move(saved));
}

ProcurementView ProcurementService::set_instalments(const Actor& actor, std::int64_t id,
                                                    std::vector<Instalment> instalments,
                                                    std::optional<std::int64_t> expected_version) {
  return write_change(actor, id, expected_version, "set_instalments", ChangedPart::contract,
                      [&](Procurement& record, std::vector<ContractEvent>&) {
                        // An instalment keeps its inspection when it keeps its number.
                        for (auto& item : instalments) {
                          for (const auto& old : record.instalments) {
                            if (old.number != item.number || !old.inspected_on) continue;
                            item.inspected_on = old.inspected_on;
                            item.committee_th = old.committee_th;
                            item.accepted = old.accepted;
                            item.inspection_note_th = old.inspection_note_th;
                            if (!item.delivered_on) item.delivered_on = old.delivered_on;
                          }
                        }
                        rules::check_instalments(record, instalments);
                        record.instalments = std::move(instalments);
                      });
}

ProcurementView ProcurementService::inspect(const Actor& actor, std::int64_t id, int number,
                                            const InspectionInput& input,
                                            std::optional<std::int64_t> expected_version) {
  return write_change(
      actor, id, expected_version, "inspect", ChangedPart::contract,
      [&](Procurement& record, std::vector<ContractEvent>&) {
        auto found = std::find_if(record.instalments.begin(), record.instalments.end(),
                                  [&](const Instalment& item) { return item.number == number; });
        if (found == record.instalments.end()) throw_not_found("งวดงาน", "Instalment");
        if (record.terminated_on) {
          throw Error(ErrorKind::rule, "contract_terminated",
                      {"สัญญาถูกบอกเลิกแล้ว", "the contract was terminated"},
                      {{"number", {"สัญญาถูกบอกเลิกแล้ว", "the contract was terminated"}}});
        }
        Instalment item = *found;
        if (input.delivered_on) item.delivered_on = input.delivered_on;
        item.inspected_on = input.inspected_on;
        item.committee_th = input.committee_th;
        item.accepted = input.accepted;
        item.inspection_note_th = input.note_th;
        rules::check_inspection(item);
        *found = std::move(item);
      });
}

ProcurementView ProcurementService::add_event(const Actor& actor, std::int64_t id,
                                              const EventInput& input,
                                              std::optional<std::int64_t> expected_version) {
  return write_change(actor, id, expected_version, std::string(to_string(input.kind)).c_str(),
                      ChangedPart::contract,
                      [&](Procurement& record, std::vector<ContractEvent>& added) {
                        ContractEvent event;
                        event.kind = input.kind;
                        event.on = input.on;
                        event.days = input.days;
                        event.amount_satang = input.amount_satang;
                        event.new_end = input.new_end;
                        event.reason_th = input.reason_th;
                        rules::check_event(record, event);
                        if (event.kind == EventKind::extension && !event.new_end) {
                          // Days added to the current end (or to the signing date without one).
                          auto end = record.contract_end().value_or(*record.stages.contract_signed);
                          event.new_end = thai::to_iso(add_days(iso_date(end), *event.days));
                        }
                        if (event.kind == EventKind::termination) record.terminated_on = event.on;
                        record.events.push_back(event);
                        added.push_back(std::move(event));
                      });
}

// ---- Holidays ----

HolidayYear ProcurementService::set_holidays(const Actor& actor, int year,
                                             const std::string& source,
                                             std::vector<Holiday> holidays,
                                             std::optional<std::int64_t> expected_version,
                                             bool demo) {
  rules::require_calendar_keeper(actor);
  FieldErrors errors;
  if (year >= thai::kFirstAcceptedBeYear && year <= thai::kLastAcceptedBeYear) {
    errors.add("year", {"ใช้ปี ค.ศ. (เช่น 2026 สำหรับ พ.ศ. 2569)",
                        "use the Common Era year (e.g. 2026 for BE 2569)"});
  } else if (year < 1900 || year > 2200) {
    errors.add("year", {"ต้องเป็นปี ค.ศ. เช่น 2026", "must be a Common Era year, e.g. 2026"});
  }
  if (source.empty()) {
    errors.add("source", {"ต้องระบุมติคณะรัฐมนตรีหรือประกาศที่เป็นที่มา",
                          "name the Cabinet resolution or announcement it comes from"});
  }
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  for (std::size_t i = 0; i < holidays.size(); ++i) {
    const auto& holiday = holidays[i];
    std::string prefix = "holidays[" + std::to_string(i) + "].";
    bool iso = holiday.date.size() == 10 && holiday.date.compare(0, 4, std::to_string(year)) == 0;
    if (iso) {
      try {
        iso_date(holiday.date);
      } catch (const Error&) {
        iso = false;
      }
    }
    if (!iso) {
      errors.add(prefix + "date", {"ต้องเป็นวันที่ YYYY-MM-DD ในปี " + std::to_string(year),
                                   "must be a YYYY-MM-DD date in " + std::to_string(year)});
    }
    if (holiday.name_th.empty()) errors.add(prefix + "name_th", {"ต้องระบุ", "is required"});
    if (i > 0 && holiday.date == holidays[i - 1].date) {
      errors.add(prefix + "date", {"วันที่ซ้ำ", "the date is listed twice"});
    }
  }
  errors.throw_if_any();
  std::pair<std::int64_t, std::string> revision;
  HolidayYear saved = database_.write([&](db::Connection& c) {
    HolidayStore store(c);
    revision = as_pair(ProcurementStore(c).bump_revision());
    auto existing = store.find(year);
    HolidayYear next;
    next.year = year;
    next.source = source;
    next.demo = demo;
    next.loaded_by = actor_name(actor);
    next.loaded_at = iso_utc_now();
    if (existing) {
      if (!expected_version) {
        throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                    {{"version",
                      {"ต้องระบุ version ของปีที่บันทึกไว้แล้ว", "the loaded year's version is required"}}});
      }
      if (!store.update_year(next, *expected_version)) throw_stale_version();
    } else {
      store.insert_year(next);
    }
    store.replace_days(year, holidays);
    auto stored = store.find(year);
    audit::record(
        c, actor, "holiday_year", std::to_string(year), existing ? "update" : "create",
        existing ? boost::json::value(holiday_year_json(*existing)) : boost::json::value(),
        holiday_year_json(*stored));
    return *stored;
  });
  after_write(revision, std::nullopt);
  return saved;
}

// ---- Demo ----

ProcurementView ProcurementService::import_demo(const std::string& demo_key,
                                                std::int64_t element_id,
                                                const ProcurementInput& input,
                                                std::vector<Instalment> instalments,
                                                std::vector<EventInput> events) {
  Actor loader = Actor::command_line();
  std::pair<std::int64_t, std::string> revision;
  Procurement saved = database_.write([&](db::Connection& c) {
    ProcurementStore store(c);
    if (auto id = store.id_by_demo_key(demo_key)) return *store.find(*id);
    Located located = locate_project(element_id, input.fiscal_year);
    Procurement record = new_record(located, element_id, input, rules_, true);
    if (!instalments.empty()) rules::check_instalments(record, instalments);
    for (const auto& item : instalments) {
      if (item.inspected_on) rules::check_inspection(item);
    }
    record.instalments = std::move(instalments);
    revision = as_pair(store.bump_revision());
    record.created_by = actor_name(loader);
    record.created_at = record.updated_at = iso_utc_now();
    record.id = store.insert(record, demo_key);
    store.write_bidders(record);
    store.write_instalments(record);
    for (const auto& input_event : events) {
      ContractEvent event{0,
                          input_event.kind,
                          input_event.on,
                          input_event.days,
                          input_event.amount_satang,
                          input_event.new_end,
                          input_event.reason_th,
                          record.created_by,
                          record.created_at};
      rules::check_event(record, event);
      if (event.kind == EventKind::termination) {
        record.terminated_on = event.on;
        store.update(record, record.version);
      }
      record.events.push_back(event);
      store.insert_event(record.id, event);
    }
    auto stored = store.find(record.id);
    audit::record_in(c, record.province_code, loader, "procurement", std::to_string(record.id),
                     "demo_load", nullptr, audit_json(*stored));
    return *stored;
  });
  if (revision.first) after_write(revision, saved);
  return view_of(std::move(saved));
}

}  // namespace changwat::procurement
