#pragma once
// Differences between two versions of one plan, element by element (matched by
// their stable element id): added, removed, and changed with each field's value
// before and after — including KPI targets year by year.
#include "modules/plan/model.hpp"

namespace changwat::plan {

PlanDiff compare_versions(const PlanTree& from, const PlanTree& to);

}  // namespace changwat::plan
