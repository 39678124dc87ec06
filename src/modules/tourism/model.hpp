#pragma once
// Plain data of the tourism module: no database, no HTTP.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::tourism {

enum class PayeeKind { community_enterprise, otop_group };
enum class ItemKind { product, experience };
// The five official OTOP product groups, in the order the department lists them.
enum class OtopGroup { food, drink, textile, souvenir, herbal };
enum class CddGroup { A, B, C, D };
enum class ProducerKind { community_group, individual, sme };
enum class TripMode { ferry, road };
enum class PaymentStatus { unpaid, verified };

std::string_view to_string(PayeeKind value);
std::string_view to_string(ItemKind value);
std::string_view to_string(OtopGroup value);
std::string_view to_string(CddGroup value);
std::string_view to_string(ProducerKind value);
std::string_view to_string(TripMode value);
std::string_view to_string(PaymentStatus value);
std::optional<PayeeKind> parse_payee_kind(std::string_view text);
std::optional<ItemKind> parse_item_kind(std::string_view text);
std::optional<OtopGroup> parse_otop_group(std::string_view text);
std::optional<CddGroup> parse_cdd_group(std::string_view text);
std::optional<ProducerKind> parse_producer_kind(std::string_view text);
std::optional<TripMode> parse_trip_mode(std::string_view text);
std::optional<PaymentStatus> parse_payment_status(std::string_view text);
std::string_view otop_group_th(OtopGroup value);

// The national CBT standard's five dimensions, each scored 0..5.
inline constexpr std::array<std::string_view, 5> kCbtDimensions = {
    "management", "economy", "culture", "environment", "service"};
using CbtScores = std::array<int, 5>;

struct Community {
  std::int64_t id = 0;
  std::string province_code;
  std::string area_code;
  std::string name_th;
  std::string name_en;
  std::string story;
  std::optional<std::string> contact_phone;
  std::string payee_name;
  PayeeKind payee_kind = PayeeKind::community_enterprise;
  std::optional<std::string> promptpay_id;
  std::optional<std::string> biller_id;
  std::optional<std::string> bank_account;
  CbtScores cbt_scores{};
  std::string cbt_evidence;
  bool program_member = true;
  std::int64_t carrying_capacity_per_day = 0;
  std::int64_t offered_capacity_per_day = 0;
  std::int64_t fund_opening_satang = 0;
  std::vector<std::int64_t> plan_project_ids;
  std::string joined_on;  // YYYY-MM-DD
  bool demo = false;
  std::int64_t version = 1;
};

// A product or an experience: what a community sells.
struct Item {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t community_id = 0;
  ItemKind kind = ItemKind::product;
  std::string name_th;
  std::optional<std::string> name_en;
  std::int64_t price_satang = 0;
  // Products.
  std::optional<std::string> producer_name;
  std::optional<ProducerKind> producer_kind;
  std::optional<OtopGroup> otop_group;
  std::optional<CddGroup> cdd_group;
  std::optional<int> stars;
  std::optional<int> star_round;
  std::vector<std::string> standards;
  std::optional<std::int64_t> stock;
  // Experiences.
  std::optional<std::int64_t> duration_minutes;
  std::optional<std::int64_t> capacity;
  std::vector<std::string> languages;
  std::optional<int> season_from_month;
  std::optional<int> season_to_month;
  std::optional<std::string> guide_licence;
  std::optional<std::string> tour_licence_holder;
  bool demo = false;
  std::int64_t version = 1;
};

struct Booking {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t community_id = 0;
  std::int64_t experience_id = 0;
  std::string day;
  std::int64_t party_size = 0;
  std::string contact_name;
  std::string contact_phone;
  std::string created_at;
  bool demo = false;
};

// Percent of each line to each recipient; the province takes no cut.
struct SplitRule {
  ItemKind applies_to = ItemKind::product;
  int producer_percent = 0;
  int guide_percent = 0;
  int homestay_percent = 0;
  int fund_percent = 0;
};

struct SaleLine {
  ItemKind kind = ItemKind::product;
  std::int64_t item_id = 0;
  std::int64_t quantity = 0;
  std::int64_t unit_price_satang = 0;
  // The split at the time of the sale (a later rule change does not alter it).
  std::int64_t to_producer_satang = 0;
  std::int64_t to_guide_satang = 0;
  std::int64_t to_homestay_satang = 0;
  std::int64_t to_fund_satang = 0;
};

struct Sale {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t community_id = 0;
  std::string device_id;
  std::int64_t sequence = 0;
  std::string sold_at;
  std::string month;
  std::int64_t total_satang = 0;
  std::int64_t to_residents_satang = 0;
  std::int64_t to_fund_satang = 0;
  std::string previous_hash;
  std::string receipt_hash;
  std::string lines_text;
  bool gap_before = false;
  PaymentStatus payment_status = PaymentStatus::unpaid;
  std::optional<std::string> payment_reference;
  bool demo = false;
  std::vector<SaleLine> lines;
};

struct StopTime {
  std::int64_t stop_id = 0;
  std::string arrival;  // HH:MM:SS (GTFS allows past 24:00:00)
  std::string departure;
};

struct Stop {
  std::int64_t id = 0;
  std::string province_code;
  std::string name_th;
  std::string name_en;
  double latitude = 0;
  double longitude = 0;
  std::optional<std::int64_t> community_id;
  bool demo = false;
};

struct Route {
  std::int64_t id = 0;
  std::string province_code;
  std::string name_th;
  std::string name_en;
  std::vector<std::int64_t> stop_ids;
  bool demo = false;
};

struct Trip {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t route_id = 0;
  TripMode mode = TripMode::ferry;
  std::string operator_name;
  std::string operator_url;
  std::string headsign;
  std::string days = "1111111";
  std::string start_date;  // YYYY-MM-DD
  std::string end_date;
  std::vector<StopTime> stop_times;
  bool demo = false;
};

struct Notice {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t route_id = 0;
  std::string text_th;
  std::string text_en;
  std::string valid_until;
  std::string created_at;
  bool demo = false;
};

// One month of a community's income (public, aggregated).
struct IncomeMonth {
  std::string month;  // YYYY-MM
  std::int64_t total_satang = 0;
  std::int64_t to_residents_satang = 0;
  std::int64_t to_fund_satang = 0;
  std::int64_t sales = 0;
};

}  // namespace changwat::tourism
