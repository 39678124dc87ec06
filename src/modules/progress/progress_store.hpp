#pragma once
// SQL of progress reports and photos; on the connection of the transaction in hand.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/progress/model.hpp"

namespace changwat::progress {

class ProgressStore {
 public:
  explicit ProgressStore(db::Connection& connection) : connection_(connection) {}

  std::vector<ProgressReport> list(std::int64_t element_id);
  std::optional<ProgressReport> find(std::int64_t element_id, const Month& month);
  // The latest report of the project before `month` in the same fiscal year.
  std::optional<ProgressReport> latest_before(std::int64_t element_id, int fiscal_year,
                                              const Month& month);
  std::int64_t insert(const ProgressReport& report);
  // One conditional statement: false when the row is not at `expected_version` (stale).
  bool update(const ProgressReport& report, std::optional<std::int64_t> expected_version);
  // Every report of a fiscal year, for the read model (element, month ascending).
  std::vector<ProgressReport> year(int fiscal_year);
  bool has_demo();

  std::int64_t insert_photo(const Photo& photo);
  std::optional<Photo> find_photo(std::int64_t id);
  std::vector<Photo> photos(std::int64_t element_id);
  // Photos whose thumbnail may be missing, for the worker at start (newest last).
  std::vector<Photo> all_photos();

 private:
  db::Connection& connection_;
};

}  // namespace changwat::progress
