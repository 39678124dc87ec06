// CSV import throughput: 1,000,000 rows x 10 columns of Thai budget data, read
// from a file through the callback API (the bulk-import path) and, for
// comparison, into owned strings. bench/thai_csv.sh generates the file, times
// sqlite3's .import of the same file side by side and runs this program.
// Reproduce: see the "Documents toolkit" section of docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "thai/csv_reader.hpp"

namespace {

constexpr int kRows = 1'000'000;

// Same content as bench/thai_csv.sh writes when CHANGWAT_BENCH_CSV is not given.
std::string generate_csv() {
  static const char* kDistricts[] = {"เมืองตราด", "คลองใหญ่", "เขาสมิง", "บ่อไร่",
                                     "แหลมงอบ",  "เกาะช้าง", "เกาะกูด"};
  std::string text =
      "รหัส,อำเภอ,ชื่อโครงการ,หน่วยงาน,งบประมาณ,เบิกจ่าย,วันเริ่ม,ร้อยละ,จำนวนผู้รับประโยชน์,หมายเหตุ\r\n";
  text.reserve(180u * kRows);
  char line[512];
  for (int i = 1; i <= kRows; ++i) {
    std::snprintf(line, sizeof line,
                  "%d,%s,โครงการพัฒนาแหล่งท่องเที่ยวชุมชน %d,สำนักงานจังหวัดตราด,%d.%02d,%d.%02d,"
                  "2025-%02d-%02d,%d.%d,%d,\"หมายเหตุ, ครั้งที่ %d\"\r\n",
                  i, kDistricts[i % 7], i, 100000 + i * 7 % 900000, i % 100, 50000 + i * 3 % 400000,
                  (i * 7) % 100, 1 + i % 12, 1 + i % 28, i % 100, i % 10, 10 + i % 5000, i % 9);
    text += line;
  }
  return text;
}

std::string csv_path() {
  if (const char* path = std::getenv("CHANGWAT_BENCH_CSV")) return path;
  static const std::string path = [] {
    std::string generated = "/tmp/changwat-bench-thai.csv";
    std::ofstream(generated, std::ios::binary) << generate_csv();
    return generated;
  }();
  return path;
}

// File to callback: what a bulk import does before it binds values to a statement.
void BM_CsvCallbackFromFile(benchmark::State& state) {
  const std::string path = csv_path();
  std::size_t records = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    records = 0;
    bytes = 0;
    changwat::thai::for_each_csv_record_in_file(path, {},
                                                [&](const changwat::thai::CsvRecord& record) {
                                                  ++records;
                                                  for (std::string_view field : record.fields)
                                                    bytes += field.size();
                                                });
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["rows"] = static_cast<double>(records);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(records),
                                                    benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_CsvCallbackFromFile)->Unit(benchmark::kMillisecond)->Iterations(3);

// File to owned strings per row (what a caller keeping rows would pay).
void BM_CsvOwnedRowsFromFile(benchmark::State& state) {
  const std::string path = csv_path();
  std::size_t records = 0;
  for (auto _ : state) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(kRows + 1);
    changwat::thai::for_each_csv_record_in_file(
        path, {}, [&](const changwat::thai::CsvRecord& record) {
          rows.emplace_back(record.fields.begin(), record.fields.end());
        });
    records = rows.size();
    benchmark::DoNotOptimize(rows.data());
  }
  state.counters["rows"] = static_cast<double>(records);
}
BENCHMARK(BM_CsvOwnedRowsFromFile)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
