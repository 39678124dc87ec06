#pragma once
// Excel (.xlsx) export for reports and downloads, on libxlsxwriter.
//
//   XlsxWriter writer;
//   XlsxSheet& projects = writer.add_sheet("โครงการ", {{"ชื่อโครงการ", ColumnKind::text},
//                                                      {"งบประมาณ", ColumnKind::baht},
//                                                      {"วันเริ่ม", ColumnKind::date}});
//   projects.add_row({"ถนนสายชายทะเล", Satang{150'000'000}, Date{2025, 1, 15}});
//   std::string bytes = writer.to_bytes();   // or writer.save("projects.xlsx")
//
// Each sheet gets a bold, frozen header row and column widths that fit Thai text.
// Rows stream to a temporary file (libxlsxwriter's constant-memory mode), so a
// 100,000-row export does not hold the workbook in memory.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "thai/calendar.hpp"

struct lxw_workbook;  // libxlsxwriter, kept out of this header
struct lxw_worksheet;

namespace changwat::thai {

enum class ColumnKind {
  text,
  integer,  // a number shown as 1,234; a fraction with its decimals (98.5, 1,234.25)
  year,     // a Buddhist-era year, a whole number shown without a separator: 2567
  baht,     // satang in, a number of baht out, shown as 1,234.50 บาท
  percent,  // percentage points in (45.5), shown as 45.50%
  date,     // Date in, an Excel date shown in the Buddhist era: 15 ม.ค. 2568
};

struct XlsxColumn {
  std::string header;
  ColumnKind kind = ColumnKind::text;
};

// One cell. Blank (std::monostate), text, a whole number (integer, year, baht as
// satang, or percent points), a fractional number (integer or percent columns),
// or a date (date columns only). A value the column kind cannot hold is an
// Error(internal, "xlsx_cell_mismatch"): it is a programming error.
using XlsxCell = std::variant<std::monostate, std::string, std::int64_t, double, Date>;

class XlsxWriter;

class XlsxSheet {
 public:
  XlsxSheet(const XlsxSheet&) = delete;
  XlsxSheet& operator=(const XlsxSheet&) = delete;

  // Appends one row below the previous one; fewer cells than columns leave the
  // rest blank, more is an Error(internal). Error(validation, "xlsx_too_many_rows")
  // past Excel's 1,048,576 rows.
  void add_row(const std::vector<XlsxCell>& cells);

  const std::string& name() const { return name_; }
  std::size_t row_count() const { return rows_written_; }

 private:
  friend class XlsxWriter;
  struct Formats;
  XlsxSheet(lxw_worksheet* worksheet, const Formats* formats, std::string name,
            std::vector<XlsxColumn> columns);
  void apply_column_widths();

  lxw_worksheet* worksheet_;
  const Formats* formats_;
  std::string name_;
  std::vector<XlsxColumn> columns_;
  std::vector<double> widths_;  // widest content seen per column, in Excel character units
  std::size_t rows_written_ = 0;
};

class XlsxWriter {
 public:
  XlsxWriter();
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Adds a sheet and writes its header row. Error(validation, "xlsx_sheet_name")
  // for an empty, duplicate or over-31-character name or one with []:*?/\.
  // The reference stays valid for the writer's lifetime.
  XlsxSheet& add_sheet(std::string_view name, std::vector<XlsxColumn> columns);

  // Finish the workbook with exactly one of these; afterwards the writer is closed.
  void save(const std::filesystem::path& path);
  std::string to_bytes();

 private:
  void close();

  lxw_workbook* workbook_;
  std::filesystem::path temporary_path_;
  std::unique_ptr<XlsxSheet::Formats> formats_;
  std::vector<std::unique_ptr<XlsxSheet>> sheets_;
  bool closed_ = false;
};

// Width of text in base characters: Thai above/below vowels and tone marks
// (and other combining marks) sit on a base letter and take no column width.
std::size_t display_width(std::string_view utf8);

}  // namespace changwat::thai
