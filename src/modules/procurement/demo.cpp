// Loads data/procurement-demo-trat.json: demo holiday years (only when the year is not
// loaded, so real lists are never overwritten) and procurements of the demo action
// plan's projects, each keyed by demo_key so loading again skips what is there. The
// province comes from the demo action plan, never a constant.
#include <boost/json.hpp>

#include "base/embedded.hpp"
#include "base/error.hpp"
#include "modules/procurement/module.hpp"

namespace changwat::procurement {
namespace {

[[noreturn]] void bad_demo(const std::string& what) {
  throw Error(
      ErrorKind::internal, "bad_demo_data",
      {"ข้อมูลตัวอย่างการจัดซื้อจัดจ้างไม่ถูกต้อง: " + what, "Procurement demo data is invalid: " + what});
}

std::string_view demo_document() {
  for (const EmbeddedFile& file : embedded_data())
    if (file.name == "procurement-demo-trat.json") return file.content;
  bad_demo("procurement-demo-trat.json is not embedded");
}

std::string text(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_demo(std::string("missing text ") + key);
  return std::string(value->get_string());
}

std::optional<std::string> optional_text(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) bad_demo(std::string("not a text: ") + key);
  return std::string(value->get_string());
}

std::optional<std::int64_t> optional_integer(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_int64()) bad_demo(std::string("not an integer: ") + key);
  return value->get_int64();
}

bool flag(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value && value->is_bool() && value->get_bool();
}

ProcurementInput input_of(const boost::json::object& row) {
  ProcurementInput input;
  input.title_th = text(row, "title_th");
  auto method = parse_method(text(row, "method"));
  if (!method) bad_demo("unknown method in " + text(row, "key"));
  input.method = *method;
  input.reference_price_satang = optional_integer(row, "reference_price_satang").value_or(0);
  input.budget_satang = optional_integer(row, "budget_satang");
  input.method_reason_th = optional_text(row, "method_reason_th");
  input.legal_ground = optional_text(row, "legal_ground");
  input.egp_project_number = optional_text(row, "egp_project_number");
  input.in_e_catalog = flag(row, "in_e_catalog");
  input.multi_year = flag(row, "multi_year");
  input.plan_exempt = flag(row, "plan_exempt");
  input.allocated_on = optional_text(row, "allocated_on");
  if (const auto* stages = row.if_contains("stages"); stages && stages->is_object()) {
    for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
      std::string key(kStageKeys[i]);
      stage_date(input.stages, i) = optional_text(stages->get_object(), key.c_str());
    }
  }
  if (const auto* bidders = row.if_contains("bidders"); bidders && bidders->is_array()) {
    for (const auto& item : bidders->get_array()) {
      const auto& bidder = item.as_object();
      input.bidders.push_back({text(bidder, "name"), optional_text(bidder, "tax_id"),
                               optional_integer(bidder, "offered_satang").value_or(0)});
    }
  }
  if (const auto* winner = row.if_contains("winner"); winner && winner->is_object()) {
    const auto& chosen = winner->get_object();
    input.winner = Winner{text(chosen, "name"), optional_text(chosen, "tax_id"),
                          optional_integer(chosen, "agreed_satang").value_or(0),
                          optional_text(chosen, "reason_th").value_or("")};
  }
  input.contract_number = optional_text(row, "contract_number");
  input.contract_value_satang = optional_integer(row, "contract_value_satang");
  return input;
}

std::vector<Instalment> instalments_of(const boost::json::object& row) {
  std::vector<Instalment> out;
  const auto* list = row.if_contains("instalments");
  if (!list || !list->is_array()) return out;
  for (const auto& value : list->get_array()) {
    const auto& item = value.as_object();
    Instalment instalment;
    instalment.number = static_cast<int>(optional_integer(item, "number").value_or(0));
    instalment.due_on = text(item, "due_on");
    instalment.amount_satang = optional_integer(item, "amount_satang").value_or(0);
    instalment.delivered_on = optional_text(item, "delivered_on");
    instalment.inspected_on = optional_text(item, "inspected_on");
    instalment.committee_th = optional_text(item, "committee_th");
    if (const auto* accepted = item.if_contains("accepted"); accepted && accepted->is_bool()) {
      instalment.accepted = accepted->get_bool();
    }
    out.push_back(std::move(instalment));
  }
  return out;
}

std::vector<EventInput> events_of(const boost::json::object& row) {
  std::vector<EventInput> out;
  const auto* list = row.if_contains("events");
  if (!list || !list->is_array()) return out;
  for (const auto& value : list->get_array()) {
    const auto& item = value.as_object();
    EventInput event;
    auto kind = parse_event_kind(text(item, "kind"));
    if (!kind) bad_demo("unknown event kind");
    event.kind = *kind;
    event.on = text(item, "on");
    if (auto days = optional_integer(item, "days")) event.days = static_cast<int>(*days);
    event.amount_satang = optional_integer(item, "amount_satang");
    event.new_end = optional_text(item, "new_end");
    event.reason_th = text(item, "reason_th");
    out.push_back(std::move(event));
  }
  return out;
}

}  // namespace

void load_demo(ProcurementService& service) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(demo_document(), parse_error);
  if (parse_error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.get_object();
  Actor loader = Actor::command_line();

  for (const auto& value : root.at("holiday_years").as_array()) {
    const auto& year = value.as_object();
    int number = static_cast<int>(year.at("year").as_int64());
    if (service.holidays(loader, number)) continue;  // never over a loaded year
    std::vector<Holiday> holidays;
    for (const auto& day : year.at("holidays").as_array()) {
      const auto& item = day.as_object();
      holidays.push_back({text(item, "date"), text(item, "name_th"), text(item, "name_en")});
    }
    service.set_holidays(loader, number, text(year, "source"), std::move(holidays), std::nullopt,
                         true);
  }

  std::string plan_key = text(root, "action_plan_demo_key");
  auto action_plan_id = service.action_plans().id_by_demo_key(plan_key);
  if (!action_plan_id) bad_demo("the demo action plan " + plan_key + " is not loaded");
  auto view = service.action_plans().view(*action_plan_id);
  const auto& header = view.ledger->header;
  for (const auto& value : root.at("procurements").as_array()) {
    const auto& row = value.as_object();
    std::string key = text(row, "key");
    if (service.id_by_demo_key(key)) continue;
    auto element = service.action_plans().plans().find_element_by_code(header.plan_id,
                                                                       text(row, "project_code"));
    if (!element) bad_demo("no project " + text(row, "project_code") + " in the demo plan");
    ProcurementInput input = input_of(row);
    input.fiscal_year = header.fiscal_year;
    service.import_demo(key, element->element_id, input, instalments_of(row), events_of(row));
  }
}

}  // namespace changwat::procurement
