#include "modules/procurement/procurement_store.hpp"

#include <atomic>
#include <random>
#include <unordered_map>

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::procurement {
namespace {

// The columns an INSERT and the UPDATE share, in the order of fields_of().
constexpr const char* kFields =
    "title_th, method, budget_satang, reference_price_satang, method_reason_th, legal_ground, "
    "egp_project_number, in_e_catalog, multi_year, plan_exempt, tor_hearing, allocated_on, "
    "plan_published, tor_hearing_from, tor_hearing_to, invitation, bid_day, winner_announced, "
    "contract_signed, contract_end, winner_name, winner_tax_id, winner_agreed_satang, "
    "winner_reason_th, contract_number, contract_value_satang, terminated_on, agency_code, "
    "updated_at";
constexpr const char* kSelect =
    "SELECT id, province_code, element_id, action_plan_id, fiscal_year, demo, created_by, "
    "created_at, version, title_th, method, budget_satang, reference_price_satang, "
    "method_reason_th, legal_ground, egp_project_number, in_e_catalog, multi_year, plan_exempt, "
    "tor_hearing, allocated_on, plan_published, tor_hearing_from, tor_hearing_to, invitation, "
    "bid_day, winner_announced, contract_signed, contract_end, winner_name, winner_tax_id, "
    "winner_agreed_satang, winner_reason_th, contract_number, contract_value_satang, "
    "terminated_on, agency_code, updated_at FROM procurement";

db::Value flag(bool value) { return std::int64_t{value ? 1 : 0}; }

std::vector<db::Value> fields_of(const Procurement& r) {
  return {r.title_th,
          std::string(to_string(r.method)),
          r.budget_satang,
          r.reference_price_satang,
          db::nullable(r.method_reason_th),
          db::nullable(r.legal_ground),
          db::nullable(r.egp_project_number),
          flag(r.in_e_catalog),
          flag(r.multi_year),
          flag(r.plan_exempt),
          flag(r.tor_hearing),
          db::nullable(r.allocated_on),
          db::nullable(r.stages.plan_published),
          db::nullable(r.stages.tor_hearing_from),
          db::nullable(r.stages.tor_hearing_to),
          db::nullable(r.stages.invitation),
          db::nullable(r.stages.bid_day),
          db::nullable(r.stages.winner_announced),
          db::nullable(r.stages.contract_signed),
          db::nullable(r.stages.contract_end),
          r.winner ? db::Value(r.winner->name) : db::Value(nullptr),
          r.winner ? db::nullable(r.winner->tax_id) : db::Value(nullptr),
          r.winner ? db::Value(r.winner->agreed_satang) : db::Value(nullptr),
          r.winner ? db::Value(r.winner->reason_th) : db::Value(nullptr),
          db::nullable(r.contract_number),
          db::nullable(r.contract_value_satang),
          db::nullable(r.terminated_on),
          db::nullable(r.agency_code),
          r.updated_at};
}

Procurement procurement_from(const db::Row& row) {
  Procurement r;
  std::optional<std::string> winner_name, winner_tax_id, winner_reason;
  std::optional<std::int64_t> winner_agreed;
  db::RowReader(row).read(
      r.id, r.province_code, r.element_id, r.action_plan_id, r.fiscal_year, r.demo, r.created_by,
      r.created_at, r.version, r.title_th, db::stored(r.method, parse_method, "procurement.method"),
      r.budget_satang, r.reference_price_satang, r.method_reason_th, r.legal_ground,
      r.egp_project_number, r.in_e_catalog, r.multi_year, r.plan_exempt, r.tor_hearing,
      r.allocated_on, r.stages.plan_published, r.stages.tor_hearing_from, r.stages.tor_hearing_to,
      r.stages.invitation, r.stages.bid_day, r.stages.winner_announced, r.stages.contract_signed,
      r.stages.contract_end, winner_name, winner_tax_id, winner_agreed, winner_reason,
      r.contract_number, r.contract_value_satang, r.terminated_on, r.agency_code, r.updated_at);
  if (winner_name) {
    r.winner =
        Winner{*winner_name, winner_tax_id, winner_agreed.value_or(0), winner_reason.value_or("")};
  }
  return r;
}

}  // namespace

void ProcurementStore::load_children(std::vector<Procurement>& records, const std::string& where,
                                     const std::vector<db::Value>& params) {
  if (records.empty()) return;
  std::unordered_map<std::int64_t, Procurement*> by_id;
  for (auto& record : records) by_id[record.id] = &record;
  connection_.for_each(
      "SELECT b.procurement_id, b.name, b.tax_id, b.offered_satang FROM procurement_bidder b "
      "JOIN procurement p ON p.id = b.procurement_id " +
          where + " ORDER BY b.procurement_id, b.position",
      params, [&](const db::Row& row) {
        auto found = by_id.find(row.integer(0));
        if (found == by_id.end()) return;
        Bidder bidder;
        db::RowReader(row, 1).read(bidder.name, bidder.tax_id, bidder.offered_satang);
        found->second->bidders.push_back(std::move(bidder));
      });
  connection_.for_each(
      "SELECT i.procurement_id, i.number, i.due_on, i.amount_satang, i.delivered_on, "
      "i.inspected_on, i.committee_th, i.accepted, i.inspection_note_th "
      "FROM procurement_instalment i JOIN procurement p ON p.id = i.procurement_id " +
          where + " ORDER BY i.procurement_id, i.number",
      params, [&](const db::Row& row) {
        auto found = by_id.find(row.integer(0));
        if (found == by_id.end()) return;
        Instalment item;
        db::RowReader(row, 1).read(item.number, item.due_on, item.amount_satang, item.delivered_on,
                                   item.inspected_on, item.committee_th, item.accepted,
                                   item.inspection_note_th);
        found->second->instalments.push_back(std::move(item));
      });
  connection_.for_each(
      "SELECT e.procurement_id, e.id, e.kind, e.on_date, e.days, e.amount_satang, e.new_end, "
      "e.reason_th, e.recorded_by, e.recorded_at "
      "FROM procurement_event e JOIN procurement p ON p.id = e.procurement_id " +
          where + " ORDER BY e.procurement_id, e.id",
      params, [&](const db::Row& row) {
        auto found = by_id.find(row.integer(0));
        if (found == by_id.end()) return;
        ContractEvent event;
        db::RowReader(row, 1).read(
            event.id, db::stored(event.kind, parse_event_kind, "procurement_event.kind"), event.on,
            event.days, event.amount_satang, event.new_end, event.reason_th, event.recorded_by,
            event.recorded_at);
        found->second->events.push_back(std::move(event));
      });
}

std::optional<Procurement> ProcurementStore::find(std::int64_t id) {
  auto row = connection_.query_one(std::string(kSelect) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  std::vector<Procurement> records{procurement_from(*row)};
  load_children(records, "WHERE p.id = ?", {id});
  return std::move(records.front());
}

std::vector<Procurement> ProcurementStore::for_element(std::int64_t element_id) {
  std::vector<Procurement> records;
  for (const auto& row :
       connection_.query(std::string(kSelect) + " WHERE element_id = ? ORDER BY id", {element_id}))
    records.push_back(procurement_from(row));
  load_children(records, "WHERE p.element_id = ?", {element_id});
  return records;
}

std::vector<Procurement> ProcurementStore::for_action_plan(std::int64_t action_plan_id) {
  std::vector<Procurement> records;
  for (const auto& row : connection_.query(
           std::string(kSelect) + " WHERE action_plan_id = ? ORDER BY id", {action_plan_id}))
    records.push_back(procurement_from(row));
  load_children(records, "WHERE p.action_plan_id = ?", {action_plan_id});
  return records;
}

std::vector<Procurement> ProcurementStore::all() {
  std::vector<Procurement> records;
  connection_.for_each(std::string(kSelect) + " ORDER BY id", {},
                       [&](const db::Row& row) { records.push_back(procurement_from(row)); });
  load_children(records, "", {});
  return records;
}

std::int64_t ProcurementStore::insert(const Procurement& record,
                                      const std::optional<std::string>& demo_key) {
  std::vector<db::Value> values = {record.province_code,  record.element_id,
                                   record.action_plan_id, std::int64_t{record.fiscal_year},
                                   flag(record.demo),     db::nullable(demo_key),
                                   record.created_by,     record.created_at};
  for (auto& value : fields_of(record)) values.push_back(std::move(value));
  return db::insert_row_returning_id(
      connection_, "procurement",
      std::string("province_code, element_id, action_plan_id, fiscal_year, demo, demo_key, "
                  "created_by, created_at, ") +
          kFields,
      values);
}

bool ProcurementStore::update(const Procurement& record, std::int64_t expected_version) {
  std::vector<db::Value> values = fields_of(record);
  values.push_back(record.id);
  values.push_back(expected_version);
  return connection_.execute("UPDATE procurement SET " + db::assignments(kFields) +
                                 ", version = version + 1 WHERE id = ? AND version = ?",
                             values) == 1;
}

void ProcurementStore::write_bidders(const Procurement& record) {
  connection_.execute("DELETE FROM procurement_bidder WHERE procurement_id = ?", {record.id});
  for (std::size_t i = 0; i < record.bidders.size(); ++i) {
    const auto& bidder = record.bidders[i];
    db::insert_row(connection_, "procurement_bidder",
                   "procurement_id, position, name, tax_id, offered_satang",
                   {record.id, static_cast<std::int64_t>(i), bidder.name,
                    db::nullable(bidder.tax_id), bidder.offered_satang});
  }
}

void ProcurementStore::write_instalments(const Procurement& record) {
  connection_.execute("DELETE FROM procurement_instalment WHERE procurement_id = ?", {record.id});
  for (const auto& item : record.instalments) {
    db::insert_row(
        connection_, "procurement_instalment",
        "procurement_id, number, due_on, amount_satang, delivered_on, inspected_on, "
        "committee_th, accepted, inspection_note_th",
        {record.id, std::int64_t{item.number}, item.due_on, item.amount_satang,
         db::nullable(item.delivered_on), db::nullable(item.inspected_on),
         db::nullable(item.committee_th), item.accepted ? flag(*item.accepted) : db::Value(nullptr),
         db::nullable(item.inspection_note_th)});
  }
}

std::int64_t ProcurementStore::insert_event(std::int64_t procurement_id,
                                            const ContractEvent& event) {
  return db::insert_row_returning_id(
      connection_, "procurement_event",
      "procurement_id, kind, on_date, days, amount_satang, new_end, reason_th, recorded_by, "
      "recorded_at",
      {procurement_id, std::string(to_string(event.kind)), event.on,
       event.days ? db::Value(std::int64_t{*event.days}) : db::Value(nullptr),
       db::nullable(event.amount_satang), db::nullable(event.new_end), event.reason_th,
       event.recorded_by, event.recorded_at});
}

std::optional<std::int64_t> ProcurementStore::id_by_demo_key(const std::string& key) {
  return db::query_integer(connection_, "SELECT id FROM procurement WHERE demo_key = ?", {key});
}

ProcurementStore::Revision ProcurementStore::bump_revision() {
  // Unique per process and write; the process part tells servers apart.
  static const std::uint64_t process =
      std::random_device{}() * 4294967296ull + std::random_device{}();
  static std::atomic<std::uint64_t> counter{0};
  std::string token = std::to_string(process) + "-" + std::to_string(++counter);
  connection_.execute(
      "UPDATE procurement_revision SET revision = revision + 1, token = ? WHERE id = 1", {token});
  return revision();
}

ProcurementStore::Revision ProcurementStore::revision() {
  auto row = connection_.query_one("SELECT revision, token FROM procurement_revision WHERE id = 1");
  if (!row) return {};
  return {row->integer(0), row->text(1)};
}

// ---- Holidays ----

std::optional<HolidayYear> HolidayStore::find(int year) {
  auto row = connection_.query_one(
      "SELECT year, source, demo, loaded_by, loaded_at, version FROM holiday_year WHERE year = ?",
      {std::int64_t{year}});
  if (!row) return std::nullopt;
  HolidayYear result;
  db::RowReader(*row).read(result.year, result.source, result.demo, result.loaded_by,
                           result.loaded_at, result.version);
  for (const auto& day :
       connection_.query("SELECT date, name_th, name_en FROM holiday WHERE year = ? ORDER BY date",
                         {std::int64_t{year}})) {
    Holiday holiday;
    db::RowReader(day).read(holiday.date, holiday.name_th, holiday.name_en);
    result.holidays.push_back(std::move(holiday));
  }
  return result;
}

std::vector<HolidayYear> HolidayStore::all() {
  std::vector<HolidayYear> years;
  for (const auto& row : connection_.query(
           "SELECT year, source, demo, loaded_by, loaded_at, version FROM holiday_year ORDER BY "
           "year")) {
    HolidayYear result;
    db::RowReader(row).read(result.year, result.source, result.demo, result.loaded_by,
                            result.loaded_at, result.version);
    years.push_back(std::move(result));
  }
  std::unordered_map<int, HolidayYear*> by_year;
  for (auto& year : years) by_year[year.year] = &year;
  for (const auto& row :
       connection_.query("SELECT year, date, name_th, name_en FROM holiday ORDER BY date")) {
    auto found = by_year.find(static_cast<int>(row.integer(0)));
    if (found == by_year.end()) continue;
    Holiday holiday;
    db::RowReader(row, 1).read(holiday.date, holiday.name_th, holiday.name_en);
    found->second->holidays.push_back(std::move(holiday));
  }
  return years;
}

void HolidayStore::insert_year(const HolidayYear& year) {
  db::insert_row(
      connection_, "holiday_year", "year, source, demo, loaded_by, loaded_at",
      {std::int64_t{year.year}, year.source, flag(year.demo), year.loaded_by, year.loaded_at});
}

bool HolidayStore::update_year(const HolidayYear& year, std::int64_t expected_version) {
  return connection_.execute(
             "UPDATE holiday_year SET source = ?, demo = ?, loaded_by = ?, loaded_at = ?, "
             "version = version + 1 WHERE year = ? AND version = ?",
             {year.source, flag(year.demo), year.loaded_by, year.loaded_at, std::int64_t{year.year},
              expected_version}) == 1;
}

void HolidayStore::replace_days(int year, const std::vector<Holiday>& holidays) {
  connection_.execute("DELETE FROM holiday WHERE year = ?", {std::int64_t{year}});
  for (const auto& holiday : holidays) {
    db::insert_row(connection_, "holiday", "date, year, name_th, name_en",
                   {holiday.date, std::int64_t{year}, holiday.name_th, holiday.name_en});
  }
}

}  // namespace changwat::procurement
