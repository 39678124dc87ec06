#pragma once
// Documents of the action plan: the annual action plan in the usual Thai layout
// (PDF in the Thai font, Excel) and the monthly spending report for the governor's
// meeting (Excel, PDF with S-curves; amounts in baht or ล้านบาท with two decimals).
// Public documents: no permission checks.
#include <cstdint>
#include <string>

#include "modules/action_plan/service.hpp"

namespace changwat::action_plan {

enum class ExportFormat { pdf, xlsx };
enum class AmountUnit { baht, million_baht };

// The action plan: projects by strategy with requests and allocations, reserve
// projects by ranking, allocation lines.
std::string export_action_plan(const ActionPlanService& service, std::int64_t id,
                               ExportFormat format, AmountUnit unit = AmountUnit::baht);

// The monthly spending report: by agency, strategy and budget source, each month's
// planned and actual cumulative disbursement against the national target, behind-
// target groups marked; the PDF carries the S-curves.
std::string export_spending(const ActionPlanService& service, std::int64_t id, ExportFormat format,
                            AmountUnit unit = AmountUnit::million_baht);

}  // namespace changwat::action_plan
