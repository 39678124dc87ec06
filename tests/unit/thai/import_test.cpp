#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.hpp"
#include "thai/table_import.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::thai {
namespace {

const std::vector<ImportField> kProjectFields = {
    {"name", "ชื่อโครงการ", FieldKind::text, true, {"Project"}},
    {"villages", "จำนวนหมู่บ้าน", FieldKind::integer, false},
    {"budget", "งบประมาณ", FieldKind::baht},
    {"start", "วันเริ่ม", FieldKind::date, false},
    {"progress", "ความก้าวหน้า", FieldKind::percent, false},
};

TEST(TableImport, ReadsTypedCsvRowsByHeaderInAnyOrder) {
  const std::string csv =
      "งบประมาณ,หมายเหตุ,ชื่อโครงการ,วันเริ่ม,จำนวนหมู่บ้าน,ความก้าวหน้า\r\n"
      "\"1,500,000.50\",ไม่ใช้,ถนนเลียบหาด,15 ม.ค. 2568,๑๒,45.5%\r\n"
      "\r\n"
      "฿250,  อื่น ,  ท่าเรือ  ,2025-10-01,,\r\n";
  ImportResult result = import_csv(csv, kProjectFields);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.problem_count, 0u);
  const ImportedRow& first = result.rows[0];
  EXPECT_EQ(first.number(), 2u);
  EXPECT_EQ(first.text("name"), "ถนนเลียบหาด");
  EXPECT_EQ(first.baht("budget"), Satang{150'000'050});
  EXPECT_EQ(first.date("start"), (Date{2025, 1, 15}));
  EXPECT_EQ(first.integer("villages"), 12);
  EXPECT_DOUBLE_EQ(*first.percent("progress"), 45.5);
  const ImportedRow& second = result.rows[1];
  EXPECT_EQ(second.number(), 4u);  // the blank line 3 still counts as a row
  EXPECT_EQ(second.text("name"), "ท่าเรือ");
  EXPECT_EQ(second.baht("budget"), Satang{25'000});
  EXPECT_EQ(second.integer("villages"), std::nullopt);
  EXPECT_EQ(second.percent("progress"), std::nullopt);
}

TEST(TableImport, AllOrNothingListsEveryBadCellByRowAndColumn) {
  const std::string csv =
      "ชื่อโครงการ,งบประมาณ,วันเริ่ม,จำนวนหมู่บ้าน\n"
      "ถนน,1000,2025-01-01,3\n"
      "สะพาน,หนึ่งแสน,2025-01-01,3\n"
      ",1000.505,31/02/2568,2.5\n";
  try {
    import_csv(csv, kProjectFields);
    FAIL() << "bad rows were accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::validation);
    EXPECT_EQ(error.code(), "import_invalid");
    const auto& fields = error.fields();
    ASSERT_EQ(fields.size(), 5u);
    EXPECT_EQ(fields.at("row 3: งบประมาณ").th, "แถว 3 คอลัมน์ \"งบประมาณ\": ไม่ใช่ตัวเลข");
    EXPECT_EQ(fields.at("row 3: งบประมาณ").en, "row 3 column \"งบประมาณ\": not a number");
    EXPECT_EQ(fields.at("row 4: ชื่อโครงการ").th, "แถว 4 คอลัมน์ \"ชื่อโครงการ\": ต้องระบุค่า");
    EXPECT_NE(fields.at("row 4: งบประมาณ").th.find("ทศนิยม"), std::string::npos);
    EXPECT_TRUE(fields.at("row 4: วันเริ่ม").th.starts_with("แถว 4 คอลัมน์ \"วันเริ่ม\": "));
    EXPECT_EQ(fields.at("row 4: จำนวนหมู่บ้าน").en, "row 4 column \"จำนวนหมู่บ้าน\": not a whole number");
    EXPECT_NE(error.message().th.find("5 รายการ"), std::string::npos);
  }
}

TEST(TableImport, AllowPartialReturnsGoodRowsAndProblems) {
  const std::string csv =
      "Project,งบประมาณ\n"
      "ถนน,1000\n"
      "สะพาน,abc\n"
      "ท่าเรือ,2000\n";
  ImportOptions options;
  options.allow_partial = true;
  ImportResult result = import_csv(csv, kProjectFields, options);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].text("name"), "ถนน");  // matched through the English alias
  EXPECT_EQ(result.rows[1].number(), 4u);
  EXPECT_EQ(result.rows[1].baht("budget"), Satang{200'000});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problem_count, 1u);
  EXPECT_EQ(result.problems[0].row, 3u);
  EXPECT_EQ(result.problems[0].column, "งบประมาณ");
  EXPECT_EQ(result.problems[0].message.th, "แถว 3 คอลัมน์ \"งบประมาณ\": ไม่ใช่ตัวเลข");
}

// "1e3" is not how a person writes a thousand: text with an exponent is not a number.
TEST(TableImport, TextWithAnExponentIsNotANumber) {
  const std::vector<ImportField> fields = {{"kpi", "ตัวชี้วัด", FieldKind::text},
                                           {"target", "ค่าเป้าหมาย", FieldKind::percent},
                                           {"count", "จำนวน", FieldKind::integer}};
  ImportOptions options;
  options.allow_partial = true;
  ImportResult result =
      import_csv("ตัวชี้วัด,ค่าเป้าหมาย,จำนวน\nก,1e3,2E2\nข,98.5,1000\n", fields, options);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_DOUBLE_EQ(*result.rows[0].percent("target"), 98.5);
  EXPECT_EQ(*result.rows[0].integer("count"), 1000);
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0].message.th, "แถว 2 คอลัมน์ \"ค่าเป้าหมาย\": ไม่ใช่ตัวเลข");
  EXPECT_EQ(result.problems[1].column, "จำนวน");
}

