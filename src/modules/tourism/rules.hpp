#pragma once
// Rules of the tourism module that need no database: who may do what, field checks,
// the receipt hash recipe, the PromptPay payload and the revenue split.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "base/principal.hpp"
#include "modules/tourism/model.hpp"

namespace changwat::tourism::rules {

inline constexpr std::size_t kNameMax = 200;
inline constexpr std::size_t kMaxLines = 100;
inline constexpr std::int64_t kMaxQuantity = 100000;
inline constexpr std::int64_t kMaxPriceSatang = 100000000;  // one million baht
inline constexpr std::string_view kFirstPreviousHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The provincial community development office's staff (strategy office) and admins
// keep communities, routes and timetables.
const Principal& require_keeper(const Actor& actor);
// A community manager of a community (403 for any other role or a manager without one).
const Principal& require_manager(const Actor& actor);
// Who may read the program view: the keepers, executives and auditors.
const Principal& require_program_reader(const Actor& actor);

// A PromptPay id: a Thai phone number (10 digits from 0, dashes and spaces allowed)
// or a 13-digit citizen/tax ID whose last digit is its checksum. Returns the digits,
// nullopt when it is neither.
std::optional<std::string> normalise_promptpay_id(std::string_view text);
bool is_valid_thai_id(std::string_view digits);

void check_name(FieldErrors& errors, const char* field, const std::string& value);
void check_cbt_scores(FieldErrors& errors, const CbtScores& scores);
void check_capacity(FieldErrors& errors, std::int64_t carrying, std::int64_t offered);
void check_price(FieldErrors& errors, const char* field, std::int64_t price_satang);
void check_item(FieldErrors& errors, const Item& item);
// Each rule's percentages are 0..100 and sum to 100 (422 "split_not_100" otherwise).
void check_split(const std::vector<SplitRule>& rules);

// The receipt chain (issue 12, "Interface"): `kind:id:quantity:unit_price_satang`
// joined by ';' in the order sent, and its SHA-256.
std::string lines_text(const std::vector<SaleLine>& lines);
std::int64_t total_satang(const std::vector<SaleLine>& lines);
std::string receipt_hash(std::string_view previous_hash, std::string_view device_id,
                         std::int64_t sequence, std::string_view sold_at, std::int64_t total_satang,
                         std::string_view lines_text);
// RFC 3339 UTC with seconds and a Z ("2026-11-28T03:00:00Z"); nullopt otherwise.
std::optional<std::string> canonical_utc(std::string_view text);
// Now as RFC 3339 UTC with milliseconds: when a price starts to hold, fine enough
// that a price set and changed within a second keeps both.
std::string utc_now_millis();
// The Thai calendar month (UTC+7) of an RFC 3339 UTC time, "YYYY-MM".
std::string thai_month(std::string_view utc);
// The split of one line's amount by the community's rule (the fund takes what the
// rounding leaves, so the parts always sum to the amount).
void split_line(SaleLine& line, const std::optional<SplitRule>& rule);

// EMVCo merchant-presented QR for Thai PromptPay (tag 29 to a phone or ID; tag 30 bill
// payment with Ref1 when a biller id is given), amount in tag 54, CRC-16/CCITT-FALSE.
std::string promptpay_payload(const std::optional<std::string>& promptpay_id,
                              const std::optional<std::string>& biller_id,
                              std::string_view reference, std::int64_t amount_satang);
std::uint16_t crc16_ccitt_false(std::string_view data);

// HH:MM:SS (hours may pass 24 for a trip past midnight, as in GTFS) -> seconds.
std::optional<int> parse_gtfs_time(std::string_view text);
// Each stop's arrival <= departure, and each departure <= the next arrival; errors
// name stop_times[i].arrival / departure.
void check_stop_times(const std::vector<StopTime>& stop_times);

}  // namespace changwat::tourism::rules
