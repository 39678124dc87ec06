// The yearly PDCA review: the plan against its results for a fiscal year (KPI scores,
// money, projects completed, people's needs answered, directives and findings), the
// strategy office's lessons and proposed changes, and the plan revision they start.
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/rules.hpp"
#include "modules/follow_up/service.hpp"
#include "modules/follow_up/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::follow_up {

using detail::actor_name;

namespace {

void check_year(int fiscal_year) {
  if (fiscal_year < 2500 || fiscal_year > 2700)
    throw_invalid_field("fiscal_year",
                        {"ต้องเป็นปีงบประมาณ พ.ศ.", "must be a Buddhist-era fiscal year"});
}

// Readers of the review: the province's staff who plan and oversee.
const Principal& require_review_reader(const Actor& actor) {
  return actor.require_role(
      {Role::admin, Role::strategy_officer, Role::executive, Role::auditor, Role::agency_officer});
}

ReviewNotes stored_notes(db::Connection& connection, const std::string& province, int fiscal_year) {
  if (auto found = ReviewStore(connection).find(province, fiscal_year)) return *found;
  ReviewNotes none;
  none.province_code = province;
  none.fiscal_year = fiscal_year;
  return none;
}

}  // namespace

ReviewPack FollowUpService::review(const Actor& actor, int fiscal_year) const {
  const Principal& principal = require_review_reader(actor);
  check_year(fiscal_year);
  const std::string& province = principal.province_code;
  std::string today = today_iso();
  return database_.read([&](db::Connection& connection) {
    ReviewPack pack;
    pack.fiscal_year = fiscal_year;
    pack.notes = stored_notes(connection, province, fiscal_year);
    if (auto header = action_plan_of(province, fiscal_year)) {
      pack.action_plan_id = header->id;
      pack.plan_id = header->plan_id;
      pack.plan_name_th = sources_.plans.get_plan(actor, header->plan_id).name_th;
      action_plan::ActionPlanView view = sources_.action_plans.view(header->id);
      auto progress = sources_.progress.snapshot(fiscal_year);
      for (const auto& book : view.ledger->books) {
        if (book->project.kind == plan::ProjectKind::reserve && book->allocated() == 0) continue;
        ++pack.projects;
        pack.allocated_satang += book->allocated();
        if (book->project.status == action_plan::ProjectStatus::cancelled) {
          ++pack.projects_cancelled;
          continue;
        }
        const progress::ProjectProgress* reports = progress->find(book->project.element_id);
        const progress::ProgressPoint* latest = reports ? reports->latest() : nullptr;
        if (latest && latest->status == progress::ProgressStatus::completed)
          ++pack.projects_completed;
        if (latest && latest->status == progress::ProgressStatus::delayed) ++pack.projects_delayed;
      }
      for (const auto& figures : view.ledger->figures)
        if (figures->latest >= 0)
          pack.disbursed_satang +=
              figures->disbursed_by_month[static_cast<std::size_t>(figures->latest)];
      pack.scores = sources_.kpis.scores(header->plan_id, fiscal_year);
      for (const participation::DistrictCount& district :
           sources_.participation.district_counts(actor, header->plan_id)) {
        using participation::NeedStatus;
        auto count = [&](NeedStatus status) {
          return district.by_status[static_cast<std::size_t>(status)];
        };
        pack.needs_total += count(NeedStatus::new_) + count(NeedStatus::accepted) +
                            count(NeedStatus::linked) + count(NeedStatus::declined);
        pack.needs_answered += count(NeedStatus::linked);
      }
    }
    // Directives given and findings entered in the fiscal year.
    thai::DateRange range = thai::fiscal_year_range(fiscal_year);
    std::string first = thai::to_iso(range.first);
    std::string last = thai::to_iso(range.last);
    for (const Directive& directive : DirectiveStore(connection).list(province, {})) {
      if (directive.due_on < first || directive.due_on > last) continue;
      ++pack.directives_total;
      if (directive.status == DirectiveStatus::done) ++pack.directives_done;
      if (is_overdue(directive, today)) ++pack.directives_overdue;
    }
    for (const Finding& finding : FindingStore(connection).list(province, {})) {
      if (finding.due_on < first || finding.due_on > last) continue;
      ++pack.findings_total;
      if (finding.status == FindingStatus::closed) ++pack.findings_closed;
    }
    return pack;
  });
}

