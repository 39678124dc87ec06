// Loads data/kpi-results-demo-trat.json: rubrics and actuals of the demo plan's KPIs
// (FY 2568 and 2569), every value invented and marked demo. KPIs are named by their
// code in the demo plan; a rubric or actual already stored is kept, so loading again
// changes nothing. The province is the demo plan's, never a constant.
#include <boost/json.hpp>

#include "base/error.hpp"
#include "modules/kpi_results/actual_store.hpp"
#include "modules/kpi_results/module.hpp"
#include "modules/kpi_results/rubric_store.hpp"
#include "platform/demo_file.hpp"

namespace changwat::kpi_results {
void load_demo(KpiResultsService& service) {
  platform::DemoFile file("kpi-results-demo-trat.json");
  const auto& root = file.root();
  std::string plan_key = file.text(root, "plan_demo_key");
  auto plan_id = service.plans().plan_id_by_demo_key(plan_key);
  if (!plan_id)
    file.fail("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  Actor loader = Actor::command_line();
  auto kpi_id = [&](const boost::json::object& object) {
    std::string code = file.text(object, "kpi");
    auto element = service.plans().find_element_by_code(*plan_id, code);
    if (!element) file.fail("no KPI " + code + " in the demo plan");
    return element->element_id;
  };

  service.database().write([&](db::Connection& connection) {
    RubricStore rubrics(connection);
    for (const auto& value : file.array(root, "rubrics")) {
      const auto& object = file.as_object(value);
      std::int64_t element_id = kpi_id(object);
      if (rubrics.find(element_id)) continue;
      RubricInput input;
      auto direction = parse_direction(file.text(object, "direction"));
      if (!direction) file.fail("bad direction");
      input.direction = *direction;
      input.weight = object.at("weight").to_number<double>();
      for (const auto& item : file.array(object, "thresholds"))
        input.thresholds.push_back(
            {item.at("value").to_number<double>(), item.at("score").to_number<double>()});
      service.import_rubric(loader, element_id, input, true);
    }
    ActualStore actuals(connection);
    for (const auto& value : file.array(root, "actuals")) {
      const auto& object = file.as_object(value);
      std::int64_t element_id = kpi_id(object);
      ActualInput input;
      input.fiscal_year = static_cast<int>(object.at("fiscal_year").to_number<std::int64_t>());
      auto period = parse_period(file.text(object, "period"));
      if (!period) file.fail("bad period");
      input.period = *period;
      if (actuals.find(element_id, input.fiscal_year, input.period)) continue;
      input.value = object.at("value").to_number<double>();
      input.evidence_th = file.text(object, "evidence_th");
      if (const auto* data_year = object.if_contains("data_year"))
        input.data_year = static_cast<int>(data_year->to_number<std::int64_t>());
      if (object.contains("source_th")) input.source_th = file.text(object, "source_th");
      service.import_actual(loader, element_id, input, true);
    }
  });
}

}  // namespace changwat::kpi_results
