#include "modules/portal/model.hpp"

namespace changwat::portal {

std::optional<FeedbackStatus> parse_feedback_status(std::string_view name) {
  return kFeedbackStatusNames.parse(name);
}

std::optional<Decision> parse_decision(std::string_view name) { return kDecisionNames.parse(name); }

}  // namespace changwat::portal