ReviewNotes FollowUpService::set_review_notes(const Actor& actor, int fiscal_year,
                                              const ReviewInput& input) {
  const Principal& principal = actor.require_role({Role::strategy_officer, Role::admin});
  check_year(fiscal_year);
  FieldErrors errors;
  rules::check_text(errors, "lessons_th", input.lessons_th, rules::kTextMax * 2);
  for (std::size_t i = 0; i < input.proposed_changes.size(); ++i)
    rules::check_text(errors, ("proposed_changes[" + std::to_string(i) + "]").c_str(),
                      input.proposed_changes[i], rules::kTextMax);
  errors.throw_if_any();
  return database_.write([&](db::Connection& connection) {
    ReviewNotes before = stored_notes(connection, principal.province_code, fiscal_year);
    ReviewNotes after = before;
    after.lessons_th = input.lessons_th;
    after.proposed_changes = input.proposed_changes;
    after.updated_by = actor_name(actor);
    after.updated_at = iso_utc_now();
    if (before.version != input.expected_version ||
        !ReviewStore(connection).write(after, input.expected_version))
      throw_stale_version();
    ReviewNotes stored = *ReviewStore(connection).find(principal.province_code, fiscal_year);
    audit::record(connection, actor, "follow_up_review",
                  principal.province_code + "/" + std::to_string(fiscal_year),
                  before.version == 0 ? "create" : "update",
                  before.version == 0 ? boost::json::value(nullptr)
                                      : boost::json::value(review_notes_json(before)),
                  review_notes_json(stored));
    return stored;
  });
}

RevisionStarted FollowUpService::start_revision(const Actor& actor, int fiscal_year) {
  const Principal& principal = actor.require_role({Role::strategy_officer, Role::admin});
  check_year(fiscal_year);
  return database_.write([&](db::Connection& connection) {
    auto header = action_plan_of(principal.province_code, fiscal_year);
    if (!header)
      throw_rule("no_action_plan", {"ไม่มีแผนปฏิบัติราชการประจำปีงบประมาณนี้ให้ทบทวน",
                                    "There is no action plan of this fiscal year to review"});
    ReviewNotes notes = stored_notes(connection, principal.province_code, fiscal_year);
    std::string note = "ทบทวนแผนตามผลการทบทวนประจำปีงบประมาณ พ.ศ. " + std::to_string(fiscal_year);
    for (std::size_t i = 0; i < notes.proposed_changes.size(); ++i)
      note += "\n" + std::to_string(i + 1) + ". " + notes.proposed_changes[i];
    RevisionStarted started;
    started.plan_id = header->plan_id;
    started.version = sources_.plans.start_revision(actor, header->plan_id, note);
    ReviewNotes after = notes;
    after.revision_plan_id = started.plan_id;
    after.revision_version = started.version.number;
    after.updated_by = actor_name(actor);
    after.updated_at = iso_utc_now();
    if (!ReviewStore(connection).write(after, notes.version)) throw_stale_version();
    audit::record(
        connection, actor, "follow_up_review",
        principal.province_code + "/" + std::to_string(fiscal_year), "start_revision",
        notes.version == 0 ? boost::json::value(nullptr)
                           : boost::json::value(review_notes_json(notes)),
        review_notes_json(*ReviewStore(connection).find(principal.province_code, fiscal_year)));
    return started;
  });
}

}  // namespace changwat::follow_up