TEST(TableImport, MissingRequiredColumnFailsEvenWithAllowPartial) {
  ImportOptions options;
  options.allow_partial = true;
  try {
    import_csv("ชื่อโครงการ,หมายเหตุ\nถนน,-\n", kProjectFields, options);
    FAIL() << "missing column accepted";
  } catch (const Error& error) {
    ASSERT_EQ(error.fields().count("row 1: งบประมาณ"), 1u);
    EXPECT_EQ(error.fields().at("row 1: งบประมาณ").th,
              "แถว 1 คอลัมน์ \"งบประมาณ\": ไม่พบคอลัมน์นี้ในแถวหัวตาราง");
  }
  try {
    import_csv("ชื่อโครงการ,งบประมาณ,งบประมาณ\nถนน,1,2\n", kProjectFields);
    FAIL() << "duplicate header accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.fields().count("row 1: งบประมาณ"), 1u);
  }
  EXPECT_THROW(import_csv("\n\n", kProjectFields), Error);
}

TEST(TableImport, ListsAtMostTheConfiguredNumberOfProblems) {
  std::string csv = "ชื่อโครงการ,งบประมาณ\n";
  for (int i = 0; i < 50; ++i) csv += "x,y\n";
  ImportOptions options;
  options.allow_partial = true;
  options.max_listed_problems = 10;
  ImportResult result = import_csv(csv, kProjectFields, options);
  EXPECT_TRUE(result.rows.empty());
  EXPECT_EQ(result.problems.size(), 10u);
  EXPECT_EQ(result.problem_count, 50u);
  EXPECT_EQ(result.problems.back().row, 11u);
}

TEST(TableImport, ReadsAnXlsxSheetWithTypedCells) {
  XlsxWriter writer;
  writer.add_sheet("อื่น", {{"x", ColumnKind::text}}).add_row({std::string("ไม่ใช่แผ่นนี้")});
  XlsxSheet& sheet = writer.add_sheet("โครงการ", {{"ชื่อโครงการ", ColumnKind::text},
                                                  {"งบประมาณ", ColumnKind::baht},
                                                  {"วันเริ่ม", ColumnKind::date},
                                                  {"ความก้าวหน้า", ColumnKind::percent},
                                                  {"จำนวนหมู่บ้าน", ColumnKind::text}});
  sheet.add_row(
      {std::string("ถนน"), std::int64_t{123'456}, Date{2025, 1, 15}, 12.5, std::int64_t{7}});
  sheet.add_row({std::string("สะพาน"), std::int64_t{1}, std::monostate{}, std::monostate{},
                 std::string("๓")});
  sheet.add_row({});  // blank row 4 is skipped
  sheet.add_row(
      {std::string("ผิด"), std::int64_t{5}, std::monostate{}, std::monostate{}, std::string("สาม")});
  XlsxReader workbook = XlsxReader::from_bytes(writer.to_bytes());

  ImportOptions options;
  options.allow_partial = true;
  ImportResult result = import_xlsx_sheet(workbook, "โครงการ", kProjectFields, options);
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].baht("budget"), Satang{123'456});
  EXPECT_EQ(result.rows[0].date("start"), (Date{2025, 1, 15}));
  EXPECT_DOUBLE_EQ(*result.rows[0].percent("progress"), 12.5);
  EXPECT_EQ(result.rows[0].integer("villages"), 7);
  EXPECT_EQ(result.rows[1].integer("villages"), 3);
  EXPECT_EQ(result.rows[1].date("start"), std::nullopt);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].message.th, "แถว 5 คอลัมน์ \"จำนวนหมู่บ้าน\": ไม่ใช่ตัวเลข");
}

TEST(TableImport, WrongKindOrUnknownKeyIsAProgrammingError) {
  ImportResult result = import_csv("ชื่อโครงการ,งบประมาณ\nถนน,1\n", kProjectFields);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_THROW(result.rows[0].baht("name"), Error);
  EXPECT_THROW(result.rows[0].text("nothing"), Error);
}

}  // namespace
}  // namespace changwat::thai
