// PlanService: editing the elements of the open draft (create, update, move,
// delete, KPI targets in place, alignment links). Each call is one transaction
// with its audit entry, and bumps the draft's revision (the cache key).
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <map>

#include "base/clock.hpp"
#include "base/json_or_null.hpp"
#include "modules/plan/element_store.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/kpi_store.hpp"
#include "modules/plan/project_store.hpp"
#include "modules/plan/rules.hpp"
#include "modules/plan/service_detail.hpp"
#include "modules/plan/version_store.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::plan {
namespace {

using namespace detail;

[[noreturn]] void throw_outside_agency() {
  throw Error(ErrorKind::forbidden, "agency_scope",
              {"เจ้าหน้าที่หน่วยงานเสนอและแก้ไขได้เฉพาะโครงการของหน่วยงานตนเอง",
               "Agency officers may only propose and edit projects of their own agency"});
}

// Agency officers only touch projects of their own agency, and what they write is
// a proposal until the strategy office accepts it.
// The draft's element `element_id`; 404 when the draft has none.
Element draft_element(ElementStore& store, const PlanVersion& draft, std::int64_t element_id) {
  std::optional<Element> element = store.load_element(draft.id, element_id);
  if (!element) throw_element_not_found();
  return std::move(*element);
}

void apply_agency_scope(const Actor& actor, const std::optional<Element>& existing,
                        Element& element) {
  const Principal& principal = *actor.principal;
  if (!principal.agency_code || element.kind != ElementKind::project) throw_outside_agency();
  if (existing && (!existing->project || existing->project->agency_code != principal.agency_code)) {
    throw_outside_agency();
  }
  if (!element.project) element.project.emplace();
  if (!element.project->agency_code) element.project->agency_code = principal.agency_code;
  if (element.project->agency_code != principal.agency_code) throw_outside_agency();
  element.project->proposal = ProposalStatus::proposed;
  element.project->proposed_by_agency = principal.agency_code;
}

// Where an element sits in the tree is the strategy office's to decide, whichever
// route asks: POST …/move and a PATCH that changes parent_id or position.
[[noreturn]] void throw_move_forbidden() {
  throw Error(ErrorKind::forbidden, "move_forbidden",
              {"เจ้าหน้าที่หน่วยงานย้ายโครงการไปใต้องค์ประกอบอื่นหรือเปลี่ยนลำดับไม่ได้ "
               "กลุ่มงานยุทธศาสตร์เป็นผู้จัดโครงสร้างแผน",
               "Agency officers cannot move a project to another parent or reorder it; the "
               "strategy office arranges the plan"},
              {{"parent_id", {"ย้ายไม่ได้", "cannot be changed by an agency officer"}}});
}

void require_own_project(const Actor& actor, const Element& existing) {
  if (existing.kind != ElementKind::project || !existing.project || !actor.principal->agency_code ||
      existing.project->agency_code != actor.principal->agency_code) {
    throw_outside_agency();
  }
}

Message kind_list(const std::map<ElementKind, int>& counts) {
  std::string th;
  std::string en;
  for (const auto& [kind, count] : counts) {
    if (!th.empty()) {
      th += ", ";
      en += ", ";
    }
    th += std::string(kind_name_th(kind)) + " " + std::to_string(count) + " รายการ";
    en += std::to_string(count) + " " + std::string(kind_name_en(kind)) + (count > 1 ? "(s)" : "");
  }
  return {th, en};
}

boost::json::object with_plan(boost::json::object element, std::int64_t plan_id, int version) {
  element["plan_id"] = plan_id;
  element["plan_version"] = version;
  return element;
}

}  // namespace

