#pragma once
// Small pieces stores write SQL with: the placeholder list and the SET list of one
// column list (so an INSERT and the UPDATE of the same entity share it and cannot
// drift apart), and single values (an id, a count) read back.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace changwat::db {

// "?, ?, …" for `count` values.
std::string placeholders(std::size_t count);
// "a = ?, b = ?" for the column list "a, b".
std::string assignments(std::string_view columns);

// The first column of the first row as an integer (an id, a count, a position),
// or nullopt when the query returns no row.
std::optional<std::int64_t> query_integer(Connection& connection, std::string_view sql,
                                          const std::vector<Value>& params = {});

}  // namespace changwat::db
