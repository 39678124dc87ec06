#include "thai/calendar.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <optional>

#include "base/error.hpp"
#include "thai/text.hpp"

namespace changwat::thai {
namespace {

constexpr int kBuddhistEraOffset = 543;

constexpr std::array<std::string_view, 12> kFullMonthNames = {
    "มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
    "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
constexpr std::array<std::string_view, 12> kAbbreviatedMonthNames = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",  "พ.ย.", "ธ.ค."};
// English names appear only in the English half of error messages.
constexpr std::array<std::string_view, 12> kEnglishMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Era markers people write before the year: พ.ศ. (Buddhist era) and ค.ศ. (Common Era).
constexpr std::string_view kBuddhistEraMarker = "พศ";
constexpr std::string_view kCommonEraMarker = "คศ";
constexpr std::string_view kDayPrefix = "วันที่";

[[noreturn]] void reject_unrecognized(const char* field) {
  throw_invalid_field(
      field, {"รูปแบบวันที่ไม่ถูกต้อง ใช้ เช่น 15 ม.ค. 2568, 15 มกราคม 2568, 15/01/2568 หรือ "
              "2025-01-15",
              "Unrecognized date; use e.g. 15 ม.ค. 2568, 15 มกราคม 2568, 15/01/2568 (Buddhist "
              "era) or 2025-01-15 (ISO)"});
}

bool is_digit(char character) { return character >= '0' && character <= '9'; }

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char character : text) {
    if (!is_digit(character)) return false;
  }
  return true;
}

// Callers bound the length first, so the value always fits an int.
int digits_value(std::string_view digits) {
  int value = 0;
  for (char digit : digits) value = value * 10 + (digit - '0');
  return value;
}

bool is_leap_year(int year_ce) {
  return (year_ce % 4 == 0 && year_ce % 100 != 0) || year_ce % 400 == 0;
}

std::string without_dots_and_spaces(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char character : text) {
    if (character != '.' && character != ' ') result += character;
  }
  return result;
}

std::optional<int> month_from_name(std::string_view key) {
  for (std::size_t index = 0; index < kFullMonthNames.size(); ++index) {
    if (key == kFullMonthNames[index] ||
        key == without_dots_and_spaces(kAbbreviatedMonthNames[index])) {
      return static_cast<int>(index) + 1;
    }
  }
  return std::nullopt;
}

// Checks the year range and the day, then builds the Date. `year_is_buddhist` says
// which era the text used, so the message can show the year the way it was typed.
Date checked_date(int year, bool year_is_buddhist, int month, int day, const char* field) {
  const int year_be = year_is_buddhist ? year : be_year(year);
  if (year_be < kFirstAcceptedBeYear || year_be > kLastAcceptedBeYear) {
    const bool looks_like_common_era = year_is_buddhist && ce_year(kFirstAcceptedBeYear) <= year &&
                                       year <= ce_year(kLastAcceptedBeYear);
    if (looks_like_common_era) {
      throw_invalid_field(
          field, {fmt::format("ปี {} ดูเหมือนเป็นปี ค.ศ. กรุณาใช้ปี พ.ศ. (เช่น {})", year, be_year(year)),
                  fmt::format("Year {} looks like a Common Era year; write the Buddhist-era "
                              "year (e.g. {})",
                              year, be_year(year))});
    }
    throw_invalid_field(
        field,
        {fmt::format("ปีต้องอยู่ระหว่าง พ.ศ. {} ถึง {}", kFirstAcceptedBeYear, kLastAcceptedBeYear),
         fmt::format("Year must be between {} and {} BE ({}–{} CE)", kFirstAcceptedBeYear,
                     kLastAcceptedBeYear, ce_year(kFirstAcceptedBeYear),
                     ce_year(kLastAcceptedBeYear))});
  }
  if (month < 1 || month > 12) {
    throw_invalid_field(field, {"เดือนต้องอยู่ระหว่าง 1 ถึง 12", "Month must be between 1 and 12"});
  }
  const int year_ce = ce_year(year_be);
  const int last_day = days_in_month(year_ce, month);
  if (day < 1 || day > last_day) {
    throw_invalid_field(field,
                        {fmt::format("วันที่ {} {} {} ไม่มีในปฏิทิน (เดือนนี้มี {} วัน)", day,
                                     kFullMonthNames[month - 1], year_be, last_day),
                         fmt::format("{} {} {} (BE {}) does not exist: that month has {} days", day,
                                     kEnglishMonthNames[month - 1], year_ce, year_be, last_day)});
  }
  return Date{year_ce, month, day};
}

