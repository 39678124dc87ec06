#pragma once
// Reading an enum back from the name a column stores. The tables' CHECK constraints
// allow only known names, so an unknown one means the database was altered by hand
// (or by a newer changwat): an internal error naming the column, never a guess.
#include <optional>
#include <string_view>

namespace changwat {

// Error(internal, "corrupt_row") naming the column (and, in English, the stored text).
[[noreturn]] void throw_corrupt_row(std::string_view column, std::string_view text);

// `parsed` is the module's parse_x(text); `column` is "table.column".
template <class Enum>
Enum stored_enum(std::optional<Enum> parsed, std::string_view column, std::string_view text) {
  if (!parsed) throw_corrupt_row(column, text);
  return *parsed;
}

}  // namespace changwat
