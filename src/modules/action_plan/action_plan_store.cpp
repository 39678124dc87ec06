#include "modules/action_plan/action_plan_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/error.hpp"
#include "db/row_reader.hpp"

namespace changwat::action_plan {
namespace {

constexpr const char* kPlanColumns =
    "id, province_code, plan_id, fiscal_year, name_th, name_en, status, demo, demo_key, "
    "created_by, created_at, closed_by, closed_at, revision, version";

ActionPlan read_plan(const db::Row& row) {
  ActionPlan plan;
  db::RowReader(row).read(plan.id, plan.province_code, plan.plan_id, plan.fiscal_year, plan.name_th,
                          plan.name_en,
                          db::stored(plan.status, parse_action_plan_status, "action_plan.status"),
                          plan.demo, plan.demo_key, plan.created_by, plan.created_at,
                          plan.closed_by, plan.closed_at, plan.revision, plan.version);
  return plan;
}

constexpr const char* kProjectColumns =
    "id, action_plan_id, element_id, code, name_th, agency_code, kind, ranking, budget_source, "
    "requested_satang, priority, design_ready, land_ready, contract_ready, status, "
    "cancel_reason, decision_ref, demo, version";

std::optional<int> optional_int(const db::Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return static_cast<int>(row.integer(column));
}

Project read_project(const db::Row& row) {
  Project project;
  db::RowReader(row).read(
      project.id, project.action_plan_id, project.element_id, project.code, project.name_th,
      project.agency_code,
      db::stored(project.kind, plan::parse_project_kind, "action_plan_project.kind"),
      project.ranking,
      db::stored(project.budget_source, plan::parse_budget_source,
                 "action_plan_project.budget_source"),
      project.requested, project.priority, project.readiness.design_ready,
      project.readiness.land_ready, project.readiness.contract_ready,
      db::stored(project.status, parse_project_status, "action_plan_project.status"),
      project.cancel_reason, project.decision_ref, project.demo, project.version);
  return project;
}

constexpr const char* kLineColumns =
    "id, project_id, gfmis_code, expense_type, is_capital, allocated_satang, contract_satang, "
    "budget_holder, paying_agency, carry_over_until, carry_over_consent, position";

Line read_line(const db::Row& row) {
  Line line;
  db::RowReader(row).read(
      line.id, line.project_id, line.gfmis_code,
      db::stored(line.expense_type, parse_expense_type, "action_plan_line.expense_type"),
      line.is_capital, line.allocated, line.contract, line.budget_holder, line.paying_agency,
      db::stored(line.carry_over_until, parse_month, "action_plan_line.carry_over_until"),
      line.carry_over_consent, line.position);
  return line;
}

Month month_of(const db::Row& row, std::size_t column) {
  auto month = parse_month(row.text(column));
  if (!month) {
    throw Error(ErrorKind::internal, "bad_month",
                {"ข้อมูลเดือนในฐานข้อมูลผิดรูปแบบ", "A stored month is malformed"});
  }
  return *month;
}

// Optional parameters: db::nullable; a month as "YYYY-MM".
using db::nullable;
db::Value nullable(const std::optional<Month>& value) {
  if (!value) return nullptr;
  return to_string(*value);
}

db::Value flag(bool value) { return static_cast<std::int64_t>(value ? 1 : 0); }

// A line's rows of a month and an amount (spending plan, instalments): all replaced.
template <class Entry>
void replace_month_amounts(db::Connection& connection, const std::string& table,
                           const std::string& month_column, const std::string& amount_column,
                           std::int64_t line_id, std::int64_t action_plan_id,
                           const std::vector<Entry>& entries, Month Entry::*month,
                           Satang Entry::*amount) {
  connection.execute("DELETE FROM " + table + " WHERE line_id = ?", {line_id});
  const std::string insert = "INSERT INTO " + table + " (line_id, " + month_column +
                             ", action_plan_id, " + amount_column + ") VALUES (?, ?, ?, ?)";
  for (const auto& entry : entries) {
    connection.execute(insert, {line_id, to_string(entry.*month), action_plan_id, entry.*amount});
  }
}

}  // namespace

// ---- action plans ----

std::vector<ActionPlan> ActionPlanStore::list() {
  std::vector<ActionPlan> plans;
  for (const auto& row : connection_.query(std::string("SELECT ") + kPlanColumns +
                                           " FROM action_plan ORDER BY fiscal_year DESC, id")) {
    plans.push_back(read_plan(row));
  }
  return plans;
}

std::optional<ActionPlan> ActionPlanStore::find(std::int64_t id) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kPlanColumns + " FROM action_plan WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return read_plan(*row);
}

