#include "base/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace changwat::utf8 {

std::size_t decode(std::string_view text, std::size_t index, char32_t& code_point) {
  const auto byte_at = [&](std::size_t position) {
    return static_cast<std::uint8_t>(text[position]);
  };
  const std::uint8_t lead = byte_at(index);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, smallest = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, smallest = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, smallest = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (index + length > text.size()) return 0;
  for (std::size_t offset = 1; offset < length; ++offset) {
    const std::uint8_t continuation = byte_at(index + offset);
    if ((continuation & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (continuation & 0x3F);
  }
  // Overlong forms, surrogates and values beyond Unicode are ill-formed.
  if (code_point < smallest || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF))
    return 0;
  return length;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char byte) {
    return (static_cast<std::uint8_t>(byte) & 0xC0) != 0x80;
  }));
}

std::optional<std::size_t> count_valid_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t index = 0; index < text.size(); ++count) {
    char32_t code_point;
    const std::size_t length = decode(text, index, code_point);
    if (length == 0) return std::nullopt;
    index += length;
  }
  return count;
}

bool is_valid(std::string_view text) { return count_valid_code_points(text).has_value(); }

}  // namespace changwat::utf8
