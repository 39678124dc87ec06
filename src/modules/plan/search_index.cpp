#include "modules/plan/search_index.hpp"

#include <algorithm>

#include "thai/text.hpp"

namespace changwat::plan {

ProjectSearchIndex::ProjectSearchIndex(std::vector<Document> documents) {
  hits_.reserve(documents.size());
  term_counts_.reserve(documents.size());
  for (auto& document : documents) {
    auto id = static_cast<std::uint32_t>(hits_.size());
    std::vector<std::string> terms = thai::search_tokens(document.text);
    term_counts_.push_back(static_cast<std::uint32_t>(terms.size()));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (auto& term : terms) postings_[std::move(term)].push_back(id);
    hits_.push_back(std::move(document.hit));
  }
}

std::vector<SearchHit> ProjectSearchIndex::search(std::string_view query, int limit) const {
  std::vector<std::string> terms = thai::search_tokens(query);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  if (terms.empty() || limit <= 0) return {};
  // Intersect the posting lists, shortest first, so the work follows the rarest word.
  std::vector<const std::vector<std::uint32_t>*> lists;
  for (const auto& term : terms) {
    auto found = postings_.find(term);
    if (found == postings_.end()) return {};
    lists.push_back(&found->second);
  }
  std::sort(lists.begin(), lists.end(),
            [](const auto* a, const auto* b) { return a->size() < b->size(); });
  std::vector<std::uint32_t> matches = *lists.front();
  for (std::size_t i = 1; i < lists.size() && !matches.empty(); ++i) {
    std::vector<std::uint32_t> kept;
    std::set_intersection(matches.begin(), matches.end(), lists[i]->begin(), lists[i]->end(),
                          std::back_inserter(kept));
    matches = std::move(kept);
  }
  std::vector<SearchHit> hits;
  hits.reserve(matches.size());
  for (auto id : matches) {
    SearchHit hit = hits_[id];
    hit.score = static_cast<double>(terms.size()) / std::max<std::uint32_t>(term_counts_[id], 1);
    hits.push_back(std::move(hit));
  }
  auto better = [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.code != b.code) return a.code < b.code;
    return a.element_id < b.element_id;
  };
  if (hits.size() > static_cast<std::size_t>(limit)) {
    std::partial_sort(hits.begin(), hits.begin() + limit, hits.end(), better);
    hits.resize(static_cast<std::size_t>(limit));
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace changwat::plan
