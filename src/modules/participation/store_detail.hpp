#pragma once
// Internals shared by the participation stores (forum_store.cpp, swot_store.cpp):
// inserting and updating a record of a plan the same way in each. Not for other modules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "db/sql.hpp"

namespace changwat::participation::detail {

// Whose plan a new record belongs to and who made it: the columns every forum and
// SWOT item carries after its own fields.
struct RecordOrigin {
  const std::string& province_code;
  std::int64_t plan_id;
  std::optional<std::int64_t> created_by;
  const std::string& created_at;
  const std::optional<std::string>& demo_key;
  bool demo;
};

// INSERT of `fields` (the editable columns, `values` in their order) followed by
// the origin columns and version 1; returns the new row's id.
inline std::int64_t insert_plan_record(db::Connection& connection, std::string_view table,
                                       std::string_view fields, std::vector<db::Value> values,
                                       const RecordOrigin& origin) {
  values.insert(
      values.end(),
      {origin.province_code, origin.plan_id, db::nullable(origin.created_by), origin.created_at,
       db::nullable(origin.demo_key), std::int64_t{origin.demo ? 1 : 0}, std::int64_t{1}});
  return db::insert_row_returning_id(
      connection, table,
      std::string(fields) +
          ", province_code, plan_id, created_by, created_at, demo_key, demo, version",
      values);
}

// The conditional UPDATE of `fields` (`values` in their order) of row `id` in `table`:
// true when its stored version was still `version` (it is now one more), false when not.
inline bool update_versioned(db::Connection& connection, std::string_view table,
                             std::string_view fields, std::vector<db::Value> values,
                             std::int64_t id, std::int64_t version) {
  values.insert(values.end(), {id, version});
  return connection.execute("UPDATE " + std::string(table) + " SET " + db::assignments(fields) +
                                ", version = version + 1 WHERE id = ? AND version = ?",
                            values) == 1;
}

}  // namespace changwat::participation::detail
