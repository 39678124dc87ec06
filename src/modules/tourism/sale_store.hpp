#pragma once
// SQL for bookings (with the day's load per community and experience) and sales
// (with their lines and split): rows in, model structs out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/tourism/model.hpp"

namespace changwat::tourism {

struct DayLimit {
  std::string scope;  // community | experience
  std::int64_t scope_id = 0;
  std::int64_t limit = 0;
};

struct SalePage {
  std::vector<Sale> sales;
  std::int64_t total_sales = 0;
  std::int64_t total_satang = 0;
};

class SaleStore {
 public:
  explicit SaleStore(db::Connection& connection) : connection_(connection) {}

  // Adds `people` to the day's load under `limit` in one conditional statement (a
  // row lock on PostgreSQL, the one writer on SQLite): false when it would pass it.
  bool take_capacity(const DayLimit& limit, const std::string& day, std::int64_t people);
  std::int64_t booked(const DayLimit& limit, const std::string& day);
  std::int64_t insert_booking(const Booking& booking);
  // Distinct phones that booked the community more than once (repeat visitors).
  std::int64_t repeat_visitors(std::int64_t community_id);

  std::optional<Sale> find_by_device(const std::string& device_id, std::int64_t sequence);
  std::optional<Sale> find(std::int64_t id);
  std::int64_t insert_sale(const Sale& sale, std::optional<std::int64_t> created_by,
                           const std::string& created_at);
  // The sale after `sequence` on the device had the gap before it filled.
  void clear_gap(const std::string& device_id, std::int64_t sequence);
  bool verify_payment(std::int64_t sale_id, const std::string& reference, std::int64_t user_id,
                      const std::string& at);
  SalePage page(std::int64_t community_id, std::int64_t limit, std::int64_t offset);
  std::vector<IncomeMonth> income(std::int64_t community_id, const std::string& first_month,
                                  const std::string& last_month);
  // Σ to_fund of every sale of the community.
  std::int64_t fund_total(std::int64_t community_id);
  std::int64_t verified_total(std::int64_t community_id, const std::string& first_month,
                              const std::string& last_month);
  std::optional<std::string> last_sale_at(std::int64_t community_id);

 private:
  std::vector<SaleLine> lines_of(std::int64_t sale_id);
  db::Connection& connection_;
};

}  // namespace changwat::tourism
