#pragma once
// The names an enum's values have in SQL, JSON, routes and documents, in one table
// per enum. The names are listed in the enum's declaration order (its values are 0,
// 1, 2, …), so the table is indexed by the value; tests/unit/*/model_test.cpp check
// every value's name.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace changwat {

template <class Enum, std::size_t N>
struct EnumNames {
  std::array<std::string_view, N> names;

  std::string_view name(Enum value) const {
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view();
  }
  std::optional<Enum> parse(std::string_view text) const {
    for (std::size_t index = 0; index < N; ++index)
      if (names[index] == text) return static_cast<Enum>(index);
    return std::nullopt;
  }
};

}  // namespace changwat
