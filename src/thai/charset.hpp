#pragma once
// Character sets met in Thai government files: UTF-8 (with or without BOM), the
// legacy single-byte TIS-620 / Windows-874 that older Excel and DOS-era systems
// still export, and UTF-16 ("Unicode text" from Excel). Everything inside
// changwat is UTF-8; these functions bring outside bytes to UTF-8.
#include <string>
#include <string_view>

namespace changwat::thai {

// Same answer as thai::is_valid_utf8 (text.hpp), but skips ASCII eight bytes at
// a time: CSV imports validate hundreds of megabytes of mostly-ASCII text.
bool is_valid_utf8_fast(std::string_view bytes);

// Decodes Windows-874 (a superset of TIS-620) to UTF-8 with ICU.
std::string windows_874_to_utf8(std::string_view bytes);

// Decodes UTF-16 (little or big endian, without BOM) to UTF-8 with ICU.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian);

}  // namespace changwat::thai
