#include "thai/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace changwat::thai {
namespace {

// "1234567" → "1,234,567" (digits only).
std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string with_digits(std::string text, Digits digits) {
  return digits == Digits::thai ? to_thai_digits(text) : text;
}

}  // namespace

std::string format_integer(std::int64_t value, Digits digits) {
  // Through the unsigned magnitude: the most negative value has no positive twin.
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string text = group_thousands(std::to_string(magnitude));
  if (value < 0) text.insert(0, "-");
  return with_digits(std::move(text), digits);
}

int decimals_of(double value, int max_decimals) {
  if (!std::isfinite(value)) return 0;
  for (int decimals = 0; decimals < max_decimals; ++decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    // Shown with this many decimals, does it read back as the same number (to the
    // precision the value was typed with)?
    if (std::fabs(std::strtod(buffer, nullptr) - value) <= std::fabs(value) * 1e-12)
      return decimals;
  }
  return max_decimals;
}

std::string format_decimal(double value, int decimals, Digits digits) {
  if (!std::isfinite(value)) return "-";
  decimals = std::max(0, std::min(decimals, 12));
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string text(buffer);
  const auto point = text.find('.');
  std::string whole = point == std::string::npos ? text : text.substr(0, point);
  std::string fraction = point == std::string::npos ? std::string() : text.substr(point);
  std::string out = group_thousands(whole) + fraction;
  // A negative that rounds to zero shows as zero.
  if (value < 0 && out.find_first_not_of("0.,") != std::string::npos) out.insert(0, "-");
  return with_digits(std::move(out), digits);
}

std::string format_decimal(double value, Digits digits) {
  return format_decimal(value, decimals_of(value), digits);
}

}  // namespace changwat::thai
