#pragma once
// Writes the tree document (GET /plans/{id}/tree) straight into a string, without
// building a JSON DOM first: a 25,000-element tree is megabytes, and the DOM cost
// most of the time of a cold read. The shape is the one of json.hpp's
// tree_node_to_json (a unit test holds them together).
#include <string>

#include "modules/plan/model.hpp"

namespace changwat::plan {

std::string write_tree_json(const PlanTree& tree);

}  // namespace changwat::plan
