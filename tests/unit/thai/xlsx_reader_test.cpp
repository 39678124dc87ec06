// The reader is fed workbooks made by an independent writer (Debian's openpyxl)
// and by our own writer.
#include "thai/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "base/error.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::thai {
namespace {

void run(const std::string& command) {
  int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << command;
}

// Makes a two-sheet workbook with openpyxl: shared strings, numbers, dates, a
// date-time, a boolean, a percentage, a gap in a row and a lone far-away cell.
std::string make_openpyxl_workbook() {
  std::string script_path = ::testing::TempDir() + "make_xlsx.py";
  std::string path = ::testing::TempDir() + "openpyxl_made.xlsx";
  {
    std::ofstream script(script_path);
    script << R"PY(
import sys, datetime
import openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "งบประมาณ"
sheet.append(["โครงการ", "งบประมาณ", "วันเริ่ม", "อนุมัติ", "ความก้าวหน้า"])
sheet.append(["ถนนเลียบชายหาด", 1500000.5, datetime.date(2025, 1, 15), True, 0.455])
sheet["A3"] = "ท่าเรือ"
sheet["C3"] = datetime.datetime(2024, 10, 1, 13, 30, 0)
sheet["D3"] = False
sheet["B4"] = 42
sheet["E2"].number_format = "0.0%"
sheet["A5"] = " "
other = book.create_sheet("หมายเหตุ")
other["C5"] = "เซลล์เดียว"
book.save(sys.argv[1])
)PY";
  }
  run("/usr/bin/python3 " + script_path + " " + path);
  return path;
}

TEST(XlsxReader, ReadsAWorkbookMadeByOpenpyxl) {
  std::string path = make_openpyxl_workbook();
  XlsxReader workbook = XlsxReader::open(path);
  std::remove(path.c_str());
  ASSERT_EQ(workbook.sheet_names(), (std::vector<std::string>{"งบประมาณ", "หมายเหตุ"}));

  XlsxTable budget = workbook.read_sheet("งบประมาณ");
  ASSERT_EQ(budget.rows.size(), 5u);
  const XlsxRow& header = budget.rows[0];
  EXPECT_EQ(header.number, 1u);
  ASSERT_EQ(header.cells.size(), 5u);
  EXPECT_EQ(header.cells[0].text, "โครงการ");
  EXPECT_EQ(header.cells[4].text, "ความก้าวหน้า");

  const XlsxRow& first = budget.rows[1];
  EXPECT_EQ(first.find(0)->kind, XlsxValueKind::text);
  EXPECT_EQ(first.find(0)->text, "ถนนเลียบชายหาด");
  EXPECT_EQ(first.find(1)->kind, XlsxValueKind::number);
  EXPECT_DOUBLE_EQ(first.find(1)->number, 1500000.5);
  EXPECT_EQ(first.find(2)->kind, XlsxValueKind::date);
  EXPECT_EQ(first.find(2)->text, "2025-01-15");
  EXPECT_EQ(first.find(3)->kind, XlsxValueKind::boolean);
  EXPECT_EQ(first.find(3)->text, "TRUE");
  EXPECT_EQ(first.find(4)->kind, XlsxValueKind::percent);
  EXPECT_DOUBLE_EQ(first.find(4)->number, 0.455);

  const XlsxRow& second = budget.rows[2];
  EXPECT_EQ(second.number, 3u);
  EXPECT_EQ(second.find(1), nullptr);  // B3 was never written
  EXPECT_EQ(second.find(2)->kind, XlsxValueKind::date);
  EXPECT_EQ(second.find(2)->text, "2024-10-01T13:30:00");
  EXPECT_EQ(second.find(3)->number, 0);
  EXPECT_EQ(second.find(4), nullptr);

  const XlsxRow& sparse = budget.rows[3];
  EXPECT_EQ(sparse.number, 4u);
  EXPECT_EQ(sparse.find(0), nullptr);
  EXPECT_DOUBLE_EQ(sparse.find(1)->number, 42);
  EXPECT_EQ(budget.rows[4].find(0)->text, " ");  // whitespace-only text survives

  XlsxTable notes = workbook.read_sheet(1);
  EXPECT_EQ(notes.name, "หมายเหตุ");
  ASSERT_EQ(notes.rows.size(), 1u);
  EXPECT_EQ(notes.rows[0].number, 5u);
  ASSERT_EQ(notes.rows[0].cells.size(), 1u);
  EXPECT_EQ(notes.rows[0].cells[0].column, 2u);
  EXPECT_EQ(notes.rows[0].cells[0].text, "เซลล์เดียว");
}

