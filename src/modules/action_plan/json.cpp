#include "modules/action_plan/json.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "base/json_or_null.hpp"

namespace changwat::action_plan {
namespace {

// Optional fields: base/json_or_null.hpp; a month as "YYYY-MM".
using changwat::json_or_null;
boost::json::value json_or_null(const std::optional<Month>& value) {
  return json_or_null(value, [](const Month& month) { return to_string(month); });
}

boost::json::object readiness_to_json(const Readiness& readiness) {
  return {{"design_ready", readiness.design_ready},
          {"land_ready", readiness.land_ready},
          {"contract_ready", readiness.contract_ready},
          {"ready", readiness.ready()}};
}

std::string agency_name(const areas::AreaService& areas, const std::optional<std::string>& code) {
  if (!code) return {};
  if (auto agency = areas.find_agency(*code)) return agency->name_th;
  return *code;
}

// Products' order in the document: main projects by priority and plan order,
// then reserves by ranking.
std::vector<std::pair<const ProjectBook*, ProjectMeta>> ordered(const ActionPlanView& view) {
  std::vector<std::pair<const ProjectBook*, ProjectMeta>> rows;
  rows.reserve(view.ledger->books.size());
  for (const auto& book : view.ledger->books) {
    rows.emplace_back(book.get(), meta_of(*view.index, book->project));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    const Project& pa = a.first->project;
    const Project& pb = b.first->project;
    if (pa.kind != pb.kind) return pa.kind == ProjectKind::main;
    if (pa.kind == ProjectKind::reserve) {
      int ra = pa.ranking.value_or(1'000'000);
      int rb = pb.ranking.value_or(1'000'000);
      if (ra != rb) return ra < rb;
    }
    if (a.second.order != b.second.order) return a.second.order < b.second.order;
    return pa.element_id < pb.element_id;
  });
  return rows;
}

}  // namespace

boost::json::object action_plan_to_json(const ActionPlan& plan) {
  return {{"id", plan.id},
          {"plan_id", plan.plan_id},
          {"fiscal_year", plan.fiscal_year},
          {"status", to_string(plan.status)},
          {"status_th", plan.status == ActionPlanStatus::open ? "เปิดบันทึกข้อมูล" : "ปิดปีงบประมาณแล้ว"},
          {"name_th", plan.name_th},
          {"name_en", plan.name_en},
          {"province_code", plan.province_code},
          {"demo", plan.demo},
          {"first_month", to_string(first_month_of(plan.fiscal_year))},
          {"last_month", to_string(first_month_of(plan.fiscal_year).plus(11))},
          {"created_at", plan.created_at},
          {"closed_at", json_or_null(plan.closed_at)},
          {"version", plan.version}};
}

boost::json::object line_to_json(const LineBook& book) {
  const Line& line = book.line;
  boost::json::object json{{"gfmis_code", line.gfmis_code},
                           {"expense_type", to_string(line.expense_type)},
                           {"expense_type_th", name_th(line.expense_type)},
                           {"is_capital", line.is_capital},
                           {"allocated_satang", line.allocated},
                           {"contract_satang", json_or_null(line.contract)},
                           {"budget_holder", json_or_null(line.budget_holder)},
                           {"paying_agency", json_or_null(line.paying_agency)},
                           {"carry_over_until", json_or_null(line.carry_over_until)}};
  const Position* latest = book.latest();
  json["latest_month"] = latest ? boost::json::value(to_string(latest->month)) : nullptr;
  json["po_outstanding_satang"] = latest ? latest->po_outstanding : 0;
  json["disbursed_to_date_satang"] = latest ? latest->disbursed_to_date : 0;
  boost::json::array planned;
  for (const auto& point : book.planned) {
    planned.push_back(boost::json::object{{"month", to_string(point.month)},
                                          {"planned_cumulative_satang", point.planned_cumulative}});
  }
  json["spending_plan"] = std::move(planned);
  boost::json::array instalments;
  for (const auto& instalment : book.instalments) {
    instalments.push_back(boost::json::object{{"due_month", to_string(instalment.due)},
                                              {"amount_satang", instalment.amount}});
  }
  json["instalments"] = std::move(instalments);
  return json;
}

