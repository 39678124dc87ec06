#pragma once
// Thai calendar rules: Buddhist-era years, Thai month names, the government fiscal
// year (1 October – 30 September) and parsing of the date forms Thai officers type.
// Dates are stored as Common Era (ISO) values; the Buddhist era is only for people.
#include <compare>
#include <string>
#include <string_view>

namespace changwat::thai {

// A calendar day in the Common Era (proleptic Gregorian). Functions that format or
// parse check validity; construct one directly only from values you have checked
// (is_valid_date) or received from parse_date.
struct Date {
  int year;
  int month;
  int day;

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool is_valid_date(int year_ce, int month, int day);
int days_in_month(int year_ce, int month);  // 0 for a month outside 1..12

int be_year(int ce_year);  // +543
int ce_year(int be_year);  // -543

// Years parse_date and fiscal_year_range accept: wide enough for any record a
// province keeps, narrow enough to catch a CE year typed where BE is expected.
inline constexpr int kFirstAcceptedBeYear = 2400;
inline constexpr int kLastAcceptedBeYear = 2700;

enum class Digits { arabic, thai };           // ๐-๙ as an output option
enum class MonthStyle { full, abbreviated };  // มกราคม / ม.ค.

// month is 1..12; anything else yields an empty view.
std::string_view month_name(int month, MonthStyle style);

// "15 ม.ค. 2568" (or "15 มกราคม 2568"); throws Error(validation) for an impossible date.
std::string format_date(const Date& date, MonthStyle style = MonthStyle::abbreviated,
                        Digits digits = Digits::arabic);
// "15/01/2568"
std::string format_date_numeric(const Date& date, Digits digits = Digits::arabic);
// "2025-01-15"
std::string to_iso(const Date& date);

// Parses "15 ม.ค. 2568", "15 มกราคม 2568", "วันที่ 15 มกราคม พ.ศ. 2568",
// "15 มกราคม ค.ศ. 2025", "15/01/2568", "2025-01-15", with Thai or Arabic digits.
// Slash and Thai-month forms are Buddhist-era years unless marked ค.ศ.; ISO is CE.
// Throws Error(validation) naming `field` and saying why (impossible day, unknown
// month, year outside 2400–2700 BE, unrecognized form).
Date parse_date(std::string_view text, const char* field = "date");

// Buddhist-era fiscal year a day belongs to: 1 Oct 2024 -> 2568, 30 Sep 2024 -> 2567.
int fiscal_year(const Date& date);

struct DateRange {
  Date first;
  Date last;
};
// 2568 -> 2024-10-01 .. 2025-09-30; throws Error(validation, field "fiscal_year")
// outside 2400–2700 BE.
DateRange fiscal_year_range(int fiscal_year_be);
int fiscal_quarter(const Date& date);      // 1..4 (Oct–Dec = 1)
int fiscal_month_index(const Date& date);  // 1..12 (Oct = 1)

// Replaces ASCII digits 0-9 with Thai digits ๐-๙; everything else is kept.
std::string to_thai_digits(std::string_view text);

// Today's date on the Thai civil calendar (UTC+7, Thailand has no daylight saving).
Date today_in_thailand();

}  // namespace changwat::thai
