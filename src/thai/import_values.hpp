#pragma once
// Cell-to-value conversions behind table_import: one spreadsheet cell in, a typed
// value or the reason (Thai and English) it is not one out.
#include <string_view>
#include <variant>

#include "base/error.hpp"
#include "thai/table_import.hpp"

namespace changwat::thai {

// A cell as both readers can describe it. CSV cells are always text.
struct RawCell {
  XlsxValueKind kind = XlsxValueKind::text;
  std::string_view text;
  double number = 0;
};

// Blank: no cell, or text that is only white space.
bool is_blank(const RawCell& cell);

// The converted value, or why the cell cannot be one (the caller prefixes the
// row and column).
using ConvertedValue = std::variant<ImportedRow::Value, Message>;
ConvertedValue convert_cell(const RawCell& cell, FieldKind kind);

// Trims ASCII and Unicode white space (NBSP and friends come from copy-paste).
std::string_view trim_space(std::string_view text);

}  // namespace changwat::thai
