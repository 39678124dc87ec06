#pragma once
// The action plan module's JSON documents (API answers and audit entries). Names
// come in Thai (`*_th`) next to every code, so the web UI needs no lookup tables.
#include <boost/json/object.hpp>
#include <string>

#include "modules/action_plan/service.hpp"

namespace changwat::action_plan {

boost::json::object action_plan_to_json(const ActionPlan& plan);
boost::json::object line_to_json(const LineBook& line);
boost::json::object project_to_json(const ProjectBook& book, const ProjectMeta& meta,
                                    const areas::AreaService& areas);
// What the audit log keeps of a project: its request, readiness and lines.
boost::json::object project_audit_json(const ProjectBook& book);
boost::json::object position_to_json(const Position& position, const std::string& gfmis_code);
boost::json::object detail_to_json(const ActionPlanView& view, const areas::AreaService& areas);
// One project's lines with every month-end position and the derived monthly flow.
boost::json::object positions_to_json(const ProjectBook& book, const ProjectMeta& meta,
                                      int fiscal_year);
boost::json::object spending_to_json(const SpendingReport& report);
boost::json::object proposals_to_json(const ReserveProposals& proposals,
                                      const areas::AreaService& areas);
boost::json::object promotion_to_json(const Promotion& promotion);
boost::json::object target_to_json(const DisbursementTarget& target);
boost::json::object deadline_to_json(const CommitmentDeadline& deadline);

}  // namespace changwat::action_plan
