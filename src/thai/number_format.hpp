#pragma once
// The one number formatter for documents (PDF tables and text): thousands separators
// on every number shown as an amount, a count or a KPI value, and as many decimals
// as the value has (up to a limit), or a fixed count so that the values of one row
// or column line up ("99.00" beside "99.20", never "99" beside "99.20").
// Years are not amounts: write them with std::to_string (2567, never 2,567).
#include <cstdint>
#include <string>

#include "thai/calendar.hpp"  // Digits

namespace changwat::thai {

// "172,000", "-1,234"; Digits::thai gives "๑๗๒,๐๐๐".
std::string format_integer(std::int64_t value, Digits digits = Digits::arabic);

// How many decimals `value` needs to be shown exactly, at most `max_decimals`:
// 99 → 0, 98.5 → 1, 0.125 → 3, 1/3 → max_decimals.
int decimals_of(double value, int max_decimals = 4);

// `value` rounded to `decimals` places with thousands separators: (98.5, 2) →
// "98.50", (1234567.891, 1) → "1,234,567.9"; "-0" never appears. Non-finite → "-".
std::string format_decimal(double value, int decimals, Digits digits = Digits::arabic);
// With the decimals the value needs (decimals_of): 172000 → "172,000", 98.5 → "98.5".
std::string format_decimal(double value, Digits digits = Digits::arabic);

}  // namespace changwat::thai
