#include "modules/portal/rules.hpp"

#include <vector>

namespace changwat::portal::rules {
namespace {

// The length in bytes of a digit at `at` (1 for 0–9, 3 for Thai ๐–๙), or 0.
std::size_t digit_at(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c >= '0' && c <= '9') return 1;
  // Thai digits U+0E50..U+0E59: E0 B9 90..99.
  if (c == 0xE0 && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xB9) {
    const auto last = static_cast<unsigned char>(text[at + 2]);
    if (last >= 0x90 && last <= 0x99) return 3;
  }
  return 0;
}

bool is_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

}  // namespace

std::string mask_personal_numbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t width = digit_at(text, at);
    if (width == 0) {
      out += text[at++];
      continue;
    }
    // A run: digits with single separators between them; `end` after its last digit.
    std::size_t end = at;
    std::size_t digits = 0;
    std::size_t scan = at;
    while (scan < text.size()) {
      std::size_t w = digit_at(text, scan);
      if (w > 0) {
        scan += w;
        end = scan;
        ++digits;
        continue;
      }
      // Up to two separators ("08) 123", "1 - 2") between digits.
      std::size_t gap = scan;
      while (gap < text.size() && gap - scan < 2 && is_separator(text[gap])) ++gap;
      if (gap == scan || gap >= text.size() || digit_at(text, gap) == 0) break;
      scan = gap;
    }
    if (digits < 9) {
      out.append(text.substr(at, end - at));
    } else {
      for (std::size_t i = at; i < end;) {
        std::size_t w = digit_at(text, i);
        out += w > 0 ? 'x' : text[i];
        i += w > 0 ? w : 1;
      }
    }
    at = end;
  }
  return out;
}

const Principal& require_moderator(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

}  // namespace changwat::portal::rules
