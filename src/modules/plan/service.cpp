// PlanService: plans, versions (approve, revise), reading trees through the cache.
// Editing elements is in service_elements.cpp; reports and reads for other
// modules in service_queries.cpp; bulk import in service_import.cpp.
#include <algorithm>
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/plan/element_store.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/plan_store.hpp"
#include "modules/plan/project_store.hpp"
#include "modules/plan/rules.hpp"
#include "modules/plan/service_detail.hpp"
#include "modules/plan/tree_order.hpp"
#include "modules/plan/tree_writer.hpp"
#include "modules/plan/version_store.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::plan {

// ---- Located ----

const PlanVersion* PlanService::Located::number(int number) const {
  for (const auto& version : versions) {
    if (version.number == number) return &version;
  }
  return nullptr;
}

const PlanVersion* PlanService::Located::draft() const {
  for (const auto& version : versions) {
    if (version.status == VersionStatus::draft) return &version;
  }
  return nullptr;
}

const PlanVersion* PlanService::Located::approved() const {
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->status == VersionStatus::approved) return &*it;
  }
  return nullptr;
}

const PlanVersion& PlanService::Located::in_force() const {
  if (const auto* approved_version = approved()) return *approved_version;
  if (const auto* draft_version = draft()) return *draft_version;
  return versions.back();
}

const PlanVersion& PlanService::Located::require_draft() const {
  const PlanVersion* open = draft();
  if (!open) detail::throw_no_draft(plan);
  return *open;
}

namespace detail {

void fill_version_fields(Plan& plan, const std::vector<PlanVersion>& versions) {
  plan.approved_version.reset();
  plan.draft_version.reset();
  for (const auto& version : versions) {
    if (version.status == VersionStatus::approved) plan.approved_version = version.number;
    if (version.status == VersionStatus::draft) plan.draft_version = version.number;
  }
  if (plan.approved_version) {
    plan.current_version = *plan.approved_version;
    plan.current_status = VersionStatus::approved;
  } else if (plan.draft_version) {
    plan.current_version = *plan.draft_version;
    plan.current_status = VersionStatus::draft;
  } else if (!versions.empty()) {
    plan.current_version = versions.back().number;
    plan.current_status = versions.back().status;
  }
}

bool reads_drafts(const Actor& actor) {
  return actor.local_command || (actor.principal && actor.principal->role != Role::public_user);
}

void require_draft_reader(const Actor& actor) {
  if (actor.local_command) return;
  if (!actor.principal) throw_unauthenticated();
  if (actor.principal->role == Role::public_user) throw_forbidden();
}

EditRight require_editor(const Actor& actor, const Plan& plan) {
  if (actor.local_command) return EditRight::whole_plan;
  const Principal& principal =
      actor.require_role({Role::admin, Role::strategy_officer, Role::agency_officer});
  if (principal.province_code != plan.province_code) throw_forbidden();
  return principal.role == Role::agency_officer ? EditRight::own_agency_projects
                                                : EditRight::whole_plan;
}

void require_planner(const Actor& actor, const Plan& plan) {
  if (actor.local_command) return;
  const Principal& principal = actor.require_role({Role::admin, Role::strategy_officer});
  if (principal.province_code != plan.province_code) throw_forbidden();
}

std::string actor_name(const Actor& actor) {
  if (actor.principal) return actor.principal->username;
  return actor.local_command ? "command-line" : "anonymous";
}

// The names people see for who drafted and who approved a version.
void name_people(db::Connection& connection, PlanVersion& version) {
  version.created_by_name = audit::person_name(connection, version.created_by);
  if (version.approved_by)
    version.approved_by_name = audit::person_name(connection, *version.approved_by);
}

void throw_plan_not_found() { throw_not_found("แผนพัฒนา", "Plan"); }

void throw_version_not_found(int number) {
  throw_not_found("ฉบับที่ " + std::to_string(number) + " ของแผน",
                  "Version " + std::to_string(number) + " of the plan");
}

void throw_element_not_found() {
  throw_not_found("องค์ประกอบของแผนในฉบับร่าง", "Plan element in the draft");
}

void throw_no_draft(const Plan& plan) {
  std::string approved = plan.approved_version ? std::to_string(*plan.approved_version) : "-";
  throw Error(ErrorKind::rule, "plan_frozen",
              {"แผนฉบับที่ " + approved + " ได้รับอนุมัติแล้วและแก้ไขไม่ได้ กรุณาเริ่มการปรับแผน (ฉบับร่างใหม่) ก่อน",
               "Version " + approved +
                   " of the plan is approved and cannot be edited; start a revision (a new "
                   "draft) first"});
}

ElementSummary summarize(const Element& element, int version_number) {
  return {.element_id = element.element_id,
          .plan_id = element.plan_id,
          .version_number = version_number,
          .in_latest_version = true,
          .kind = element.kind,
          .code = element.code,
          .text_th = element.text_th,
          .text_en = element.text_en,
          .project_kind = element.project ? std::optional(element.project->kind) : std::nullopt};
}

PlanVersion insert_plan_and_draft(db::Connection& connection, Plan& plan, const NewPlan& input,
                                  const std::string& created_by) {
  plan.name_th = input.name_th;
  plan.name_en = input.name_en;
  plan.period = input.period;
  plan.id = PlanStore(connection).insert_plan(plan, created_by);
  PlanVersion draft;
  draft.plan_id = plan.id;
  draft.number = 1;
  draft.status = VersionStatus::draft;
  draft.created_by = created_by;
  draft.created_at = plan.created_at;
  draft.note = input.note;
  draft.id = VersionStore(connection).insert_version(draft, plan.province_code);
  return draft;
}

}  // namespace detail

