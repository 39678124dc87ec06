#include "modules/tourism/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::tourism {
namespace {

template <class T>
boost::json::array array_of(const std::vector<T>& values) {
  return boost::json::array(values.begin(), values.end());
}

template <class T, class Convert>
boost::json::array array_of(const std::vector<T>& values, Convert convert) {
  boost::json::array array;
  for (const auto& value : values) array.push_back(convert(value));
  return array;
}

template <class Enum>
boost::json::value enum_or_null(const std::optional<Enum>& value) {
  return json_or_null(value, [](Enum v) { return std::string(to_string(v)); });
}

}  // namespace

boost::json::object community_json(const Community& c) {
  boost::json::object scores;
  for (std::size_t i = 0; i < c.cbt_scores.size(); ++i) scores[kCbtDimensions[i]] = c.cbt_scores[i];
  return {{"id", c.id},
          {"name_th", c.name_th},
          {"name_en", c.name_en},
          {"area_code", c.area_code},
          {"story", c.story},
          {"contact_phone", json_or_null(c.contact_phone)},
          {"payee_name", c.payee_name},
          {"payee_kind", std::string(to_string(c.payee_kind))},
          {"accepts_promptpay", c.promptpay_id.has_value() || c.biller_id.has_value()},
          {"carrying_capacity_per_day", c.carrying_capacity_per_day},
          {"offered_capacity_per_day", c.offered_capacity_per_day},
          {"cbt_scores", std::move(scores)},
          {"cbt_evidence", c.cbt_evidence},
          {"program_member", c.program_member},
          {"plan_project_ids", array_of(c.plan_project_ids)},
          {"joined_on", c.joined_on},
          {"demo", c.demo},
          {"version", c.version}};
}

boost::json::object item_json(const Item& i) {
  boost::json::object json{{"id", i.id},
                           {"community_id", i.community_id},
                           {"kind", std::string(to_string(i.kind))},
                           {"name_th", i.name_th},
                           {"name_en", json_or_null(i.name_en)},
                           {"price_satang", i.price_satang},
                           {"demo", i.demo},
                           {"version", i.version}};
  if (i.kind == ItemKind::product) {
    json.insert(
        {{"producer_name", json_or_null(i.producer_name)},
         {"producer_kind", enum_or_null(i.producer_kind)},
         {"otop_group", enum_or_null(i.otop_group)},
         {"otop_group_th",
          json_or_null(i.otop_group, [](OtopGroup g) { return std::string(otop_group_th(g)); })},
         {"cdd_group", enum_or_null(i.cdd_group)},
         {"stars", json_or_null(i.stars)},
         {"star_round", json_or_null(i.star_round)},
         {"standards", array_of(i.standards)},
         {"stock", json_or_null(i.stock)}});
  } else {
    json.insert({{"duration_minutes", json_or_null(i.duration_minutes)},
                 {"capacity", json_or_null(i.capacity)},
                 {"languages", array_of(i.languages)},
                 {"season_from_month", json_or_null(i.season_from_month)},
                 {"season_to_month", json_or_null(i.season_to_month)},
                 {"guide_licence", json_or_null(i.guide_licence)},
                 {"tour_licence_holder", json_or_null(i.tour_licence_holder)}});
  }
  return json;
}

boost::json::object split_rule_json(const SplitRule& r) {
  return {{"applies_to", std::string(to_string(r.applies_to))},
          {"producer_percent", r.producer_percent},
          {"guide_percent", r.guide_percent},
          {"homestay_percent", r.homestay_percent},
          {"fund_percent", r.fund_percent}};
}

boost::json::object sale_receipt_json(const Sale& s) {
  return {{"id", s.id},
          {"sale_number", sale_number(s.id)},
          {"total_satang", s.total_satang},
          {"receipt_hash", s.receipt_hash},
          {"gap_before", s.gap_before}};
}

