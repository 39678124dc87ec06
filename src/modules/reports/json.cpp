#include "modules/reports/json.hpp"

#include <boost/json.hpp>

#include "base/json_or_null.hpp"

namespace changwat::reports {

boost::json::object steps_json(const ProjectSteps& steps) {
  boost::json::array items;
  for (const StepStatus& step : steps.steps) {
    items.push_back(boost::json::object{{"step", step_name(step.step)},
                                        {"status_th", step.status_th},
                                        {"entered_on", json_or_null(step.entered_on)}});
  }
  return {{"action_plan_id", steps.action_plan_id},
          {"element_id", steps.element_id},
          {"steps", std::move(items)},
          {"demo", steps.demo},
          {"version", steps.version}};
}

}  // namespace changwat::reports