using namespace detail;

PlanService::PlanService(db::Database& database, areas::AreaService& areas)
    : database_(database), areas_(areas), cache_(std::make_unique<Cache>()) {}

PlanService::~PlanService() = default;

PlanService::Located PlanService::locate(db::Connection& connection, std::int64_t plan_id) const {
  PlanStore plan_store(connection);
  VersionStore version_store(connection);
  auto plan = plan_store.find_plan(plan_id);
  if (!plan) throw_plan_not_found();
  Located located{std::move(*plan), version_store.versions(plan_id)};
  if (located.versions.empty()) throw_plan_not_found();
  fill_version_fields(located.plan, located.versions);
  return located;
}

PlanService::Located PlanService::locate_for_planner(db::Connection& connection, const Actor& actor,
                                                     std::int64_t plan_id) const {
  Located located = locate(connection, plan_id);
  require_planner(actor, located.plan);
  return located;
}

void PlanService::add_delete_guard(DeleteGuard guard) {
  delete_guards_.push_back(std::move(guard));
}

// ---- Plans ----

std::vector<Plan> PlanService::list_plans(const Actor&) const {
  // Plan names, periods and statuses are public (the public sends needs to plans
  // still being drafted); only the content of drafts is for staff.
  return database_.read([&](db::Connection& connection) {
    PlanStore plan_store(connection);
    VersionStore version_store(connection);
    std::vector<Plan> plans = plan_store.list_plans();
    std::vector<PlanVersion> versions = version_store.all_versions();
    std::vector<Plan> result;
    for (auto& plan : plans) {
      std::vector<PlanVersion> own;
      for (const auto& version : versions) {
        if (version.plan_id == plan.id) own.push_back(version);
      }
      if (own.empty()) continue;
      fill_version_fields(plan, own);
      result.push_back(std::move(plan));
    }
    return result;
  });
}

Plan PlanService::get_plan(const Actor&, std::int64_t plan_id) const {
  return database_.read(
      [&](db::Connection& connection) { return locate(connection, plan_id).plan; });
}

