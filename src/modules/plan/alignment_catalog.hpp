#pragma once
// The national reference lists a provincial plan aligns with (20-year National
// Strategy, its master plans, the 13th NESDP milestones, the Eastern region
// direction, the Eastern Provincial Group 2 plan, government policy, the SDGs).
// Loaded once from data/alignment-catalog.json embedded in the binary; read-only.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/plan/model.hpp"

namespace changwat::plan {

class AlignmentCatalog {
 public:
  // Parses the embedded catalog; throws Error(internal) if it is malformed.
  AlignmentCatalog();
  // Parses a catalog document (same shape as data/alignment-catalog.json).
  explicit AlignmentCatalog(std::string_view json_text);

  const std::vector<AlignmentFramework>& frameworks() const { return frameworks_; }
  // In catalog order: framework by framework, by number.
  const std::vector<AlignmentTarget>& targets() const { return targets_; }
  const AlignmentTarget* find(const std::string& code) const;

 private:
  std::vector<AlignmentFramework> frameworks_;
  std::vector<AlignmentTarget> targets_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace changwat::plan
