// PDFs are checked with poppler's own tools: pdftotext, pdffonts, pdfinfo.
#include "thai/pdf_report.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "thai/money.hpp"

namespace changwat::thai {
namespace {

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
  EXPECT_EQ(pclose(pipe), 0) << command;
  return output;
}

std::string page_text(const std::string& path, int page) {
  return run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + path +
             " -");
}

int page_count(const std::string& path) {
  std::smatch match;
  std::string info = run("pdfinfo " + path);
  if (!std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)"))) return -1;
  return std::stoi(match[1]);
}

ReportTable budget_table(int rows) {
  ReportTable table{{{"ลำดับ", CellAlign::right},
                     {"ชื่อโครงการ"},
                     {"หน่วยงาน"},
                     {"งบประมาณ (บาท)", CellAlign::right}},
                    {}};
  for (int i = 1; i <= rows; ++i) {
    table.rows.push_back({std::to_string(i), "โครงการพัฒนาแหล่งท่องเที่ยวเกาะช้างที่ " + std::to_string(i),
                          "สำนักงานการท่องเที่ยวและกีฬาจังหวัดตราด",
                          format_number(Satang{1'234'567'50} + i)});
  }
  return table;
}

class PdfReportTest : public ::testing::Test {
 protected:
  std::string path_ = ::testing::TempDir() + "pdf_report_test.pdf";
  void TearDown() override { std::remove(path_.c_str()); }
};

TEST_F(PdfReportTest, ThaiTextComesOutInOrderWithEmbeddedLaksaman) {
  PdfReport report({.province = "จังหวัดตราด", .title = "รายงานผลการเบิกจ่ายงบประมาณ ปี 2568"});
  report.add_heading("สรุปผลการดำเนินงาน");
  report.add_paragraph("ผู้ว่าราชการจังหวัดตราดได้ติดตามความก้าวหน้าของโครงการสำคัญ");
  report.add_table(budget_table(3));
  report.save(path_);

  std::string text = page_text(path_, 1);
  std::size_t heading = text.find("สรุปผลการดำเนินงาน");
  std::size_t paragraph = text.find("ผู้ว่าราชการจังหวัดตราด");
  std::size_t header = text.find("ชื่อโครงการ");
  // Project names wrap inside their cells, so look for the tail of each name.
  std::size_t first_row = text.find("เกาะช้างที่ 1");
  std::size_t third_row = text.find("เกาะช้างที่ 3");
  ASSERT_NE(heading, std::string::npos) << text;
  ASSERT_NE(paragraph, std::string::npos) << text;
  ASSERT_NE(header, std::string::npos) << text;
  ASSERT_NE(first_row, std::string::npos) << text;
  ASSERT_NE(third_row, std::string::npos) << text;
  EXPECT_LT(heading, paragraph);
  EXPECT_LT(paragraph, header);
  EXPECT_LT(header, first_row);
  EXPECT_LT(first_row, third_row);
  EXPECT_NE(text.find("1,234,567.51"), std::string::npos);
  EXPECT_NE(text.find("จังหวัดตราด"), std::string::npos);
  EXPECT_NE(text.find("หน้า ๑/๑"), std::string::npos) << text;

  std::string fonts = run("pdffonts " + path_);
  EXPECT_NE(fonts.find("Laksaman"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("Laksaman-Bold"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("Type 3"), std::string::npos) << fonts;
  // Every font row says emb=yes: after the two header lines, no " no " column.
  std::istringstream lines(fonts);
  std::string line;
  int font_rows = 0;
  for (int skip = 0; skip < 2 && std::getline(lines, line); ++skip) {
  }
  while (std::getline(lines, line)) {
    ++font_rows;
    EXPECT_NE(line.find("Laksaman"), std::string::npos) << "unexpected fallback font: " << line;
    EXPECT_NE(line.find(" yes "), std::string::npos) << "font not embedded: " << line;
  }
  EXPECT_GE(font_rows, 2);
}

TEST_F(PdfReportTest, LongTableBreaksAcrossPagesAndRepeatsItsHeader) {
  PdfReport report({.province = "จังหวัดตราด", .title = "ทะเบียนโครงการ"});
  report.add_heading("รายการโครงการทั้งหมด");
  report.add_table(budget_table(120));
  report.save(path_);

  const int pages = page_count(path_);
  ASSERT_GE(pages, 3);
  std::string thai_total = to_thai_digits(std::to_string(pages));
  for (int page = 1; page <= pages; ++page) {
    std::string text = page_text(path_, page);
    EXPECT_NE(text.find("ชื่อโครงการ"), std::string::npos) << "page " << page;
    EXPECT_NE(text.find("งบประมาณ (บาท)"), std::string::npos) << "page " << page;
    EXPECT_NE(text.find("ทะเบียนโครงการ"), std::string::npos) << "page " << page;
    EXPECT_NE(text.find("หน้า " + to_thai_digits(std::to_string(page)) + "/" + thai_total),
              std::string::npos)
        << text;
  }
  // Every row appears exactly once, in order, across the pages.
  std::string all = run("pdftotext " + path_ + " -");
  std::size_t last = 0;
  for (int i = 1; i <= 120; ++i) {
    std::size_t at = all.find("เกาะช้างที่ " + std::to_string(i) + "\n", last);
    ASSERT_NE(at, std::string::npos) << "row " << i;
    last = at;
  }
  EXPECT_EQ(page_text(path_, 2).find("รายการโครงการทั้งหมด"), std::string::npos);
}

// A heading never stays alone at the bottom of a page: followed by another
// heading and a table, the three start together wherever the page happens to end.
// The filler grows line by line so that one of the runs puts the first heading on
// the last lines of page 1.
TEST_F(PdfReportTest, HeadingsStayWithWhatFollows) {
  int moved = 0;
  for (int filler = 24; filler <= 40; ++filler) {
    PdfReport report({.province = "จังหวัดตราด", .title = "แผนพัฒนาจังหวัด"});
    for (int line = 1; line <= filler; ++line)
      report.add_paragraph("บรรทัดที่ " + std::to_string(line));
    report.add_heading("5. ประเด็นการพัฒนา");
    report.add_heading("ประเด็นการพัฒนาที่ 1 เศรษฐกิจ");
    report.add_table(budget_table(3));
    report.save(path_);
    const int pages = page_count(path_);
    for (int page = 1; page <= pages; ++page) {
      const std::string text = page_text(path_, page);
      const bool first = text.find("5. ประเด็นการพัฒนา") != std::string::npos;
      const bool second = text.find("ประเด็นการพัฒนาที่ 1") != std::string::npos;
      const bool table = text.find("ชื่อโครงการ") != std::string::npos;
      EXPECT_EQ(first, second) << "filler " << filler << ", page " << page;
      if (second) {
        EXPECT_TRUE(table) << "filler " << filler << ", page " << page;
      }
      if (first && page == 2) ++moved;
    }
  }
  EXPECT_GT(moved, 0) << "no run reached the bottom of page 1";
}

TEST_F(PdfReportTest, ArabicPageNumbersAndLandscape) {
  PdfReport report({.province = "จังหวัดตราด",
                    .title = "รายงาน",
                    .orientation = PageOrientation::landscape,
                    .page_number_digits = Digits::arabic});
  report.add_paragraph("หน้าแรก");
  report.add_page_break();
  report.add_paragraph("หน้าที่สอง");
  report.save(path_);
  EXPECT_EQ(page_count(path_), 2);
  EXPECT_NE(run("pdfinfo " + path_).find("841.89 x 595.276"), std::string::npos);
  EXPECT_NE(page_text(path_, 2).find("หน้า 2/2"), std::string::npos);
  EXPECT_NE(page_text(path_, 2).find("หน้าที่สอง"), std::string::npos);
}

TEST_F(PdfReportTest, ThaiParagraphsWrapAtWordBoundaries) {
  std::string words;
  for (int i = 0; i < 40; ++i) words += "การท่องเที่ยวชุมชน";
  PdfReport report({.province = "จังหวัดตราด", .title = "ทดสอบ"});
  report.add_paragraph(words);
  report.save(path_);
  std::istringstream text(page_text(path_, 1));
  std::string line;
  int paragraph_lines = 0;
  const std::vector<std::string> starts = {"การ", "ท่อง", "เที่ยว", "ชุมชน"};
  while (std::getline(text, line)) {
    if (line.find("ชุมชน") == std::string::npos) continue;
    ++paragraph_lines;
    bool good_start = false;
    bool good_end = false;
    for (const std::string& word : starts) {
      good_start = good_start || line.starts_with(word);
      good_end = good_end || line.ends_with(word);
    }
    EXPECT_TRUE(good_start && good_end) << "broken inside a word: " << line;
  }
  EXPECT_GE(paragraph_lines, 3);  // it did wrap
}

TEST_F(PdfReportTest, ChartsRenderTheirLabels) {
  PdfReport report({.province = "จังหวัดตราด", .title = "แผนภูมิ"});
  report.add_chart(BarChart{"งบประมาณตามอำเภอ",
                            {"เมืองตราด", "คลองใหญ่", "เขาสมิง"},
                            {{"ได้รับ", {120, 80, 45}}, {"เบิกจ่าย", {90, 30, 40}}},
                            " ล้านบาท"});
  report.add_chart(LineChart{"เส้นโค้งเอส แผนเทียบผล",
                             {"ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค."},
                             {{"แผน", {10, 30, 55, 80}}, {"ผล", {5, 20}}},
                             "%"});
  std::string bytes = report.to_bytes();
  ASSERT_TRUE(bytes.starts_with("%PDF-"));
  std::ofstream(path_, std::ios::binary) << bytes;
  std::string text = page_text(path_, 1);
  for (const char* label :
       {"งบประมาณตามอำเภอ", "คลองใหญ่", "เบิกจ่าย", "เส้นโค้งเอส", "พ.ย.", "แผน", "125 ล้านบาท", "80%"}) {
    EXPECT_NE(text.find(label), std::string::npos) << label << "\n" << text;
  }
}

TEST(Chart, NiceScaleAndAxisLabels) {
  AxisScale scale = nice_scale(0, 87);
  EXPECT_EQ(scale.low, 0);
  EXPECT_EQ(scale.high, 100);
  EXPECT_EQ(scale.step, 20);
  scale = nice_scale(-12, 40);  // 52 / 5 = 10.4 rounds up to a step of 20
  EXPECT_EQ(scale.low, -20);
  EXPECT_EQ(scale.high, 40);
  EXPECT_EQ(scale.step, 20);
  scale = nice_scale(0, 120);
  EXPECT_EQ(scale.high, 125);
  EXPECT_EQ(scale.step, 25);
  EXPECT_EQ(format_axis_value(1250000, 250000, " บาท"), "1,250,000 บาท");
  EXPECT_EQ(format_axis_value(0.25, 0.25, ""), "0.25");
  EXPECT_EQ(format_axis_value(-40, 20, "%"), "-40%");
}

TEST(PdfReport, RejectsRowsWiderThanTheHeader) {
  PdfReport report({.province = "ตราด", .title = "x"});
  EXPECT_THROW(report.add_table({{{"a"}}, {{"1", "2"}}}), Error);
}

}  // namespace
}  // namespace changwat::thai