Plan PlanService::create_plan(const Actor& actor, const NewPlan& input) {
  if (!actor.local_command) actor.require_role({Role::admin, Role::strategy_officer});
  FieldErrors errors;
  check_plan_fields(input.name_th, input.name_en, input.period, errors);
  if (input.note) {
    if (input.note->size() > kMaxLongText * 4) {
      errors.add("note", {"ยาวเกินไป", "is too long"});
    }
  }
  errors.throw_if_any();
  std::int64_t plan_id = database_.write([&](db::Connection& connection) {
    Plan plan;
    plan.province_code = areas::province_for(areas_, actor, input.province_code);
    plan.created_at = iso_utc_now();
    insert_plan_and_draft(connection, plan, input, actor_name(actor));
    Located located = locate(connection, plan.id);
    audit::record_in(connection, plan.province_code, actor, "plan", std::to_string(plan.id),
                     "create", nullptr, plan_to_json(located.plan));
    return plan.id;
  });
  return get_plan(actor, plan_id);
}

Plan PlanService::update_plan(const Actor& actor, std::int64_t plan_id, const PlanChange& change) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate_for_planner(connection, actor, plan_id);
    if (located.plan.row_version != change.expected_row_version) throw_stale_version();
    Plan updated = located.plan;
    if (change.name_th) updated.name_th = *change.name_th;
    if (change.name_en) updated.name_en = *change.name_en;
    FieldErrors errors;
    if (change.period) {
      bool same = change.period->first_fiscal_year == updated.period.first_fiscal_year &&
                  change.period->last_fiscal_year == updated.period.last_fiscal_year;
      if (!same && located.plan.approved_version) {
        throw_rule("period_frozen",
                   {"ช่วงปีของแผนเปลี่ยนไม่ได้หลังจากแผนได้รับอนุมัติแล้ว",
                    "The plan period cannot change once a version has been approved"});
      }
      updated.period = *change.period;
    }
    check_plan_fields(updated.name_th, updated.name_en, updated.period, errors);
    errors.throw_if_any();
    if (change.period && located.draft()) {
      // Nothing already in the draft may fall outside the new period.
      ElementStore element_store(connection);
      for (const auto& element : element_store.load_version(located.draft()->id)) {
        Element copy = element;
        FieldErrors element_errors;
        check_element_fields(copy, updated.period, updated.province_code, areas_, catalog_,
                             element_errors);
        if (!element_errors.empty()) {
          throw Error(
              ErrorKind::rule, "period_excludes_content",
              {"ช่วงปีใหม่ไม่ครอบคลุมค่าเป้าหมายหรือปีงบประมาณของ \"" + element.text_th + "\" กรุณาแก้ไขก่อน",
               "The new period leaves out targets or fiscal years of \"" + element.text_th +
                   "\"; change them first"},
              {{"last_fiscal_year", {"ไม่ครอบคลุมข้อมูลที่มีอยู่", "does not cover existing content"}}});
        }
      }
    }
    PlanStore plan_store(connection);
    if (!plan_store.update_plan(updated, change.expected_row_version)) throw_stale_version();
    Located after = locate(connection, plan_id);
    audit::record(connection, actor, "plan", std::to_string(plan_id), "update",
                  plan_to_json(located.plan), plan_to_json(after.plan));
    return after.plan;
  });
}

// ---- Versions ----

std::vector<PlanVersion> PlanService::versions(const Actor&, std::int64_t plan_id) const {
  return database_.read([&](db::Connection& connection) {
    locate(connection, plan_id);  // 404 for an unknown plan
    auto versions = VersionStore(connection).versions(plan_id, true);
    for (auto& version : versions) name_people(connection, version);
    return versions;
  });
}

