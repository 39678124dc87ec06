#include "http/utf8.hpp"

#include <array>
#include <cstdint>

namespace changwat::http::utf8 {
namespace {

// Decodes one code point at `text[index]`; returns its length, 0 if invalid.
std::size_t decode(std::string_view text, std::size_t index, char32_t& code_point) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  std::uint8_t lead = byte(index);
  std::size_t length;
  char32_t minimum;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (index + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    std::uint8_t next = byte(index + i);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < minimum || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF))
    return 0;
  return length;
}

bool is_space(char32_t c) {
  constexpr std::array<char32_t, 10> kOthers{0x00A0, 0x1680, 0x200B, 0x2028, 0x2029,
                                             0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF};
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x2000 && c <= 0x200A)) return true;
  for (char32_t other : kOthers)
    if (c == other) return true;
  return false;
}

}  // namespace

std::optional<std::size_t> count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    char32_t code_point;
    std::size_t length = decode(text, i, code_point);
    if (length == 0) return std::nullopt;
    i += length;
  }
  return count;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    char32_t code_point;
    std::size_t length = decode(text, begin, code_point);
    if (length == 0 || !is_space(code_point)) break;
    begin += length;
  }
  std::size_t end = text.size();
  while (end > begin) {
    // Step back to the start of the last code point.
    std::size_t start = end - 1;
    while (start > begin && (static_cast<std::uint8_t>(text[start]) & 0xC0) == 0x80) --start;
    char32_t code_point;
    std::size_t length = decode(text, start, code_point);
    if (length == 0 || start + length != end || !is_space(code_point)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

bool has_control_characters(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<std::uint8_t>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) return true;
  }
  return false;
}

}  // namespace changwat::http::utf8
