// load_demo: the approved Trat plan 2566–2570 from data/plan-demo-trat.json. The
// file uses the API's element fields, read by the same code as a POST, plus "key"
// and "parent" to build the tree.
#include <boost/json.hpp>
#include <map>

#include "http/json_body.hpp"
#include "modules/plan/element_input.hpp"
#include "modules/plan/module.hpp"
#include "platform/demo_file.hpp"

namespace changwat::plan {
namespace {

std::string describe(const Error& error) {
  std::string text = error.message().en;
  for (const auto& [field, why] : error.fields()) text += "; " + field + ": " + why.en;
  return text;
}

}  // namespace

void load_demo(PlanService& service) {
  platform::DemoFile file("plan-demo-trat.json");
  const auto& root = file.root();
  const std::string demo_key = file.text(root, "demo_key");
  if (service.plan_id_by_demo_key(demo_key)) return;  // already loaded

  NewPlan plan;
  plan.name_th = file.text(root, "name_th");
  plan.name_en = file.text(root, "name_en");
  const auto& period = file.as_object(root.at("period"));
  plan.period.first_fiscal_year = static_cast<int>(file.integer(period, "first_fiscal_year"));
  plan.period.last_fiscal_year = static_cast<int>(file.integer(period, "last_fiscal_year"));
  plan.note = file.optional_text(root, "note");
  // The demo names its province (Trat); a deployment may serve several.
  plan.province_code = file.text(root, "province_code");

  std::map<std::string, std::int64_t> keys;
  std::vector<Element> elements;
  for (const auto& item : file.array(root, "elements")) {
    http::JsonBody body(file.as_object(item));
    std::string key = body.text("key", 40);
    auto parent = body.optional_text("parent", 40);
    bool demo = body.optional_boolean("demo").value_or(true);
    Element element;
    read_element(body, element, InputMode::create);
    try {
      body.finish();
    } catch (const Error& error) {
      file.fail("element " + key + ": " + describe(error));
    }
    element.element_id = static_cast<std::int64_t>(keys.size()) + 1;
    if (!keys.emplace(key, element.element_id).second) file.fail("duplicate key " + key);
    if (parent) {
      auto found = keys.find(*parent);
      if (found == keys.end()) file.fail("element " + key + " comes before its parent " + *parent);
      element.parent_id = found->second;
    }
    element.demo = demo;
    elements.push_back(std::move(element));
  }
  service.import_plan(Actor::command_line(), plan, std::move(elements), true, demo_key);
}

}  // namespace changwat::plan
