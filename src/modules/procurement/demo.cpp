// Loads data/procurement-demo-trat.json: demo holiday years (only when the year is not
// loaded, so real lists are never overwritten) and procurements of the demo action
// plan's projects, each keyed by demo_key so loading again skips what is there. The
// province comes from the demo action plan, never a constant.
#include <boost/json.hpp>

#include "base/error.hpp"
#include "modules/procurement/module.hpp"
#include "platform/demo_file.hpp"

namespace changwat::procurement {
namespace {

ProcurementInput input_of(const platform::DemoFile& file, const boost::json::object& row) {
  ProcurementInput input;
  input.title_th = file.text(row, "title_th");
  auto method = parse_method(file.text(row, "method"));
  if (!method) file.fail("unknown method in " + file.text(row, "key"));
  input.method = *method;
  input.reference_price_satang = file.optional_integer(row, "reference_price_satang").value_or(0);
  input.budget_satang = file.optional_integer(row, "budget_satang");
  input.method_reason_th = file.optional_text(row, "method_reason_th");
  input.legal_ground = file.optional_text(row, "legal_ground");
  input.egp_project_number = file.optional_text(row, "egp_project_number");
  input.in_e_catalog = file.flag(row, "in_e_catalog");
  input.multi_year = file.flag(row, "multi_year");
  input.plan_exempt = file.flag(row, "plan_exempt");
  input.allocated_on = file.optional_text(row, "allocated_on");
  if (const auto* stages = row.if_contains("stages"); stages && stages->is_object()) {
    for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
      std::string key(kStageKeys[i]);
      stage_date(input.stages, i) = file.optional_text(stages->get_object(), key.c_str());
    }
  }
  if (const auto* bidders = row.if_contains("bidders"); bidders && bidders->is_array()) {
    for (const auto& item : bidders->get_array()) {
      const auto& bidder = file.as_object(item);
      input.bidders.push_back({file.text(bidder, "name"), file.optional_text(bidder, "tax_id"),
                               file.optional_integer(bidder, "offered_satang").value_or(0)});
    }
  }
  if (const auto* winner = row.if_contains("winner"); winner && winner->is_object()) {
    const auto& chosen = winner->get_object();
    input.winner = Winner{file.text(chosen, "name"), file.optional_text(chosen, "tax_id"),
                          file.optional_integer(chosen, "agreed_satang").value_or(0),
                          file.optional_text(chosen, "reason_th").value_or("")};
  }
  input.contract_number = file.optional_text(row, "contract_number");
  input.contract_value_satang = file.optional_integer(row, "contract_value_satang");
  return input;
}

std::vector<Instalment> instalments_of(const platform::DemoFile& file,
                                       const boost::json::object& row) {
  std::vector<Instalment> out;
  const auto* list = row.if_contains("instalments");
  if (!list || !list->is_array()) return out;
  for (const auto& value : list->get_array()) {
    const auto& item = file.as_object(value);
    Instalment instalment;
    instalment.number = static_cast<int>(file.optional_integer(item, "number").value_or(0));
    instalment.due_on = file.text(item, "due_on");
    instalment.amount_satang = file.optional_integer(item, "amount_satang").value_or(0);
    instalment.delivered_on = file.optional_text(item, "delivered_on");
    instalment.inspected_on = file.optional_text(item, "inspected_on");
    instalment.committee_th = file.optional_text(item, "committee_th");
    if (const auto* accepted = item.if_contains("accepted"); accepted && accepted->is_bool()) {
      instalment.accepted = accepted->get_bool();
    }
    out.push_back(std::move(instalment));
  }
  return out;
}

std::vector<EventInput> events_of(const platform::DemoFile& file, const boost::json::object& row) {
  std::vector<EventInput> out;
  const auto* list = row.if_contains("events");
  if (!list || !list->is_array()) return out;
  for (const auto& value : list->get_array()) {
    const auto& item = file.as_object(value);
    EventInput event;
    auto kind = parse_event_kind(file.text(item, "kind"));
    if (!kind) file.fail("unknown event kind");
    event.kind = *kind;
    event.on = file.text(item, "on");
    if (auto days = file.optional_integer(item, "days")) event.days = static_cast<int>(*days);
    event.amount_satang = file.optional_integer(item, "amount_satang");
    event.new_end = file.optional_text(item, "new_end");
    event.reason_th = file.text(item, "reason_th");
    out.push_back(std::move(event));
  }
  return out;
}

}  // namespace

void load_demo(ProcurementService& service) {
  platform::DemoFile file("procurement-demo-trat.json");
  const auto& root = file.root();
  Actor loader = Actor::command_line();

  for (const auto& value : file.array(root, "holiday_years")) {
    const auto& year = file.as_object(value);
    int number = static_cast<int>(file.integer(year, "year"));
    if (service.holidays(loader, number)) continue;  // never over a loaded year
    std::vector<Holiday> holidays;
    for (const auto& day : file.array(year, "holidays")) {
      const auto& item = file.as_object(day);
      holidays.push_back(
          {file.text(item, "date"), file.text(item, "name_th"), file.text(item, "name_en")});
    }
    service.set_holidays(loader, number, file.text(year, "source"), std::move(holidays),
                         std::nullopt, true);
  }

  std::string plan_key = file.text(root, "action_plan_demo_key");
  auto action_plan_id = service.action_plans().id_by_demo_key(plan_key);
  if (!action_plan_id) file.fail("the demo action plan " + plan_key + " is not loaded");
  auto view = service.action_plans().view(*action_plan_id);
  const auto& header = view.ledger->header;
  for (const auto& value : file.array(root, "procurements")) {
    const auto& row = file.as_object(value);
    std::string key = file.text(row, "key");
    if (service.id_by_demo_key(key)) continue;
    auto element = service.action_plans().plans().find_element_by_code(
        header.plan_id, file.text(row, "project_code"));
    if (!element) file.fail("no project " + file.text(row, "project_code") + " in the demo plan");
    ProcurementInput input = input_of(file, row);
    input.fiscal_year = header.fiscal_year;
    service.import_demo(key, element->element_id, input, instalments_of(file, row),
                        events_of(file, row));
  }
}

}  // namespace changwat::procurement
