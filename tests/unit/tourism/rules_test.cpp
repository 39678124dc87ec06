// tests/unit/tourism/rules_test.cpp — the rules that need no database: PromptPay ids and
// payloads (checked against published EMVCo/PromptPay vectors), the receipt hash recipe,
// the Thai month of a UTC time, the revenue split, timetable order.
#include "modules/tourism/rules.hpp"

#include <gtest/gtest.h>

#include "base/secret.hpp"
#include "support/expect_error.hpp"

namespace changwat::tourism {
namespace {

TEST(TourismRules, PromptPayIdsArePhonesOrThirteenDigitIdsWithTheirCheckDigit) {
  EXPECT_EQ(rules::normalise_promptpay_id("081-234-5678"), "0812345678");
  EXPECT_EQ(rules::normalise_promptpay_id("1101700230708"), "1101700230708");
  EXPECT_FALSE(rules::normalise_promptpay_id("1101700230705"));  // wrong check digit
  EXPECT_FALSE(rules::normalise_promptpay_id("0012345678"));
  EXPECT_FALSE(rules::normalise_promptpay_id("08123456789"));
  EXPECT_FALSE(rules::normalise_promptpay_id("0812x45678"));
  EXPECT_FALSE(rules::normalise_promptpay_id(""));
}

TEST(TourismRules, CrcIsCcittFalse) {
  // The standard check value of CRC-16/CCITT-FALSE.
  EXPECT_EQ(rules::crc16_ccitt_false("123456789"), 0x29B1);
}

TEST(TourismRules, PromptPayPayloadsMatchTheKnownLayouts) {
  // The same inputs through the npm promptparse generator (tests/api/tourism_sales).
  EXPECT_EQ(rules::promptpay_payload("0812345678", std::nullopt, "S00000001", 3050),
            "00020101021229370016A0000006770101110113006681234567853037645802TH540530.50630401EA");
  EXPECT_EQ(rules::promptpay_payload(std::nullopt, "010753600031508", "S00000001", 3050),
            "00020101021230520016A00000067701011201150107536000315080209S0000000153037645802TH"
            "540530.5063047A41");
}

TEST(TourismRules, ReceiptHashFollowsTheRecipe) {
  std::vector<SaleLine> lines = {{ItemKind::product, 7, 2, 12050, 0, 0, 0, 0},
                                 {ItemKind::experience, 9, 1, 40000, 0, 0, 0, 0}};
  EXPECT_EQ(rules::lines_text(lines), "product:7:2:12050;experience:9:1:40000");
  EXPECT_EQ(rules::total_satang(lines), 64100);
  std::string expected = sha256_hex(std::string(rules::kFirstPreviousHash) +
                                    "|dev-1|1|2026-11-28T03:00:00Z|64100|" +
                                    sha256_hex("product:7:2:12050;experience:9:1:40000"));
  EXPECT_EQ(rules::receipt_hash(rules::kFirstPreviousHash, "dev-1", 1, "2026-11-28T03:00:00Z",
                                64100, rules::lines_text(lines)),
            expected);
}

TEST(TourismRules, SoldAtIsRfc3339UtcAndCountsInTheThaiMonth) {
  EXPECT_TRUE(rules::canonical_utc("2026-11-28T03:00:00Z"));
  EXPECT_TRUE(rules::canonical_utc("2026-11-28T03:00:00.123Z"));
  EXPECT_FALSE(rules::canonical_utc("2026-11-28T03:00:00+07:00"));
  EXPECT_FALSE(rules::canonical_utc("2026-02-30T03:00:00Z"));
  EXPECT_EQ(rules::thai_month("2026-11-30T16:59:59Z"), "2026-11");
  EXPECT_EQ(rules::thai_month("2026-11-30T17:00:00Z"), "2026-12");
  EXPECT_EQ(rules::thai_month("2026-12-31T18:00:00Z"), "2027-01");
}

TEST(TourismRules, SplitPartsAlwaysSumToTheLineAndRulesMustSumTo100) {
  SaleLine line{ItemKind::product, 1, 3, 3333, 0, 0, 0, 0};
  rules::split_line(line, SplitRule{ItemKind::product, 33, 33, 0, 34});
  EXPECT_EQ(line.to_producer_satang + line.to_guide_satang + line.to_homestay_satang +
                line.to_fund_satang,
            9999);
  changwat::testing::expect_error(
      [] { rules::check_split({SplitRule{ItemKind::product, 70, 10, 0, 30}}); }, ErrorKind::rule,
      "split_not_100");
  rules::check_split({SplitRule{ItemKind::experience, 0, 50, 30, 20}});
}

TEST(TourismRules, StopTimesOutOfOrderAreARule) {
  rules::check_stop_times({{1, "09:00:00", "09:00:00"}, {2, "09:45:00", "09:50:00"},
                           {3, "25:10:00", "25:10:00"}});
  changwat::testing::expect_error(
      [] { rules::check_stop_times({{1, "10:00:00", "10:00:00"}, {2, "09:30:00", "09:30:00"}}); },
      ErrorKind::rule, "stop_times_out_of_order");
  changwat::testing::expect_error(
      [] { rules::check_stop_times({{1, "10:00:00", "09:00:00"}, {2, "11:00:00", "11:00:00"}}); },
      ErrorKind::rule, "stop_times_out_of_order");
  changwat::testing::expect_error(
      [] { rules::check_stop_times({{1, "1000", "10:00:00"}, {2, "11:00:00", "11:00:00"}}); },
      ErrorKind::validation, "invalid_input");
}

}  // namespace
}  // namespace changwat::tourism