boost::json::object project_to_json(const ProjectBook& book, const ProjectMeta& meta,
                                    const areas::AreaService& areas) {
  const Project& project = book.project;
  boost::json::array lines;
  Satang po = 0;
  Satang disbursed = 0;
  for (const auto& line : book.lines) {
    lines.push_back(line_to_json(line));
    if (const Position* latest = line.latest()) {
      po += latest->po_outstanding;
      disbursed += latest->disbursed_to_date;
    }
  }
  boost::json::value strategy = nullptr;
  if (meta.strategy_id) {
    strategy = boost::json::object{{"element_id", meta.strategy_id},
                                   {"code", meta.strategy_code},
                                   {"name_th", meta.strategy_name_th}};
  }
  return {{"element_id", project.element_id},
          {"code", meta.code},
          {"name_th", meta.name_th},
          {"name_en", meta.name_en},
          {"agency", json_or_null(meta.agency_code)},
          {"agency_name_th", agency_name(areas, meta.agency_code)},
          {"strategy", std::move(strategy)},
          {"kind", plan::to_string(project.kind)},
          {"kind_th", kind_th(project.kind)},
          {"ranking", json_or_null(project.ranking)},
          {"priority", json_or_null(project.priority)},
          {"budget_source", plan::to_string(project.budget_source)},
          {"budget_source_th", budget_source_th(project.budget_source)},
          {"requested_satang", project.requested},
          {"allocated_satang", book.allocated()},
          {"po_outstanding_satang", po},
          {"disbursed_satang", disbursed},
          {"lines", std::move(lines)},
          {"readiness", readiness_to_json(project.readiness)},
          {"status", to_string(project.status)},
          {"cancel_reason", json_or_null(project.cancel_reason)},
          {"decision_ref", json_or_null(project.decision_ref)},
          {"demo", project.demo},
          {"version", project.version}};
}

boost::json::object project_audit_json(const ProjectBook& book) {
  const Project& project = book.project;
  boost::json::array lines;
  for (const auto& line : book.lines) {
    lines.push_back(
        boost::json::object{{"gfmis_code", line.line.gfmis_code},
                            {"expense_type", to_string(line.line.expense_type)},
                            {"is_capital", line.line.is_capital},
                            {"allocated_satang", line.line.allocated},
                            {"contract_satang", json_or_null(line.line.contract)},
                            {"budget_holder", json_or_null(line.line.budget_holder)},
                            {"paying_agency", json_or_null(line.line.paying_agency)},
                            {"carry_over_until", json_or_null(line.line.carry_over_until)},
                            {"spending_plan_months", line.planned.size()},
                            {"instalments", line.instalments.size()}});
  }
  return {{"element_id", project.element_id},
          {"kind", plan::to_string(project.kind)},
          {"ranking", json_or_null(project.ranking)},
          {"priority", json_or_null(project.priority)},
          {"budget_source", plan::to_string(project.budget_source)},
          {"requested_satang", project.requested},
          {"readiness", readiness_to_json(project.readiness)},
          {"status", to_string(project.status)},
          {"cancel_reason", json_or_null(project.cancel_reason)},
          {"decision_ref", json_or_null(project.decision_ref)},
          {"lines", std::move(lines)},
          {"version", project.version}};
}

boost::json::object position_to_json(const Position& position, const std::string& gfmis_code) {
  return {{"gfmis_code", gfmis_code},
          {"month", to_string(position.month)},
          {"po_outstanding_satang", position.po_outstanding},
          {"disbursed_to_date_satang", position.disbursed_to_date},
          {"used_satang", position.used()},
          {"source", to_string(position.source)},
          {"entered_by", position.entered_by},
          {"entered_at", position.entered_at}};
}

