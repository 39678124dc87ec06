#pragma once
// In-memory Thai word index over project texts. Texts are cut into words with ICU
// (thai::search_tokens), so a word is found anywhere inside a Thai sentence that
// has no spaces; a query matches a project when every one of its words occurs.
// Built from the versions in force and rebuilt when one of them changes.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "modules/plan/model.hpp"

namespace changwat::plan {

class ProjectSearchIndex {
 public:
  struct Document {
    SearchHit hit;     // returned as is, with a score
    std::string text;  // everything searchable, joined
  };

  ProjectSearchIndex() = default;
  explicit ProjectSearchIndex(std::vector<Document> documents);

  // Best first (more of the query per word of the project), then by code.
  std::vector<SearchHit> search(std::string_view query, int limit) const;
  std::size_t size() const { return hits_.size(); }

 private:
  std::vector<SearchHit> hits_;
  std::vector<std::uint32_t> term_counts_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> postings_;  // ascending ids
};

}  // namespace changwat::plan
