#pragma once
// Rules of the tourism module with the database: rights, capacity, the receipt chain,
// versions, audit in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/tourism/model.hpp"
#include "modules/tourism/sale_store.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::tourism {

struct ItemChange {
  std::int64_t version = 0;
  std::optional<std::int64_t> price_satang;
  std::optional<std::int64_t> stock;
  std::optional<int> stars;
  std::optional<int> star_round;
};

// 409 for a day without room for the party: the places still free travel with it.
class FullyBooked : public Error {
 public:
  explicit FullyBooked(std::int64_t remaining);
  std::int64_t remaining() const { return remaining_; }

 private:
  std::int64_t remaining_;
};

struct NewBooking {
  std::int64_t experience_id = 0;
  std::string date;  // YYYY-MM-DD
  std::int64_t party_size = 0;
  std::string contact_name;
  std::string contact_phone;
};

struct NewSale {
  std::string device_id;
  std::int64_t sequence = 0;
  std::string sold_at;
  std::vector<SaleLine> lines;  // kind, item_id, quantity, unit_price_satang as sent
  std::string previous_hash;
  std::string receipt_hash;
};

struct RecordedSale {
  Sale sale;
  bool replayed = false;  // the same device and sequence with the same body: 200
};

// One sale of a batch: recorded (or replayed), or refused with its error.
struct SaleOutcome {
  std::optional<RecordedSale> recorded;
  std::optional<Error> error;
};

struct CommunityIncome {
  Community community;
  int fiscal_year = 0;
  std::vector<IncomeMonth> months;  // the twelve months Oct..Sep, empty ones included
  std::int64_t fund_balance_satang = 0;
};

struct ProgramVillage {
  Community community;
  std::int64_t verified_revenue_satang = 0;
  std::int64_t repeat_visitors = 0;
  bool active_after_12_months = false;
  std::optional<std::string> last_sale_at;
  std::int64_t star_upgrades = 0;
};

struct StarUpgrades {
  int round = 0;
  std::int64_t upgrades = 0;
};

struct ProgramView {
  int fiscal_year = 0;
  std::vector<ProgramVillage> villages;  // by verified revenue, then repeat visitors
  std::vector<StarUpgrades> star_upgrades;
};

struct Timetable {
  std::vector<Stop> stops;
  std::vector<Route> routes;
  std::vector<Trip> trips;
  std::vector<Notice> notices;
};

class TourismService {
 public:
  TourismService(db::Database& database, areas::AreaService& areas)
      : database_(database), areas_(areas) {}

  // Public.
  std::vector<Community> communities() const;
  Community community(std::int64_t id) const;
  std::vector<Item> items(std::int64_t community_id, ItemKind kind) const;
  std::int64_t book(const Actor& actor, const NewBooking& booking);
  CommunityIncome income(std::int64_t community_id, int fiscal_year) const;
  Timetable timetable(const Actor& actor) const;
  std::string gtfs_zip(const Actor& actor) const;

  // The provincial office (strategy office) and admins.
  Community create_community(const Actor& actor, Community community);
  Stop create_stop(const Actor& actor, Stop stop);
  Route create_route(const Actor& actor, Route route);
  Trip create_trip(const Actor& actor, Trip trip);
  Notice create_notice(const Actor& actor, Notice notice);
  ProgramView program(const Actor& actor, int fiscal_year) const;

  // The keepers or the community's own manager.
  Item create_item(const Actor& actor, Item item);
  Item update_item(const Actor& actor, std::int64_t id, const ItemChange& change);
  std::vector<SplitRule> split_rules(std::int64_t community_id) const;
  std::vector<SplitRule> set_split_rules(const Actor& actor, std::int64_t community_id,
                                         const std::vector<SplitRule>& rules);

  // The community's manager.
  RecordedSale record_sale(const Actor& actor, const NewSale& input);
  // A phone's queue sent at once, in one transaction: each sale as record_sale would
  // take it, a refused one answered with its error without stopping the others.
  std::vector<SaleOutcome> record_sales(const Actor& actor, const std::vector<NewSale>& inputs);
  SalePage sales(const Actor& actor, std::int64_t community_id, std::int64_t limit,
                 std::int64_t offset) const;
  Sale sale(const Actor& actor, std::int64_t id) const;
  struct PromptPay {
    std::string payload;
    std::int64_t amount_satang = 0;
  };
  PromptPay promptpay(const Actor& actor, std::int64_t sale_id) const;
  Sale verify_payment(const Actor& actor, std::int64_t sale_id, const std::string& reference);

  // For load_demo (demo.cpp).
  db::Database& database() { return database_; }
  areas::AreaService& areas() { return areas_; }
  // The sale as record_sale would store it (split, month, chain checks left to the
  // caller): the demo's year of sales takes the same path without the HTTP round trip.
  RecordedSale record_sale_in(db::Connection& connection, const Actor& actor,
                              const Community& community, const NewSale& input, bool demo);

 private:
  // The community a signed-in user may write for: keepers of its province, or its
  // own manager. 404 when it is not there (or in another province).
  Community writable_community(db::Connection& connection, const Actor& actor,
                               std::int64_t community_id) const;
  Community readable_sales_community(db::Connection& connection, const Actor& actor,
                                     std::int64_t community_id) const;

  db::Database& database_;
  areas::AreaService& areas_;
};

// "S" and the sale id: Ref1 of a bill payment and the receipt number people read.
std::string sale_number(std::int64_t id);

}  // namespace changwat::tourism