PlanVersion PlanService::approve(const Actor& actor, std::int64_t plan_id, int version_number,
                                 std::optional<std::string> note) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate_for_planner(connection, actor, plan_id);
    const PlanVersion* draft = located.draft();
    if (!draft) {
      throw_rule("no_draft", {"ไม่มีฉบับร่างที่รออนุมัติ", "There is no draft waiting for approval"});
    }
    if (draft->number != version_number) {
      throw Error(ErrorKind::conflict, "stale_version",
                  {"ฉบับร่างที่เปิดอยู่คือฉบับที่ " + std::to_string(draft->number) + " ไม่ใช่ฉบับที่ " +
                       std::to_string(version_number),
                   "The open draft is version " + std::to_string(draft->number) + ", not " +
                       std::to_string(version_number)},
                  {{"version", {"ไม่ใช่ฉบับร่างที่เปิดอยู่", "is not the open draft"}}});
    }
    VersionStore version_store(connection);
    ProjectStore project_store(connection);
    if (version_store.count_elements(draft->id) == 0) {
      throw_rule("empty_version",
                 {"แผนที่ไม่มีองค์ประกอบใดอนุมัติไม่ได้", "A plan with no elements cannot be approved"});
    }
    if (auto proposed = project_store.count_proposed_projects(draft->id); proposed > 0) {
      throw_rule("pending_proposals",
                 {"ยังมีโครงการที่หน่วยงานเสนอ " + std::to_string(proposed) +
                      " โครงการที่ยังไม่ได้พิจารณา กรุณารับหรือลบก่อนอนุมัติ",
                  std::to_string(proposed) +
                      " project(s) proposed by agencies are not yet accepted; accept or delete "
                      "them before approving"});
    }
    // One conditional statement decides which of several approvals at once wins:
    // only while the version is still this draft at the revision checked above
    // (PostgreSQL re-reads the row after a concurrent approval or edit commits).
    // The losers change nothing and get 409.
    if (!version_store.change_status(draft->id, VersionStatus::draft, VersionStatus::approved,
                                     {actor_name(actor), iso_utc_now(), note, draft->revision})) {
      throw Error(ErrorKind::conflict, "stale_version",
                  {"ฉบับร่างนี้ถูกอนุมัติหรือแก้ไขโดยผู้อื่นไปแล้ว กรุณาโหลดใหม่แล้วตรวจสอบอีกครั้ง",
                   "Someone else approved or changed this draft meanwhile; reload and check it "
                   "again"},
                  {{"version", {"ไม่ใช่ฉบับร่างที่เปิดอยู่แล้ว", "is no longer the open draft"}}});
    }
    if (const auto* previous = located.approved()) {
      if (!version_store.change_status(previous->id, VersionStatus::approved,
                                       VersionStatus::superseded))
        throw_stale_version();
    }
    auto versions = version_store.versions(plan_id, true);
    PlanVersion approved =
        *std::find_if(versions.begin(), versions.end(),
                      [&](const PlanVersion& version) { return version.number == version_number; });
    name_people(connection, approved);
    PlanVersion before = *draft;
    name_people(connection, before);
    audit::record(connection, actor, "plan_version",
                  std::to_string(plan_id) + "/" + std::to_string(version_number), "approve",
                  version_to_json(before), version_to_json(approved));
    return approved;
  });
}

PlanVersion PlanService::start_revision(const Actor& actor, std::int64_t plan_id,
                                        std::optional<std::string> note) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate_for_planner(connection, actor, plan_id);
    if (const auto* draft = located.draft()) {
      throw_rule(
          "draft_open",
          {"มีฉบับร่างที่ " + std::to_string(draft->number) + " เปิดอยู่แล้ว แก้ไขฉบับร่างนั้นได้เลย",
           "Draft version " + std::to_string(draft->number) + " is already open; edit that one"});
    }
    const PlanVersion* approved = located.approved();
    if (!approved) {
      throw_rule("no_approved_version",
                 {"ยังไม่มีฉบับที่อนุมัติให้ปรับ", "There is no approved version to revise"});
    }
    VersionStore version_store(connection);
    PlanVersion draft;
    draft.plan_id = plan_id;
    draft.number = located.versions.back().number + 1;
    draft.status = VersionStatus::draft;
    draft.based_on = approved->number;
    draft.created_by = actor_name(actor);
    draft.created_at = iso_utc_now();
    draft.note = note;
    draft.id = version_store.insert_version(draft, located.plan.province_code);
    version_store.copy_version(approved->id, draft.id);
    auto versions = version_store.versions(plan_id, true);
    PlanVersion created = versions.back();
    name_people(connection, created);
    audit::record(connection, actor, "plan_version",
                  std::to_string(plan_id) + "/" + std::to_string(created.number), "revise", nullptr,
                  version_to_json(created));
    return created;
  });
}

