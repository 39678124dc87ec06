#include "modules/tourism/sale_store.hpp"

#include <map>

#include "db/row_reader.hpp"
#include "db/sql.hpp"

namespace changwat::tourism {
namespace {

constexpr const char* kSaleColumns =
    "province_code, community_id, device_id, sequence, sold_at, month, total_satang, "
    "to_residents_satang, to_fund_satang, previous_hash, receipt_hash, lines_text, gap_before, "
    "payment_status, payment_reference, demo";

Sale sale_from(const db::Row& row) {
  Sale s;
  db::RowReader(row).read(
      s.id, s.province_code, s.community_id, s.device_id, s.sequence, s.sold_at, s.month,
      s.total_satang, s.to_residents_satang, s.to_fund_satang, s.previous_hash, s.receipt_hash,
      s.lines_text, s.gap_before,
      db::stored(s.payment_status, parse_payment_status, "tourism_sale.payment_status"),
      s.payment_reference, s.demo);
  return s;
}

constexpr const char* kLineColumns =
    "kind, item_id, quantity, unit_price_satang, to_producer_satang, to_guide_satang, "
    "to_homestay_satang, to_fund_satang";

SaleLine line_from(db::RowReader& reader) {
  SaleLine l;
  reader.read(db::stored(l.kind, parse_item_kind, "tourism_sale_line.kind"), l.item_id, l.quantity,
              l.unit_price_satang, l.to_producer_satang, l.to_guide_satang, l.to_homestay_satang,
              l.to_fund_satang);
  return l;
}

const std::string kSelectSale = std::string("SELECT id, ") + kSaleColumns + " FROM tourism_sale";

}  // namespace

bool SaleStore::take_capacity(const DayLimit& limit, const std::string& day, std::int64_t people) {
  connection_.execute(
      "INSERT INTO tourism_day_load (scope, scope_id, day, booked) VALUES (?, ?, ?, 0) "
      "ON CONFLICT DO NOTHING",
      {limit.scope, limit.scope_id, day});
  return connection_.execute(
             "UPDATE tourism_day_load SET booked = booked + ? "
             "WHERE scope = ? AND scope_id = ? AND day = ? AND booked + ? <= ?",
             {people, limit.scope, limit.scope_id, day, people, limit.limit}) == 1;
}

std::int64_t SaleStore::booked(const DayLimit& limit, const std::string& day) {
  return db::query_integer(
             connection_,
             "SELECT booked FROM tourism_day_load WHERE scope = ? AND scope_id = ? AND day = ?",
             {limit.scope, limit.scope_id, day})
      .value_or(0);
}

std::int64_t SaleStore::insert_booking(const Booking& b) {
  return db::insert_row_returning_id(
      connection_, "tourism_booking",
      "province_code, community_id, experience_id, day, party_size, contact_name, "
      "contact_phone, created_at, demo",
      {b.province_code, b.community_id, b.experience_id, b.day, b.party_size, b.contact_name,
       b.contact_phone, b.created_at, std::int64_t{b.demo ? 1 : 0}});
}

std::int64_t SaleStore::repeat_visitors(std::int64_t community_id) {
  return db::query_integer(connection_,
                           "SELECT COUNT(*) FROM (SELECT contact_phone FROM tourism_booking "
                           "WHERE community_id = ? GROUP BY contact_phone "
                           "HAVING COUNT(DISTINCT day) > 1) repeaters",
                           {community_id})
      .value_or(0);
}

std::optional<Sale> SaleStore::find_by_device(const std::string& device_id, std::int64_t sequence) {
  auto sale =
      db::map_row(connection_.query_one(kSelectSale + " WHERE device_id = ? AND sequence = ?",
                                        {device_id, sequence}),
                  sale_from);
  if (sale) sale->lines = lines_of(sale->id);
  return sale;
}

std::optional<Sale> SaleStore::find(std::int64_t id) {
  auto sale = db::map_row(connection_.query_one(kSelectSale + " WHERE id = ?", {id}), sale_from);
  if (sale) sale->lines = lines_of(sale->id);
  return sale;
}

std::vector<SaleLine> SaleStore::lines_of(std::int64_t sale_id) {
  std::vector<SaleLine> lines;
  for (const auto& row :
       connection_.query(std::string("SELECT ") + kLineColumns +
                             " FROM tourism_sale_line WHERE sale_id = ? ORDER BY position",
                         {sale_id})) {
    db::RowReader reader(row);
    lines.push_back(line_from(reader));
  }
  return lines;
}

std::int64_t SaleStore::insert_sale(const Sale& s, std::optional<std::int64_t> created_by,
                                    const std::string& created_at) {
  std::int64_t id = db::insert_row_returning_id(
      connection_, "tourism_sale", std::string(kSaleColumns) + ", created_by, created_at",
      {s.province_code, s.community_id, s.device_id, s.sequence, s.sold_at, s.month, s.total_satang,
       s.to_residents_satang, s.to_fund_satang, s.previous_hash, s.receipt_hash, s.lines_text,
       std::int64_t{s.gap_before ? 1 : 0}, std::string(to_string(s.payment_status)),
       db::nullable(s.payment_reference), std::int64_t{s.demo ? 1 : 0}, db::nullable(created_by),
       created_at});
  connection_.execute(
      "INSERT INTO tourism_sale_total (community_id, sales, total_satang) VALUES (?, 1, ?) "
      "ON CONFLICT (community_id) DO UPDATE SET sales = tourism_sale_total.sales + 1, "
      "total_satang = tourism_sale_total.total_satang + excluded.total_satang",
      {s.community_id, s.total_satang});
  std::int64_t position = 0;
  for (const SaleLine& l : s.lines)
    db::insert_row(connection_, "tourism_sale_line",
                   std::string("sale_id, position, community_id, ") + kLineColumns,
                   {id, position++, s.community_id, std::string(to_string(l.kind)), l.item_id,
                    l.quantity, l.unit_price_satang, l.to_producer_satang, l.to_guide_satang,
                    l.to_homestay_satang, l.to_fund_satang});
  return id;
}

void SaleStore::clear_gap(const std::string& device_id, std::int64_t sequence) {
  connection_.execute("UPDATE tourism_sale SET gap_before = 0 WHERE device_id = ? AND sequence = ?",
                      {device_id, sequence + 1});
}

bool SaleStore::verify_payment(std::int64_t sale_id, const std::string& reference,
                               std::int64_t user_id, const std::string& at) {
  return connection_.execute(
             "UPDATE tourism_sale SET payment_status = 'verified', payment_reference = ?, "
             "verified_by = ?, verified_at = ? WHERE id = ? AND payment_status = 'unpaid'",
             {reference, user_id, at, sale_id}) == 1;
}

SalePage SaleStore::page(std::int64_t community_id, std::int64_t limit, std::int64_t offset) {
  SalePage page;
  if (auto totals = connection_.query_one(
          "SELECT sales, total_satang FROM tourism_sale_total WHERE community_id = ?",
          {community_id}))
    db::RowReader(*totals).read(page.total_sales, page.total_satang);
  const std::string chosen =
      " FROM tourism_sale WHERE community_id = ? ORDER BY sold_at DESC, id DESC LIMIT ? OFFSET ?";
  std::map<std::int64_t, std::size_t> index;
  for (const auto& row : connection_.query(std::string("SELECT id, ") + kSaleColumns + chosen,
                                           {community_id, limit, offset})) {
    index[row.integer(0)] = page.sales.size();
    page.sales.push_back(sale_from(row));
  }
  if (page.sales.empty()) return page;
  for (const auto& row :
       connection_.query(std::string("SELECT sale_id, ") + kLineColumns +
                             " FROM tourism_sale_line WHERE sale_id IN (SELECT id" + chosen +
                             ") ORDER BY sale_id, position",
                         {community_id, limit, offset})) {
    db::RowReader reader(row);
    std::int64_t sale_id = reader.integer();
    page.sales[index.at(sale_id)].lines.push_back(line_from(reader));
  }
  return page;
}

std::vector<IncomeMonth> SaleStore::income(std::int64_t community_id,
                                           const std::string& first_month,
                                           const std::string& last_month) {
  std::vector<IncomeMonth> months;
  for (const auto& row : connection_.query(
           "SELECT month, SUM(total_satang), SUM(to_residents_satang), SUM(to_fund_satang), "
           "COUNT(*) FROM tourism_sale WHERE community_id = ? AND month >= ? AND month <= ? "
           "GROUP BY month ORDER BY month",
           {community_id, first_month, last_month})) {
    IncomeMonth m;
    db::RowReader(row).read(m.month, m.total_satang, m.to_residents_satang, m.to_fund_satang,
                            m.sales);
    months.push_back(m);
  }
  return months;
}

std::int64_t SaleStore::fund_total(std::int64_t community_id) {
  return db::query_integer(
             connection_,
             "SELECT COALESCE(SUM(to_fund_satang), 0) FROM tourism_sale WHERE community_id = ?",
             {community_id})
      .value_or(0);
}

std::int64_t SaleStore::verified_total(std::int64_t community_id, const std::string& first_month,
                                       const std::string& last_month) {
  return db::query_integer(connection_,
                           "SELECT COALESCE(SUM(total_satang), 0) FROM tourism_sale "
                           "WHERE community_id = ? AND payment_status = 'verified' "
                           "AND month >= ? AND month <= ?",
                           {community_id, first_month, last_month})
      .value_or(0);
}

std::optional<std::string> SaleStore::last_sale_at(std::int64_t community_id) {
  auto row = connection_.query_one("SELECT MAX(sold_at) FROM tourism_sale WHERE community_id = ?",
                                   {community_id});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->text(0);
}

}  // namespace changwat::tourism
