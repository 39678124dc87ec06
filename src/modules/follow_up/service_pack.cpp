// Meeting packs: the figures gathered from the other modules' services at the moment
// of issue, written as a Thai PDF and a workbook and frozen with their hashes
// (docs/decisions/0013-meeting-packs-frozen.md).
#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "modules/follow_up/json.hpp"
#include "modules/follow_up/meeting_store.hpp"
#include "modules/follow_up/pack.hpp"
#include "modules/follow_up/rules.hpp"
#include "modules/follow_up/service.hpp"
#include "modules/follow_up/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::follow_up {

using detail::actor_name;
using detail::require_same_province;

namespace {

using action_plan::GroupBy;

// The names of agencies and projects every section prints.
struct Names {
  const areas::AreaService& areas;
  const action_plan::ActionPlanView* view = nullptr;
  std::unordered_map<std::string, std::string> agencies{};

  const std::string& agency_th(const std::optional<std::string>& code) {
    static const std::string none = "-";
    if (!code) return none;
    auto found = agencies.find(*code);
    if (found != agencies.end()) return found->second;
    auto agency = areas.find_agency(*code);
    return agencies[*code] = agency ? agency->name_th : *code;
  }

  ProjectLine project(std::int64_t element_id, const std::optional<std::string>& agency) {
    ProjectLine line;
    line.element_id = element_id;
    if (view) {
      if (const action_plan::ProjectBook* book = view->ledger->find(element_id)) {
        action_plan::ProjectMeta meta = action_plan::meta_of(*view->index, book->project);
        line.code = meta.code;
        line.name_th = meta.name_th;
        line.agency_th = agency_th(meta.agency_code ? meta.agency_code : agency);
        return line;
      }
    }
    line.agency_th = agency_th(agency);
    return line;
  }
};

std::string month_th(const action_plan::Month& month) {
  return std::string(thai::month_name(month.month, thai::MonthStyle::abbreviated)) + " " +
         std::to_string(month.year + 543);
}

}  // namespace

std::optional<action_plan::ActionPlan> FollowUpService::action_plan_of(
    const std::string& province_code, int fiscal_year) const {
  std::optional<action_plan::ActionPlan> found;
  for (const action_plan::ActionPlan& header : sources_.action_plans.list(Actor::command_line()))
    if (header.province_code == province_code && header.fiscal_year == fiscal_year &&
        (!found || header.id > found->id))
      found = header;
  return found;
}

Pack FollowUpService::issue_pack(const Actor& actor, std::int64_t meeting_id) {
  rules::require_secretary(actor);
  return issue_pack_as(actor, meeting_id, false);
}