// "2025-01-15": exactly the ISO 8601 calendar date, Common Era.
std::optional<Date> parse_iso(std::string_view text, const char* field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::string_view year = text.substr(0, 4), month = text.substr(5, 2),
                         day = text.substr(8, 2);
  if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return std::nullopt;
  return checked_date(digits_value(year), false, digits_value(month), digits_value(day), field);
}

// "15/01/2568" or "5/1/2568": day/month/Buddhist-era year.
std::optional<Date> parse_slashed(std::string_view text, const char* field) {
  const std::size_t first_slash = text.find('/');
  if (first_slash == std::string_view::npos) return std::nullopt;
  const std::size_t second_slash = text.find('/', first_slash + 1);
  if (second_slash == std::string_view::npos) return std::nullopt;
  const std::string_view day = text.substr(0, first_slash);
  const std::string_view month = text.substr(first_slash + 1, second_slash - first_slash - 1);
  const std::string_view year = text.substr(second_slash + 1);
  if (!all_digits(day) || day.size() > 2 || !all_digits(month) || month.size() > 2 ||
      !all_digits(year) || year.size() != 4) {
    reject_unrecognized(field);
  }
  return checked_date(digits_value(year), true, digits_value(month), digits_value(day), field);
}

// "15 ม.ค. 2568", "15 มกราคม พ.ศ. 2568", "วันที่ 15 มกราคม 2568", "15 มกราคม ค.ศ. 2025".
std::optional<Date> parse_with_month_name(std::string_view text, const char* field) {
  if (text.starts_with(kDayPrefix)) {
    text.remove_prefix(kDayPrefix.size());
    if (text.starts_with(' ')) text.remove_prefix(1);
  }
  std::size_t day_length = 0;
  while (day_length < text.size() && is_digit(text[day_length])) ++day_length;
  std::size_t year_start = text.size();
  while (year_start > day_length && is_digit(text[year_start - 1])) --year_start;
  const std::string_view day = text.substr(0, day_length);
  const std::string_view year = text.substr(year_start);
  std::string month_key = without_dots_and_spaces(text.substr(day_length, year_start - day_length));
  if (day.empty() || month_key.empty() || year.empty()) return std::nullopt;
  if (day.size() > 2 || year.size() != 4) reject_unrecognized(field);

  bool year_is_buddhist = true;
  if (month_key.ends_with(kBuddhistEraMarker)) {
    month_key.resize(month_key.size() - kBuddhistEraMarker.size());
  } else if (month_key.ends_with(kCommonEraMarker)) {
    month_key.resize(month_key.size() - kCommonEraMarker.size());
    year_is_buddhist = false;
  }
  const std::optional<int> month = month_from_name(month_key);
  if (!month) {
    throw_invalid_field(field,
                        {"ไม่รู้จักชื่อเดือน ใช้ชื่อเต็ม (มกราคม) หรือชื่อย่อ (ม.ค.)",
                         "Unknown month name; use the full Thai name (มกราคม) or its abbreviation "
                         "(ม.ค.)"});
  }
  return checked_date(digits_value(year), year_is_buddhist, *month, digits_value(day), field);
}

