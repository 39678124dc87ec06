#pragma once
// A WHERE clause built from optional filters (lists with search fields): each filter
// that is set adds "AND <condition>" and its parameter, in order.
//
//   db::Conditions where;
//   where.add("n.province_code = ?", province);
//   where.add_if(filter.plan_id, "n.plan_id = ?");
//   where.add_if(filter.dimension, "n.dimension = ?", dimension_name);
//   connection.query("SELECT … FROM need n" + where.sql() + " ORDER BY …", where.params());
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace changwat::db {

class Conditions {
 public:
  // A condition without parameters, e.g. "n.status <> 'rejected'".
  Conditions& add(std::string_view condition) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += condition;
    return *this;
  }
  // A condition with one `?`.
  Conditions& add(std::string_view condition, Value value) {
    add(condition);
    params_.push_back(std::move(value));
    return *this;
  }
  // Only when the filter is set.
  template <class T>
  Conditions& add_if(const std::optional<T>& filter, std::string_view condition) {
    if (filter) add(condition, Value(*filter));
    return *this;
  }
  // Only when the filter is set, stored as `convert(value)` (an enum's name, a date
  // made a timestamp).
  template <class T, class Convert>
  Conditions& add_if(const std::optional<T>& filter, std::string_view condition, Convert convert) {
    if (filter) add(condition, Value(std::string(convert(*filter))));
    return *this;
  }

  // " WHERE a AND b …", or "" when nothing was added.
  const std::string& sql() const { return sql_; }
  // The parameters, in the order of the conditions; more may be appended (LIMIT …).
  std::vector<Value>& params() { return params_; }

 private:
  std::string sql_;
  std::vector<Value> params_;
};

}  // namespace changwat::db