void PlanService::check_structure(db::Connection& connection, const PlanVersion& draft,
                                  const Element& element, FieldErrors& errors) const {
  ElementStore element_store(connection);
  std::optional<ElementKind> parent_kind;
  if (element.parent_id) {
    parent_kind = element_store.kind_of(draft.id, *element.parent_id);
    if (!parent_kind) {
      errors.add("parent_id", {"ไม่พบองค์ประกอบแม่ในฉบับร่างนี้", "no such parent element in this draft"});
      return;
    }
  }
  if (!allowed_parent(element.kind, parent_kind)) {
    Message why = allowed_parents_message(element.kind);
    errors.add("parent_id", {std::string(kind_name_th(element.kind)) + " " + why.th,
                             "a " + std::string(kind_name_en(element.kind)) + " " + why.en});
  }
  if (element.project) {
    for (auto guideline : element.project->guideline_ids) {
      if (element_store.kind_of(draft.id, guideline) != ElementKind::guideline) {
        errors.add("guideline_ids",
                   {"รหัส " + std::to_string(guideline) + " ไม่ใช่แนวทางการพัฒนาในฉบับร่างนี้",
                    std::to_string(guideline) + " is not a guideline of this draft"});
      }
    }
  }
}

void PlanService::place(db::Connection& connection, const PlanVersion& draft,
                        std::int64_t element_id, const MoveTarget& target,
                        std::int64_t expected_version) {
  ElementStore element_store(connection);
  auto current_parent = element_store.parent_of(draft.id, element_id);
  if (!current_parent) throw_element_not_found();
  // Walking up from the new parent must never meet the element itself.
  for (auto ancestor = target.parent_id; ancestor;) {
    if (*ancestor == element_id) {
      throw Error(ErrorKind::rule, "cycle",
                  {"ย้ายองค์ประกอบไปไว้ใต้ตัวเองหรือองค์ประกอบลูกของตัวเองไม่ได้ (เกิดวงวน)",
                   "An element cannot move under itself or one of its own descendants (a cycle)"},
                  {{"parent_id", {"เป็นตัวเองหรือองค์ประกอบลูก", "is the element or below it"}}});
    }
    auto up = element_store.parent_of(draft.id, *ancestor);
    if (!up) {
      throw Error(
          ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
          {{"parent_id", {"ไม่พบองค์ประกอบแม่ในฉบับร่างนี้", "no such parent element in this draft"}}});
    }
    ancestor = *up;
  }
  auto kind = element_store.kind_of(draft.id, element_id);
  std::optional<ElementKind> parent_kind;
  if (target.parent_id) parent_kind = element_store.kind_of(draft.id, *target.parent_id);
  if (!allowed_parent(*kind, parent_kind)) {
    Message why = allowed_parents_message(*kind);
    throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                {{"parent_id",
                  {std::string(kind_name_th(*kind)) + " " + why.th,
                   "a " + std::string(kind_name_en(*kind)) + " " + why.en}}});
  }
  auto old_siblings = element_store.children(draft.id, *current_parent);
  std::erase(old_siblings, element_id);
  auto new_siblings = element_store.children(draft.id, target.parent_id);
  std::erase(new_siblings, element_id);
  int last = static_cast<int>(new_siblings.size());
  int position = target.position ? std::clamp(*target.position, 0, last) : last;
  new_siblings.insert(new_siblings.begin() + position, element_id);
  if (!element_store.move_element(draft.id, element_id, target.parent_id, position,
                                  expected_version)) {
    throw_stale_version();
  }
  if (*current_parent != target.parent_id) element_store.set_positions(draft.id, old_siblings);
  element_store.set_positions(draft.id, new_siblings);
}