void require_valid(const Date& date) {
  if (!is_valid_date(date.year, date.month, date.day)) {
    throw_invalid_field(
        "date",
        {fmt::format("วันที่ {:04}-{:02}-{:02} ไม่มีในปฏิทิน", date.year, date.month, date.day),
         fmt::format("{:04}-{:02}-{:02} is not a calendar date", date.year, date.month, date.day)});
  }
}

std::string with_digits(std::string text, Digits digits) {
  return digits == Digits::thai ? to_thai_digits(text) : text;
}

}  // namespace

int days_in_month(int year_ce, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year_ce)) return 29;
  return kDays[month - 1];
}

bool is_valid_date(int year_ce, int month, int day) {
  return day >= 1 && day <= days_in_month(year_ce, month);
}

int be_year(int ce_year) { return ce_year + kBuddhistEraOffset; }
int ce_year(int be_year) { return be_year - kBuddhistEraOffset; }

std::string_view month_name(int month, MonthStyle style) {
  if (month < 1 || month > 12) return {};
  return style == MonthStyle::full ? kFullMonthNames[month - 1] : kAbbreviatedMonthNames[month - 1];
}

std::string format_date(const Date& date, MonthStyle style, Digits digits) {
  require_valid(date);
  return with_digits(
      fmt::format("{} {} {}", date.day, month_name(date.month, style), be_year(date.year)), digits);
}

std::string format_date_numeric(const Date& date, Digits digits) {
  require_valid(date);
  return with_digits(fmt::format("{:02}/{:02}/{}", date.day, date.month, be_year(date.year)),
                     digits);
}

std::string to_iso(const Date& date) {
  require_valid(date);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

Date parse_date(std::string_view text, const char* field) {
  // normalize turns Thai digits into Arabic ones and removes stray zero-width
  // characters and doubled spaces that copy-paste from documents brings along.
  const std::string normalized = normalize(text);
  if (normalized.empty()) throw_invalid_field(field, {"กรุณาระบุวันที่", "Enter a date"});
  if (auto date = parse_iso(normalized, field)) return *date;
  if (auto date = parse_slashed(normalized, field)) return *date;
  if (auto date = parse_with_month_name(normalized, field)) return *date;
  reject_unrecognized(field);
}

int fiscal_year(const Date& date) {
  return date.month >= 10 ? be_year(date.year) + 1 : be_year(date.year);
}

DateRange fiscal_year_range(int fiscal_year_be) {
  if (fiscal_year_be < kFirstAcceptedBeYear || fiscal_year_be > kLastAcceptedBeYear) {
    throw_invalid_field("fiscal_year", {fmt::format("ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. {} ถึง {}",
                                                    kFirstAcceptedBeYear, kLastAcceptedBeYear),
                                        fmt::format("Fiscal year must be between {} and {} BE",
                                                    kFirstAcceptedBeYear, kLastAcceptedBeYear)});
  }
  const int ending_year_ce = ce_year(fiscal_year_be);
  return {Date{ending_year_ce - 1, 10, 1}, Date{ending_year_ce, 9, 30}};
}

int fiscal_quarter(const Date& date) { return (fiscal_month_index(date) - 1) / 3 + 1; }

int fiscal_month_index(const Date& date) { return (date.month + 2) % 12 + 1; }

std::string to_thai_digits(std::string_view text) {
  // Thai digits are U+0E50..U+0E59: UTF-8 E0 B9 90..99.
  std::string result;
  result.reserve(text.size() * 3);
  for (char character : text) {
    if (is_digit(character)) {
      result += "\xE0\xB9";
      result += static_cast<char>(0x90 + (character - '0'));
    } else {
      result += character;
    }
  }
  return result;
}

Date today_in_thailand() {
  using namespace std::chrono;
  const sys_days thai_day = floor<days>(system_clock::now() + hours(7));
  const year_month_day calendar_day{thai_day};
  return Date{static_cast<int>(calendar_day.year()),
              static_cast<int>(static_cast<unsigned>(calendar_day.month())),
              static_cast<int>(static_cast<unsigned>(calendar_day.day()))};
}

}  // namespace changwat::thai
