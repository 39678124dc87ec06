// ActionPlanService: permissions, the ledger cache, reading, creating and closing
// action plans, and the projects they hold. Money (allocations, plans, positions)
// is in service_money.cpp, imports in service_import.cpp, promotions in
// service_promotion.cpp, national targets in service_targets.cpp.
#include <algorithm>
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/action_plan/json.hpp"
#include "modules/action_plan/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::action_plan {

namespace detail {

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "anonymous";
}

void require_staff(const Actor& actor) {
  if (actor.local_command) return;
  if (!actor.principal) throw_unauthenticated();
  if (actor.principal->role == Role::public_user) throw_forbidden();
}

void require_planner(const Actor& actor, const ActionPlan& plan) {
  if (actor.local_command) return;
  const Principal& principal = actor.require_role({Role::admin, Role::strategy_officer});
  if (principal.province_code != plan.province_code) throw_forbidden();
}

void require_position_writer(const Actor& actor, const ActionPlan& plan,
                             const std::optional<std::string>& project_agency) {
  if (actor.local_command) return;
  const Principal& principal =
      actor.require_role({Role::admin, Role::strategy_officer, Role::agency_officer});
  if (principal.province_code != plan.province_code) throw_forbidden();
  if (principal.role != Role::agency_officer) return;
  if (!principal.agency_code || !project_agency || *principal.agency_code != *project_agency) {
    throw Error(ErrorKind::forbidden, "not_own_agency",
                {"เจ้าหน้าที่หน่วยงานบันทึกผลได้เฉพาะโครงการของหน่วยงานตนเอง",
                 "An agency officer may enter positions only for their own agency's projects"});
  }
}

void throw_action_plan_not_found() { throw_not_found("แผนปฏิบัติราชการประจำปี", "Action plan"); }

void throw_project_not_found() {
  throw_not_found("โครงการในแผนปฏิบัติราชการประจำปี", "Project of the action plan");
}

void throw_project_stale() { throw_stale_version(); }

ActionPlan begin_change(ActionPlanStore& store, std::int64_t id) {
  if (!store.revision(id)) throw_action_plan_not_found();
  std::int64_t revision = store.bump_revision(id);
  auto plan = store.find(id);
  if (!plan) throw_action_plan_not_found();
  plan->revision = revision;
  return *plan;
}

ProjectBook load_project(db::Connection& connection, std::int64_t action_plan_id,
                         std::int64_t element_id) {
  ActionPlanStore store(connection);
  auto project_id = store.project_id(action_plan_id, element_id);
  if (!project_id) throw_project_not_found();
  auto book = store.load_book(*project_id);
  if (!book) throw_project_not_found();
  return std::move(*book);
}

boost::json::object audit_json(const ProjectBook& book) { return project_audit_json(book); }

}  // namespace detail

using namespace detail;

ImportRejected::ImportRejected(std::vector<ImportRowProblem> rows, std::size_t total)
    : Error(ErrorKind::rule, "import_invalid",
            {"ไฟล์มีข้อมูลผิด " + std::to_string(total) + " แถว ไม่ได้บันทึกข้อมูลใดเลย",
             std::to_string(total) + " row(s) of the file are wrong; nothing was stored"},
            [&] {
              std::map<std::string, Message> fields;
              for (const auto& row : rows) {
                std::string key = "row " + std::to_string(row.row) + ": " + row.column;
                fields.emplace(key, row.message);
              }
              return fields;
            }()),
      rows_(std::move(rows)),
      total_(total) {}

ActionPlanService::ActionPlanService(db::Database& database, areas::AreaService& areas,
                                     plan::PlanService& plans)
    : database_(database), areas_(areas), plans_(plans), cache_(std::make_unique<Cache>()) {
  seed_targets();
}

ActionPlanService::~ActionPlanService() = default;

// ---- The caches ----

