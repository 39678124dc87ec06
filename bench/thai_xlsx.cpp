// Excel throughput: writing and reading a 100,000-row x 10-column sheet of Thai
// project data (text, integers, baht, percentages, dates). Targets: each < 3 s.
// Reproduce: see the "Documents toolkit" section of docs/performance.md.
#include <benchmark/benchmark.h>

#include <string>

#include "thai/table_import.hpp"
#include "thai/xlsx_reader.hpp"
#include "thai/xlsx_writer.hpp"

namespace {

using namespace changwat::thai;

constexpr int kRows = 100'000;

std::string make_workbook() {
  XlsxWriter writer;
  XlsxSheet& sheet = writer.add_sheet("โครงการ", {{"รหัส", ColumnKind::integer},
                                                  {"อำเภอ", ColumnKind::text},
                                                  {"ชื่อโครงการ", ColumnKind::text},
                                                  {"หน่วยงาน", ColumnKind::text},
                                                  {"งบประมาณ", ColumnKind::baht},
                                                  {"เบิกจ่าย", ColumnKind::baht},
                                                  {"วันเริ่ม", ColumnKind::date},
                                                  {"ความก้าวหน้า", ColumnKind::percent},
                                                  {"ผู้รับประโยชน์", ColumnKind::integer},
                                                  {"หมายเหตุ", ColumnKind::text}});
  static const char* kDistricts[] = {"เมืองตราด", "คลองใหญ่", "เขาสมิง", "บ่อไร่",
                                     "แหลมงอบ",  "เกาะช้าง", "เกาะกูด"};
  std::vector<XlsxCell> row(10);
  for (int i = 1; i <= kRows; ++i) {
    row[0] = std::int64_t{i};
    row[1] = std::string(kDistricts[i % 7]);
    row[2] = "โครงการพัฒนาแหล่งท่องเที่ยวชุมชน " + std::to_string(i);
    row[3] = std::string("สำนักงานจังหวัดตราด");
    row[4] = std::int64_t{10'000'000} + i * 7;
    row[5] = std::int64_t{5'000'000} + i * 3;
    row[6] = Date{2025, 1 + i % 12, 1 + i % 28};
    row[7] = static_cast<double>(i % 1000) / 10.0;
    row[8] = std::int64_t{10 + i % 5000};
    row[9] = "หมายเหตุ ครั้งที่ " + std::to_string(i % 9);
    sheet.add_row(row);
  }
  return writer.to_bytes();
}

void BM_XlsxWrite100kRows(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string workbook = make_workbook();
    bytes = workbook.size();
    benchmark::DoNotOptimize(workbook.data());
  }
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_XlsxWrite100kRows)->Unit(benchmark::kMillisecond)->Iterations(3);

const std::string& workbook_bytes() {
  static const std::string bytes = make_workbook();
  return bytes;
}

void BM_XlsxRead100kRows(benchmark::State& state) {
  const std::string& bytes = workbook_bytes();
  std::size_t cells = 0;
  for (auto _ : state) {
    XlsxReader reader = XlsxReader::from_bytes(bytes);
    XlsxTable table = reader.read_sheet("โครงการ");
    cells = 0;
    for (const XlsxRow& row : table.rows) cells += row.cells.size();
    benchmark::DoNotOptimize(cells);
  }
  state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_XlsxRead100kRows)->Unit(benchmark::kMillisecond)->Iterations(3);

// Reading plus typed import by Thai header (what an upload handler does).
void BM_XlsxImport100kRows(benchmark::State& state) {
  const std::string& bytes = workbook_bytes();
  const std::vector<ImportField> fields = {
      {"id", "รหัส", FieldKind::integer},           {"name", "ชื่อโครงการ", FieldKind::text},
      {"budget", "งบประมาณ", FieldKind::baht},     {"spent", "เบิกจ่าย", FieldKind::baht},
      {"start", "วันเริ่ม", FieldKind::date},         {"progress", "ความก้าวหน้า", FieldKind::percent},
      {"people", "ผู้รับประโยชน์", FieldKind::integer}};
  std::size_t rows = 0;
  for (auto _ : state) {
    XlsxReader reader = XlsxReader::from_bytes(bytes);
    ImportResult result = import_xlsx_sheet(reader, "โครงการ", fields);
    rows = result.rows.size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_XlsxImport100kRows)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
