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

// INSERT INTO `table` (`columns`) VALUES (one placeholder per value).
void insert_row(Connection& connection, std::string_view table, std::string_view columns,
                const std::vector<Value>& values);
// The same with RETURNING id; returns the new row's id.
std::int64_t insert_row_returning_id(Connection& connection, std::string_view table,
                                     std::string_view columns, const std::vector<Value>& values);

// The first column of the first row as an integer (an id, a count, a position),
// or nullopt when the query returns no row.
std::optional<std::int64_t> query_integer(Connection& connection, std::string_view sql,
                                          const std::vector<Value>& params = {});

}  // namespace changwat::db
