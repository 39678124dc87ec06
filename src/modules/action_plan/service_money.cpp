// ActionPlanService: allocation lines, spending plans, instalments, carry-over
// consent and month-end positions of one project.
#include <algorithm>
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/action_plan/json.hpp"
#include "modules/action_plan/service_detail.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::action_plan {

using namespace detail;

namespace {

void check_agency(const areas::AreaService& areas, const std::optional<std::string>& code,
                  const std::string& field, FieldErrors& errors) {
  if (code && !areas.find_agency(*code)) {
    errors.add(field, {"ไม่รู้จักหน่วยงานรหัส " + *code, "unknown agency " + *code});
  }
}

// The entries of a spending plan or an instalment schedule by the budget line each input
// line names (pick_line, at "lines[i].gfmis_code"; a line named twice is refused), each
// checked by `check(line, entries, field)` with field "lines[i].<entries>". Every
// problem is collected in `errors`.
template <class LineInput, class Entry, class Check>
std::vector<std::pair<const LineBook*, std::vector<Entry>>> entries_by_line(
    const ProjectBook& current, std::vector<LineInput>& lines,
    std::vector<Entry> LineInput::*entries, const char* entries_field, FieldErrors& errors,
    Check check) {
  std::vector<std::pair<const LineBook*, std::vector<Entry>>> picked;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string field = "lines[" + std::to_string(i) + "]";
    const LineBook& line = pick_line(current, lines[i].gfmis_code, field + ".gfmis_code");
    for (const auto& [other, unused] : picked) {
      if (other == &line) {
        errors.add(field + ".gfmis_code",
                   {"รายการนี้ซ้ำกับรายการก่อนหน้า", "names the same line as an earlier entry"});
      }
    }
    check(line, lines[i].*entries, field + "." + entries_field);
    picked.emplace_back(&line, lines[i].*entries);
  }
  return picked;
}

}  // namespace

std::shared_ptr<const ProjectBook> ActionPlanService::set_allocation(
    const Actor& actor, std::int64_t id, std::int64_t element_id, std::vector<LineInput> lines,
    std::optional<std::string> decision_ref, std::int64_t expected_version) {
  FieldErrors errors;
  check_line_fields(lines, errors);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string prefix = "lines[" + std::to_string(i) + "].";
    check_agency(areas_, lines[i].budget_holder, prefix + "budget_holder", errors);
    check_agency(areas_, lines[i].paying_agency, prefix + "paying_agency", errors);
  }
  if (decision_ref && decision_ref->size() > kMaxText * 4) {
    errors.add("decision_ref", {"ยาวเกินไป", "is too long"});
  }
  errors.throw_if_any();

  auto [header, book] = change_project(
      database_, actor, id, element_id, expected_version, "allocate",
      [&](ActionPlanStore& store, const ActionPlan& header, const ProjectBook& current) {
        check_allocation(current, lines, decision_ref);

        for (const auto& book : current.lines) {
          bool kept = std::any_of(lines.begin(), lines.end(), [&](const LineInput& line) {
            return line.gfmis_code == book.line.gfmis_code;
          });
          if (!kept) store.delete_line(book.line.id);
        }
        int position = 0;
        for (const auto& input : lines) {
          Line line;
          if (const LineBook* existing = current.line(input.gfmis_code)) line = existing->line;
          line.project_id = current.project.id;
          line.gfmis_code = input.gfmis_code;
          line.expense_type = input.expense_type;
          line.is_capital = input.is_capital;
          line.allocated = input.allocated;
          line.contract = input.contract;
          line.budget_holder = input.budget_holder;
          line.paying_agency = input.paying_agency;
          line.position = position++;
          if (line.id) {
            store.update_line(line);
            // The plan cannot promise more than the line now has.
            const LineBook* existing = current.line(input.gfmis_code);
            if (!existing->planned.empty() &&
                existing->planned.back().planned_cumulative > line.allocated) {
              std::vector<PlannedPoint> cut = existing->planned;
              for (auto& point : cut)
                point.planned_cumulative = std::min(point.planned_cumulative, line.allocated);
              store.replace_planned(line.id, id, cut);
            }
          } else {
            store.insert_line(line, id, header.province_code);
          }
        }
        Project project = current.project;
        project.decision_ref = decision_ref;
        return project;
      });
  apply(header, book);
  return book;
}

std::shared_ptr<const ProjectBook> ActionPlanService::set_spending_plan(
    const Actor& actor, std::int64_t id, std::int64_t element_id, std::vector<LinePlanInput> lines,
    std::int64_t expected_version) {
  auto [header, book] = change_project(
      database_, actor, id, element_id, expected_version, "spending_plan",
      [&](ActionPlanStore& store, const ActionPlan& header, const ProjectBook& current) {
        FieldErrors errors;
        auto plans = entries_by_line(
            current, lines, &LinePlanInput::months, "months", errors,
            [&](const LineBook& line, std::vector<PlannedPoint>& months, const std::string& field) {
              check_spending_plan(line.line, months, header.fiscal_year, field, errors);
            });
        errors.throw_if_any();
        for (const auto& [line, points] : plans) store.replace_planned(line->line.id, id, points);
        return current.project;
      });
  apply(header, book);
  return book;
}

