#include "http/utf8.hpp"

#include <array>
#include <cstdint>

#include "base/utf8.hpp"

namespace changwat::http::utf8 {
namespace {

// The one strict decoder (base/utf8.hpp): length of the code point, 0 if ill-formed.
using ::changwat::utf8::decode;

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
  return ::changwat::utf8::count_valid_code_points(text);
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
