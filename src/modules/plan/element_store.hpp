#pragma once
// SQL of the elements of a version (table plan_element and the rows kept beside each
// element: dimensions, alignments, and through KpiStore and ProjectStore the KPI and
// project details). Reads whole elements, one or a whole version, by the same code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

class ElementStore {
 public:
  explicit ElementStore(db::Connection& connection) : connection_(connection) {}

  // A whole version: elements with all their details, in no particular order.
  std::vector<Element> load_version(std::int64_t version_id);
  std::optional<Element> load_element(std::int64_t version_id, std::int64_t element_id);

  std::int64_t new_element_id(std::int64_t plan_id, const std::string& province_code,
                              ElementKind kind, const std::string& now);
  // Inserts the element row and its details (dimensions, alignment, KPI with its
  // targets, project).
  void insert_element(const Element& element, const std::string& province_code);
  // Replaces the row (version + 1) and its details; false on a stale version.
  [[nodiscard]] bool update_element(const Element& element, std::int64_t expected_version,
                                    const std::string& province_code);
  // The element and every row beside it.
  void delete_element(std::int64_t version_id, std::int64_t element_id);
  // Sets parent and position (version + 1); false on a stale version.
  [[nodiscard]] bool move_element(std::int64_t version_id, std::int64_t element_id,
                                  std::optional<std::int64_t> parent_id, int position,
                                  std::int64_t expected_version);
  // Bumps an element's version when something stored beside it changes (alignment)
  // or before it is deleted: one conditional statement, false on a stale version.
  [[nodiscard]] bool touch_element(std::int64_t version_id, std::int64_t element_id,
                                   std::int64_t expected_version);
  void replace_alignments(std::int64_t version_id, std::int64_t element_id,
                          const std::vector<std::string>& codes, const std::string& province_code);

  // Siblings in order (element ids), under a parent or at the top level.
  std::vector<std::int64_t> children(std::int64_t version_id,
                                     std::optional<std::int64_t> parent_id);
  // Renumbers siblings 0..n-1 in the given order (order is not content: no version bump).
  void set_positions(std::int64_t version_id, const std::vector<std::int64_t>& element_ids);
  std::optional<ElementKind> kind_of(std::int64_t version_id, std::int64_t element_id);
  std::optional<std::int64_t> element_with_code(std::int64_t version_id, const std::string& code);
  // Parent of an element in a version (outer none: not in the version).
  std::optional<std::optional<std::int64_t>> parent_of(std::int64_t version_id,
                                                       std::int64_t element_id);

  // For other modules: the versions holding the element, newest first.
  struct ElementLocation {
    std::int64_t plan_id = 0;
    std::int64_t version_id = 0;
    int version_number = 0;
  };
  std::vector<ElementLocation> locations_of(std::int64_t element_id);

 private:
  // Everything beside the element row that an edit replaces: dimensions, alignments,
  // the project. The KPI row is updated in place and its targets synced instead.
  void insert_details(const Element& element, const std::string& province_code);
  void delete_details(std::int64_t version_id, std::int64_t element_id);
  db::Connection& connection_;
};

}  // namespace changwat::plan
