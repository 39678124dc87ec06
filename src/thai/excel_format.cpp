#include "thai/excel_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace changwat::thai::excel {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
long long days_from_civil(long long year, unsigned month, unsigned day) {
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long long>(day_of_era) - 719468;
}

Date civil_from_days(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long long year = static_cast<long long>(year_of_era) + era * 400;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned month_shifted = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * month_shifted + 2) / 5 + 1;
  const unsigned month = month_shifted < 10 ? month_shifted + 3 : month_shifted - 9;
  return Date{static_cast<int>(year + (month <= 2)), static_cast<int>(month),
              static_cast<int>(day)};
}

const long long kEpoch1900 = days_from_civil(1899, 12, 30);
const long long kEpoch1904 = days_from_civil(1904, 1, 1);
constexpr double kLastSerial = 2958465.0;  // 9999-12-31

FormatClass classify_builtin(unsigned id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
      (id >= 50 && id <= 58)) {
    return FormatClass::date;
  }
  if (id == 22) return FormatClass::date_time;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) {
    return FormatClass::time;
  }
  if (id == 9 || id == 10) return FormatClass::percent;
  return FormatClass::number;
}

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string decimal_format(int decimals) {
  return "#,##0." + std::string(static_cast<std::size_t>(std::max(decimals, 1)), '0');
}

FormatClass classify_number_format(unsigned format_id, std::string_view code) {
  if (code.empty()) return classify_builtin(format_id);

  bool has_date_letter = false;  // d, y, or b (Buddhist-era year, "bbbb")
  bool has_month_or_minute = false;
  bool has_time_letter = false;  // h, s, or AM/PM
  bool has_percent = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;  // first section only
    if (c == '"') {       // literal text
      std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '[') {  // [Red], [$-107041E]; but [h], [mm], [ss] are elapsed time
      std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && (lower_ascii(inside[0]) == 'h' || lower_ascii(inside[0]) == 's' ||
                              (lower_ascii(inside[0]) == 'm' && inside.find('$') == inside.npos &&
                               inside.size() <= 2))) {
        has_time_letter = true;
      }
      i = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped char, padding, fill
      ++i;
      continue;
    }
    char lower = lower_ascii(c);
    if (lower == 'g' && code.substr(i).size() >= 7) {
      std::string word;
      for (std::size_t k = 0; k < 7; ++k) word += lower_ascii(code[i + k]);
      if (word == "general") {
        i += 6;
        continue;
      }
    }
    if (lower == 'a' && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm" ||
                         code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p")) {
      has_time_letter = true;
      i += code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm" ? 4 : 2;
      continue;
    }
    if (lower == 'd' || lower == 'y' || lower == 'b') has_date_letter = true;
    if (lower == 'm') has_month_or_minute = true;
    if (lower == 'h' || lower == 's') has_time_letter = true;
    if (c == '%') has_percent = true;
  }
  // A lone "m" run is a month unless hours or seconds make it minutes.
  bool is_date = has_date_letter || (has_month_or_minute && !has_time_letter);
  if (is_date && has_time_letter) return FormatClass::date_time;
  if (is_date) return FormatClass::date;
  if (has_time_letter) return FormatClass::time;
  if (has_percent) return FormatClass::percent;
  return classify_builtin(format_id) == FormatClass::percent ? FormatClass::percent
                                                             : FormatClass::number;
}

double serial_from_date(const Date& date) {
  long long serial = days_from_civil(date.year, static_cast<unsigned>(date.month),
                                     static_cast<unsigned>(date.day)) -
                     kEpoch1900;
  if (serial <= 60) --serial;  // before Excel's phantom 29 February 1900
  return static_cast<double>(serial);
}

std::optional<Date> date_from_serial(double serial, bool date_1904) {
  if (!std::isfinite(serial) || serial < 0) return std::nullopt;
  double whole = std::floor(serial);
  long long days;
  if (date_1904) {
    if (whole > kLastSerial - 1462) return std::nullopt;
    days = kEpoch1904 + static_cast<long long>(whole);
  } else {
    if (whole < 1 || whole > kLastSerial) return std::nullopt;
    // Excel counts a 29 February 1900 that never was (serial 60, Lotus 1-2-3's
    // bug); serials before it are one day early against the real calendar.
    long long count = static_cast<long long>(whole);
    if (count <= 60) ++count;
    days = kEpoch1900 + count;
  }
  return civil_from_days(days);
}

std::optional<std::string> iso_from_serial(double serial, bool date_1904, bool with_time) {
  std::optional<Date> date = date_from_serial(serial, date_1904);
  if (!date) return std::nullopt;
  char buffer[64];
  if (!with_time) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date->year, date->month, date->day);
    return std::string(buffer);
  }
  long long seconds = std::llround((serial - std::floor(serial)) * 86400.0);
  if (seconds >= 86400) seconds = 86399;  // 23:59:59.6 rounds into the next day otherwise
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02lld:%02lld:%02lld", date->year,
                date->month, date->day, seconds / 3600, seconds / 60 % 60, seconds % 60);
  return std::string(buffer);
}

}  // namespace changwat::thai::excel
