// The documents' number formatter: thousands separators, the decimals a value has.
#include "thai/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace changwat::thai {
namespace {

TEST(FormatInteger, GroupsThousands) {
  EXPECT_EQ(format_integer(0), "0");
  EXPECT_EQ(format_integer(999), "999");
  EXPECT_EQ(format_integer(10'000), "10,000");
  EXPECT_EQ(format_integer(172'000), "172,000");
  EXPECT_EQ(format_integer(-1'234'567), "-1,234,567");
  EXPECT_EQ(format_integer(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
  EXPECT_EQ(format_integer(172'000, Digits::thai), "๑๗๒,๐๐๐");
}

TEST(DecimalsOf, CountsWhatTheValueNeeds) {
  EXPECT_EQ(decimals_of(99), 0);
  EXPECT_EQ(decimals_of(98.5), 1);
  EXPECT_EQ(decimals_of(99.2), 1);
  EXPECT_EQ(decimals_of(0.125), 3);
  EXPECT_EQ(decimals_of(1.0 / 3.0), 4);
  EXPECT_EQ(decimals_of(1.0 / 3.0, 2), 2);
  EXPECT_EQ(decimals_of(1e15), 0);
  EXPECT_EQ(decimals_of(std::nan("")), 0);
}

TEST(FormatDecimal, SeparatorsAndDecimals) {
  EXPECT_EQ(format_decimal(172000.0), "172,000");
  EXPECT_EQ(format_decimal(98.5), "98.5");
  EXPECT_EQ(format_decimal(1234567.25), "1,234,567.25");
  EXPECT_EQ(format_decimal(99.0, 2), "99.00");  // lined up beside 99.20
  EXPECT_EQ(format_decimal(99.2, 2), "99.20");
  EXPECT_EQ(format_decimal(-18000.5, 1), "-18,000.5");
  EXPECT_EQ(format_decimal(-0.001, 1), "0.0");  // never "-0.0"
  EXPECT_EQ(format_decimal(12345.678, 0), "12,346");
  EXPECT_EQ(format_decimal(std::nan("")), "-");
  EXPECT_EQ(format_decimal(19500.0, Digits::thai), "๑๙,๕๐๐");
}

}  // namespace
}  // namespace changwat::thai
