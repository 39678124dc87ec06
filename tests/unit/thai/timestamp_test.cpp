// Stored UTC timestamps and days in Thailand (UTC+7).
#include "thai/timestamp.hpp"

#include <gtest/gtest.h>

namespace changwat::thai {
namespace {

TEST(ThaiDay, StartsAtFiveInTheAfternoonUtcTheDayBefore) {
  EXPECT_EQ(thai_day_start_utc(Date{2026, 12, 2}), "2026-12-01T17:00:00Z");
  EXPECT_EQ(thai_day_start_utc(Date{2025, 1, 1}), "2024-12-31T17:00:00Z");
  EXPECT_EQ(thai_day_start_utc(Date{2024, 3, 1}), "2024-02-29T17:00:00Z");
  EXPECT_EQ(thai_day_end_utc(Date{2026, 12, 2}), "2026-12-02T17:00:00Z");
  EXPECT_EQ(thai_day_end_utc(Date{2024, 12, 31}), "2024-12-31T17:00:00Z");
}

TEST(FormatUtcTimestamp, ShowsThaiTimeInTheBuddhistEra) {
  // 20:30 UTC on 1 Dec is 03:30 on 2 Dec in Thailand.
  EXPECT_EQ(format_utc_timestamp("2026-12-01T20:30:00Z").value_or(""), "2 ธ.ค. 2569 03:30 น.");
  EXPECT_EQ(format_utc_timestamp("2026-12-01T10:05:00Z", false).value_or(""), "1 ธ.ค. 2569");
  EXPECT_EQ(format_utc_timestamp("2024-12-31T17:00:00Z").value_or(""), "1 ม.ค. 2568 00:00 น.");
  EXPECT_EQ(format_utc_timestamp("2026-12-01").value_or(""), "1 ธ.ค. 2569");
  EXPECT_EQ(format_utc_timestamp("2026-12-01T10:05:00Z", true, Digits::thai).value_or(""),
            "๑ ธ.ค. ๒๕๖๙ ๑๗:๐๕ น.");
  EXPECT_FALSE(format_utc_timestamp("pending_moderation").has_value());
  EXPECT_FALSE(format_utc_timestamp("2026-13-01T10:05:00Z").has_value());
  EXPECT_FALSE(format_utc_timestamp("2026-12-01x").has_value());
}

}  // namespace
}  // namespace changwat::thai
