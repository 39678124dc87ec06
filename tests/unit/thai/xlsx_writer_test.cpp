// The writer's output is checked by an independent reader: Debian's openpyxl.
#include "thai/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "base/error.hpp"
#include "thai/csv_reader.hpp"

namespace changwat::thai {
namespace {

namespace json = boost::json;

// Runs a command and returns what it printed; fails the test on a non-zero exit.
std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return output;
  }
  char buffer[4096];
  std::size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
  int status = pclose(pipe);
  EXPECT_EQ(status, 0) << command << "\n" << output;
  return output;
}

// Debian's python3 has openpyxl; a pyenv python3 first on PATH may not.
json::value read_with_openpyxl(const std::string& path) {
  std::string script_path = ::testing::TempDir() + "read_xlsx.py";
  {
    std::ofstream script(script_path);
    script << R"PY(
import json, sys, datetime
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames, "content": {}}
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = cell.value
            if isinstance(value, (datetime.date, datetime.datetime)):
                value = value.strftime("%Y-%m-%d")
            cells.append({"value": value, "format": cell.number_format,
                          "bold": bool(cell.font and cell.font.b)})
        rows.append(cells)
    widths = {}
    for letter, dimension in sheet.column_dimensions.items():
        if dimension.width:
            widths[letter] = dimension.width
    out["content"][sheet.title] = {"rows": rows, "freeze": sheet.freeze_panes, "widths": widths}
print(json.dumps(out, ensure_ascii=False))
)PY";
  }
  return json::parse(run("/usr/bin/python3 " + script_path + " " + path));
}

const json::value& cell_at(const json::value& book, const std::string& sheet, std::size_t row,
                           std::size_t column) {
  return book.at("content").at(sheet).at("rows").at(row).at(column);
}

void fill_projects(XlsxWriter& writer) {
  XlsxSheet& projects = writer.add_sheet("โครงการ", {{"ชื่อโครงการ", ColumnKind::text},
                                                     {"จำนวนหมู่บ้าน", ColumnKind::integer},
                                                     {"งบประมาณ", ColumnKind::baht},
                                                     {"ความก้าวหน้า", ColumnKind::percent},
                                                     {"วันเริ่ม", ColumnKind::date}});
  projects.add_row({std::string("ก่อสร้างถนนสายชายทะเล"), std::int64_t{12}, std::int64_t{150'000'050},
                    45.5, Date{2025, 1, 15}});
  projects.add_row({std::string("ส่งเสริมการท่องเที่ยวเกาะช้าง"), std::int64_t{3}, std::int64_t{-2'550},
                    std::int64_t{100}, Date{2024, 10, 1}});
  projects.add_row({std::string("แถวที่มีช่องว่าง"), std::monostate{}, std::int64_t{0}});
  XlsxSheet& summary =
      writer.add_sheet("สรุป", {{"รายการ", ColumnKind::text}, {"ค่า", ColumnKind::integer}});
  summary.add_row({std::string("จำนวนโครงการ"), std::int64_t{3}});
}

TEST(XlsxWriter, OpenpyxlReadsValuesFormatsAndSheets) {
  std::string path = ::testing::TempDir() + "writer_test.xlsx";
  XlsxWriter writer;
  fill_projects(writer);
  writer.save(path);
  json::value book = read_with_openpyxl(path);
  std::remove(path.c_str());

  EXPECT_EQ(book.at("sheets"), json::parse(R"(["โครงการ", "สรุป"])"));
  EXPECT_EQ(cell_at(book, "โครงการ", 0, 2).at("value"), "งบประมาณ");
  EXPECT_TRUE(cell_at(book, "โครงการ", 0, 0).at("bold").as_bool());
  EXPECT_FALSE(cell_at(book, "โครงการ", 1, 0).at("bold").as_bool());
  EXPECT_EQ(book.at("content").at("โครงการ").at("freeze"), "A2");

  EXPECT_EQ(cell_at(book, "โครงการ", 1, 0).at("value"), "ก่อสร้างถนนสายชายทะเล");
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 1).at("value").to_number<double>(), 12);
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 1).at("format"), "#,##0");
  // 150,000,050 satang = 1,500,000.50 baht
  EXPECT_DOUBLE_EQ(cell_at(book, "โครงการ", 1, 2).at("value").to_number<double>(), 1'500'000.50);
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 2).at("format"), "#,##0.00 \"บาท\"");
  EXPECT_DOUBLE_EQ(cell_at(book, "โครงการ", 2, 2).at("value").to_number<double>(), -25.50);
  EXPECT_DOUBLE_EQ(cell_at(book, "โครงการ", 1, 3).at("value").to_number<double>(), 0.455);
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 3).at("format"), "0.00%");
  EXPECT_DOUBLE_EQ(cell_at(book, "โครงการ", 2, 3).at("value").to_number<double>(), 1.0);
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 4).at("value"), "2025-01-15");
  EXPECT_EQ(cell_at(book, "โครงการ", 2, 4).at("value"), "2024-10-01");
  EXPECT_EQ(cell_at(book, "โครงการ", 1, 4).at("format"), "[$-107041E]d mmm yyyy");
  EXPECT_TRUE(cell_at(book, "โครงการ", 3, 1).at("value").is_null());  // blank cell
  EXPECT_EQ(cell_at(book, "สรุป", 1, 0).at("value"), "จำนวนโครงการ");
  EXPECT_EQ(book.at("content").at("สรุป").at("freeze"), "A2");
}