std::shared_ptr<const ProjectBook> ActionPlanService::set_instalments(
    const Actor& actor, std::int64_t id, std::int64_t element_id,
    std::vector<LineInstalmentsInput> lines, std::int64_t expected_version) {
  auto [header, book] = change_project(
      database_, actor, id, element_id, expected_version, "instalments",
      [&](ActionPlanStore& store, const ActionPlan& header, const ProjectBook& current) {
        FieldErrors errors;
        auto schedules = entries_by_line(
            current, lines, &LineInstalmentsInput::instalments, "instalments", errors,
            [&](const LineBook& line, std::vector<Instalment>& instalments,
                const std::string& field) {
              std::sort(instalments.begin(), instalments.end(),
                        [](const Instalment& a, const Instalment& b) { return a.due < b.due; });
              Satang total = 0;
              for (std::size_t k = 0; k < instalments.size(); ++k) {
                if (k > 0 && instalments[k - 1].due == instalments[k].due) {
                  errors.add(field, {"เดือนครบกำหนดซ้ำ", "a due month appears twice"});
                }
                if (instalments[k].amount < 0 || instalments[k].amount > kMaxSatang) {
                  errors.add(field,
                             {"จำนวนเงินต้องไม่ติดลบ", "amounts must be non-negative whole satang"});
                } else {
                  total += instalments[k].amount;
                }
              }
              if (total > line.line.allocated) {
                errors.add(field, {"รวมงวดเงินเกินงบที่ได้รับจัดสรร",
                                   "the instalments add up to more than the allocation"});
              }
            });
        errors.throw_if_any();
        for (const auto& [line, instalments] : schedules) {
          store.replace_instalments(line->line.id, id, instalments);
        }
        return current.project;
      });
  apply(header, book);
  return book;
}

std::shared_ptr<const ProjectBook> ActionPlanService::set_carry_over(
    const Actor& actor, std::int64_t id, std::int64_t element_id,
    std::optional<std::string> gfmis_code, std::optional<Month> until,
    std::optional<std::string> consent_th, std::int64_t expected_version) {
  auto [header, book] = change_project(
      database_, actor, id, element_id, expected_version, "carry_over",
      [&](ActionPlanStore& store, const ActionPlan& header, const ProjectBook& current) {
        const LineBook& book = pick_line(current, gfmis_code);
        Line line = book.line;
        if (until) {
          FieldErrors errors;
          if (fiscal_offset(*until, header.fiscal_year) < 12 + kCarryOverMonths) {
            errors.add("until", {"ต้องเลยหกเดือนหลังสิ้นปีงบประมาณ (ภายในหกเดือนไม่ต้องขออนุมัติ)",
                                 "must be later than six months after the year end (within six no "
                                 "consent is needed)"});
          }
          if (!consent_th) {
            errors.add("consent_th",
                       {"ต้องระบุการอนุมัติให้ขยายเวลาเบิกจ่าย", "the recorded consent is required"});
          }
          errors.throw_if_any();
        }
        line.carry_over_until = until;
        line.carry_over_consent = until ? consent_th : std::nullopt;
        store.update_line(line);
        return current.project;
      });
  apply(header, book);
  return book;
}

PositionResult ActionPlanService::set_position(const Actor& actor, std::int64_t id,
                                               std::int64_t element_id,
                                               const PositionInput& input) {
  // Rights first, from the plan's own view of the project's agency.
  ActionPlanView current = view(id);
  const ProjectBook* known = current.ledger->find(element_id);
  if (!known) throw_project_not_found();
  ProjectMeta meta = meta_of(*current.index, known->project);
  require_position_writer(actor, current.ledger->header, meta.agency_code);
  FieldErrors errors;
  if (input.po_outstanding < 0 || input.po_outstanding > kMaxSatang) {
    errors.add("po_outstanding_satang",
               {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
  }
  if (input.disbursed_to_date < 0 || input.disbursed_to_date > kMaxSatang) {
    errors.add("disbursed_to_date_satang",
               {"ต้องเป็นจำนวนสตางค์ที่ไม่ติดลบ", "must be a non-negative whole number of satang"});
  }
  errors.throw_if_any();

  PositionResult result;
  ActionPlan header = database_.write([&](db::Connection& c) {
    ActionPlanStore store(c);
    ActionPlan header = begin_change(store, id);
    require_position_writer(actor, header, meta.agency_code);
    require_open(header);
    ProjectBook fresh = load_project(c, id, element_id);
    if (fresh.project.status == ProjectStatus::cancelled) {
      throw_rule("project_cancelled", {"โครงการนี้ถูกยกเลิกแล้ว", "The project is cancelled"});
    }
    const LineBook& line = pick_line(fresh, input.gfmis_code);
    check_position(line, input.month, input.po_outstanding, input.disbursed_to_date,
                   header.fiscal_year);
    Position position;
    position.month = input.month;
    position.po_outstanding = input.po_outstanding;
    position.disbursed_to_date = input.disbursed_to_date;
    position.source = PositionSource::entry;
    position.entered_by = actor_name(actor);
    position.entered_at = iso_utc_now();
    boost::json::value before = nullptr;
    for (const auto& existing : line.positions) {
      if (existing.month == input.month) before = position_to_json(existing, line.line.gfmis_code);
    }
    store.upsert_position(line.line.id, id, header.province_code, position);
    audit::record_in(c, header.province_code, actor, "action_plan_position",
                     std::to_string(line.line.id) + "/" + to_string(input.month),
                     before.is_null() ? "create" : "update", before,
                     position_to_json(position, line.line.gfmis_code));
    result.gfmis_code = line.line.gfmis_code;
    result.fiscal_year = header.fiscal_year;
    result.position = position;
    Satang previous = 0;
    for (const auto& existing : line.positions) {
      if (existing.month < input.month) previous = existing.disbursed_to_date;
    }
    result.disbursed_in_month = position.disbursed_to_date - previous;
    auto saved = store.load_book(fresh.project.id);
    result.book = std::make_shared<const ProjectBook>(std::move(*saved));
    return header;
  });
  apply(header, result.book);
  return result;
}

}  // namespace changwat::action_plan
