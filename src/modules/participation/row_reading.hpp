#pragma once
// Reading this module's enums back from stored text. The tables' CHECK constraints
// allow only known names, so an unknown one means the database was altered by hand:
// an internal error, never a guess.
#include <optional>
#include <string>

#include "base/error.hpp"

namespace changwat::participation::store {

template <class Enum>
Enum stored_enum(std::optional<Enum> parsed, const std::string& column, const std::string& text) {
  if (!parsed)
    throw Error(ErrorKind::internal, "corrupt_row",
                {"ข้อมูลในฐานข้อมูลไม่ถูกต้อง (" + column + ")",
                 "Stored data is invalid (" + column + " = '" + text + "')"});
  return *parsed;
}

}  // namespace changwat::participation::store
