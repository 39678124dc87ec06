#pragma once
// Money is an exact integer count of satang (1 baht = 100 satang); these functions
// show it the way Thai government documents do and read what people type.
#include <cstdint>
#include <string>
#include <string_view>

#include "thai/calendar.hpp"  // Digits

namespace changwat::thai {

using Satang = std::int64_t;

// "1,234,567.50 บาท"; negative "-1,234.00 บาท"; Digits::thai gives "๑,๒๓๔.๐๐ บาท".
std::string format_baht(Satang amount, Digits digits = Digits::arabic);
// "1,234,567.50" without the unit.
std::string format_number(Satang amount);

// The amount in Thai words, as written on cheques and official forms (Excel's
// BAHTTEXT): "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทห้าสิบสตางค์",
// "…บาทถ้วน" when there are no satang, "ศูนย์บาทถ้วน", "ห้าสิบสตางค์" below one
// baht, negative amounts prefixed "ลบ". A 1 in the units place after other digits
// reads เอ็ด (101 = หนึ่งร้อยเอ็ด, 1,000,001 = หนึ่งล้านเอ็ด), following the Royal Institute.
std::string baht_text(Satang amount);

// Reads "1,234.50", "฿1,234", "1234.5 บาท", "-1,234.00 บาท", Thai digits too.
// Commas must group thousands. Throws Error(validation) naming `field` for an empty
// text, more than 2 decimal places, anything that is not an amount, or an amount
// outside the range of Satang.
Satang parse_baht(std::string_view text, const char* field = "amount");

}  // namespace changwat::thai
