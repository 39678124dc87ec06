#include "thai/import_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "thai/calendar.hpp"
#include "thai/money.hpp"

namespace changwat::thai {
namespace {

const Message kNotANumber{"ไม่ใช่ตัวเลข", "not a number"};
const Message kNotWhole{"ไม่ใช่จำนวนเต็ม", "not a whole number"};
const Message kTooManyDecimals{"ระบุทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)",
                               "at most 2 decimal places (satang)"};
const Message kNotADate{"ไม่ใช่วันที่", "not a date"};
const Message kOutOfRange{"ตัวเลขใหญ่เกินไป", "the number is too large"};

Message formula_error(std::string_view code) {
  return {"เซลล์มีข้อผิดพลาดของสูตร " + std::string(code),
          "the cell holds a formula error " + std::string(code)};
}

// Length of a white-space character at the start of `text`, 0 if none.
std::size_t space_length(std::string_view text) {
  if (text.empty()) return 0;
  unsigned char first = static_cast<unsigned char>(text[0]);
  if (first == ' ' || first == '\t' || first == '\r' || first == '\n') return 1;
  if (text.starts_with("\xC2\xA0")) return 2;                                          // NBSP
  if (text.starts_with("\xE2\x80\x8B") || text.starts_with("\xEF\xBB\xBF")) return 3;  // ZWSP, BOM
  return 0;
}

std::size_t trailing_space_length(std::string_view text) {
  if (text.empty()) return 0;
  unsigned char last = static_cast<unsigned char>(text.back());
  if (last == ' ' || last == '\t' || last == '\r' || last == '\n') return 1;
  if (text.ends_with("\xC2\xA0")) return 2;
  if (text.ends_with("\xE2\x80\x8B") || text.ends_with("\xEF\xBB\xBF")) return 3;
  return 0;
}

// "๑,๒๓๔.๕" -> "1234.5": Thai digits to ASCII, thousands separators and inner
// spaces removed. Thai digits are U+0E50..U+0E59, E0 B9 90..99 in UTF-8.
std::string plain_number_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ',' || c == ' ') continue;
    if (static_cast<unsigned char>(c) == 0xE0 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xB9 &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90)));
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// Digits with an optional point: "1e3" is not how a person writes a thousand (a
// spreadsheet that means 1000 stores a number cell, not this text).
bool parse_plain_double(std::string_view text, double& value) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

ConvertedValue whole_number(double value) {
  if (std::abs(value - std::round(value)) > 1e-9) return kNotWhole;
  if (std::abs(value) >= 9.2e18) return kOutOfRange;
  return ImportedRow::Value(static_cast<std::int64_t>(std::llround(value)));
}

ConvertedValue convert_integer(const RawCell& cell) {
  if (cell.kind != XlsxValueKind::text) {
    if (cell.kind == XlsxValueKind::number || cell.kind == XlsxValueKind::percent) {
      return whole_number(cell.number);
    }
    return kNotANumber;
  }
  std::string plain = plain_number_text(trim_space(cell.text));
  std::int64_t whole = 0;
  std::string_view digits = plain;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), whole);
  if (error == std::errc() && end == digits.data() + digits.size() && !digits.empty()) {
    return ImportedRow::Value(whole);
  }
  if (error == std::errc::result_out_of_range) return kOutOfRange;
  double value = 0;
  if (!parse_plain_double(plain, value)) return kNotANumber;
  return whole_number(value);
}

ConvertedValue convert_baht(const RawCell& cell) {
  if (cell.kind == XlsxValueKind::number) {
    double scaled = cell.number * 100.0;
    if (std::abs(scaled) >= 9.2e18) return kOutOfRange;
    double rounded = std::round(scaled);
    // Binary fractions make 1234.56 * 100 come out as 123456.00000000001.
    if (std::abs(scaled - rounded) > 1e-6 + std::abs(scaled) * 1e-14) return kTooManyDecimals;
    return ImportedRow::Value(static_cast<std::int64_t>(std::llround(rounded)));
  }
  if (cell.kind != XlsxValueKind::text) return kNotANumber;
  std::string plain = plain_number_text(trim_space(cell.text));
  if (plain.find_first_of("0123456789") == std::string::npos) return kNotANumber;
  try {
    return ImportedRow::Value(static_cast<std::int64_t>(parse_baht(trim_space(cell.text))));
  } catch (const Error& error) {
    return error.message();  // parse_baht says precisely why ("at most 2 decimals", ...)
  }
}

ConvertedValue convert_percent(const RawCell& cell) {
  if (cell.kind == XlsxValueKind::percent) return ImportedRow::Value(cell.number * 100.0);
  if (cell.kind == XlsxValueKind::number) return ImportedRow::Value(cell.number);
  if (cell.kind != XlsxValueKind::text) return kNotANumber;
  std::string plain = plain_number_text(trim_space(cell.text));
  if (!plain.empty() && plain.back() == '%') plain.pop_back();
  double value = 0;
  if (!parse_plain_double(plain, value)) return kNotANumber;
  return ImportedRow::Value(value);
}

ConvertedValue convert_date(const RawCell& cell) {
  std::string_view text = trim_space(cell.text);
  if (cell.kind == XlsxValueKind::date) {
    text = text.substr(0, text.find('T'));  // a date-time keeps its day
  } else if (cell.kind != XlsxValueKind::text) {
    return kNotADate;
  }
  try {
    return ImportedRow::Value(parse_date(text));
  } catch (const Error& error) {
    return error.message();
  }
}

ConvertedValue convert_text(const RawCell& cell) {
  return ImportedRow::Value(std::string(trim_space(cell.text)));
}

}  // namespace

std::string_view trim_space(std::string_view text) {
  while (std::size_t length = space_length(text)) text.remove_prefix(length);
  while (std::size_t length = trailing_space_length(text)) text.remove_suffix(length);
  return text;
}

bool is_blank(const RawCell& cell) {
  return cell.kind == XlsxValueKind::text && trim_space(cell.text).empty();
}

ConvertedValue convert_cell(const RawCell& cell, FieldKind kind) {
  if (cell.kind == XlsxValueKind::error) return formula_error(cell.text);
  switch (kind) {
    case FieldKind::text:
      return convert_text(cell);
    case FieldKind::integer:
      return convert_integer(cell);
    case FieldKind::baht:
      return convert_baht(cell);
    case FieldKind::date:
      return convert_date(cell);
    case FieldKind::percent:
      return convert_percent(cell);
  }
  return kNotANumber;
}

}  // namespace changwat::thai
