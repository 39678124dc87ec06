// Fuzzes the xlsx reader (zip container, workbook, shared strings, styles and
// sheet XML) and the table import on top of it with arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "thai/table_import.hpp"
#include "thai/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace changwat::thai;
  static const std::vector<ImportField> kFields = {
      {"name", "ชื่อโครงการ", FieldKind::text},
      {"budget", "งบประมาณ", FieldKind::baht, false},
      {"start", "วันเริ่ม", FieldKind::date, false},
      {"progress", "ความก้าวหน้า", FieldKind::percent, false},
  };
  try {
    XlsxReader workbook =
        XlsxReader::from_bytes(std::string(reinterpret_cast<const char*>(data), size));
    for (std::size_t index = 0; index < workbook.sheet_names().size(); ++index) {
      XlsxTable table = workbook.read_sheet(index);
      for (const XlsxRow& row : table.rows) (void)row.find(0);
    }
    if (!workbook.sheet_names().empty()) {
      ImportOptions options;
      options.allow_partial = true;
      (void)import_xlsx_sheet(workbook, workbook.sheet_names().front(), kFields, options);
    }
  } catch (const changwat::Error&) {
    // Rejected input is the expected outcome for most fuzz inputs.
  }
  return 0;
}
