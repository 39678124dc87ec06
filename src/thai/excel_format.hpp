#pragma once
// What Excel stores versus what it shows: dates are day counts ("serials") and a
// cell's number format decides whether a number is a date, a percentage or a
// plain number. Shared by the xlsx writer and reader.
#include <optional>
#include <string>
#include <string_view>

#include "thai/calendar.hpp"

namespace changwat::thai::excel {

// Number formats the writer uses. Excel's calendar code 07 in [$-107041E] (Thai
// locale 041E) shows the Buddhist-era year and Thai month names: "15 ม.ค. 2568".
inline constexpr const char* kThaiDateFormat = "[$-107041E]d mmm yyyy";
inline constexpr const char* kBahtFormat = "#,##0.00 \"บาท\"";
inline constexpr const char* kIntegerFormat = "#,##0";
inline constexpr const char* kPercentFormat = "0.00%";
// A Buddhist-era year: a whole number without a thousands separator (2567, not 2,567).
inline constexpr const char* kYearFormat = "0";
// A fraction in a number column keeps its decimals, at most this many.
inline constexpr int kMaxShownDecimals = 4;
// "#,##0.0" for 1, "#,##0.00" for 2, …
std::string decimal_format(int decimals);

enum class FormatClass { number, percent, date, date_time, time };

// Classifies a cell's number format by its id (Excel's built-in ids 0–163) and,
// for custom formats, its code. Only the first section (positive numbers) counts.
FormatClass classify_number_format(unsigned format_id, std::string_view format_code);

// Day serial in the 1900 date system (as Excel counts it, 1900-03-01 = 61).
double serial_from_date(const Date& date);

// The calendar day of a serial; nullopt outside 1900-01-01 .. 9999-12-31.
std::optional<Date> date_from_serial(double serial, bool date_1904);

// "2025-01-15", or "2025-01-15T10:30:00" when `with_time`; nullopt outside the range.
std::optional<std::string> iso_from_serial(double serial, bool date_1904, bool with_time);

}  // namespace changwat::thai::excel
