#pragma once
// The plan as a document: a formatted Thai PDF in the usual order of a Thai
// provincial plan, or an Excel workbook with one sheet per level.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/plan/service.hpp"

namespace changwat::plan {

enum class ExportFormat { pdf, xlsx };

// File bytes of plan `plan_id`, version `version` (none = the version in force).
// Runs as the system (the CLI is trusted); throws Error(not_found) for an unknown
// plan or version.
std::string export_plan(PlanService& service, std::int64_t plan_id, std::optional<int> version,
                        ExportFormat format);

}  // namespace changwat::plan
