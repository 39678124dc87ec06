#pragma once
// Row mapping for stores: one function per entity reads a row's columns left to right
// into the entity's fields, each by its field's type, so no mapping numbers columns by
// hand. A query that puts a key before the entity's columns (element_id, …) reads the
// key first, then calls the same mapping with the same reader: one mapping per entity,
// never a copy with shifted offsets.
//
//   Plan plan;
//   db::RowReader(row).read(plan.id, plan.province_code, plan.name_th, plan.demo,
//                           db::stored(plan.status, parse_status, "plan.status"));
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "base/stored_enum.hpp"
#include "db/database.hpp"

namespace changwat::db {

// An enum field (or std::optional of one) stored as its name; `parse` is the module's
// parse_x(std::string_view). An unknown name is Error(internal, "corrupt_row") naming
// `column` ("table.column").
template <class Field, class Parse>
struct Stored {
  Field& field;
  Parse parse;
  const char* column;
};
template <class Field, class Parse>
Stored<Field, Parse> stored(Field& field, Parse parse, const char* column) {
  return {field, parse, column};
}

// Columns a mapping does not keep.
struct Skip {
  std::size_t columns = 1;
};

class RowReader {
 public:
  explicit RowReader(const Row& row, std::size_t first_column = 0)
      : row_(row), next_(first_column) {}

  // Reads the next columns into `fields`, in order. Types: std::int64_t, int, double,
  // bool (stored 0/1), std::string, std::optional of these (NULL -> nullopt),
  // db::stored(...) for enums, db::Skip.
  template <class... Fields>
  RowReader& read(Fields&&... fields) {
    (read_one(std::forward<Fields>(fields)), ...);
    return *this;
  }

  std::int64_t integer() { return row_.integer(next_++); }
  std::string text() { return row_.text(next_++); }
  // The column the next read takes.
  std::size_t position() const { return next_; }

 private:
  void read_one(std::int64_t& field) { field = row_.integer(next_++); }
  void read_one(int& field) { field = static_cast<int>(row_.integer(next_++)); }
  void read_one(double& field) { field = row_.real(next_++); }
  void read_one(bool& field) { field = row_.integer(next_++) != 0; }
  void read_one(std::string& field) { field = row_.text(next_++); }
  void read_one(Skip skip) { next_ += skip.columns; }

  template <class T>
  void read_one(std::optional<T>& field) {
    if (row_.is_null(next_)) {
      field.reset();
      ++next_;
      return;
    }
    T value{};
    read_one(value);
    field = std::move(value);
  }

  template <class Field, class Parse>
  void read_one(Stored<Field, Parse> stored_field) {
    if constexpr (requires { stored_field.field.reset(); }) {
      if (row_.is_null(next_)) {
        stored_field.field.reset();
        ++next_;
        return;
      }
    }
    const std::string text = row_.text(next_++);
    stored_field.field =
        stored_enum(stored_field.parse(std::string_view(text)), stored_field.column, text);
  }

  const Row& row_;
  std::size_t next_;
};

// `map(row)` for the row a query_one found, or nullopt when it found none.
template <class Map>
auto map_row(const std::optional<Row>& row, Map map) -> std::optional<decltype(map(*row))> {
  if (!row) return std::nullopt;
  return map(*row);
}

// Parameters from optional fields: the value, or NULL.
inline Value nullable(const std::optional<int>& value) {
  if (!value) return nullptr;
  return static_cast<std::int64_t>(*value);
}
inline Value nullable(const std::optional<double>& value) {
  if (!value) return nullptr;
  return *value;
}
// An optional enum stored as its name (`name` is the module's x_name / to_string).
template <class Enum, class Name>
Value nullable(const std::optional<Enum>& value, Name name) {
  if (!value) return nullptr;
  return std::string(name(*value));
}

}  // namespace changwat::db