boost::json::object detail_to_json(const ActionPlanView& view, const areas::AreaService& areas) {
  boost::json::object json = action_plan_to_json(view.ledger->header);
  boost::json::array projects;
  std::map<BudgetSource, std::pair<Satang, Satang>> totals;  // requested, allocated (main)
  for (const auto& [book, meta] : ordered(view)) {
    projects.push_back(project_to_json(*book, meta, areas));
    if (book->project.kind == ProjectKind::main && book->project.status == ProjectStatus::active) {
      auto& [requested, allocated] = totals[book->project.budget_source];
      requested += book->project.requested;
      allocated += book->allocated();
    }
  }
  boost::json::array by_source;
  for (const auto& [source, amounts] : totals) {
    by_source.push_back(boost::json::object{{"budget_source", plan::to_string(source)},
                                            {"budget_source_th", budget_source_th(source)},
                                            {"requested_satang", amounts.first},
                                            {"allocated_satang", amounts.second}});
  }
  json["projects"] = std::move(projects);
  json["totals_by_source"] = std::move(by_source);
  boost::json::array promotions;
  for (const auto& promotion : view.promotions) promotions.push_back(promotion_to_json(promotion));
  json["promotions"] = std::move(promotions);
  return json;
}

boost::json::object positions_to_json(const ProjectBook& book, const ProjectMeta& meta,
                                      int fiscal_year) {
  boost::json::array lines;
  for (const auto& line : book.lines) {
    boost::json::array months;
    Satang previous = 0;
    for (const auto& position : line.positions) {
      boost::json::object row = position_to_json(position, line.line.gfmis_code);
      row["disbursed_in_month_satang"] = position.disbursed_to_date - previous;
      row["remaining_satang"] = line.line.allocated - position.used();
      row["carry_over"] = fiscal_offset(position.month, fiscal_year) >= 12;
      previous = position.disbursed_to_date;
      months.push_back(std::move(row));
    }
    boost::json::object json{{"gfmis_code", line.line.gfmis_code},
                             {"expense_type", to_string(line.line.expense_type)},
                             {"expense_type_th", name_th(line.line.expense_type)},
                             {"is_capital", line.line.is_capital},
                             {"allocated_satang", line.line.allocated},
                             {"positions", std::move(months)}};
    lines.push_back(std::move(json));
  }
  return {
      {"element_id", book.project.element_id},
      {"code", meta.code},
      {"name_th", meta.name_th},
      {"agency", json_or_null(meta.agency_code)},
      {"fiscal_year", fiscal_year},
      {"first_month", to_string(first_month_of(fiscal_year))},
      {"last_carry_over_month", to_string(first_month_of(fiscal_year).plus(11 + kCarryOverMonths))},
      {"lines", std::move(lines)},
      {"version", book.project.version}};
}

boost::json::object spending_to_json(const SpendingReport& report) {
  boost::json::array groups;
  for (const auto& group : report.groups) {
    boost::json::array months;
    for (const auto& figure : group.months) {
      months.push_back(boost::json::object{
          {"month", to_string(figure.month)},
          {"label_th", month_label_th(figure.month)},
          {"planned_cumulative_satang", figure.planned_cumulative},
          {"disbursed_cumulative_satang", json_or_null(figure.disbursed_cumulative)},
          {"target_percent", json_or_null(figure.target_percent)}});
    }
    // by=project: the key is the project's element_id itself, as in the detail.
    boost::json::value key(group.key);
    std::int64_t element_id = 0;
    if (report.by == GroupBy::project &&
        std::from_chars(group.key.data(), group.key.data() + group.key.size(), element_id).ec ==
            std::errc()) {
      key = element_id;
    }
    groups.push_back(boost::json::object{
        {"key", std::move(key)},
        {"name_th", group.name_th},
        {"name_en", group.name_en},
        {"projects", group.projects},
        {"allocated_satang", group.allocated},
        {"po_outstanding_satang", group.po_outstanding},
        {"disbursed_satang", group.disbursed},
        {"months", std::move(months)},
        {"forecast_year_end_percent", json_or_null(group.forecast_year_end_percent)},
        {"behind_plan", group.behind_plan},
        {"behind_target", group.behind_target}});
  }
  return {{"action_plan_id", report.header.id},
          {"fiscal_year", report.header.fiscal_year},
          {"by", to_string(report.by)},
          {"latest_month", json_or_null(report.latest_month)},
          {"groups", std::move(groups)}};
}

