// Pure parts of the reports module: eMENSCR step names and the reporting quarter's
// label in the Buddhist era (fiscal year October–September).
#include "modules/reports/documents.hpp"

#include <gtest/gtest.h>

#include "modules/reports/model.hpp"

namespace changwat::reports {
namespace {

TEST(EmenscrSteps, OnlyM1ToM7) {
  EXPECT_EQ(parse_step("M1"), 1);
  EXPECT_EQ(parse_step("M7"), 7);
  EXPECT_FALSE(parse_step("M0").has_value());
  EXPECT_FALSE(parse_step("M8").has_value());
  EXPECT_FALSE(parse_step("m1").has_value());
  EXPECT_FALSE(parse_step("M10").has_value());
  EXPECT_FALSE(parse_step("").has_value());
  EXPECT_EQ(step_name(3), "M3");
}

TEST(QuarterLabel, BuddhistEraDatesOfTheFiscalQuarter) {
  // FY 2569 runs 1 Oct 2568 (2025) to 30 Sep 2569 (2026).
  EXPECT_EQ(quarter_label_th(2569, 1), "ไตรมาสที่ 1 (1 ต.ค. 2568 – 31 ธ.ค. 2568)");
  EXPECT_EQ(quarter_label_th(2569, 2), "ไตรมาสที่ 2 (1 ม.ค. 2569 – 31 มี.ค. 2569)");
  EXPECT_EQ(quarter_label_th(2569, 3), "ไตรมาสที่ 3 (1 เม.ย. 2569 – 30 มิ.ย. 2569)");
  EXPECT_EQ(quarter_label_th(2569, 4), "ไตรมาสที่ 4 (1 ก.ค. 2569 – 30 ก.ย. 2569)");
}

}  // namespace
}  // namespace changwat::reports
