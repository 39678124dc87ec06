#include "modules/reports/model.hpp"

namespace changwat::reports {

std::optional<int> parse_step(std::string_view text) {
  if (text.size() != 2 || text[0] != 'M' || text[1] < '1' || text[1] > '0' + kStepCount)
    return std::nullopt;
  return text[1] - '0';
}

std::string step_name(int step) { return "M" + std::to_string(step); }

}  // namespace changwat::reports