TEST(XlsxReader, ReadsBackOurOwnWriter) {
  XlsxWriter writer;
  XlsxSheet& sheet = writer.add_sheet("ผล", {{"ชื่อ", ColumnKind::text},
                                             {"เงิน", ColumnKind::baht},
                                             {"ร้อยละ", ColumnKind::percent},
                                             {"วันที่", ColumnKind::date}});
  sheet.add_row({std::string("ตราด"), std::int64_t{123'456}, 12.5, Date{2025, 9, 30}});
  sheet.add_row({std::string("เกาะกูด")});
  XlsxReader workbook = XlsxReader::from_bytes(writer.to_bytes());
  XlsxTable table = workbook.read_sheet("ผล");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].find(3)->text, "วันที่");
  EXPECT_EQ(table.rows[1].find(0)->text, "ตราด");
  EXPECT_DOUBLE_EQ(table.rows[1].find(1)->number, 1234.56);
  EXPECT_EQ(table.rows[1].find(2)->kind, XlsxValueKind::percent);
  EXPECT_DOUBLE_EQ(table.rows[1].find(2)->number, 0.125);
  EXPECT_EQ(table.rows[1].find(3)->kind, XlsxValueKind::date);
  EXPECT_EQ(table.rows[1].find(3)->text, "2025-09-30");
  EXPECT_EQ(table.rows[2].cells.size(), 1u);
}

TEST(XlsxReader, ForEachRowStreamsRowsInOrder) {
  XlsxWriter writer;
  XlsxSheet& sheet = writer.add_sheet("นับ", {{"n", ColumnKind::integer}});
  for (std::int64_t i = 1; i <= 500; ++i) sheet.add_row({i});
  XlsxReader workbook = XlsxReader::from_bytes(writer.to_bytes());
  double sum = 0;
  std::uint32_t last_row = 0;
  workbook.for_each_row("นับ", [&](const XlsxRow& row) {
    if (row.number > 1) sum += row.find(0)->number;
    last_row = row.number;
  });
  EXPECT_EQ(sum, 500.0 * 501.0 / 2.0);
  EXPECT_EQ(last_row, 501u);
  EXPECT_THROW(workbook.for_each_row("ไม่มี", [](const XlsxRow&) {}), Error);
}

TEST(XlsxReader, RejectsFilesThatAreNotXlsx) {
  for (std::string bytes : {std::string("รหัส,ชื่อ\n1,ตราด\n"), std::string("PK\x03\x04garbage"),
                            std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old excel")}) {
    try {
      XlsxReader::from_bytes(bytes);
      FAIL() << "accepted non-xlsx bytes";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::unsupported_media_type);
      EXPECT_EQ(error.code(), "not_xlsx");
      EXPECT_FALSE(error.message().th.empty());
    }
  }
  try {
    XlsxReader::from_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
    FAIL() << "accepted an .xls file";
  } catch (const Error& error) {
    EXPECT_NE(error.message().en.find(".xls"), std::string::npos);
  }
}

TEST(XlsxReader, RejectsAZipWithoutAWorkbook) {
  std::string dir = ::testing::TempDir() + "not_a_workbook";
  run("rm -rf " + dir + " && mkdir -p " + dir + " && echo hello > " + dir + "/readme.txt && cd " +
      dir +
      " && /usr/bin/python3 -c \"import zipfile; "
      "zipfile.ZipFile('plain.zip', 'w').write('readme.txt')\"");
  try {
    XlsxReader::open(dir + "/plain.zip");
    FAIL() << "accepted a zip without a workbook";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), "not_xlsx");
  }
  run("rm -rf " + dir);
}

TEST(XlsxReader, ColumnLetters) {
  EXPECT_EQ(column_index_from_letters("A"), 0u);
  EXPECT_EQ(column_index_from_letters("Z"), 25u);
  EXPECT_EQ(column_index_from_letters("AA"), 26u);
  EXPECT_EQ(column_index_from_letters("XFD"), 16383u);
  EXPECT_EQ(column_index_from_letters("XFE"), std::nullopt);
  EXPECT_EQ(column_index_from_letters("A1"), std::nullopt);
  EXPECT_EQ(column_index_from_letters(""), std::nullopt);
}

}  // namespace
}  // namespace changwat::thai

namespace changwat::thai {
namespace {

// A workbook written by hand (fuzz/corpus/xlsx/handmade_1904.xlsx): rich-text
// shared strings with phonetic hints, inline strings with _xHHHH_ escapes, the
// 1904 date system, a Thai date format, rows and cells without references,
// booleans, formula errors and formula strings.
TEST(XlsxReader, ReadsHandMadeEdgeCases) {
  XlsxReader workbook =
      XlsxReader::open(std::string(CHANGWAT_SOURCE_DIR) + "/fuzz/corpus/xlsx/handmade_1904.xlsx");
  XlsxTable table = workbook.read_sheet("ข้อมูล");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].find(1)->text, "งบประมาณ");  // runs joined, phonetic hint dropped
  EXPECT_EQ(table.rows[0].find(2)->text, "วันเริ่ม");
  const XlsxRow& data = table.rows[1];
  EXPECT_EQ(data.number, 3u);
  EXPECT_EQ(data.find(0)->text, "line\rbreak");
  EXPECT_EQ(data.find(2)->kind, XlsxValueKind::date);
  EXPECT_EQ(data.find(2)->text, "2027-01-15");  // 44940 days after 1904-01-01
  EXPECT_EQ(data.find(3), nullptr);
  EXPECT_EQ(data.find(4)->kind, XlsxValueKind::percent);  // built-in format 10: 0.00%
  const XlsxRow& last = table.rows[2];
  EXPECT_EQ(last.number, 4u);  // a row without r follows the previous one
  EXPECT_EQ(last.find(0)->kind, XlsxValueKind::boolean);
  EXPECT_EQ(last.find(1)->kind, XlsxValueKind::error);
  EXPECT_EQ(last.find(1)->text, "#DIV/0!");
  EXPECT_EQ(last.find(2)->text, "สูตร");
}

}  // namespace
}  // namespace changwat::thai
