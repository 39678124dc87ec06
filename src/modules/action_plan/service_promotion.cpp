// ActionPlanService: reserve proposals and promotions. A promotion makes the
// reserve a main project of the action plan and, in the same transaction, of the
// plan itself: in a new plan version (start a revision, change the project,
// approve) or in the draft already open, so the plan's versions and diff show it.
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/action_plan/json.hpp"
#include "modules/action_plan/service_detail.hpp"
#include "platform/audit/audit_log.hpp"
#include "thai/calendar.hpp"

namespace changwat::action_plan {

using namespace detail;

namespace {

std::vector<std::int64_t> promoted_elements(const std::vector<Promotion>& promotions) {
  std::vector<std::int64_t> ids;
  for (const auto& promotion : promotions) ids.push_back(promotion.element_id);
  return ids;
}

}  // namespace

ReserveProposals ActionPlanService::reserve_proposals(const Actor&, std::int64_t id) const {
  ActionPlanView current = view(id);
  auto promotions =
      database_.read([&](db::Connection& c) { return ActionPlanStore(c).promotions(id); });
  ReserveProposals result;
  result.ledger = current.ledger;
  result.index = current.index;
  result.savings = savings_by_source(*current.ledger, promoted_elements(promotions));
  result.candidates = reserve_candidates(*current.ledger, result.savings);
  return result;
}

PromotionResult ActionPlanService::promote(const Actor& actor, std::int64_t id,
                                           const PromotionInput& input) {
  FieldErrors errors;
  auto required = [&](const std::string& value, const char* field) {
    if (value.empty()) errors.add(field, {"ต้องระบุ", "is required"});
  };
  required(input.committee_th, "committee_th");
  required(input.meeting_th, "meeting_th");
  required(input.resolution_th, "resolution_th");
  std::string decided_on;
  try {
    decided_on = thai::to_iso(thai::parse_date(input.decided_on, "decided_on"));
  } catch (const Error& error) {
    for (const auto& [field, why] : error.fields()) errors.add(field, why);
    if (error.fields().empty()) errors.add("decided_on", error.message());
  }
  errors.throw_if_any();

  ActionPlanView current = view(id);
  require_planner(actor, current.ledger->header);
  const std::int64_t plan_id = current.ledger->header.plan_id;

  PromotionResult result = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_open(header);
    std::vector<std::shared_ptr<const ProjectBook>> books;
    for (auto& book : store.load_books(id)) {
      books.push_back(std::make_shared<const ProjectBook>(std::move(book)));
    }
    auto ledger = Ledger::make(header, std::move(books));
    const ProjectBook* book = ledger->find(input.element_id);
    if (!book) throw_project_not_found();
    if (book->project.version != input.version) throw_stale_version();
    auto promotions = store.promotions(id);
    auto savings = savings_by_source(*ledger, promoted_elements(promotions));
    check_promotion(*ledger, *book, savings, input.skip_reason_th);

    // The plan: the project becomes main in a new version (or in the open draft).
    // Nested calls run in this transaction, so a failure below undoes them too.
    plan::Plan source = plans_.get_plan(actor, plan_id);
    bool revised = false;
    std::string note = "เลื่อนโครงการสำรองเป็นโครงการหลัก ตามมติ " + input.committee_th + " " +
                       input.meeting_th + " " + input.resolution_th;
    if (!source.draft_version) {
      plans_.start_revision(actor, plan_id, note);
      revised = true;
      source = plans_.get_plan(actor, plan_id);
    }
    int draft = source.draft_version.value_or(source.current_version);
    plan::Element element = plans_.element(actor, plan_id, input.element_id, draft);
    if (element.project && element.project->kind == ProjectKind::reserve) {
      element.project->kind = ProjectKind::main;
      element.project->ranking.reset();
      plans_.update_element(actor, plan_id, element, element.version);
    }
    if (revised) plans_.approve(actor, plan_id, draft, note);

    Project project = book->project;
    project.kind = ProjectKind::main;
    project.ranking.reset();
    int priority = 0;
    for (const auto& other : ledger->books) {
      priority = std::max(priority, other->project.priority.value_or(0));
    }
    project.priority = priority + 1;
    if (!store.update_project(project, input.version)) throw_stale_version();

    Promotion promotion;
    promotion.action_plan_id = id;
    promotion.element_id = input.element_id;
    promotion.budget_source = project.budget_source;
    promotion.committee_th = input.committee_th;
    promotion.meeting_th = input.meeting_th;
    promotion.resolution_th = input.resolution_th;
    promotion.decided_on = decided_on;
    promotion.skip_reason_th = input.skip_reason_th;
    promotion.savings_before = savings[project.budget_source];
    promotion.plan_version = draft;
    promotion.created_by = actor_name(actor);
    promotion.created_at = iso_utc_now();
    promotion.id = store.insert_promotion(promotion, project.id, header.province_code);
    auto saved = store.load_book(project.id);
    audit::record_in(c, header.province_code, actor, "action_plan_project",
                     std::to_string(project.id), "promote", audit_json(*book), audit_json(*saved));
    audit::record_in(c, header.province_code, actor, "action_plan_promotion",
                     std::to_string(promotion.id), "create", nullptr, promotion_to_json(promotion));
    PromotionResult out;
    out.promotion = promotion;
    out.book = std::make_shared<const ProjectBook>(std::move(*saved));
    out.plan_version = draft;
    return out;
  });
  forget(id);
  return result;
}

}  // namespace changwat::action_plan
