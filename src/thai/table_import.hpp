#pragma once
// Turns an uploaded sheet (xlsx or CSV) into typed rows, matching columns by
// their header text (Thai headers, in any order, extra columns ignored), and
// reports every bad cell by the row and column a user sees in the spreadsheet:
//
//   แถว 12 คอลัมน์ "งบประมาณ": ไม่ใช่ตัวเลข
//
// All-or-nothing by default: one bad cell and no row is returned; the thrown
// Error(validation, "import_invalid") lists every problem in fields() under keys
// like "row 12: งบประมาณ". With allow_partial the good rows come back together
// with the problems.
//
//   const std::vector<ImportField> fields = {
//       {"name", "ชื่อโครงการ", FieldKind::text},
//       {"budget", "งบประมาณ", FieldKind::baht},
//       {"start", "วันเริ่ม", FieldKind::date, /*required=*/false}};
//   ImportResult result = import_xlsx_sheet(XlsxReader::from_bytes(upload), "โครงการ", fields);
//   for (const ImportedRow& row : result.rows) save(*row.text("name"), *row.baht("budget"));
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/error.hpp"
#include "thai/calendar.hpp"
#include "thai/csv_reader.hpp"
#include "thai/money.hpp"
#include "thai/xlsx_reader.hpp"

namespace changwat::thai {

enum class FieldKind {
  text,     // trimmed text; a number cell gives its digits ("10110")
  integer,  // whole number; "1,234" and Thai digits accepted
  baht,     // Satang; "1,234.50", "฿1,234", "1,234 บาท" or a number cell in baht
  date,     // Date; a date cell, "2025-01-15", "15/01/2568", "15 ม.ค. 2568"
  percent,  // percentage points: "45.5%", "45.5", or a %-formatted cell 0.455 -> 45.5
};

struct ImportField {
  std::string key;     // name the program uses: "budget"
  std::string header;  // column header users see: "งบประมาณ"
  FieldKind kind = FieldKind::text;
  // A required column must be present and every row must have a value in it;
  // an optional column may be missing altogether and its cells may be blank.
  bool required = true;
  std::vector<std::string> aliases = {};  // other accepted headers, e.g. "Budget"
};

struct ImportOptions {
  bool allow_partial = false;
  // Problems beyond this many are counted but not listed (a wrong file can
  // otherwise produce a million messages).
  std::size_t max_listed_problems = 200;
};

struct ImportProblem {
  std::size_t row = 0;  // row number in the spreadsheet (header row = 1 in CSV)
  std::string column;   // the field's header
  Message message;  // complete sentence: แถว 12 คอลัมน์ "งบประมาณ": ไม่ใช่ตัวเลข
};

class ImportedRow {
 public:
  using Value = std::variant<std::monostate, std::string, std::int64_t, Date, double>;

  std::size_t number() const { return number_; }  // row number in the spreadsheet

  // Typed access by field key; nullopt for a blank optional cell. Asking for an
  // unknown key or with the wrong kind is Error(internal): a programming error.
  std::optional<std::string> text(std::string_view key) const;
  std::optional<std::int64_t> integer(std::string_view key) const;
  std::optional<Satang> baht(std::string_view key) const;
  std::optional<Date> date(std::string_view key) const;
  std::optional<double> percent(std::string_view key) const;

  ImportedRow(std::size_t number, std::shared_ptr<const std::vector<ImportField>> fields,
              std::vector<Value> values);

 private:
  const Value& value(std::string_view key, FieldKind kind) const;

  std::size_t number_;
  std::shared_ptr<const std::vector<ImportField>> fields_;
  std::vector<Value> values_;  // parallel to *fields_
};

struct ImportResult {
  std::vector<ImportedRow> rows;
  std::vector<ImportProblem> problems;  // only with allow_partial; at most max_listed_problems
  std::size_t problem_count = 0;        // all problems, listed or not
};

// Header row: the first non-blank record. Blank rows are skipped. Throws
// Error(validation, "import_invalid") for problems (see above); a missing
// required column or a duplicated header is reported that way even with
// allow_partial, since no row could be read correctly; a file without any
// header row is Error(validation, "import_empty").
ImportResult import_csv(std::string_view bytes, std::span<const ImportField> fields,
                        const ImportOptions& options = {}, const CsvOptions& csv = {});
ImportResult import_xlsx_sheet(const XlsxReader& workbook, std::string_view sheet_name,
                               std::span<const ImportField> fields,
                               const ImportOptions& options = {});

}  // namespace changwat::thai
