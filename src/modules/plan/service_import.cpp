// PlanService::import_plan: a whole plan in one transaction (demo data, benchmark
// data, later a plan brought from another system). Every element passes the same
// field and structure rules as one typed in through the API.
#include <boost/json.hpp>
#include <unordered_map>

#include "base/clock.hpp"
#include "modules/plan/element_store.hpp"
#include "modules/plan/rules.hpp"
#include "modules/plan/service_detail.hpp"
#include "modules/plan/version_store.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::plan {
namespace {

using namespace detail;

// Errors of one element carry its position in the input and its code, so a
// problem in a data file can be found.
[[noreturn]] void throw_element_problem(std::size_t index, const Element& element,
                                        const std::string& field, const Message& why) {
  std::string where = "#" + std::to_string(index + 1) +
                      (element.code.empty() ? std::string() : " (" + element.code + ")");
  throw Error(ErrorKind::validation, "invalid_import",
              {"ข้อมูลองค์ประกอบ " + where + " ไม่ถูกต้อง", "Element " + where + " is invalid"},
              {{"elements[" + std::to_string(index) + "]." + field, why}});
}

}  // namespace

std::int64_t PlanService::import_plan(const Actor& actor, const NewPlan& input,
                                      std::vector<Element> elements, bool approve,
                                      std::optional<std::string> demo_key) {
  if (!actor.local_command) actor.require_role({Role::admin, Role::strategy_officer});
  FieldErrors plan_errors;
  check_plan_fields(input.name_th, input.name_en, input.period, plan_errors);
  plan_errors.throw_if_any();
  const std::string province = areas::province_for(areas_, actor, input.province_code);
  const std::string now = iso_utc_now();

  return database_.write([&](db::Connection& connection) {
    VersionStore version_store(connection);
    ElementStore element_store(connection);
    Plan plan;
    plan.province_code = province;
    plan.demo_key = demo_key;
    plan.demo = demo_key.has_value();
    plan.created_at = now;
    const PlanVersion version = insert_plan_and_draft(connection, plan, input, actor_name(actor));

    std::unordered_map<std::int64_t, std::int64_t> real_id;  // caller key -> element id
    std::unordered_map<std::int64_t, ElementKind> kind_of;   // element id -> kind
    std::unordered_map<std::int64_t, int> next_position;     // parent (0 = top) -> count
    std::unordered_map<std::string, std::size_t> codes;
    real_id.reserve(elements.size());
    for (std::size_t i = 0; i < elements.size(); ++i) {
      Element& element = elements[i];
      const std::int64_t key = element.element_id;
      element.plan_id = plan.id;
      element.plan_version_id = version.id;
      element.version = 1;
      FieldErrors errors;
      check_element_fields(element, plan.period, province, areas_, catalog_, errors);
      try {
        errors.throw_if_any();
      } catch (const Error& error) {
        const auto& [field, why] = *error.fields().begin();
        throw_element_problem(i, element, field, why);
      }
      std::optional<ElementKind> parent_kind;
      if (element.parent_id) {
        auto found = real_id.find(*element.parent_id);
        if (found == real_id.end()) {
          throw_element_problem(
              i, element, "parent_id",
              {"ต้องอ้างถึงองค์ประกอบที่มาก่อนหน้า", "must refer to an element listed before it"});
        }
        element.parent_id = found->second;
        parent_kind = kind_of.at(found->second);
      }
      if (!allowed_parent(element.kind, parent_kind)) {
        throw_element_problem(i, element, "parent_id", allowed_parents_message(element.kind));
      }
      if (element.project) {
        for (auto& guideline : element.project->guideline_ids) {
          auto found = real_id.find(guideline);
          if (found == real_id.end() || kind_of.at(found->second) != ElementKind::guideline) {
            throw_element_problem(
                i, element, "guideline_ids",
                {"ต้องอ้างถึงแนวทางการพัฒนาที่มาก่อนหน้า", "must refer to guidelines listed before it"});
          }
          guideline = found->second;
        }
      }
      if (!element.code.empty() && !codes.emplace(element.code, i).second) {
        throw_element_problem(i, element, "code", {"รหัสซ้ำ", "is used twice"});
      }
      element.element_id = element_store.new_element_id(plan.id, province, element.kind, now);
      element.position = next_position[element.parent_id.value_or(0)]++;
      real_id.emplace(key, element.element_id);
      kind_of.emplace(element.element_id, element.kind);
      element_store.insert_element(element, province);
    }
    if (approve) {
      // The version was created in this transaction, so it is still a draft.
      if (!version_store.change_status(version.id, VersionStatus::draft, VersionStatus::approved,
                                       {actor_name(actor), now, std::nullopt, std::nullopt}))
        throw_stale_version();
    }
    audit::record_in(
        connection, province, actor, "plan", std::to_string(plan.id), "import", nullptr,
        boost::json::object{
            {"name_th", plan.name_th},
            {"elements", elements.size()},
            {"approved", approve},
            {"demo_key", demo_key ? boost::json::value(*demo_key) : boost::json::value(nullptr)}});
    return plan.id;
  });
}

}  // namespace changwat::plan
