#include "modules/procurement/json.hpp"

#include "base/json_or_null.hpp"

namespace changwat::procurement {

boost::json::object stages_json(const Stages& stages) {
  boost::json::object out;
  for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
    out[kStageKeys[i]] = json_or_null(stage_date(stages, i));
  }
  return out;
}

boost::json::object deadline_json(const Deadline& deadline) {
  return {{"rule", deadline.rule},
          {"due_on", json_or_null(deadline.due_on)},
          {"met", json_or_null(deadline.met)},
          {"holidays_loaded", deadline.holidays_loaded},
          {"note_th", deadline.note_th},
          {"note_en", deadline.note_en},
          {"source", deadline.source}};
}

boost::json::object instalment_json(const Instalment& instalment) {
  return {{"number", instalment.number},
          {"due_on", instalment.due_on},
          {"amount_satang", instalment.amount_satang},
          {"delivered_on", json_or_null(instalment.delivered_on)},
          {"inspected_on", json_or_null(instalment.inspected_on)},
          {"committee_th", json_or_null(instalment.committee_th)},
          {"accepted", json_or_null(instalment.accepted)},
          {"inspection_note_th", json_or_null(instalment.inspection_note_th)}};
}

boost::json::object event_json(const ContractEvent& event) {
  return {{"id", event.id},
          {"kind", to_string(event.kind)},
          {"on", event.on},
          {"days", json_or_null(event.days)},
          {"amount_satang", json_or_null(event.amount_satang)},
          {"new_end", json_or_null(event.new_end)},
          {"reason_th", event.reason_th},
          {"recorded_by", event.recorded_by},
          {"recorded_at", event.recorded_at}};
}

boost::json::object contract_json(const Procurement& record) {
  boost::json::array instalments;
  for (const auto& item : record.instalments) instalments.push_back(instalment_json(item));
  boost::json::array events;
  Satang charged = 0;
  Satang waived = 0;
  for (const auto& event : record.events) {
    events.push_back(event_json(event));
    if (event.kind == EventKind::penalty) charged += event.amount_satang.value_or(0);
    if (event.kind == EventKind::penalty_waiver) waived += event.amount_satang.value_or(0);
  }
  return {{"contract_number", json_or_null(record.contract_number)},
          {"contract_value_satang", json_or_null(record.contract_value_satang)},
          {"signed_on", json_or_null(record.stages.contract_signed)},
          {"end", json_or_null(record.contract_end())},
          {"instalments", std::move(instalments)},
          {"events", std::move(events)},
          {"penalties_satang", charged},
          {"penalties_waived_satang", waived},
          {"terminated_on", json_or_null(record.terminated_on)}};
}

boost::json::object procurement_json(const Procurement& record,
                                     const std::vector<Deadline>& deadlines) {
  boost::json::array bidders;
  for (const auto& bidder : record.bidders) {
    bidders.push_back({{"name", bidder.name},
                       {"tax_id", json_or_null(bidder.tax_id)},
                       {"offered_satang", bidder.offered_satang}});
  }
  boost::json::value winner = nullptr;
  if (record.winner) {
    winner = boost::json::object{{"name", record.winner->name},
                                 {"tax_id", json_or_null(record.winner->tax_id)},
                                 {"agreed_satang", record.winner->agreed_satang},
                                 {"reason_th", record.winner->reason_th}};
  }
  boost::json::array due;
  for (const auto& deadline : deadlines) due.push_back(deadline_json(deadline));
  Stage stage = record.stage();
  return {{"id", record.id},
          {"element_id", record.element_id},
          {"action_plan_id", record.action_plan_id},
          {"fiscal_year", record.fiscal_year},
          {"agency_code", json_or_null(record.agency_code)},
          {"title_th", record.title_th},
          {"method", to_string(record.method)},
          {"method_th", name_th(record.method)},
          {"budget_satang", record.budget_satang},
          {"reference_price_satang", record.reference_price_satang},
          {"method_reason_th", json_or_null(record.method_reason_th)},
          {"legal_ground", json_or_null(record.legal_ground)},
          {"egp_project_number", json_or_null(record.egp_project_number)},
          {"in_e_catalog", record.in_e_catalog},
          {"multi_year", record.multi_year},
          {"plan_exempt", record.plan_exempt},
          {"tor_hearing", record.tor_hearing},
          {"allocated_on", json_or_null(record.allocated_on)},
          {"stages", stages_json(record.stages)},
          {"stage", to_string(stage)},
          {"stage_th", name_th(stage)},
          {"bidders", std::move(bidders)},
          {"winner", std::move(winner)},
          {"contract_number", json_or_null(record.contract_number)},
          {"contract_value_satang", json_or_null(record.contract_value_satang)},
          {"contract", contract_json(record)},
          {"deadlines", std::move(due)},
          {"demo", record.demo},
          {"created_by", record.created_by},
          {"created_at", record.created_at},
          {"updated_at", record.updated_at},
          {"version", record.version}};
}

boost::json::object holiday_year_json(const HolidayYear& year) {
  boost::json::array days;
  for (const auto& holiday : year.holidays) {
    days.push_back(
        {{"date", holiday.date}, {"name_th", holiday.name_th}, {"name_en", holiday.name_en}});
  }
  return {
      {"year", year.year},           {"be_year", year.year + 543},  {"loaded", true},
      {"source", year.source},       {"demo", year.demo},           {"holidays", std::move(days)},
      {"loaded_by", year.loaded_by}, {"loaded_at", year.loaded_at}, {"version", year.version}};
}

}  // namespace changwat::procurement