boost::json::object sale_json(const Sale& s) {
  boost::json::object json = sale_receipt_json(s);
  json.insert({{"community_id", s.community_id},
               {"device_id", s.device_id},
               {"sequence", s.sequence},
               {"sold_at", s.sold_at},
               {"previous_hash", s.previous_hash},
               {"to_residents_satang", s.to_residents_satang},
               {"to_fund_satang", s.to_fund_satang},
               {"payment_status", std::string(to_string(s.payment_status))},
               {"payment_reference", json_or_null(s.payment_reference)},
               {"demo", s.demo},
               {"lines", array_of(s.lines, [](const SaleLine& l) {
                  return boost::json::object{{"kind", std::string(to_string(l.kind))},
                                             {"item_id", l.item_id},
                                             {"quantity", l.quantity},
                                             {"unit_price_satang", l.unit_price_satang},
                                             {"to_producer_satang", l.to_producer_satang},
                                             {"to_guide_satang", l.to_guide_satang},
                                             {"to_homestay_satang", l.to_homestay_satang},
                                             {"to_fund_satang", l.to_fund_satang}};
                })}});
  return json;
}

boost::json::object income_json(const CommunityIncome& income) {
  return {{"community_id", income.community.id},
          {"name_th", income.community.name_th},
          {"fiscal_year", income.fiscal_year},
          {"fund_balance_satang", income.fund_balance_satang},
          {"months", array_of(income.months, [](const IncomeMonth& m) {
             boost::json::value share = nullptr;
             if (m.total_satang > 0)
               share =
                   static_cast<double>(m.to_residents_satang) / static_cast<double>(m.total_satang);
             return boost::json::object{{"month", m.month},
                                        {"total_satang", m.total_satang},
                                        {"to_residents_satang", m.to_residents_satang},
                                        {"to_fund_satang", m.to_fund_satang},
                                        {"share_to_residents", share}};
           })}};
}

boost::json::object trip_json(const Trip& t) {
  return {{"id", t.id},
          {"route_id", t.route_id},
          {"mode", std::string(to_string(t.mode))},
          {"operator_name", t.operator_name},
          {"operator_url", t.operator_url},
          {"headsign", t.headsign},
          {"days", t.days},
          {"start_date", t.start_date},
          {"end_date", t.end_date},
          {"stop_times", array_of(t.stop_times, [](const StopTime& st) {
             return boost::json::object{
                 {"stop_id", st.stop_id}, {"arrival", st.arrival}, {"departure", st.departure}};
           })}};
}

boost::json::object timetable_json(const Timetable& t) {
  return {{"stops", array_of(t.stops,
                             [](const Stop& s) {
                               return boost::json::object{
                                   {"id", s.id},
                                   {"name_th", s.name_th},
                                   {"name_en", s.name_en},
                                   {"latitude", s.latitude},
                                   {"longitude", s.longitude},
                                   {"community_id", json_or_null(s.community_id)}};
                             })},
          {"routes", array_of(t.routes,
                              [](const Route& r) {
                                return boost::json::object{{"id", r.id},
                                                           {"name_th", r.name_th},
                                                           {"name_en", r.name_en},
                                                           {"stop_ids", array_of(r.stop_ids)}};
                              })},
          {"trips", array_of(t.trips, trip_json)},
          {"notices", array_of(t.notices, [](const Notice& n) {
             return boost::json::object{{"id", n.id},
                                        {"route_id", n.route_id},
                                        {"text_th", n.text_th},
                                        {"text_en", n.text_en},
                                        {"valid_until", n.valid_until}};
           })}};
}

boost::json::object program_json(const ProgramView& view) {
  return {{"fiscal_year", view.fiscal_year},
          {"villages", array_of(view.villages,
                                [](const ProgramVillage& v) {
                                  return boost::json::object{
                                      {"community_id", v.community.id},
                                      {"name_th", v.community.name_th},
                                      {"area_code", v.community.area_code},
                                      {"verified_revenue_satang", v.verified_revenue_satang},
                                      {"repeat_visitors", v.repeat_visitors},
                                      {"active_after_12_months", v.active_after_12_months},
                                      {"last_sale_at", json_or_null(v.last_sale_at)},
                                      {"star_upgrades", v.star_upgrades},
                                      {"plan_project_ids", array_of(v.community.plan_project_ids)}};
                                })},
          {"star_upgrades", array_of(view.star_upgrades, [](const StarUpgrades& s) {
             return boost::json::object{{"round", s.round}, {"upgrades", s.upgrades}};
           })}};
}

}  // namespace changwat::tourism
