#include "thai/calendar.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "base/error.hpp"

namespace changwat::thai {
namespace {

// Runs `action`, expects a validation Error about `field`, and returns its English text.
template <typename Action>
std::string validation_message(Action action, const std::string& field = "date") {
  try {
    action();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::validation);
    EXPECT_FALSE(error.message().th.empty());
    EXPECT_FALSE(error.message().en.empty());
    EXPECT_EQ(error.fields().count(field), 1u) << "field " << field << " not named";
    return error.message().en;
  }
  ADD_FAILURE() << "no Error thrown";
  return {};
}

Date next_day(Date date) {
  if (date.day < days_in_month(date.year, date.month)) return {date.year, date.month, date.day + 1};
  if (date.month < 12) return {date.year, date.month + 1, 1};
  return {date.year + 1, 1, 1};
}

TEST(BuddhistEra, AddsAndRemoves543Years) {
  EXPECT_EQ(be_year(2024), 2567);
  EXPECT_EQ(be_year(2025), 2568);
  EXPECT_EQ(ce_year(2568), 2025);
  EXPECT_EQ(ce_year(be_year(1999)), 1999);
}

TEST(DateValidity, LeapDays) {
  EXPECT_TRUE(is_valid_date(2024, 2, 29));   // BE 2567 is a leap year
  EXPECT_FALSE(is_valid_date(2023, 2, 29));  // BE 2566 is not
  EXPECT_TRUE(is_valid_date(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(is_valid_date(1900, 2, 29));  // divisible by 100 only
  EXPECT_FALSE(is_valid_date(2025, 4, 31));
  EXPECT_TRUE(is_valid_date(2025, 12, 31));
  EXPECT_FALSE(is_valid_date(2025, 13, 1));
  EXPECT_FALSE(is_valid_date(2025, 0, 1));
  EXPECT_FALSE(is_valid_date(2025, 1, 0));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2023, 13), 0);
}

TEST(DateComparison, OrdersByYearThenMonthThenDay) {
  EXPECT_EQ((Date{2025, 1, 15}), (Date{2025, 1, 15}));
  EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
  EXPECT_LT((Date{2025, 1, 31}), (Date{2025, 2, 1}));
  EXPECT_GT((Date{2025, 2, 2}), (Date{2025, 2, 1}));
}

TEST(MonthName, FullAndAbbreviated) {
  EXPECT_EQ(month_name(1, MonthStyle::full), "มกราคม");
  EXPECT_EQ(month_name(1, MonthStyle::abbreviated), "ม.ค.");
  EXPECT_EQ(month_name(3, MonthStyle::abbreviated), "มี.ค.");
  EXPECT_EQ(month_name(10, MonthStyle::full), "ตุลาคม");
  EXPECT_EQ(month_name(12, MonthStyle::abbreviated), "ธ.ค.");
  EXPECT_TRUE(month_name(0, MonthStyle::full).empty());
  EXPECT_TRUE(month_name(13, MonthStyle::abbreviated).empty());
}

TEST(FormatDate, BuddhistEraWithThaiMonth) {
  EXPECT_EQ(format_date({2025, 1, 15}), "15 ม.ค. 2568");
  EXPECT_EQ(format_date({2025, 1, 5}, MonthStyle::full), "5 มกราคม 2568");
  EXPECT_EQ(format_date({2025, 1, 15}, MonthStyle::abbreviated, Digits::thai), "๑๕ ม.ค. ๒๕๖๘");
  EXPECT_EQ(format_date_numeric({2025, 1, 5}), "05/01/2568");
  EXPECT_EQ(format_date_numeric({2024, 12, 31}, Digits::thai), "๓๑/๑๒/๒๕๖๗");
  EXPECT_EQ(to_iso({2025, 1, 5}), "2025-01-05");
}

TEST(FormatDate, RejectsImpossibleDates) {
  validation_message([] { format_date({2023, 2, 29}); });
  validation_message([] { format_date_numeric({2025, 13, 1}); });
  validation_message([] { to_iso({2025, 4, 31}); });
}

TEST(ParseDate, AllForms) {
  const Date expected{2025, 1, 15};
  EXPECT_EQ(parse_date("15 ม.ค. 2568"), expected);
  EXPECT_EQ(parse_date("15 มกราคม 2568"), expected);
  EXPECT_EQ(parse_date("15/01/2568"), expected);
  EXPECT_EQ(parse_date("15/1/2568"), expected);
  EXPECT_EQ(parse_date("2025-01-15"), expected);
  EXPECT_EQ(parse_date("๑๕ ม.ค. ๒๕๖๘"), expected);
  EXPECT_EQ(parse_date("๑๕/๐๑/๒๕๖๘"), expected);
  EXPECT_EQ(parse_date("๒๐๒๕-๐๑-๑๕"), expected);
  EXPECT_EQ(parse_date("วันที่ 15 มกราคม พ.ศ. 2568"), expected);
  EXPECT_EQ(parse_date("15 มกราคม ค.ศ. 2025"), expected);
  EXPECT_EQ(parse_date("15 มค 2568"), expected);
  EXPECT_EQ(parse_date("15ม.ค.2568"), expected);
  EXPECT_EQ(parse_date("  15 \t ม.ค.\u00a0 2568 \n"), expected);
  EXPECT_EQ(parse_date("15 ม.ค.\u200b 2568"), expected);  // zero-width space from copy-paste
  EXPECT_EQ(parse_date("1 ต.ค. 2567"), (Date{2024, 10, 1}));
  EXPECT_EQ(parse_date("31 ธันวาคม 2567"), (Date{2024, 12, 31}));
}

TEST(ParseDate, LeapDayInBuddhistEra) {
  EXPECT_EQ(parse_date("29/02/2567"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_date("29 ก.พ. 2567"), (Date{2024, 2, 29}));
  const std::string why = validation_message([] { parse_date("29/02/2566"); });
  EXPECT_NE(why.find("28 days"), std::string::npos) << why;
}

TEST(ParseDate, EveryMonthNameRoundTrips) {
  for (int month = 1; month <= 12; ++month) {
    for (MonthStyle style : {MonthStyle::full, MonthStyle::abbreviated}) {
      for (Digits digits : {Digits::arabic, Digits::thai}) {
        const Date date{2025, month, days_in_month(2025, month)};
        EXPECT_EQ(parse_date(format_date(date, style, digits)), date) << format_date(date, style);
        EXPECT_EQ(parse_date(format_date_numeric(date, digits)), date);
        EXPECT_EQ(parse_date(to_iso(date)), date);
      }
    }
  }
}

TEST(ParseDate, ErrorsSayWhy) {
  EXPECT_NE(validation_message([] { parse_date(""); }).find("Enter a date"), std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("   "); }).find("Enter a date"), std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("31 ก.พ. 2568"); }).find("does not exist"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("2025-02-30"); }).find("does not exist"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("0/01/2568"); }).find("does not exist"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15 ฟฟฟ 2568"); }).find("Unknown month"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15/13/2568"); }).find("Month must be"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15/01/2025"); }).find("Common Era"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15/01/2399"); }).find("2400 and 2700"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15/01/2701"); }).find("2400 and 2700"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("2568-01-15"); }).find("2400 and 2700"),
            std::string::npos);  // ISO is Common Era, so 2568 CE is far out of range
  EXPECT_NE(validation_message([] { parse_date("15/01/68"); }).find("Unrecognized"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("hello"); }).find("Unrecognized"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("15 ม.ค. 2568 10:00"); }).find("Unrecognized"),
            std::string::npos);
  EXPECT_NE(validation_message([] { parse_date("2025-1-15"); }).find("Unrecognized"),
            std::string::npos);
}

