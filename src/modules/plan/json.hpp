#pragma once
// The plan module's JSON documents (what the API returns and the audit log keeps).
// One place so the tree cache, the API, the audit entries and the diff agree.
#include <boost/json/object.hpp>
#include <string>

#include "modules/plan/alignment_catalog.hpp"
#include "modules/plan/model.hpp"

namespace changwat::plan {

boost::json::object plan_to_json(const Plan& plan);
boost::json::object period_to_json(const PlanPeriod& period);
boost::json::object version_to_json(const PlanVersion& version);

// Every field of an element (GET element, audit entries), children excluded.
boost::json::object element_to_json(const Element& element);
// The fields shown in the tree: no descriptions, objectives or indicators.
boost::json::object tree_node_to_json(const Element& element);

// The whole tree document (GET /plans/{id}/tree) is written by tree_writer.hpp.

boost::json::object diff_to_json(const PlanDiff& diff);
boost::json::object catalog_to_json(const AlignmentCatalog& catalog);
boost::json::object alignment_target_to_json(const AlignmentTarget& target);
boost::json::object element_summary_to_json(const ElementSummary& summary);
boost::json::object report_to_json(const AlignmentReport& report);

}  // namespace changwat::plan