// ---- Reading one version ----

std::shared_ptr<const PlanService::CachedTree> PlanService::cached_tree(
    db::Connection& connection, const Located& located, const PlanVersion& version) const {
  {
    std::lock_guard lock(cache_->mutex);
    for (auto it = cache_->trees.begin(); it != cache_->trees.end(); ++it) {
      const auto& entry = **it;
      if (entry.version_id == version.id && entry.revision == version.revision &&
          entry.status == version.status && entry.plan_row_version == located.plan.row_version) {
        auto found = *it;
        cache_->trees.splice(cache_->trees.begin(), cache_->trees, it);
        return found;
      }
    }
  }
  auto tree = std::make_shared<PlanTree>();
  tree->plan = located.plan;
  tree->version = version;
  name_people(connection, tree->version);
  tree->elements = ElementStore(connection).load_version(version.id);
  sort_into_tree_order(tree->elements);
  tree->version.element_count = static_cast<int>(tree->elements.size());
  auto entry = std::make_shared<CachedTree>();
  entry->version_id = version.id;
  entry->revision = version.revision;
  entry->status = version.status;
  entry->plan_row_version = located.plan.row_version;
  entry->tree = std::move(tree);
  entry->etag = "\"plan-" + std::to_string(located.plan.id) + "-v" +
                std::to_string(version.number) + "-r" + std::to_string(version.revision) + "-" +
                std::string(to_string(version.status)) + "-p" +
                std::to_string(located.plan.row_version) + "\"";
  std::lock_guard lock(cache_->mutex);
  // Older entries of the same version (earlier revisions of a draft) are dead.
  cache_->trees.remove_if([&](const auto& other) { return other->version_id == version.id; });
  cache_->trees.push_front(entry);
  while (cache_->trees.size() > cache_->capacity) cache_->trees.pop_back();
  return entry;
}

TreeDocument PlanService::tree_document(const Actor& actor, std::int64_t plan_id,
                                        std::optional<int> version_number) const {
  auto entry = database_.read([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    const PlanVersion* version =
        version_number ? located.number(*version_number) : &located.in_force();
    if (!version) throw_version_not_found(*version_number);
    if (version->status == VersionStatus::draft) require_draft_reader(actor);
    return cached_tree(connection, located, *version);
  });
  std::lock_guard lock(entry->json_mutex);
  if (!entry->json)
    entry->json = std::make_shared<const std::string>(write_tree_json(*entry->tree));
  return {entry->tree, entry->json, entry->etag};
}

std::shared_ptr<const PlanTree> PlanService::tree(const Actor& actor, std::int64_t plan_id,
                                                  std::optional<int> version_number) const {
  return database_.read([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    const PlanVersion* version =
        version_number ? located.number(*version_number) : &located.in_force();
    if (!version) throw_version_not_found(*version_number);
    if (version->status == VersionStatus::draft) require_draft_reader(actor);
    return cached_tree(connection, located, *version)->tree;
  });
}

Element PlanService::element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                             std::optional<int> version_number) const {
  return database_.read([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    const PlanVersion* version = nullptr;
    if (version_number) {
      version = located.number(*version_number);
      if (!version) throw_version_not_found(*version_number);
    } else {
      // Staff see the element as it is being edited; everyone else the version in force.
      version = reads_drafts(actor) && located.draft() ? located.draft() : &located.in_force();
    }
    if (version->status == VersionStatus::draft) require_draft_reader(actor);
    auto element = ElementStore(connection).load_element(version->id, element_id);
    if (!element) {
      throw_not_found("องค์ประกอบของแผนในฉบับที่ " + std::to_string(version->number),
                      "Plan element in version " + std::to_string(version->number));
    }
    return *element;
  });
}

}  // namespace changwat::plan