std::shared_ptr<const PlanIndex> ActionPlanService::plan_index(std::int64_t plan_id) const {
  std::shared_ptr<const plan::PlanTree> tree;
  try {
    tree = plans_.tree(Actor::command_line(), plan_id, std::nullopt);
  } catch (const Error& error) {
    // A plan that vanished leaves the action plan with its own snapshots.
    if (error.kind() != ErrorKind::not_found) throw;
    return std::make_shared<const PlanIndex>();
  }
  {
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->indexes.find(plan_id);
    if (it != cache_->indexes.end() && it->second.tree.lock() == tree) return it->second.index;
  }
  auto index = std::make_shared<PlanIndex>();
  std::unordered_map<std::int64_t, const plan::Element*> by_id;
  for (const auto& element : tree->elements) by_id.emplace(element.element_id, &element);
  int order = 0;
  for (const auto& element : tree->elements) {
    ++order;
    if (element.kind == plan::ElementKind::strategy) {
      index->strategies.push_back(
          {element.element_id, element.code, element.text_th, element.text_en});
    }
    if (element.kind != plan::ElementKind::project || !element.project) continue;
    ProjectMeta meta;
    meta.code = element.code;
    meta.name_th = element.text_th;
    meta.name_en = element.text_en;
    meta.agency_code = element.project->agency_code;
    meta.order = order;
    // The strategy it hangs under: the first strategy up its parent chain, so a
    // project serving several strategies counts once.
    std::optional<std::int64_t> parent = element.parent_id;
    for (int depth = 0; parent && depth < 64; ++depth) {
      auto found = by_id.find(*parent);
      if (found == by_id.end()) break;
      if (found->second->kind == plan::ElementKind::strategy) {
        meta.strategy_id = found->second->element_id;
        meta.strategy_code = found->second->code;
        meta.strategy_name_th = found->second->text_th;
        meta.strategy_name_en = found->second->text_en;
        break;
      }
      parent = found->second->parent_id;
    }
    index->projects.emplace(element.element_id, std::move(meta));
  }
  std::lock_guard lock(cache_->mutex);
  cache_->indexes[plan_id] = {tree, index};
  return index;
}

std::shared_ptr<const Ledger> ActionPlanService::ledger(std::int64_t id) const {
  auto revision =
      database_.read([&](db::Connection& c) { return ActionPlanStore(c).revision(id); });
  if (!revision) throw_action_plan_not_found();
  {
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->ledgers.find(id);
    if (it != cache_->ledgers.end() && it->second->header.revision == *revision) return it->second;
  }
  auto fresh = database_.read([&](db::Connection& c) {
    ActionPlanStore store(c);
    auto header = store.find(id);
    if (!header) throw_action_plan_not_found();
    std::vector<std::shared_ptr<const ProjectBook>> books;
    for (auto& book : store.load_books(id)) {
      books.push_back(std::make_shared<const ProjectBook>(std::move(book)));
    }
    return Ledger::make(std::move(*header), std::move(books));
  });
  remember(fresh);
  return fresh;
}

void ActionPlanService::remember(std::shared_ptr<const Ledger> ledger) const {
  std::lock_guard lock(cache_->mutex);
  auto& slot = cache_->ledgers[ledger->header.id];
  if (!slot || slot->header.revision < ledger->header.revision) slot = std::move(ledger);
}

void ActionPlanService::apply(const ActionPlan& header,
                              std::shared_ptr<const ProjectBook> book) const {
  std::lock_guard lock(cache_->mutex);
  auto it = cache_->ledgers.find(header.id);
  if (it == cache_->ledgers.end()) return;
  if (it->second->header.revision == header.revision - 1 && book) {
    it->second = it->second->with(header, std::move(book));
  } else if (it->second->header.revision < header.revision) {
    // It missed a change (another server, or a change without a book): reload.
    cache_->ledgers.erase(it);
  }
}

void ActionPlanService::forget(std::int64_t id) const {
  std::lock_guard lock(cache_->mutex);
  cache_->ledgers.erase(id);
}

