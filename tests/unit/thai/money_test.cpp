#include "thai/money.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "base/error.hpp"

namespace changwat::thai {
namespace {

constexpr Satang kBaht = 100;
constexpr Satang kLargest = std::numeric_limits<Satang>::max();
constexpr Satang kSmallest = std::numeric_limits<Satang>::min();

// Runs parse_baht, expects a validation Error about `field`, returns its English text.
std::string rejection(std::string_view text, const char* field = "amount") {
  try {
    parse_baht(text, field);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::validation);
    EXPECT_FALSE(error.message().th.empty());
    EXPECT_EQ(error.fields().count(field), 1u);
    return error.message().en;
  }
  ADD_FAILURE() << "accepted: " << text;
  return {};
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(FormatNumber, GroupsThousandsWithTwoDecimals) {
  EXPECT_EQ(format_number(0), "0.00");
  EXPECT_EQ(format_number(5), "0.05");
  EXPECT_EQ(format_number(99'999), "999.99");
  EXPECT_EQ(format_number(100'000), "1,000.00");
  EXPECT_EQ(format_number(123'456'750), "1,234,567.50");
  EXPECT_EQ(format_number(-123'400), "-1,234.00");
  EXPECT_EQ(format_number(-5), "-0.05");
  EXPECT_EQ(format_number(kLargest), "92,233,720,368,547,758.07");
  EXPECT_EQ(format_number(kSmallest), "-92,233,720,368,547,758.08");
}

TEST(FormatBaht, AddsTheUnit) {
  EXPECT_EQ(format_baht(123'456'750), "1,234,567.50 บาท");
  EXPECT_EQ(format_baht(-123'400), "-1,234.00 บาท");
  EXPECT_EQ(format_baht(123'456'750, Digits::thai), "๑,๒๓๔,๕๖๗.๕๐ บาท");
}

TEST(BahtText, SmallNumbers) {
  EXPECT_EQ(baht_text(0), "ศูนย์บาทถ้วน");
  EXPECT_EQ(baht_text(1 * kBaht), "หนึ่งบาทถ้วน");
  EXPECT_EQ(baht_text(10 * kBaht), "สิบบาทถ้วน");
  EXPECT_EQ(baht_text(11 * kBaht), "สิบเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text(20 * kBaht), "ยี่สิบบาทถ้วน");
  EXPECT_EQ(baht_text(21 * kBaht), "ยี่สิบเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text(35 * kBaht), "สามสิบห้าบาทถ้วน");
  EXPECT_EQ(baht_text(101 * kBaht), "หนึ่งร้อยเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text(110 * kBaht), "หนึ่งร้อยสิบบาทถ้วน");
  EXPECT_EQ(baht_text(1'001 * kBaht), "หนึ่งพันเอ็ดบาทถ้วน");
}

TEST(BahtText, Millions) {
  EXPECT_EQ(baht_text(1'000'000 * kBaht), "หนึ่งล้านบาทถ้วน");
  EXPECT_EQ(baht_text(1'000'001 * kBaht), "หนึ่งล้านเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text(11'000'000 * kBaht), "สิบเอ็ดล้านบาทถ้วน");
  EXPECT_EQ(baht_text(21'000'021 * kBaht), "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน");
  EXPECT_EQ(baht_text(123'456'750), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทห้าสิบสตางค์");
  EXPECT_EQ(baht_text(1'000'000'000'000 * kBaht), "หนึ่งล้านล้านบาทถ้วน");
  EXPECT_EQ(baht_text(1'000'000'000'000), "หนึ่งหมื่นล้านบาทถ้วน");  // 1e12 satang
  EXPECT_EQ(baht_text(2'500'000'000'000 * kBaht), "สองล้านห้าแสนล้านบาทถ้วน");
}

TEST(BahtText, Satang) {
  EXPECT_EQ(baht_text(1), "หนึ่งสตางค์");
  EXPECT_EQ(baht_text(21), "ยี่สิบเอ็ดสตางค์");
  EXPECT_EQ(baht_text(50), "ห้าสิบสตางค์");
  EXPECT_EQ(baht_text(1 * kBaht + 1), "หนึ่งบาทหนึ่งสตางค์");
  EXPECT_EQ(baht_text(101 * kBaht + 11), "หนึ่งร้อยเอ็ดบาทสิบเอ็ดสตางค์");
}

TEST(BahtText, Negative) {
  EXPECT_EQ(baht_text(-1 * kBaht), "ลบหนึ่งบาทถ้วน");
  EXPECT_EQ(baht_text(-21), "ลบยี่สิบเอ็ดสตางค์");
  const std::string smallest = baht_text(kSmallest);  // no positive twin: must not overflow
  EXPECT_TRUE(smallest.starts_with("ลบเก้าหมื่นสองพัน")) << smallest;
  EXPECT_TRUE(smallest.ends_with("บาทแปดสตางค์")) << smallest;
}

TEST(ParseBaht, AcceptedForms) {
  EXPECT_EQ(parse_baht("1,234.50"), 123'450);
  EXPECT_EQ(parse_baht("฿1,234"), 123'400);
  EXPECT_EQ(parse_baht("฿ 1,234"), 123'400);
  EXPECT_EQ(parse_baht("1234.5 บาท"), 123'450);
  EXPECT_EQ(parse_baht("1234.5บาท"), 123'450);
  EXPECT_EQ(parse_baht("๑,๒๓๔.๕๐"), 123'450);
  EXPECT_EQ(parse_baht("๑๒๓๔.๕ บาท"), 123'450);
  EXPECT_EQ(parse_baht("-1,234.00 บาท"), -123'400);
  EXPECT_EQ(parse_baht("-฿5"), -500);
  EXPECT_EQ(parse_baht("฿-5"), -500);
  EXPECT_EQ(parse_baht("+7"), 700);
  EXPECT_EQ(parse_baht("0"), 0);
  EXPECT_EQ(parse_baht("-0"), 0);
  EXPECT_EQ(parse_baht("0.01"), 1);
  EXPECT_EQ(parse_baht("  12\u00a0บาท "), 1'200);
  EXPECT_EQ(parse_baht("1,234,567"), 123'456'700);
  EXPECT_EQ(parse_baht("007"), 700);
}

TEST(ParseBaht, ExtremesOfTheRange) {
  EXPECT_EQ(parse_baht("92,233,720,368,547,758.07"), kLargest);
  EXPECT_EQ(parse_baht("-92,233,720,368,547,758.08"), kSmallest);
  EXPECT_TRUE(mentions(rejection("92,233,720,368,547,758.08"), "too large"));
  EXPECT_TRUE(mentions(rejection("-92,233,720,368,547,758.09"), "too large"));
  EXPECT_TRUE(mentions(rejection("99999999999999999999999999"), "too large"));
}

TEST(ParseBaht, Rejections) {
  EXPECT_TRUE(mentions(rejection(""), "Enter an amount"));
  EXPECT_TRUE(mentions(rejection("  "), "Enter an amount"));
  EXPECT_TRUE(mentions(rejection("1.234"), "2 decimal places"));
  EXPECT_TRUE(mentions(rejection("1.500"), "2 decimal places"));
  EXPECT_TRUE(mentions(rejection("1,23"), "groups of three"));
  EXPECT_TRUE(mentions(rejection("12,3456"), "groups of three"));
  EXPECT_TRUE(mentions(rejection("1234,567"), "groups of three"));
  for (const char* garbage : {"abc", "1.", ".5", "1e5", "--1", "-฿-1", "1 2", "฿", "บาท", "1.2.3",
                              "12a", "0x10", ",123", "1,234.", "๑๒x"}) {
    EXPECT_TRUE(mentions(rejection(garbage), "Not an amount")) << garbage;
  }
}

TEST(ParseBaht, NamesTheCallersField) { rejection("lots", "budget"); }

TEST(ParseBaht, ReadsBackEveryFormattedAmount) {
  for (Satang amount : {Satang{0}, Satang{1}, Satang{-1}, Satang{99}, Satang{100},
                        Satang{123'456'789}, Satang{-987'654'321'012}, kLargest, kSmallest}) {
    EXPECT_EQ(parse_baht(format_number(amount)), amount);
    EXPECT_EQ(parse_baht(format_baht(amount)), amount);
    EXPECT_EQ(parse_baht(format_baht(amount, Digits::thai)), amount);
  }
}

}  // namespace
}  // namespace changwat::thai
