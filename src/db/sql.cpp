#include "db/sql.hpp"

namespace changwat::db {

std::string placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

std::string assignments(std::string_view columns) {
  std::string text;
  while (!columns.empty()) {
    const std::size_t comma = columns.find(", ");
    text += std::string(columns.substr(0, comma)) + " = ?";
    if (comma == std::string_view::npos) break;
    text += ", ";
    columns.remove_prefix(comma + 2);
  }
  return text;
}

namespace {

std::string insert_sql(std::string_view table, std::string_view columns, std::size_t values) {
  return "INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES (" +
         placeholders(values) + ")";
}

}  // namespace

void insert_row(Connection& connection, std::string_view table, std::string_view columns,
                const std::vector<Value>& values) {
  connection.execute(insert_sql(table, columns, values.size()), values);
}

std::int64_t insert_row_returning_id(Connection& connection, std::string_view table,
                                     std::string_view columns, const std::vector<Value>& values) {
  return connection.insert_returning_id(insert_sql(table, columns, values.size()) + " RETURNING id",
                                        values);
}

std::optional<std::int64_t> query_integer(Connection& connection, std::string_view sql,
                                          const std::vector<Value>& params) {
  std::optional<Row> row = connection.query_one(sql, params);
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace changwat::db