ActionPlanView ActionPlanService::view(std::int64_t id) const {
  ActionPlanView result;
  result.ledger = ledger(id);
  result.index = plan_index(result.ledger->header.plan_id);
  return result;
}

// ---- Reading ----

std::vector<ActionPlan> ActionPlanService::list(const Actor&) const {
  return database_.read([&](db::Connection& c) { return ActionPlanStore(c).list(); });
}

ActionPlanView ActionPlanService::detail(const Actor&, std::int64_t id) const {
  ActionPlanView result = view(id);
  result.promotions =
      database_.read([&](db::Connection& c) { return ActionPlanStore(c).promotions(id); });
  return result;
}

std::pair<std::string, std::string> ActionPlanService::group_name(GroupBy by,
                                                                  const std::string& key) const {
  if (by == GroupBy::province) {
    if (auto area = areas_.find(key)) {
      return {"จังหวัด" + area->name_th, area->name_en.empty() ? key : area->name_en};
    }
    return {key, key};
  }
  if (by == GroupBy::agency) {
    if (key == "none") return {"ไม่ระบุหน่วยงาน", "No agency"};
    if (auto agency = areas_.find_agency(key)) return {agency->name_th, agency->name_en};
  }
  return {key, key};
}

TargetLine ActionPlanService::target_line(int fiscal_year) const {
  TargetLine line{};
  auto rows =
      database_.read([&](db::Connection& c) { return TargetStore(c).targets(fiscal_year); });
  for (int quarter = 1; quarter <= 4; ++quarter) {
    // The year's money is the annual budget; a figure announced only on the
    // combined base (annual + carry-over) is the next best line to show.
    std::optional<double> value;
    for (TargetBase base : {TargetBase::annual_budget, TargetBase::combined}) {
      for (const auto& row : rows) {
        if (row.quarter == quarter && row.category == TargetCategory::overall &&
            row.measure == TargetMeasure::disbursed && row.base == base && row.percent) {
          value = row.percent;
        }
      }
      if (value) break;
    }
    line[static_cast<std::size_t>(quarter * 3 - 1)] = value;
  }
  return line;
}

SpendingReport ActionPlanService::spending(const Actor&, std::int64_t id, GroupBy by) const {
  ActionPlanView current = view(id);
  TargetLine targets = target_line(current.ledger->header.fiscal_year);
  return compute_spending(
      *current.ledger, *current.index, by, targets,
      [this](GroupBy group_by, const std::string& key) { return group_name(group_by, key); });
}

std::shared_ptr<const std::string> ActionPlanService::spending_json(const Actor& actor,
                                                                    std::int64_t id,
                                                                    GroupBy by) const {
  // One read transaction for the three checks (the plan's revision, its tree, the
  // targets): nested reads run in it (decision 0006), one BEGIN/COMMIT instead of three.
  auto [current, targets] = database_.read([&](db::Connection&) {
    ActionPlanView found = view(id);
    TargetLine line = target_line(found.ledger->header.fiscal_year);
    return std::make_pair(std::move(found), line);
  });
  auto key = std::make_pair(id, by);
  {
    std::lock_guard lock(cache_->mutex);
    auto it = cache_->spending.find(key);
    if (it != cache_->spending.end() && it->second.ledger.lock() == current.ledger &&
        it->second.index.lock() == current.index && it->second.targets == targets) {
      return it->second.json;
    }
  }
  SpendingReport report = compute_spending(*current.ledger, *current.index, by, targets,
                                           [this](GroupBy group_by, const std::string& name_key) {
                                             return group_name(group_by, name_key);
                                           });
  auto json = std::make_shared<const std::string>(boost::json::serialize(spending_to_json(report)));
  std::lock_guard lock(cache_->mutex);
  cache_->spending[key] = {current.ledger, current.index, targets, json};
  return json;
}

ActionPlanView ActionPlanService::project_positions(const Actor& actor, std::int64_t id,
                                                    std::int64_t element_id) const {
  require_staff(actor);
  ActionPlanView current = view(id);
  if (!current.ledger->find(element_id)) throw_project_not_found();
  return current;
}

