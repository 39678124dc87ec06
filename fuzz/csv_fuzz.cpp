// Fuzzes the CSV reader and the table import on top of it with arbitrary bytes.
// The first byte picks the delimiter and encoding so all paths get exercised.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/error.hpp"
#include "thai/csv_reader.hpp"
#include "thai/table_import.hpp"

namespace {

const std::vector<changwat::thai::ImportField>& fields() {
  using changwat::thai::FieldKind;
  static const std::vector<changwat::thai::ImportField> kFields = {
      {"name", "ชื่อโครงการ", FieldKind::text},           {"budget", "งบประมาณ", FieldKind::baht},
      {"count", "จำนวน", FieldKind::integer, false},    {"start", "วันเริ่ม", FieldKind::date, false},
      {"progress", "ร้อยละ", FieldKind::percent, false},
  };
  return kFields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using namespace changwat::thai;
  CsvOptions options;
  const std::uint8_t selector = data[0];
  options.delimiter = (selector & 3) == 0   ? ','
                      : (selector & 3) == 1 ? ';'
                      : (selector & 3) == 2 ? '\t'
                                            : '|';
  options.encoding = (selector >> 2) % 3 == 0   ? CsvEncoding::detect
                     : (selector >> 2) % 3 == 1 ? CsvEncoding::utf8
                                                : CsvEncoding::windows_874;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    std::size_t total_fields = 0;
    for_each_csv_record(bytes, options, [&](const CsvRecord& record) {
      for (std::string_view field : record.fields) total_fields += field.size();
    });
    ImportOptions import_options;
    import_options.allow_partial = (selector & 0x80) != 0;
    ImportResult result = import_csv(bytes, fields(), import_options, options);
    for (const ImportedRow& row : result.rows) {
      (void)row.text("name");
      (void)row.baht("budget");
    }
  } catch (const changwat::Error&) {
    // Rejected input is the expected outcome for most fuzz inputs.
  }
  return 0;
}
