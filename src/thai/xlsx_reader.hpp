#pragma once
// Excel (.xlsx) import on libzip + pugixml: sheets by name, shared and inline
// strings, numbers, booleans, errors, and dates recognised by the cell's number
// format. Cells are sparse, as in the file: an empty cell is simply absent.
//
//   XlsxReader workbook = XlsxReader::open("budget.xlsx");   // or from_bytes(upload)
//   for (const std::string& name : workbook.sheet_names()) ...
//   workbook.for_each_row("โครงการ", [](const XlsxRow& row) { ... });
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::thai {

enum class XlsxValueKind {
  text,
  number,   // `number`; `text` is the number as stored ("1234.5")
  percent,  // a number shown with a % format: 0.455 for 45.5 %
  boolean,  // `number` is 0 or 1; `text` is "TRUE" or "FALSE"
  date,     // `number` is the Excel serial; `text` is ISO: "2025-01-15" or "2025-01-15T10:30:00"
  error,    // a formula error; `text` is "#DIV/0!", "#N/A", ...
};

struct XlsxValue {
  std::uint32_t column = 0;  // 0-based: A = 0
  XlsxValueKind kind = XlsxValueKind::text;
  std::string text;
  double number = 0;
};

struct XlsxRow {
  std::uint32_t number = 0;      // 1-based row number as Excel shows it
  std::vector<XlsxValue> cells;  // non-empty cells, ordered by column

  // The cell in `column` (0-based) or nullptr when it is empty.
  const XlsxValue* find(std::uint32_t column) const;
};

struct XlsxTable {
  std::string name;
  std::vector<XlsxRow> rows;  // rows with at least one cell, in sheet order
};

// "A" -> 0, "AB" -> 27; nullopt for anything that is not 1–3 letters up to XFD.
std::optional<std::uint32_t> column_index_from_letters(std::string_view letters);

class XlsxReader {
 public:
  // Throw Error(unsupported_media_type, "not_xlsx") for anything but an .xlsx
  // workbook, Error(validation, "xlsx_corrupt") for a damaged one,
  // Error(payload_too_large, "xlsx_too_large") past 1 GiB of uncompressed XML.
  static XlsxReader open(const std::filesystem::path& path);
  static XlsxReader from_bytes(std::string bytes);

  ~XlsxReader();
  XlsxReader(XlsxReader&&) noexcept;
  XlsxReader& operator=(XlsxReader&&) noexcept;

  // Sheet names in workbook order.
  const std::vector<std::string>& sheet_names() const;

  // Reads one sheet; Error(not_found) for an unknown name or index.
  XlsxTable read_sheet(std::string_view name) const;
  XlsxTable read_sheet(std::size_t index) const;

  // Calls `on_row` for each non-empty row without keeping the rows; the row
  // reference is valid only during the call.
  void for_each_row(std::string_view sheet_name,
                    const std::function<void(const XlsxRow&)>& on_row) const;

 private:
  struct State;
  explicit XlsxReader(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace changwat::thai