std::optional<std::int64_t> ActionPlanService::id_by_demo_key(std::string_view demo_key) const {
  return database_.read(
      [&](db::Connection& c) { return ActionPlanStore(c).id_by_demo_key(std::string(demo_key)); });
}

// ---- Creating and closing ----

ActionPlan ActionPlanService::create(const Actor& actor, const NewActionPlan& input) {
  plan::Plan source = plans_.get_plan(actor, input.plan_id);
  if (!actor.local_command) {
    const Principal& principal = actor.require_role({Role::admin, Role::strategy_officer});
    if (principal.province_code != source.province_code) throw_forbidden();
  }
  FieldErrors errors;
  if (input.fiscal_year < thai::kFirstAcceptedBeYear ||
      input.fiscal_year > thai::kLastAcceptedBeYear) {
    errors.add("fiscal_year",
               {"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569", "must be a Buddhist-era year, e.g. 2569"});
  }
  if (input.name_th && input.name_th->size() > kMaxText * 4) {
    errors.add("name_th", {"ยาวเกินไป", "is too long"});
  }
  errors.throw_if_any();
  if (!source.period.contains(input.fiscal_year)) {
    throw Error(
        ErrorKind::rule, "outside_plan_period",
        {"ปีงบประมาณ " + std::to_string(input.fiscal_year) + " อยู่นอกช่วงของแผน (" +
             std::to_string(source.period.first_fiscal_year) + "–" +
             std::to_string(source.period.last_fiscal_year) + ")",
         "Fiscal year " + std::to_string(input.fiscal_year) + " is outside the plan's period (" +
             std::to_string(source.period.first_fiscal_year) + "–" +
             std::to_string(source.period.last_fiscal_year) + ")"},
        {{"fiscal_year", {"อยู่นอกช่วงของแผน", "is outside the plan's period"}}});
  }
  std::vector<plan::Element> projects;
  if (input.include_plan_projects) {
    auto tree = plans_.tree(Actor::command_line(), input.plan_id, std::nullopt);
    for (const auto& element : tree->elements) {
      if (element.kind != plan::ElementKind::project || !element.project) continue;
      const plan::ProjectDetails& details = *element.project;
      if (details.proposal == plan::ProposalStatus::proposed) continue;
      if (details.first_fiscal_year && *details.first_fiscal_year > input.fiscal_year) continue;
      if (details.last_fiscal_year && *details.last_fiscal_year < input.fiscal_year) continue;
      projects.push_back(element);
    }
  }
  std::string province_name = source.province_code;
  if (auto area = areas_.find(source.province_code)) province_name = "จังหวัด" + area->name_th;

  ActionPlan created = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    if (store.id_by_plan_year(input.plan_id, input.fiscal_year)) {
      throw_conflict("action_plan_exists", {"แผนนี้มีแผนปฏิบัติราชการของปีงบประมาณ " +
                                                std::to_string(input.fiscal_year) + " อยู่แล้ว",
                                            "The plan already has an action plan for fiscal year " +
                                                std::to_string(input.fiscal_year)});
    }
    ActionPlan header;
    header.province_code = source.province_code;
    header.plan_id = input.plan_id;
    header.fiscal_year = input.fiscal_year;
    header.name_th =
        input.name_th.value_or("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. " +
                               std::to_string(input.fiscal_year) + " " + province_name);
    header.name_en = input.name_en.value_or("Annual action plan, fiscal year " +
                                            std::to_string(input.fiscal_year));
    header.created_by = actor_name(actor);
    header.created_at = iso_utc_now();
    header.id = store.insert(header);
    int priority = 0;
    for (const auto& element : projects) {
      const plan::ProjectDetails& details = *element.project;
      Project project;
      project.action_plan_id = header.id;
      project.element_id = element.element_id;
      project.code = element.code;
      project.name_th = element.text_th;
      project.agency_code = details.agency_code;
      project.kind = details.kind;
      project.ranking = details.ranking;
      project.budget_source = details.budget_source;
      project.requested = details.budget_satang;
      if (details.kind == ProjectKind::main) project.priority = ++priority;
      project.demo = element.demo;
      store.insert_project(project, header.province_code);
    }
    auto saved = store.find(header.id);
    audit::record_in(c, header.province_code, actor, "action_plan", std::to_string(header.id),
                     "create", nullptr, action_plan_to_json(*saved));
    return *saved;
  });
  return created;
}