TEST(ParseDate, NamesTheCallersField) {
  validation_message([] { parse_date("31/02/2568", "start_date"); }, "start_date");
  validation_message([] { parse_date("nonsense", "end_date"); }, "end_date");
}

TEST(ParseDate, AcceptsTheWholeYearRange) {
  EXPECT_EQ(parse_date("1/1/2400"), (Date{1857, 1, 1}));
  EXPECT_EQ(parse_date("31/12/2700"), (Date{2157, 12, 31}));
}

TEST(FiscalYear, TurnsOverOnFirstOfOctober) {
  EXPECT_EQ(fiscal_year({2024, 9, 30}), 2567);
  EXPECT_EQ(fiscal_year({2024, 10, 1}), 2568);
  EXPECT_EQ(fiscal_year({2025, 1, 1}), 2568);
  EXPECT_EQ(fiscal_year({2025, 9, 30}), 2568);
  EXPECT_EQ(fiscal_year({2025, 10, 1}), 2569);
}

TEST(FiscalYear, RangeCoversExactlyItsDays) {
  const DateRange range = fiscal_year_range(2568);
  EXPECT_EQ(range.first, (Date{2024, 10, 1}));
  EXPECT_EQ(range.last, (Date{2025, 9, 30}));
  int days = 0;
  for (Date day = range.first; day <= range.last; day = next_day(day)) {
    ASSERT_EQ(fiscal_year(day), 2568) << to_iso(day);
    ++days;
  }
  EXPECT_EQ(days, 365);
  EXPECT_EQ(fiscal_year(next_day(range.last)), 2569);
  EXPECT_EQ(fiscal_year_range(2567).last, (Date{2024, 9, 30}));
  // FY 2567 holds 29 Feb 2024, so it is one day longer.
  int leap_days = 0;
  const DateRange leap = fiscal_year_range(2567);
  for (Date day = leap.first; day <= leap.last; day = next_day(day)) ++leap_days;
  EXPECT_EQ(leap_days, 366);
}

