#pragma once
// PDF reports in Thai: Cairo PDF surface, Pango text in the Laksaman font (correct
// vowel and tone-mark placement, line breaks at Thai word boundaries), A4
// portrait or landscape, the province and report title on top of every page,
// "หน้า ๑/๕" page numbers, headings, paragraphs, tables that continue across
// pages with their header row repeated, and bar / S-curve charts.
//
//   PdfReport report({.province = "จังหวัดตราด", .title = "รายงานผลการเบิกจ่าย ปีงบประมาณ 2568"});
//   report.add_heading("1. ภาพรวม");
//   report.add_paragraph("ผลการเบิกจ่ายสะสม ...");
//   report.add_table({{{"โครงการ"}, {"งบประมาณ (บาท)", CellAlign::right}}, rows});
//   report.add_chart(LineChart{...});
//   std::string pdf = report.to_bytes();   // or report.save("report.pdf")
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "thai/calendar.hpp"
#include "thai/chart.hpp"

namespace changwat::thai {

enum class PageOrientation { portrait, landscape };
enum class CellAlign { left, center, right };

struct ReportSetup {
  std::string province;  // "จังหวัดตราด", left of the page header
  std::string title;     // right of the page header, also the PDF's title
  PageOrientation orientation = PageOrientation::portrait;
  Digits page_number_digits = Digits::thai;  // หน้า ๑/๕ or หน้า 1/5
  double font_size = 14;                     // body text, points
};

struct ReportColumn {
  std::string header;
  CellAlign align = CellAlign::left;  // right for numbers and money
  // Relative width. When every column has one, widths are proportional to it;
  // otherwise columns get their content's width and long text wraps.
  double weight = 0;
};

struct ReportTable {
  std::vector<ReportColumn> columns;
  std::vector<std::vector<std::string>> rows;  // cells already formatted (format_baht, ...)
};

class PdfReport {
 public:
  explicit PdfReport(ReportSetup setup);

  void add_heading(std::string text);
  void add_paragraph(std::string text);
  void add_table(ReportTable table);
  void add_chart(BarChart chart);
  void add_chart(LineChart chart);
  void add_page_break();

  // Lays out and draws the whole report; may be called any number of times.
  // Error(internal, "pdf_font_missing") without the Laksaman font,
  // Error(internal, "pdf_write_failed") when Cairo or the file system fails.
  std::string to_bytes() const;
  void save(const std::filesystem::path& path) const;

 private:
  struct Heading {
    std::string text;
  };
  struct Paragraph {
    std::string text;
  };
  struct PageBreak {};
  using Block = std::variant<Heading, Paragraph, ReportTable, BarChart, LineChart, PageBreak>;

  ReportSetup setup_;
  std::vector<Block> blocks_;

  friend class PdfRenderer;
};

}  // namespace changwat::thai
