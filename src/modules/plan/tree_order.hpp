#pragma once
// Puts the elements of one version in tree order: depth first, parents before their
// children, siblings by position. Readers (JSON, documents, diffs) rely on it.
#include <vector>

#include "modules/plan/model.hpp"

namespace changwat::plan {

void sort_into_tree_order(std::vector<Element>& elements);

}  // namespace changwat::plan