std::optional<std::int64_t> ActionPlanStore::id_by_demo_key(const std::string& demo_key) {
  auto row = connection_.query_one("SELECT id FROM action_plan WHERE demo_key = ?", {demo_key});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::optional<std::int64_t> ActionPlanStore::id_by_plan_year(std::int64_t plan_id,
                                                             int fiscal_year) {
  auto row =
      connection_.query_one("SELECT id FROM action_plan WHERE plan_id = ? AND fiscal_year = ?",
                            {plan_id, static_cast<std::int64_t>(fiscal_year)});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::int64_t ActionPlanStore::insert(const ActionPlan& plan) {
  return connection_.insert_returning_id(
      "INSERT INTO action_plan (province_code, plan_id, fiscal_year, name_th, name_en, status, "
      "demo, demo_key, created_by, created_at, revision, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1) RETURNING id",
      {plan.province_code, plan.plan_id, static_cast<std::int64_t>(plan.fiscal_year), plan.name_th,
       plan.name_en, std::string(to_string(plan.status)), flag(plan.demo),
       db::nullable(plan.demo_key), plan.created_by, plan.created_at});
}

std::optional<std::int64_t> ActionPlanStore::revision(std::int64_t id) {
  auto row = connection_.query_one("SELECT revision FROM action_plan WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::int64_t ActionPlanStore::bump_revision(std::int64_t id) {
  auto row = connection_.query_one(
      "UPDATE action_plan SET revision = revision + 1 WHERE id = ? RETURNING revision", {id});
  if (!row) throw_not_found("แผนปฏิบัติราชการประจำปี", "Action plan");
  return row->integer(0);
}

bool ActionPlanStore::close(std::int64_t id, std::int64_t expected_version, const std::string& by,
                            const std::string& at) {
  return connection_.execute(
             "UPDATE action_plan SET status = 'closed', closed_by = ?, closed_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ? AND status = 'open'",
             {by, at, id, expected_version}) == 1;
}

// ---- projects and lines ----

std::optional<std::int64_t> ActionPlanStore::project_id(std::int64_t action_plan_id,
                                                        std::int64_t element_id) {
  auto row = connection_.query_one(
      "SELECT id FROM action_plan_project WHERE action_plan_id = ? AND element_id = ?",
      {action_plan_id, element_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

std::int64_t ActionPlanStore::insert_project(const Project& project,
                                             const std::string& province_code) {
  return connection_.insert_returning_id(
      "INSERT INTO action_plan_project (action_plan_id, province_code, element_id, code, name_th, "
      "agency_code, kind, ranking, budget_source, requested_satang, priority, design_ready, "
      "land_ready, contract_ready, status, cancel_reason, decision_ref, demo, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
      {project.action_plan_id, province_code, project.element_id, project.code, project.name_th,
       db::nullable(project.agency_code), std::string(plan::to_string(project.kind)),
       nullable(project.ranking), std::string(plan::to_string(project.budget_source)),
       project.requested, nullable(project.priority), flag(project.readiness.design_ready),
       flag(project.readiness.land_ready), flag(project.readiness.contract_ready),
       std::string(to_string(project.status)), db::nullable(project.cancel_reason),
       db::nullable(project.decision_ref), flag(project.demo)});
}

bool ActionPlanStore::update_project(const Project& project, std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE action_plan_project SET code = ?, name_th = ?, agency_code = ?, kind = ?, "
             "ranking = ?, budget_source = ?, requested_satang = ?, priority = ?, "
             "design_ready = ?, land_ready = ?, contract_ready = ?, status = ?, "
             "cancel_reason = ?, decision_ref = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {project.code, project.name_th, db::nullable(project.agency_code),
              std::string(plan::to_string(project.kind)), nullable(project.ranking),
              std::string(plan::to_string(project.budget_source)), project.requested,
              nullable(project.priority), flag(project.readiness.design_ready),
              flag(project.readiness.land_ready), flag(project.readiness.contract_ready),
              std::string(to_string(project.status)), db::nullable(project.cancel_reason),
              db::nullable(project.decision_ref), project.id, expected_version}) == 1;
}

std::int64_t ActionPlanStore::insert_line(const Line& line, std::int64_t action_plan_id,
                                          const std::string& province_code) {
  return connection_.insert_returning_id(
      "INSERT INTO action_plan_line (project_id, action_plan_id, province_code, gfmis_code, "
      "expense_type, is_capital, allocated_satang, contract_satang, budget_holder, "
      "paying_agency, carry_over_until, carry_over_consent, position) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {line.project_id, action_plan_id, province_code, line.gfmis_code,
       std::string(to_string(line.expense_type)), flag(line.is_capital), line.allocated,
       nullable(line.contract), nullable(line.budget_holder), nullable(line.paying_agency),
       nullable(line.carry_over_until), nullable(line.carry_over_consent),
       static_cast<std::int64_t>(line.position)});
}

void ActionPlanStore::update_line(const Line& line) {
  connection_.execute(
      "UPDATE action_plan_line SET gfmis_code = ?, expense_type = ?, is_capital = ?, "
      "allocated_satang = ?, contract_satang = ?, budget_holder = ?, paying_agency = ?, "
      "carry_over_until = ?, carry_over_consent = ?, position = ? WHERE id = ?",
      {line.gfmis_code, std::string(to_string(line.expense_type)), flag(line.is_capital),
       line.allocated, nullable(line.contract), nullable(line.budget_holder),
       nullable(line.paying_agency), nullable(line.carry_over_until),
       nullable(line.carry_over_consent), static_cast<std::int64_t>(line.position), line.id});
}

void ActionPlanStore::delete_line(std::int64_t line_id) {
  connection_.execute("DELETE FROM action_plan_position WHERE line_id = ?", {line_id});
  connection_.execute("DELETE FROM action_plan_spending_plan WHERE line_id = ?", {line_id});
  connection_.execute("DELETE FROM action_plan_instalment WHERE line_id = ?", {line_id});
  connection_.execute("DELETE FROM action_plan_line WHERE id = ?", {line_id});
}

// ---- positions, spending plans, instalments ----

void ActionPlanStore::upsert_position(std::int64_t line_id, std::int64_t action_plan_id,
                                      const std::string& province_code, const Position& position) {
  connection_.execute(
      "INSERT INTO action_plan_position (line_id, month, action_plan_id, province_code, "
      "po_outstanding_satang, disbursed_to_date_satang, source, entered_by, entered_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (line_id, month) DO UPDATE SET "
      "po_outstanding_satang = excluded.po_outstanding_satang, "
      "disbursed_to_date_satang = excluded.disbursed_to_date_satang, source = excluded.source, "
      "entered_by = excluded.entered_by, entered_at = excluded.entered_at",
      {line_id, to_string(position.month), action_plan_id, province_code, position.po_outstanding,
       position.disbursed_to_date, std::string(to_string(position.source)), position.entered_by,
       position.entered_at});
}

namespace {

enum class PositionWrite { insert, update, upsert };

// Writes `rows` in multi-row statements. The values that differ per row travel as a
// VALUES list (4 parameters a row); the ones every row of one statement shares are
// given once. Fewer parameters is what makes a 100,000-row import fast on
// PostgreSQL's text protocol. Columns of a VALUES list are column1 … column4 on both
// engines; the CASTs give PostgreSQL their types.
void write_positions(db::Connection& connection, PositionWrite mode, std::int64_t action_plan_id,
                     const std::string& province_code, const std::vector<PositionRow>& rows) {
  constexpr std::size_t kBatch = 500;
  std::size_t start = 0;
  while (start < rows.size()) {
    // Rows of one statement share source, author and time; a new group starts a batch.
    const Position& first = rows[start].position;
    std::size_t end = start;
    while (end < rows.size() && end - start < kBatch && rows[end].position.source == first.source &&
           rows[end].position.entered_by == first.entered_by &&
           rows[end].position.entered_at == first.entered_at) {
      ++end;
    }
    std::string sql;
    std::vector<db::Value> params;
    params.reserve(5 + (end - start) * 4);
    if (mode == PositionWrite::update) {
      sql =
          "UPDATE action_plan_position SET po_outstanding_satang = CAST(v.column3 AS BIGINT), "
          "disbursed_to_date_satang = CAST(v.column4 AS BIGINT), source = ?, entered_by = ?, "
          "entered_at = ? FROM (VALUES ";
    } else {
      sql =
          "INSERT INTO action_plan_position (line_id, month, action_plan_id, province_code, "
          "po_outstanding_satang, disbursed_to_date_satang, source, entered_by, entered_at) "
          "SELECT CAST(column1 AS BIGINT), column2, CAST(? AS BIGINT), ?, "
          "CAST(column3 AS BIGINT), CAST(column4 AS BIGINT), ?, ?, ? FROM (VALUES ";
      params.emplace_back(action_plan_id);
      params.emplace_back(province_code);
    }
    params.emplace_back(std::string(to_string(first.source)));
    params.emplace_back(first.entered_by);
    params.emplace_back(first.entered_at);
    for (std::size_t i = start; i < end; ++i) {
      if (i > start) sql += ", ";
      sql += "(?, ?, ?, ?)";
      const PositionRow& row = rows[i];
      params.emplace_back(row.line_id);
      params.emplace_back(to_string(row.position.month));
      params.emplace_back(row.position.po_outstanding);
      params.emplace_back(row.position.disbursed_to_date);
    }
    switch (mode) {
      case PositionWrite::insert:
        sql += ") AS v";
        break;
      case PositionWrite::update:
        sql +=
            ") AS v WHERE action_plan_position.line_id = CAST(v.column1 AS BIGINT) "
            "AND action_plan_position.month = v.column2";
        break;
      case PositionWrite::upsert:
        // "WHERE 1 = 1": SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT.
        sql +=
            ") AS v WHERE 1 = 1 ON CONFLICT (line_id, month) DO UPDATE SET "
            "po_outstanding_satang = excluded.po_outstanding_satang, "
            "disbursed_to_date_satang = excluded.disbursed_to_date_satang, "
            "source = excluded.source, entered_by = excluded.entered_by, "
            "entered_at = excluded.entered_at";
        break;
    }
    connection.execute(sql, params);
    start = end;
  }
}

}  // namespace

void ActionPlanStore::insert_positions(std::int64_t action_plan_id,
                                       const std::string& province_code,
                                       const std::vector<PositionRow>& rows) {
  write_positions(connection_, PositionWrite::insert, action_plan_id, province_code, rows);
}

void ActionPlanStore::update_positions(const std::vector<PositionRow>& rows) {
  write_positions(connection_, PositionWrite::update, 0, {}, rows);
}

void ActionPlanStore::upsert_positions(std::int64_t action_plan_id,
                                       const std::string& province_code,
                                       const std::vector<PositionRow>& rows) {
  write_positions(connection_, PositionWrite::upsert, action_plan_id, province_code, rows);
}

void ActionPlanStore::replace_planned(std::int64_t line_id, std::int64_t action_plan_id,
                                      const std::vector<PlannedPoint>& points) {
  replace_month_amounts(connection_, "action_plan_spending_plan", "month",
                        "planned_cumulative_satang", line_id, action_plan_id, points,
                        &PlannedPoint::month, &PlannedPoint::planned_cumulative);
}

void ActionPlanStore::replace_instalments(std::int64_t line_id, std::int64_t action_plan_id,
                                          const std::vector<Instalment>& instalments) {
  replace_month_amounts(connection_, "action_plan_instalment", "due_month", "amount_satang",
                        line_id, action_plan_id, instalments, &Instalment::due,
                        &Instalment::amount);
}

// ---- whole books ----

namespace {

// Fills the lines' positions, plans and instalments from rows ordered by line and
// month; `lines` maps a line id to its book.
void attach_details(db::Connection& connection, const std::string& where,
                    const std::vector<db::Value>& params,
                    std::unordered_map<std::int64_t, LineBook*>& lines) {
  connection.for_each(
      "SELECT line_id, month, po_outstanding_satang, disbursed_to_date_satang, source, "
      "entered_by, entered_at FROM action_plan_position WHERE " +
          where + " ORDER BY line_id, month",
      params, [&](const db::Row& row) {
        auto it = lines.find(row.integer(0));
        if (it == lines.end()) return;
        Position position;
        position.month = month_of(row, 1);
        position.po_outstanding = row.integer(2);
        position.disbursed_to_date = row.integer(3);
        position.source = parse_position_source(row.text(4)).value_or(PositionSource::entry);
        position.entered_by = row.text(5);
        position.entered_at = row.text(6);
        it->second->positions.push_back(std::move(position));
      });
  connection.for_each(
      "SELECT line_id, month, planned_cumulative_satang FROM action_plan_spending_plan WHERE " +
          where + " ORDER BY line_id, month",
      params, [&](const db::Row& row) {
        auto it = lines.find(row.integer(0));
        if (it == lines.end()) return;
        it->second->planned.push_back({month_of(row, 1), row.integer(2)});
      });
  connection.for_each(
      "SELECT line_id, due_month, amount_satang FROM action_plan_instalment WHERE " + where +
          " ORDER BY line_id, due_month",
      params, [&](const db::Row& row) {
        auto it = lines.find(row.integer(0));
        if (it == lines.end()) return;
        it->second->instalments.push_back({month_of(row, 1), row.integer(2)});
      });
}

}  // namespace

std::vector<ProjectBook> ActionPlanStore::load_books(std::int64_t action_plan_id) {
  std::vector<ProjectBook> books;
  std::unordered_map<std::int64_t, std::size_t> by_project;
  connection_.for_each(std::string("SELECT ") + kProjectColumns +
                           " FROM action_plan_project WHERE action_plan_id = ? ORDER BY id",
                       {action_plan_id}, [&](const db::Row& row) {
                         ProjectBook book;
                         book.project = read_project(row);
                         by_project.emplace(book.project.id, books.size());
                         books.push_back(std::move(book));
                       });
  connection_.for_each(
      std::string("SELECT ") + kLineColumns +
          " FROM action_plan_line WHERE action_plan_id = ? ORDER BY project_id, position, id",
      {action_plan_id}, [&](const db::Row& row) {
        Line line = read_line(row);
        auto it = by_project.find(line.project_id);
        if (it == by_project.end()) return;
        books[it->second].lines.push_back(LineBook{std::move(line), {}, {}, {}});
      });
  // Pointers are taken only now that no vector grows any more.
  std::unordered_map<std::int64_t, LineBook*> lines;
  for (auto& book : books) {
    for (auto& line : book.lines) lines.emplace(line.line.id, &line);
  }
  attach_details(connection_, "action_plan_id = ?", {action_plan_id}, lines);
  return books;
}

std::optional<ProjectBook> ActionPlanStore::load_book(std::int64_t project_id) {
  auto row = connection_.query_one(
      std::string("SELECT ") + kProjectColumns + " FROM action_plan_project WHERE id = ?",
      {project_id});
  if (!row) return std::nullopt;
  ProjectBook book;
  book.project = read_project(*row);
  for (const auto& line_row :
       connection_.query(std::string("SELECT ") + kLineColumns +
                             " FROM action_plan_line WHERE project_id = ? ORDER BY position, id",
                         {project_id})) {
    book.lines.push_back(LineBook{read_line(line_row), {}, {}, {}});
  }
  if (book.lines.empty()) return book;
  // The line ids themselves, not a subquery: an index lookup per line on both engines
  // whatever plan PostgreSQL caches for the prepared statement.
  std::unordered_map<std::int64_t, LineBook*> lines;
  std::string where = "line_id IN (";
  std::vector<db::Value> ids;
  for (auto& line : book.lines) {
    lines.emplace(line.line.id, &line);
    where += ids.empty() ? "?" : ", ?";
    ids.emplace_back(line.line.id);
  }
  where += ")";
  attach_details(connection_, where, ids, lines);
  return book;
}

// ---- promotions ----

std::int64_t ActionPlanStore::insert_promotion(const Promotion& promotion, std::int64_t project_id,
                                               const std::string& province_code) {
  return connection_.insert_returning_id(
      "INSERT INTO action_plan_promotion (action_plan_id, project_id, province_code, element_id, "
      "budget_source, committee_th, meeting_th, resolution_th, decided_on, skip_reason_th, "
      "savings_before_satang, plan_version, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {promotion.action_plan_id, project_id, province_code, promotion.element_id,
       std::string(plan::to_string(promotion.budget_source)), promotion.committee_th,
       promotion.meeting_th, promotion.resolution_th, promotion.decided_on,
       db::nullable(promotion.skip_reason_th), promotion.savings_before,
       nullable(promotion.plan_version), promotion.created_by, promotion.created_at});
}

std::vector<Promotion> ActionPlanStore::promotions(std::int64_t action_plan_id) {
  std::vector<Promotion> result;
  for (const auto& row : connection_.query(
           "SELECT id, action_plan_id, element_id, budget_source, committee_th, meeting_th, "
           "resolution_th, decided_on, skip_reason_th, savings_before_satang, plan_version, "
           "created_by, created_at FROM action_plan_promotion WHERE action_plan_id = ? "
           "ORDER BY id",
           {action_plan_id})) {
    Promotion promotion;
    promotion.id = row.integer(0);
    promotion.action_plan_id = row.integer(1);
    promotion.element_id = row.integer(2);
    promotion.budget_source =
        plan::parse_budget_source(row.text(3)).value_or(BudgetSource::provincial);
    promotion.committee_th = row.text(4);
    promotion.meeting_th = row.text(5);
    promotion.resolution_th = row.text(6);
    promotion.decided_on = row.text(7);
    promotion.skip_reason_th = row.optional_text(8);
    promotion.savings_before = row.integer(9);
    promotion.plan_version = optional_int(row, 10);
    promotion.created_by = row.text(11);
    promotion.created_at = row.text(12);
    result.push_back(std::move(promotion));
  }
  return result;
}

}  // namespace changwat::action_plan
