// Typed reads of one result row. PostgreSQL results arrive as text except for
// integer, boolean and floating-point columns (converted by type when read), so
// numeric text (SUM over bigint, ROUND) is parsed here; SQLite values arrive typed.
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "db/database.hpp"
#include "db/database_error.hpp"

namespace changwat::db {
namespace {

const char* type_name(const Value& value) {
  switch (value.index()) {
    case 0:
      return "NULL";
    case 1:
      return "integer";
    case 2:
      return "real";
    default:
      return "text";
  }
}

[[noreturn]] void throw_wrong_type(std::size_t column, const Value& value, const char* wanted) {
  throw_internal("column " + std::to_string(column) + " is " + type_name(value) + ", not " +
                 wanted);
}

std::optional<std::int64_t> integral_double(double number) {
  // 2^63 is exactly representable; anything at or beyond it does not fit.
  constexpr double limit = 9223372036854775808.0;
  if (!std::isfinite(number) || std::trunc(number) != number || number >= limit ||
      number < -limit) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(number);
}

std::optional<double> parse_double(const std::string& text) {
  double number = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, number);
  if (error != std::errc() || stop != end) return std::nullopt;
  return number;
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t number = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, number);
  if (error == std::errc() && stop == end) return number;
  // PostgreSQL numeric such as "12.00" (ROUND, SUM over numeric).
  if (auto as_double = parse_double(text)) return integral_double(*as_double);
  return std::nullopt;
}

std::string format_double(double number) {
  char buffer[64];
  auto [stop, error] = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, stop);
}

}  // namespace

Value nullable(const std::optional<std::string>& v) {
  if (v) return *v;
  return nullptr;
}

Value nullable(const std::optional<std::int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

bool Row::is_null(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(value(column));
}

std::int64_t Row::integer(std::size_t column) const {
  const Value& v = value(column);
  if (const auto* number = std::get_if<std::int64_t>(&v)) return *number;
  if (const auto* real = std::get_if<double>(&v)) {
    if (auto exact = integral_double(*real)) return *exact;
  }
  if (const auto* text = std::get_if<std::string>(&v)) {
    if (auto parsed = parse_integer(*text)) return *parsed;
  }
  throw_wrong_type(column, v, "an integer");
}

double Row::real(std::size_t column) const {
  const Value& v = value(column);
  if (const auto* number = std::get_if<double>(&v)) return *number;
  if (const auto* integer = std::get_if<std::int64_t>(&v)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&v)) {
    if (auto parsed = parse_double(*text)) return *parsed;
  }
  throw_wrong_type(column, v, "a real number");
}

std::string Row::text(std::size_t column) const {
  const Value& v = value(column);
  switch (v.index()) {
    case 0:
      return "";
    case 1:
      return std::to_string(std::get<std::int64_t>(v));
    case 2:
      return format_double(std::get<double>(v));
    default:
      return std::get<std::string>(v);
  }
}

std::optional<std::int64_t> Row::optional_integer(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::optional<std::string> Row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

}  // namespace changwat::db
