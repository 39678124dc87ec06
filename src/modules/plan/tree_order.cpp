#include "modules/plan/tree_order.hpp"

#include <algorithm>
#include <unordered_map>

namespace changwat::plan {

void sort_into_tree_order(std::vector<Element>& elements) {
  std::unordered_map<std::int64_t, std::vector<std::size_t>> children;
  std::unordered_map<std::int64_t, std::size_t> index;
  children.reserve(elements.size());
  index.reserve(elements.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < elements.size(); ++i) index.emplace(elements[i].element_id, i);
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const auto& parent = elements[i].parent_id;
    // An element whose parent is missing is shown at the top rather than lost.
    if (parent && index.contains(*parent)) {
      children[*parent].push_back(i);
    } else {
      roots.push_back(i);
    }
  }
  auto by_position = [&](std::size_t a, std::size_t b) {
    if (elements[a].position != elements[b].position) {
      return elements[a].position < elements[b].position;
    }
    return elements[a].element_id < elements[b].element_id;
  };
  std::sort(roots.begin(), roots.end(), by_position);
  for (auto& [parent, list] : children) std::sort(list.begin(), list.end(), by_position);

  std::vector<std::size_t> order;
  order.reserve(elements.size());
  std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    std::size_t i = stack.back();
    stack.pop_back();
    order.push_back(i);
    auto found = children.find(elements[i].element_id);
    if (found == children.end()) continue;
    stack.insert(stack.end(), found->second.rbegin(), found->second.rend());
  }
  std::vector<Element> sorted;
  sorted.reserve(elements.size());
  for (std::size_t i : order) sorted.push_back(std::move(elements[i]));
  elements = std::move(sorted);
}

}  // namespace changwat::plan