Pack FollowUpService::issue_pack_as(const Actor& actor, std::int64_t meeting_id, bool demo) {
  return database_.write([&](db::Connection& connection) {
    MeetingStore store(connection);
    auto meeting = store.find(meeting_id);
    if (!meeting) throw_not_found("การประชุม", "Meeting");
    require_same_province(actor, meeting->province_code, "การประชุม", "Meeting");
    // Refused before any work: an issued pack is never made again.
    if (store.pack_of(meeting_id))
      throw_conflict("pack_issued", {"เอกสารประกอบการประชุมนี้ออกแล้ว แก้ไขหรือออกใหม่ไม่ได้",
                                     "The meeting's pack is already issued and cannot change"});
    Committee committee = *CommitteeStore(connection).find(meeting->committee_id);
    const std::string& province = meeting->province_code;

    PackData data;
    data.province_th = sources_.action_plans.group_name(GroupBy::province, province).first;
    data.committee_th = committee.name_th;
    data.meeting_title_th = meeting->title_th;
    data.held_on = meeting->held_on;
    data.as_of = today_iso();
    data.fiscal_year = thai::fiscal_year(thai::parse_date(meeting->held_on));
    data.agenda.assign(meeting->agenda.begin(), meeting->agenda.end());
    data.attendees = meeting->attendees;
    data.demo = demo;

    Names names{areas_};
    std::optional<action_plan::ActionPlan> header = action_plan_of(province, data.fiscal_year);
    std::optional<action_plan::ActionPlanView> view;
    if (header) {
      view = sources_.action_plans.view(header->id);
      names.view = &*view;
      data.action_plan_th = header->name_th;
      // Spending against the national target, by agency.
      action_plan::SpendingReport spending =
          sources_.action_plans.spending(Actor::command_line(), header->id, GroupBy::agency);
      for (const action_plan::SpendingGroup& group : spending.groups) {
        AgencySpending agency;
        agency.code = group.key;
        agency.name_th = group.name_th;
        agency.projects = group.projects;
        agency.allocated = group.allocated;
        agency.disbursed = group.disbursed;
        if (group.allocated > 0)
          agency.percent =
              100.0 * static_cast<double>(group.disbursed) / static_cast<double>(group.allocated);
        for (const action_plan::MonthFigure& month : group.months) {
          if (!month.disbursed_cumulative) break;
          if (month.target_percent) agency.target_percent = month.target_percent;
        }
        agency.behind_target = group.behind_target;
        data.projects += group.projects;
        data.allocated += group.allocated;
        data.disbursed += group.disbursed;
        data.agencies.push_back(std::move(agency));
      }
      // Delayed projects: the latest monthly report says so.
      auto progress = sources_.progress.snapshot(data.fiscal_year);
      for (const auto& book : view->ledger->books) {
        const progress::ProjectProgress* reports = progress->find(book->project.element_id);
        if (!reports) continue;
        const progress::ProgressPoint* latest = reports->latest();
        if (!latest || latest->status != progress::ProgressStatus::delayed) continue;
        data.delayed.push_back({names.project(book->project.element_id, reports->agency_code),
                                latest->physical_percent, month_th(latest->month)});
      }
      std::sort(data.delayed.begin(), data.delayed.end(),
                [](const DelayedProject& a, const DelayedProject& b) {
                  return a.physical_percent < b.physical_percent;
                });
      // KPI scores of the plan the action plan follows.
      auto scores = sources_.kpis.scores(header->plan_id, data.fiscal_year);
      if (scores) {
        for (const kpi_results::KpiScore& kpi : scores->kpis)
          data.kpis.push_back({kpi.code, kpi.text_th, kpi.target, kpi.value, kpi.score});
        data.province_score = scores->province;
      }
    }

    // Procurement: contracts not signed by the commitment deadline, overdue instalments.
    auto procurements = sources_.procurement.snapshot(today());
    procurement::Scope scope{province, data.fiscal_year, std::nullopt};
    for (const procurement::UncommittedProcurement& late : procurements->not_committed(scope)) {
      const procurement::ProcurementSummary& summary = *late.procurement;
      data.late_procurements.push_back({names.project(summary.element_id, summary.agency_code),
                                        summary.title_th, late.due_on, late.rule_th,
                                        summary.reference_price_satang});
    }
    for (const procurement::OverdueInstalment& due : procurements->overdue_instalments(scope)) {
      const procurement::ProcurementSummary& summary = *due.procurement;
      data.overdue_instalments.push_back({names.project(summary.element_id, summary.agency_code),
                                          due.number, due.due_on, due.amount_satang,
                                          due.days_overdue});
    }
    // Worst first: the PDF lists the first of a long section.
    std::stable_sort(data.late_procurements.begin(), data.late_procurements.end(),
                     [](const LateProcurement& a, const LateProcurement& b) {
                       return a.reference_price > b.reference_price;
                     });
    std::stable_sort(data.overdue_instalments.begin(), data.overdue_instalments.end(),
                     [](const OverdueInstalmentLine& a, const OverdueInstalmentLine& b) {
                       return a.days_overdue > b.days_overdue;
                     });

    // Open warnings of the year, as monitoring evaluates them now.
    for (const monitoring::Warning& warning :
         sources_.monitoring.evaluate(province, data.fiscal_year)) {
      if (warning.status != monitoring::WarningStatus::open) continue;
      data.warnings.push_back({std::string(monitoring::name_th(warning.kind)),
                               names.agency_th(warning.agency_code), warning.message_th,
                               warning.due_on, warning.severity > 0});
    }

    // Directives still open (of every meeting of the province), overdue first.
    std::unordered_map<std::int64_t, std::string> meeting_titles;
    for (const Directive& directive : DirectiveStore(connection).list(province, {})) {
      if (directive.status != DirectiveStatus::open &&
          directive.status != DirectiveStatus::in_progress)
        continue;
      auto title = meeting_titles.find(directive.meeting_id);
      if (title == meeting_titles.end())
        title =
            meeting_titles.emplace(directive.meeting_id, store.find(directive.meeting_id)->title_th)
                .first;
      data.directives.push_back({directive.id, title->second, directive.text_th,
                                 names.agency_th(directive.agency_code), directive.due_on,
                                 std::string(name_th(directive.status)),
                                 is_overdue(directive, data.as_of)});
    }
    std::stable_sort(
        data.directives.begin(), data.directives.end(),
        [](const DirectiveLine& a, const DirectiveLine& b) { return a.overdue && !b.overdue; });

    std::string pdf = pack_pdf(data);
    std::string xlsx = pack_workbook(data);
    Pack pack;
    pack.meeting_id = meeting_id;
    pack.province_code = province;
    pack.fiscal_year = data.fiscal_year;
    pack.summary_json = boost::json::serialize(pack_summary(data));
    pack.pdf_sha256 = sha256_hex(pdf);
    pack.xlsx_sha256 = sha256_hex(xlsx);
    pack.demo = demo;
    pack.issued_by = actor_name(actor);
    pack.issued_at = iso_utc_now();
    auto id = store.insert_pack(pack, pdf, xlsx);
    if (!id)  // issued by someone else meanwhile
      throw_conflict("pack_issued", {"เอกสารประกอบการประชุมนี้ออกแล้ว แก้ไขหรือออกใหม่ไม่ได้",
                                     "The meeting's pack is already issued and cannot change"});
    pack.id = *id;
    audit::record_in(connection, province, actor, "follow_up_pack", std::to_string(pack.id),
                     "issue", nullptr, pack_json(pack));
    return pack;
  });
}

std::pair<Pack, std::string> FollowUpService::pack_document(const Actor& actor,
                                                            std::int64_t meeting_id,
                                                            bool pdf) const {
  actor.require_signed_in();
  return database_.read([&](db::Connection& connection) {
    MeetingStore store(connection);
    auto meeting = store.find(meeting_id);
    if (!meeting) throw_not_found("การประชุม", "Meeting");
    require_same_province(actor, meeting->province_code, "การประชุม", "Meeting");
    auto pack = store.pack_of(meeting_id);
    if (!pack) throw_not_found("เอกสารประกอบการประชุม", "Meeting pack");
    return std::pair{*pack, *store.pack_document(meeting_id, pdf)};
  });
}

}  // namespace changwat::follow_up