boost::json::object proposals_to_json(const ReserveProposals& proposals,
                                      const areas::AreaService& areas) {
  boost::json::object savings;
  for (const auto& [source, amount] : proposals.savings) savings[plan::to_string(source)] = amount;
  boost::json::array proposed;
  boost::json::array others;
  for (const auto& candidate : proposals.candidates) {
    const ProjectBook& book = *candidate.book;
    ProjectMeta meta = meta_of(*proposals.index, book.project);
    boost::json::object row{{"element_id", book.project.element_id},
                            {"code", meta.code},
                            {"name_th", meta.name_th},
                            {"agency", json_or_null(meta.agency_code)},
                            {"agency_name_th", agency_name(areas, meta.agency_code)},
                            {"ranking", json_or_null(book.project.ranking)},
                            {"budget_source", plan::to_string(book.project.budget_source)},
                            {"budget_source_th", budget_source_th(book.project.budget_source)},
                            {"requested_satang", book.project.requested},
                            {"readiness", readiness_to_json(book.project.readiness)},
                            {"version", book.project.version}};
    if (candidate.verdict == ReserveVerdict::proposed) {
      proposed.push_back(std::move(row));
    } else {
      row["reason"] = to_string(candidate.verdict);
      others.push_back(std::move(row));
    }
  }
  boost::json::array decided;
  for (auto source : {BudgetSource::provincial, BudgetSource::province_group}) {
    decided.push_back(boost::json::string(plan::to_string(source)));
  }
  return {{"action_plan_id", proposals.ledger->header.id},
          {"savings_satang", std::move(savings)},
          {"decided_by_province", std::move(decided)},
          {"proposals", std::move(proposed)},
          {"not_proposed", std::move(others)}};
}

boost::json::object promotion_to_json(const Promotion& promotion) {
  return {{"id", promotion.id},
          {"element_id", promotion.element_id},
          {"budget_source", plan::to_string(promotion.budget_source)},
          {"committee_th", promotion.committee_th},
          {"meeting_th", promotion.meeting_th},
          {"resolution_th", promotion.resolution_th},
          {"decided_on", promotion.decided_on},
          {"skip_reason_th", json_or_null(promotion.skip_reason_th)},
          {"savings_before_satang", promotion.savings_before},
          {"plan_version", json_or_null(promotion.plan_version)},
          {"created_by", promotion.created_by},
          {"created_at", promotion.created_at}};
}

boost::json::object target_to_json(const DisbursementTarget& target) {
  return {{"fiscal_year", target.fiscal_year},
          {"category", to_string(target.category)},
          {"category_th", name_th(target.category)},
          {"quarter", target.quarter},
          {"base", to_string(target.base)},
          {"base_th", name_th(target.base)},
          {"measure", to_string(target.measure)},
          {"measure_th", name_th(target.measure)},
          {"percent", json_or_null(target.percent)},
          {"source", target.source},
          {"note", target.note},
          {"updated_by", json_or_null(target.updated_by)},
          {"updated_at", json_or_null(target.updated_at)},
          {"version", target.version}};
}

boost::json::object deadline_to_json(const CommitmentDeadline& deadline) {
  return {{"fiscal_year", deadline.fiscal_year}, {"key", deadline.key},
          {"rule_th", deadline.rule_th},         {"rule_en", deadline.rule_en},
          {"deadline", deadline.deadline},       {"source", deadline.source}};
}

}  // namespace changwat::action_plan
