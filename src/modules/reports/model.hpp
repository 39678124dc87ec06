#pragma once
// Plain data of the official outputs: the eMENSCR step statuses of a project as an
// officer entered them. No database, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace changwat::reports {

// eMENSCR's steps are M1 … M7 (NESDC letter นร 1112/ว 5811 and ministry circulars,
// ../shared/reference/monitoring.md §1). What each step means is NESDC's: this
// module stores the status text an officer saw for each, never interprets it.
inline constexpr int kStepCount = 7;

struct StepStatus {
  int step = 1;                           // 1..7 for M1..M7
  std::string status_th;                  // as entered, e.g. what eMENSCR showed
  std::optional<std::string> entered_on;  // ISO date the officer recorded it
  friend bool operator==(const StepStatus&, const StepStatus&) = default;
};

struct ProjectSteps {
  std::int64_t action_plan_id = 0;
  std::int64_t element_id = 0;
  std::string province_code;
  std::vector<StepStatus> steps;  // by step, at most one each
  bool demo = false;
  std::string updated_by;
  std::string updated_at;
  std::int64_t version = 1;
};

// "M1" … "M7" ↔ 1 … 7; nullopt for anything else.
std::optional<int> parse_step(std::string_view text);
std::string step_name(int step);

}  // namespace changwat::reports