Element PlanService::write_element(db::Connection& connection, const Actor& actor,
                                   const Located& located, Element element,
                                   std::optional<std::int64_t> expected_version) {
  EditRight right = require_editor(actor, located.plan);
  const PlanVersion& draft = located.require_draft();
  VersionStore version_store(connection);
  ElementStore element_store(connection);
  std::optional<Element> existing;
  if (expected_version) {
    existing = element_store.load_element(draft.id, element.element_id);
    if (!existing) throw_element_not_found();
    if (existing->version != *expected_version) throw_stale_version();
    if (existing->kind != element.kind) {
      throw Error(ErrorKind::validation, "invalid_input", {"ข้อมูลไม่ถูกต้อง", "Invalid input"},
                  {{"kind",
                    {"เปลี่ยนประเภทขององค์ประกอบไม่ได้ (สร้างใหม่แทน)",
                     "the kind of an element cannot change (create a new one)"}}});
    }
  }
  if (right == EditRight::own_agency_projects) {
    apply_agency_scope(actor, existing, element);
    if (existing &&
        (element.parent_id != existing->parent_id || element.position != existing->position))
      throw_move_forbidden();
  }
  element.plan_id = located.plan.id;
  element.plan_version_id = draft.id;

  FieldErrors errors;
  check_element_fields(element, located.plan.period, located.plan.province_code, areas_, catalog_,
                       errors);
  check_structure(connection, draft, element, errors);
  errors.throw_if_any();
  if (element.kpi) check_kpi_values(*element.kpi);
  if (!element.code.empty()) {
    auto holder = element_store.element_with_code(draft.id, element.code);
    if (holder && (!existing || *holder != element.element_id)) {
      throw Error(ErrorKind::conflict, "duplicate_code",
                  {"รหัส " + element.code + " มีอยู่แล้วในแผนฉบับนี้",
                   "The code " + element.code + " is already used in this version of the plan"},
                  {{"code", {"ซ้ำกับองค์ประกอบอื่น", "is already used by another element"}}});
    }
  }

  if (!existing) {
    element.element_id = element_store.new_element_id(located.plan.id, located.plan.province_code,
                                                      element.kind, iso_utc_now());
    auto siblings = element_store.children(draft.id, element.parent_id);
    int last = static_cast<int>(siblings.size());
    element.position = element.position < 0 || element.position > last ? last : element.position;
    siblings.insert(siblings.begin() + element.position, element.element_id);
    element.version = 1;
    element_store.insert_element(element, located.plan.province_code);
    element_store.set_positions(draft.id, siblings);
  } else {
    MoveTarget wanted{element.parent_id, element.position};
    element.parent_id = existing->parent_id;
    element.position = existing->position;
    if (!element_store.update_element(element, *expected_version, located.plan.province_code)) {
      throw_stale_version();
    }
    if (wanted.parent_id != existing->parent_id || wanted.position != existing->position) {
      place(connection, draft, element.element_id, wanted, *expected_version + 1);
    }
  }
  if (!version_store.bump_revision(draft.id)) throw_stale_version();  // approved meanwhile
  Element saved = *element_store.load_element(draft.id, element.element_id);
  audit::record(connection, actor, "plan_element", std::to_string(saved.element_id),
                existing ? "update" : "create",
                existing ? boost::json::value(
                               with_plan(element_to_json(*existing), located.plan.id, draft.number))
                         : boost::json::value(nullptr),
                with_plan(element_to_json(saved), located.plan.id, draft.number));
  return saved;
}

Element PlanService::create_element(const Actor& actor, std::int64_t plan_id, Element element) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    return write_element(connection, actor, located, std::move(element), std::nullopt);
  });
}

Element PlanService::update_element(const Actor& actor, std::int64_t plan_id,
                                    const Element& element, std::int64_t expected_version) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    return write_element(connection, actor, located, element, expected_version);
  });
}

Element PlanService::move_element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                                  const MoveTarget& target, std::int64_t expected_version) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate_for_planner(connection, actor, plan_id);
    const PlanVersion& draft = located.require_draft();
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    const Element existing = draft_element(element_store, draft, element_id);
    if (existing.version != expected_version) throw_stale_version();
    place(connection, draft, element_id, target, expected_version);
    if (!version_store.bump_revision(draft.id)) throw_stale_version();  // approved meanwhile
    Element moved = *element_store.load_element(draft.id, element_id);
    boost::json::object before{{"parent_id", json_or_null(existing.parent_id)},
                               {"position", existing.position}};
    boost::json::object after{{"parent_id", json_or_null(moved.parent_id)},
                              {"position", moved.position}};
    audit::record(connection, actor, "plan_element", std::to_string(element_id), "move", before,
                  after);
    return moved;
  });
}