ActionPlan ActionPlanService::close(const Actor& actor, std::int64_t id,
                                    std::optional<std::int64_t> version) {
  ActionPlan closed = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_planner(actor, header);
    require_open(header);
    std::int64_t expected = version.value_or(header.version);
    if (!store.close(id, expected, actor_name(actor), iso_utc_now())) throw_stale_version();
    auto saved = store.find(id);
    audit::record_in(c, header.province_code, actor, "action_plan", std::to_string(id), "close",
                     action_plan_to_json(header), action_plan_to_json(*saved));
    return *saved;
  });
  forget(id);
  return closed;
}

// ---- Projects ----

std::shared_ptr<const ProjectBook> ActionPlanService::add_project(const Actor& actor,
                                                                  std::int64_t id,
                                                                  const ProjectInput& input) {
  ActionPlanView current = view(id);
  const ActionPlan& known = current.ledger->header;
  require_planner(actor, known);
  auto tree = plans_.tree(Actor::command_line(), known.plan_id, std::nullopt);
  const plan::Element* element = nullptr;
  for (const auto& candidate : tree->elements) {
    if (candidate.element_id == input.element_id) element = &candidate;
  }
  if (!element || element->kind != plan::ElementKind::project || !element->project) {
    throw Error(
        ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
        {{"element_id",
          {"ไม่ใช่โครงการในแผนฉบับที่ใช้อยู่", "is not a project of the plan's version in force"}}});
  }
  const plan::ProjectDetails& details = *element->project;
  Project project;
  project.action_plan_id = id;
  project.element_id = element->element_id;
  project.code = element->code;
  project.name_th = element->text_th;
  project.agency_code = details.agency_code;
  project.kind = input.kind.value_or(details.kind);
  project.ranking = input.ranking ? input.ranking : details.ranking;
  if (project.kind == ProjectKind::main) project.ranking.reset();
  project.budget_source = input.budget_source.value_or(details.budget_source);
  project.requested = input.requested.value_or(details.budget_satang);
  project.priority = input.priority;
  if (input.readiness) project.readiness = *input.readiness;
  project.demo = element->demo;
  FieldErrors errors;
  if (project.kind == ProjectKind::reserve && (!project.ranking || *project.ranking < 1)) {
    errors.add("ranking",
               {"โครงการสำรองต้องมีลำดับ (1 ขึ้นไป)", "a reserve project needs a ranking of 1 or more"});
  }
  if (project.requested < 0 || project.requested > kMaxSatang) {
    errors.add("requested_satang",
               {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
  }
  errors.throw_if_any();

  auto [header, book] = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_open(header);
    if (store.project_id(id, project.element_id)) {
      throw_conflict("project_exists",
                     {"โครงการนี้อยู่ในแผนปฏิบัติราชการแล้ว", "The project is already in the action plan"});
    }
    std::int64_t project_id = store.insert_project(project, header.province_code);
    auto saved = store.load_book(project_id);
    audit::record_in(c, header.province_code, actor, "action_plan_project",
                     std::to_string(project_id), "create", nullptr, audit_json(*saved));
    return std::make_pair(header, std::make_shared<const ProjectBook>(std::move(*saved)));
  });
  apply(header, book);
  return book;
}