// Years are plain whole numbers (2567, never 2,567); a fraction keeps its decimals
// (98.5 is not shown as 99). Shown values are rendered from the number formats the
// reader reports, as Excel applies them.
TEST(XlsxWriter, YearsHaveNoSeparatorAndFractionsKeepTheirDecimals) {
  std::string path = ::testing::TempDir() + "writer_formats_test.xlsx";
  XlsxWriter writer;
  XlsxSheet& sheet = writer.add_sheet("ตัวชี้วัด", {{"ปีงบประมาณ", ColumnKind::year},
                                                {"ค่าเป้าหมาย", ColumnKind::integer},
                                                {"ร้อยละ", ColumnKind::percent}});
  sheet.add_row({std::int64_t{2567}, 98.5, 98.5});
  sheet.add_row({2568.0, 172000.0, std::int64_t{100}});
  sheet.add_row({std::int64_t{2569}, 0.125, 12.25});
  EXPECT_THROW(sheet.add_row({2567.5}), Error);  // a year is whole
  writer.save(path);
  json::value book = read_with_openpyxl(path);
  std::remove(path.c_str());

  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 1, 0).at("format"), "0");
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 2, 0).at("format"), "0");
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 2, 0).at("value").to_number<double>(), 2568);
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 1, 1).at("format"), "#,##0.0");
  EXPECT_DOUBLE_EQ(cell_at(book, "ตัวชี้วัด", 1, 1).at("value").to_number<double>(), 98.5);
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 2, 1).at("format"), "#,##0");
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 3, 1).at("format"), "#,##0.000");
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 1, 2).at("format"), "0.00%");
  EXPECT_EQ(cell_at(book, "ตัวชี้วัด", 3, 2).at("format"), "0.00%");
}

TEST(XlsxWriter, ToBytesMakesTheSameWorkbook) {
  XlsxWriter writer;
  fill_projects(writer);
  std::string bytes = writer.to_bytes();
  ASSERT_TRUE(bytes.starts_with("PK"));
  std::string path = ::testing::TempDir() + "writer_bytes_test.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  json::value book = read_with_openpyxl(path);
  std::remove(path.c_str());
  EXPECT_EQ(book.at("sheets").as_array().size(), 2u);
  EXPECT_EQ(cell_at(book, "โครงการ", 2, 0).at("value"), "ส่งเสริมการท่องเที่ยวเกาะช้าง");
}

TEST(XlsxWriter, DisplayWidthCountsBaseCharactersOnly) {
  // ที่ว่าการอำเภอ: 14 code points, of which ี ่ ่ sit on their consonants.
  EXPECT_EQ(display_width("ที่ว่าการอำเภอ"), 11u);
  EXPECT_EQ(display_width("Trat 2568"), 9u);
  EXPECT_EQ(display_width(""), 0u);
}

TEST(XlsxWriter, ColumnWidthsFollowThaiBaseCharacters) {
  // 28 base characters but 44 code points: many vowels and tone marks.
  const std::string marked = "ที่นี่มีน้ำใจที่ดีที่สุดที่นี่มีน้ำใจที่ดีที่สุดที่";
  ASSERT_GT(marked.size() / 3, display_width(marked) + 10);
  std::string path = ::testing::TempDir() + "writer_width_test.xlsx";
  XlsxWriter writer;
  XlsxSheet& sheet = writer.add_sheet("กว้าง", {{"ก", ColumnKind::text}, {"ข", ColumnKind::text}});
  sheet.add_row({marked, std::string("สั้น")});
  writer.save(path);
  json::value book = read_with_openpyxl(path);
  std::remove(path.c_str());
  double wide = book.at("content").at("กว้าง").at("widths").at("A").to_number<double>();
  double narrow = book.at("content").at("กว้าง").at("widths").at("B").to_number<double>();
  EXPECT_GE(wide, static_cast<double>(display_width(marked)));
  EXPECT_LT(wide, static_cast<double>(marked.size() / 3));  // less than the code point count
  EXPECT_LT(narrow, wide);
}

TEST(XlsxWriter, RejectsBadSheetNamesAndMismatchedCells) {
  XlsxWriter writer;
  EXPECT_THROW(writer.add_sheet("ก/ข", {}), Error);
  EXPECT_THROW(writer.add_sheet("", {}), Error);
  XlsxSheet& sheet = writer.add_sheet("ข้อมูล", {{"เงิน", ColumnKind::baht}});
  try {
    writer.add_sheet("ข้อมูล", {});
    FAIL() << "duplicate sheet name accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "xlsx_sheet_name");
  }
  EXPECT_THROW(sheet.add_row({1.5}), Error);  // money is satang, never a double
  EXPECT_THROW(sheet.add_row({std::int64_t{1}, std::int64_t{2}}), Error);
  sheet.add_row({std::int64_t{100}});
  EXPECT_EQ(sheet.row_count(), 1u);
  std::string bytes = writer.to_bytes();
  EXPECT_FALSE(bytes.empty());
  EXPECT_THROW(writer.to_bytes(), Error);  // already closed
}

}  // namespace
}  // namespace changwat::thai