void PlanService::delete_element(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                                 std::int64_t expected_version) {
  database_.write([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    EditRight right = require_editor(actor, located.plan);
    const PlanVersion& draft = located.require_draft();
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    ProjectStore project_store(connection);
    const Element existing = draft_element(element_store, draft, element_id);
    if (right == EditRight::own_agency_projects) require_own_project(actor, existing);
    // Claims the row with one conditional statement: of two deletions (or a
    // deletion and an edit) holding the same version, exactly one goes on.
    if (!element_store.touch_element(draft.id, element_id, expected_version)) throw_stale_version();

    auto children = element_store.children(draft.id, element_id);
    if (!children.empty()) {
      std::map<ElementKind, int> counts;
      for (auto child : children) ++counts[*element_store.kind_of(draft.id, child)];
      Message list = kind_list(counts);
      throw Error(ErrorKind::rule, "element_has_children",
                  {"ลบไม่ได้: ยังมี " + list.th + " อยู่ภายใต้องค์ประกอบนี้ กรุณาย้ายหรือลบก่อน",
                   "Cannot delete: " + list.en +
                       " still hang under this element; move or delete them first"});
    }
    if (existing.kind == ElementKind::guideline) {
      if (auto serving = project_store.count_projects_serving(draft.id, element_id); serving > 0) {
        throw Error(ErrorKind::rule, "element_in_use",
                    {"ลบไม่ได้: มีโครงการ " + std::to_string(serving) +
                         " รายการระบุว่าตอบแนวทางนี้ กรุณาแก้ไขโครงการเหล่านั้นก่อน",
                     "Cannot delete: " + std::to_string(serving) +
                         " project(s) list this guideline among those they serve; change them "
                         "first"});
      }
    }
    for (const auto& guard : delete_guards_) {
      if (auto reason = guard(connection, element_id)) {
        throw Error(ErrorKind::rule, "element_in_use",
                    {"ลบไม่ได้: " + reason->th, "Cannot delete: " + reason->en});
      }
    }
    element_store.delete_element(draft.id, element_id);
    element_store.set_positions(draft.id, element_store.children(draft.id, existing.parent_id));
    if (!version_store.bump_revision(draft.id)) throw_stale_version();  // approved meanwhile
    audit::record(connection, actor, "plan_element", std::to_string(element_id), "delete",
                  with_plan(element_to_json(existing), located.plan.id, draft.number), nullptr);
  });
}

