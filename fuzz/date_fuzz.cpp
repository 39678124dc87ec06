// Fuzzes parse_date with arbitrary bytes. A rejection must be a changwat::Error;
// anything accepted must be a real date in range that reads back identically from
// every form this library writes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "base/error.hpp"
#include "thai/calendar.hpp"

using changwat::thai::Date;
using changwat::thai::Digits;
using changwat::thai::MonthStyle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Date date{};
  try {
    date = changwat::thai::parse_date(text);
  } catch (const changwat::Error& error) {
    if (error.kind() != changwat::ErrorKind::validation || error.fields().count("date") != 1) {
      std::abort();
    }
    return 0;
  }
  const int year_be = changwat::thai::be_year(date.year);
  if (!changwat::thai::is_valid_date(date.year, date.month, date.day) ||
      year_be < changwat::thai::kFirstAcceptedBeYear ||
      year_be > changwat::thai::kLastAcceptedBeYear) {
    std::abort();
  }
  for (MonthStyle style : {MonthStyle::full, MonthStyle::abbreviated}) {
    for (Digits digits : {Digits::arabic, Digits::thai}) {
      if (changwat::thai::parse_date(changwat::thai::format_date(date, style, digits)) != date) {
        std::abort();
      }
      if (changwat::thai::parse_date(changwat::thai::format_date_numeric(date, digits)) != date) {
        std::abort();
      }
    }
  }
  if (changwat::thai::parse_date(changwat::thai::to_iso(date)) != date) std::abort();
  const int fiscal_month = changwat::thai::fiscal_month_index(date);
  if (fiscal_month < 1 || fiscal_month > 12) std::abort();
  return 0;
}
