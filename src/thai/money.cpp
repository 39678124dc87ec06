#include "thai/money.hpp"

#include <array>
#include <limits>

#include "base/error.hpp"
#include "thai/text.hpp"

namespace changwat::thai {
namespace {

constexpr std::uint64_t kSatangPerBaht = 100;
constexpr std::uint64_t kMillion = 1'000'000;

constexpr std::array<std::string_view, 10> kDigitWords = {"ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่",
                                                          "ห้า",  "หก",  "เจ็ด", "แปด", "เก้า"};
// Thai names every place up to hundred-thousands; millions then repeat (ล้านล้าน).
constexpr std::array<std::string_view, 6> kPlaceWords = {"", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"};
constexpr std::string_view kMillionWord = "ล้าน";
constexpr std::string_view kBahtSign = "฿";
constexpr std::string_view kBahtWord = "บาท";

[[noreturn]] void reject_not_an_amount(const char* field) {
  throw_invalid_field(field, {"จำนวนเงินไม่ถูกต้อง ใช้ตัวเลข เช่น 1,234.50",
                              "Not an amount; write a number such as 1,234.50"});
}

[[noreturn]] void reject_too_large(const char* field) {
  throw_invalid_field(field, {"จำนวนเงินมากเกินกว่าที่ระบบรองรับ", "The amount is too large"});
}

bool is_digit(char character) { return character >= '0' && character <= '9'; }

bool all_digits(std::string_view text) {
  for (char character : text) {
    if (!is_digit(character)) return false;
  }
  return true;
}

// |amount| without overflow for the most negative value.
std::uint64_t magnitude(Satang amount) {
  return amount < 0 ? 0 - static_cast<std::uint64_t>(amount) : static_cast<std::uint64_t>(amount);
}

// Reads 0 < number < 1,000,000. `follows_other_digits` is true when a higher group
// (millions) was already read, so a lone 1 in the units place still reads เอ็ด.
void append_below_million(std::string& words, std::uint64_t number, bool follows_other_digits) {
  const bool has_higher_digit = follows_other_digits || number >= 10;
  std::uint64_t place_value = 100'000;
  for (int place = 5; place >= 0; --place, place_value /= 10) {
    const auto digit = static_cast<std::size_t>(number / place_value % 10);
    if (digit == 0) continue;
    if (place == 1 && digit == 1) {
      words += "สิบ";  // 10 is สิบ, never หนึ่งสิบ
    } else if (place == 1 && digit == 2) {
      words += "ยี่สิบ";
    } else if (place == 0 && digit == 1 && has_higher_digit) {
      words += "เอ็ด";
    } else {
      words += kDigitWords[digit];
      words += kPlaceWords[place];
    }
  }
}

void append_number(std::string& words, std::uint64_t number, bool follows_other_digits) {
  if (number < kMillion) {
    append_below_million(words, number, follows_other_digits);
    return;
  }
  append_number(words, number / kMillion, follows_other_digits);
  words += kMillionWord;
  if (number % kMillion != 0) append_below_million(words, number % kMillion, true);
}

// Accepts "1234567" or correctly grouped "1,234,567".
bool is_integer_part(std::string_view text) {
  if (text.empty()) return false;
  if (text.find(',') == std::string_view::npos) return all_digits(text);
  const std::size_t first_comma = text.find(',');
  if (first_comma == 0 || first_comma > 3 || !all_digits(text.substr(0, first_comma))) {
    return false;
  }
  std::string_view rest = text.substr(first_comma);
  while (!rest.empty()) {
    if (rest.size() < 4 || rest[0] != ',' || !all_digits(rest.substr(1, 3))) return false;
    rest.remove_prefix(4);
  }
  return true;
}

bool take_sign(std::string_view& text, bool& negative) {
  if (text.starts_with('-')) {
    negative = true;
  } else if (!text.starts_with('+')) {
    return false;
  }
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::string format_number(Satang amount) {
  const std::uint64_t total = magnitude(amount);
  const std::string baht = std::to_string(total / kSatangPerBaht);
  const std::uint64_t satang = total % kSatangPerBaht;
  std::string result;
  result.reserve(baht.size() + baht.size() / 3 + 4);
  if (amount < 0) result += '-';
  for (std::size_t index = 0; index < baht.size(); ++index) {
    if (index > 0 && (baht.size() - index) % 3 == 0) result += ',';
    result += baht[index];
  }
  result += '.';
  result += static_cast<char>('0' + satang / 10);
  result += static_cast<char>('0' + satang % 10);
  return result;
}

std::string format_baht(Satang amount, Digits digits) {
  std::string text = format_number(amount) + " " + std::string(kBahtWord);
  return digits == Digits::thai ? to_thai_digits(text) : text;
}

std::string baht_text(Satang amount) {
  const std::uint64_t total = magnitude(amount);
  const std::uint64_t baht = total / kSatangPerBaht;
  const std::uint64_t satang = total % kSatangPerBaht;
  std::string words;
  if (amount < 0) words += "ลบ";
  if (baht == 0 && satang == 0) return words + "ศูนย์บาทถ้วน";
  if (baht > 0) {
    append_number(words, baht, false);
    words += kBahtWord;
  }
  if (satang == 0) {
    words += "ถ้วน";
  } else {
    append_below_million(words, satang, false);
    words += "สตางค์";
  }
  return words;
}

Satang parse_baht(std::string_view text, const char* field) {
  // normalize turns Thai digits into Arabic ones and folds no-break spaces.
  const std::string normalized = normalize(text);
  std::string_view rest = normalized;
  if (rest.empty()) throw_invalid_field(field, {"กรุณาระบุจำนวนเงิน", "Enter an amount"});

  // One sign, before or after the baht sign: "-฿1,234" and "฿-1,234" both occur.
  bool negative = false;
  const bool signed_first = take_sign(rest, negative);
  if (rest.starts_with(kBahtSign)) {
    rest.remove_prefix(kBahtSign.size());
    if (rest.starts_with(' ')) rest.remove_prefix(1);
    if (!signed_first) take_sign(rest, negative);
  }
  if (rest.ends_with(kBahtWord)) {
    rest.remove_suffix(kBahtWord.size());
    if (rest.ends_with(' ')) rest.remove_suffix(1);
  }

  const std::size_t point = rest.find('.');
  const std::string_view integer_part = rest.substr(0, point);
  const std::string_view fraction_part =
      point == std::string_view::npos ? std::string_view{} : rest.substr(point + 1);
  if (point != std::string_view::npos && (fraction_part.empty() || !all_digits(fraction_part))) {
    reject_not_an_amount(field);
  }
  if (!is_integer_part(integer_part)) {
    if (integer_part.find(',') != std::string_view::npos && all_digits(integer_part.substr(0, 1))) {
      throw_invalid_field(field, {"ใส่เครื่องหมายจุลภาคคั่นทุกสามหลัก เช่น 1,234,567",
                                  "Commas must separate groups of three digits, e.g. 1,234,567"});
    }
    reject_not_an_amount(field);
  }
  if (fraction_part.size() > 2) {
    throw_invalid_field(field,
                        {"ระบุทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)", "At most 2 decimal places (satang)"});
  }

  // The most negative Satang has no positive twin, so the limit depends on the sign.
  const std::uint64_t limit =
      negative ? static_cast<std::uint64_t>(std::numeric_limits<Satang>::max()) + 1
               : static_cast<std::uint64_t>(std::numeric_limits<Satang>::max());
  std::uint64_t baht = 0;
  for (char character : integer_part) {
    if (character == ',') continue;
    baht = baht * 10 + static_cast<std::uint64_t>(character - '0');
    if (baht > limit / kSatangPerBaht) reject_too_large(field);
  }
  std::uint64_t satang = 0;
  for (std::size_t index = 0; index < 2; ++index) {
    const char digit = index < fraction_part.size() ? fraction_part[index] : '0';
    satang = satang * 10 + static_cast<std::uint64_t>(digit - '0');
  }
  const std::uint64_t total = baht * kSatangPerBaht;
  if (total > limit - satang) reject_too_large(field);
  const std::uint64_t amount = total + satang;
  if (!negative) return static_cast<Satang>(amount);
  // Two's-complement negation in unsigned arithmetic reaches the most negative value.
  return static_cast<Satang>(0 - amount);
}

}  // namespace changwat::thai