TEST(FiscalYear, RangeRejectsYearsOutsideBounds) {
  validation_message([] { fiscal_year_range(2399); }, "fiscal_year");
  validation_message([] { fiscal_year_range(2025); }, "fiscal_year");
  EXPECT_EQ(fiscal_year_range(2700).last, (Date{2157, 9, 30}));
}

TEST(FiscalQuarter, OctoberStartsQuarterOne) {
  EXPECT_EQ(fiscal_quarter({2024, 10, 1}), 1);
  EXPECT_EQ(fiscal_quarter({2024, 12, 31}), 1);
  EXPECT_EQ(fiscal_quarter({2025, 1, 1}), 2);
  EXPECT_EQ(fiscal_quarter({2025, 3, 31}), 2);
  EXPECT_EQ(fiscal_quarter({2025, 4, 1}), 3);
  EXPECT_EQ(fiscal_quarter({2025, 6, 30}), 3);
  EXPECT_EQ(fiscal_quarter({2025, 7, 1}), 4);
  EXPECT_EQ(fiscal_quarter({2025, 9, 30}), 4);
}

TEST(FiscalMonthIndex, OctoberIsOneSeptemberIsTwelve) {
  const int calendar_months[] = {10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  for (int expected = 1; expected <= 12; ++expected) {
    const int month = calendar_months[expected - 1];
    EXPECT_EQ(fiscal_month_index({month >= 10 ? 2024 : 2025, month, 1}), expected) << month;
  }
}

TEST(ThaiDigits, ReplacesOnlyDigits) {
  EXPECT_EQ(to_thai_digits("FY 2568: 1,234.50"), "FY ๒๕๖๘: ๑,๒๓๔.๕๐");
  EXPECT_EQ(to_thai_digits("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
  EXPECT_EQ(to_thai_digits("ไม่มีเลข"), "ไม่มีเลข");
  EXPECT_EQ(to_thai_digits(""), "");
}

Date utc_plus_seven_now() {
  const std::time_t shifted = std::time(nullptr) + 7 * 3600;
  std::tm parts{};
  gmtime_r(&shifted, &parts);
  return {parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday};
}

TEST(Today, IsTheDateInBangkok) {
  const Date before = utc_plus_seven_now();
  const Date today = today_in_thailand();
  const Date after = utc_plus_seven_now();
  EXPECT_TRUE(today == before || today == after) << to_iso(today);
  EXPECT_TRUE(is_valid_date(today.year, today.month, today.day));
}

}  // namespace
}  // namespace changwat::thai
