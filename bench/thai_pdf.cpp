// PDF report speed: a 50-page A4 table report in Thai (page header, repeated
// table header, right-aligned money, page numbers in Thai digits). Target < 2 s.
// Reproduce: see the "Documents toolkit" section of docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>

#include "thai/money.hpp"
#include "thai/pdf_report.hpp"

namespace {

using namespace changwat::thai;

// Pages in a finished PDF: one "/Type /Page" object per page ("/Pages" excluded).
std::size_t count_pages(const std::string& pdf) {
  std::size_t pages = 0;
  for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  return pages;
}

PdfReport make_report(int rows) {
  PdfReport report({.province = "จังหวัดตราด", .title = "ทะเบียนโครงการ ปีงบประมาณ 2568"});
  report.add_heading("รายการโครงการและงบประมาณ");
  report.add_paragraph(
      "ตารางนี้แสดงโครงการทั้งหมดของจังหวัดตราด พร้อมหน่วยงานรับผิดชอบ "
      "งบประมาณที่ได้รับจัดสรร และผลการเบิกจ่ายสะสม");
  ReportTable table{{{"ลำดับ", CellAlign::right, 0.6},
                     {"ชื่อโครงการ", CellAlign::left, 3},
                     {"หน่วยงาน", CellAlign::left, 2},
                     {"งบประมาณ (บาท)", CellAlign::right, 1.5},
                     {"เบิกจ่าย (บาท)", CellAlign::right, 1.5}},
                    {}};
  for (int i = 1; i <= rows; ++i) {
    table.rows.push_back({std::to_string(i), "พัฒนาแหล่งท่องเที่ยวชุมชน " + std::to_string(i),
                          "สำนักงานจังหวัดตราด", format_number(Satang{12'345'600} * (i % 50 + 1)),
                          format_number(Satang{6'543'200} * (i % 40 + 1))});
  }
  report.add_table(std::move(table));
  return report;
}

void BM_Pdf50PageTable(benchmark::State& state) {
  // Project names wrap to two lines in their column: 13 rows fit on an A4
  // portrait page in 14 pt, and 645 rows make 50 pages (the counter checks).
  const PdfReport report = make_report(645);
  std::size_t pages = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string pdf = report.to_bytes();
    pages = count_pages(pdf);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pages"] = static_cast<double>(pages);
  state.counters["file_kB"] = static_cast<double>(bytes) / 1e3;
}
BENCHMARK(BM_Pdf50PageTable)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
