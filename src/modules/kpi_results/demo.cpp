// Loads data/kpi-results-demo-trat.json: rubrics and actuals of the demo plan's KPIs
// (FY 2568 and 2569), every value invented and marked demo. KPIs are named by their
// code in the demo plan; a rubric or actual already stored is kept, so loading again
// changes nothing. The province is the demo plan's, never a constant.
#include <boost/json.hpp>

#include "base/embedded.hpp"
#include "base/error.hpp"
#include "modules/kpi_results/actual_store.hpp"
#include "modules/kpi_results/module.hpp"
#include "modules/kpi_results/rubric_store.hpp"

namespace changwat::kpi_results {
namespace {

[[noreturn]] void bad_demo(const std::string& what) {
  throw Error(ErrorKind::internal, "bad_demo_data",
              {"ข้อมูลตัวอย่างผลตัวชี้วัดไม่ถูกต้อง: " + what, "KPI results demo data is invalid: " + what});
}

std::string_view demo_document() {
  for (const EmbeddedFile& file : embedded_data())
    if (file.name == "kpi-results-demo-trat.json") return file.content;
  bad_demo("kpi-results-demo-trat.json is not embedded");
}

std::string text_of(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_demo(std::string("missing text ") + key);
  return std::string(value->get_string());
}

}  // namespace

void load_demo(KpiResultsService& service) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(demo_document(), parse_error);
  if (parse_error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.get_object();
  std::string plan_key = text_of(root, "plan_demo_key");
  auto plan_id = service.plans().plan_id_by_demo_key(plan_key);
  if (!plan_id) bad_demo("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  Actor loader = Actor::command_line();
  auto kpi_id = [&](const boost::json::object& object) {
    std::string code = text_of(object, "kpi");
    auto element = service.plans().find_element_by_code(*plan_id, code);
    if (!element) bad_demo("no KPI " + code + " in the demo plan");
    return element->element_id;
  };

  service.database().write([&](db::Connection& connection) {
    RubricStore rubrics(connection);
    for (const auto& value : root.at("rubrics").as_array()) {
      const auto& object = value.as_object();
      std::int64_t element_id = kpi_id(object);
      if (rubrics.find(element_id)) continue;
      RubricInput input;
      auto direction = parse_direction(text_of(object, "direction"));
      if (!direction) bad_demo("bad direction");
      input.direction = *direction;
      input.weight = object.at("weight").to_number<double>();
      for (const auto& item : object.at("thresholds").as_array())
        input.thresholds.push_back(
            {item.at("value").to_number<double>(), item.at("score").to_number<double>()});
      service.import_rubric(loader, element_id, input, true);
    }
    ActualStore actuals(connection);
    for (const auto& value : root.at("actuals").as_array()) {
      const auto& object = value.as_object();
      std::int64_t element_id = kpi_id(object);
      ActualInput input;
      input.fiscal_year = static_cast<int>(object.at("fiscal_year").to_number<std::int64_t>());
      auto period = parse_period(text_of(object, "period"));
      if (!period) bad_demo("bad period");
      input.period = *period;
      if (actuals.find(element_id, input.fiscal_year, input.period)) continue;
      input.value = object.at("value").to_number<double>();
      input.evidence_th = text_of(object, "evidence_th");
      if (const auto* data_year = object.if_contains("data_year"))
        input.data_year = static_cast<int>(data_year->to_number<std::int64_t>());
      if (object.contains("source_th")) input.source_th = text_of(object, "source_th");
      service.import_actual(loader, element_id, input, true);
    }
  });
}

}  // namespace changwat::kpi_results