std::shared_ptr<const ProjectBook> ActionPlanService::update_project(
    const Actor& actor, std::int64_t id, std::int64_t element_id, const ProjectChange& change,
    std::int64_t expected_version) {
  FieldErrors errors;
  if (change.requested && (*change.requested < 0 || *change.requested > kMaxSatang)) {
    errors.add("requested_satang",
               {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
  }
  if (change.ranking && *change.ranking < 1) {
    errors.add("ranking", {"ต้องเป็น 1 ขึ้นไป", "must be 1 or more"});
  }
  errors.throw_if_any();
  auto [header, book] = change_project(
      database_, actor, id, element_id, expected_version, "update",
      [&](ActionPlanStore&, const ActionPlan&, const ProjectBook& current) {
        Project project = current.project;
        if (change.ranking) {
          if (project.kind != ProjectKind::reserve) {
            throw Error(
                ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"ranking", {"มีได้เฉพาะโครงการสำรอง", "only reserve projects have a ranking"}}});
          }
          project.ranking = change.ranking;
        }
        if (change.budget_source) project.budget_source = *change.budget_source;
        if (change.requested) project.requested = *change.requested;
        if (change.priority) project.priority = *change.priority;
        if (change.design_ready) project.readiness.design_ready = *change.design_ready;
        if (change.land_ready) project.readiness.land_ready = *change.land_ready;
        if (change.contract_ready) project.readiness.contract_ready = *change.contract_ready;
        return project;
      });
  apply(header, book);
  return book;
}

std::shared_ptr<const ProjectBook> ActionPlanService::cancel_project(
    const Actor& actor, std::int64_t id, std::int64_t element_id, const std::string& reason_th,
    std::int64_t expected_version) {
  if (reason_th.empty()) {
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"reason_th", {"ต้องระบุเหตุผลที่ยกเลิก", "the reason is required"}}});
  }
  auto [header, book] =
      change_project(database_, actor, id, element_id, expected_version, "cancel",
                     [&](ActionPlanStore&, const ActionPlan&, const ProjectBook& current) {
                       if (current.project.status == ProjectStatus::cancelled) {
                         throw_rule("project_cancelled",
                                    {"โครงการนี้ถูกยกเลิกแล้ว", "The project is already cancelled"});
                       }
                       Project project = current.project;
                       project.status = ProjectStatus::cancelled;
                       project.cancel_reason = reason_th;
                       return project;
                     });
  apply(header, book);
  return book;
}

// ---- Bulk writes (demo, benchmarks) ----

std::int64_t ActionPlanService::import_books(const Actor& actor, const ActionPlan& input,
                                             const std::vector<ProjectBook>& books) {
  if (!actor.local_command) actor.require_role({Role::admin});
  std::int64_t id = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = input;
    header.created_by = actor_name(actor);
    header.created_at = iso_utc_now();
    header.id = store.insert(header);
    std::vector<PositionRow> positions;
    for (const auto& book : books) {
      Project project = book.project;
      project.action_plan_id = header.id;
      std::int64_t project_id = store.insert_project(project, header.province_code);
      int position = 0;
      for (const auto& line_book : book.lines) {
        Line line = line_book.line;
        line.project_id = project_id;
        line.position = position++;
        std::int64_t line_id = store.insert_line(line, header.id, header.province_code);
        if (!line_book.planned.empty())
          store.replace_planned(line_id, header.id, line_book.planned);
        if (!line_book.instalments.empty()) {
          store.replace_instalments(line_id, header.id, line_book.instalments);
        }
        for (const auto& entry : line_book.positions) positions.push_back({line_id, entry});
      }
    }
    store.upsert_positions(header.id, header.province_code, positions);
    if (header.status == ActionPlanStatus::closed) {
      store.close(header.id, 1, header.created_by, header.created_at);
    }
    audit::record_in(c, header.province_code, actor, "action_plan", std::to_string(header.id),
                     "import", nullptr,
                     boost::json::object{{"fiscal_year", header.fiscal_year},
                                         {"projects", books.size()},
                                         {"positions", positions.size()},
                                         {"demo", header.demo}});
    return header.id;
  });
  forget(id);
  return id;
}

}  // namespace changwat::action_plan
