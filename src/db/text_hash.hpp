#pragma once
// Lets the statement caches look up a std::string key by std::string_view, so a
// cache hit costs a hash and no allocation.
#include <cstddef>
#include <functional>
#include <string_view>

namespace changwat::db {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace changwat::db