KpiTarget PlanService::set_target(const Actor& actor, std::int64_t plan_id, std::int64_t element_id,
                                  int fiscal_year, std::optional<double> value,
                                  std::optional<std::int64_t> expected_version) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate_for_planner(connection, actor, plan_id);
    const PlanVersion& draft = located.require_draft();
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    KpiStore kpi_store(connection);
    const Element element = draft_element(element_store, draft, element_id);
    if (element.kind != ElementKind::kpi || !element.kpi) {
      throw_rule("not_a_kpi", {"องค์ประกอบนี้ไม่ใช่ตัวชี้วัด จึงไม่มีค่าเป้าหมาย",
                               "This element is not a KPI, so it has no targets"});
    }
    FieldErrors errors;
    if (fiscal_year < thai::kFirstAcceptedBeYear || fiscal_year > thai::kLastAcceptedBeYear) {
      errors.add("fiscal_year", fiscal_year_message(fiscal_year));
    } else if (!located.plan.period.contains(fiscal_year)) {
      errors.add("fiscal_year",
                 {"ปีงบประมาณ " + std::to_string(fiscal_year) + " อยู่นอกช่วงของแผน " +
                      std::to_string(located.plan.period.first_fiscal_year) + "–" +
                      std::to_string(located.plan.period.last_fiscal_year),
                  "fiscal year " + std::to_string(fiscal_year) + " is outside the plan period " +
                      std::to_string(located.plan.period.first_fiscal_year) + "–" +
                      std::to_string(located.plan.period.last_fiscal_year)});
    }
    if (value && !std::isfinite(*value)) {
      errors.add("value", {"ต้องเป็นตัวเลข", "must be a number"});
    }
    errors.throw_if_any();
    // What the KPI's unit allows (ร้อยละ 0–100, whole counts, money …): 422 on "value".
    if (value) {
      if (auto problem = kpi_value_problem(element.kpi->unit_th, *value)) {
        throw Error(
            ErrorKind::rule, "kpi_value_out_of_range",
            {"ค่าเป้าหมายไม่เข้ากับหน่วย \"" + element.kpi->unit_th + "\": " + problem->th,
             "The target does not fit the unit \"" + element.kpi->unit_th + "\": " + problem->en},
            {{"value", *problem}});
      }
    }
    auto existing = kpi_store.find_target(draft.id, element_id, fiscal_year);
    // The read above only picks the statement; the conditional statement decides.
    // Of several writers holding the same version exactly one changes a row, the
    // others change nothing and get 409 (their value is never reported as saved).
    if (existing) {
      if (!expected_version ||
          !kpi_store.update_target(draft.id, element_id, fiscal_year, value, *expected_version))
        throw_stale_version();
    } else {
      // Someone holding a version for a target that no longer exists is stale too.
      if (expected_version && *expected_version != 0) throw_stale_version();
      if (!kpi_store.insert_target_if_absent(draft.id, element_id, {fiscal_year, value, 1},
                                             located.plan.province_code))
        throw_stale_version();
    }
    if (!version_store.bump_revision(draft.id)) throw_stale_version();  // approved meanwhile
    KpiTarget saved = *kpi_store.find_target(draft.id, element_id, fiscal_year);
    auto target_json = [&](const std::optional<KpiTarget>& target) -> boost::json::value {
      if (!target) return nullptr;
      return boost::json::object{{"plan_id", plan_id},
                                 {"plan_version", draft.number},
                                 {"element_id", element_id},
                                 {"fiscal_year", target->fiscal_year},
                                 {"value", target->value ? boost::json::value(*target->value)
                                                         : boost::json::value(nullptr)}};
    };
    audit::record(connection, actor, "plan_kpi_target",
                  std::to_string(element_id) + "/" + std::to_string(fiscal_year),
                  existing ? "update" : "create", target_json(existing), target_json(saved));
    return saved;
  });
}

Element PlanService::set_alignments(const Actor& actor, std::int64_t plan_id,
                                    std::int64_t element_id, std::vector<std::string> codes,
                                    std::int64_t expected_version) {
  return database_.write([&](db::Connection& connection) {
    Located located = locate(connection, plan_id);
    EditRight right = require_editor(actor, located.plan);
    const PlanVersion& draft = located.require_draft();
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    const Element existing = draft_element(element_store, draft, element_id);
    if (right == EditRight::own_agency_projects) require_own_project(actor, existing);
    if (existing.version != expected_version) throw_stale_version();
    FieldErrors errors;
    std::vector<std::string> unique;
    for (auto& code : codes) {
      if (!catalog_.find(code)) {
        errors.add("codes", {"ไม่พบเป้าหมายระดับชาติรหัส " + code, "unknown national target " + code});
      } else if (std::find(unique.begin(), unique.end(), code) == unique.end()) {
        unique.push_back(std::move(code));
      }
    }
    if (unique.size() > 50)
      errors.add("codes", {"มีได้ไม่เกิน 50 รายการ", "must have at most 50 items"});
    errors.throw_if_any();
    std::sort(unique.begin(), unique.end());
    // The version check that counts: one conditional statement before anything
    // is replaced, so of several writers with the same version exactly one wins.
    if (!element_store.touch_element(draft.id, element_id, expected_version)) throw_stale_version();
    element_store.replace_alignments(draft.id, element_id, unique, located.plan.province_code);
    if (!version_store.bump_revision(draft.id)) throw_stale_version();  // approved meanwhile
    Element saved = *element_store.load_element(draft.id, element_id);
    boost::json::array before;
    for (const auto& code : existing.alignment_codes) before.emplace_back(code);
    boost::json::array after;
    for (const auto& code : saved.alignment_codes) after.emplace_back(code);
    audit::record(connection, actor, "plan_element", std::to_string(element_id), "align",
                  boost::json::object{{"alignments", before}},
                  boost::json::object{{"alignments", after}});
    return saved;
  });
}
}  // namespace changwat::plan
