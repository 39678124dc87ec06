// load_demo: the approved Trat plan 2566–2570 from data/plan-demo-trat.json. The
// file uses the API's element fields, read by the same code as a POST, plus "key"
// and "parent" to build the tree.
#include <boost/json.hpp>
#include <map>

#include "base/embedded.hpp"
#include "http/json_body.hpp"
#include "modules/plan/element_input.hpp"
#include "modules/plan/module.hpp"

namespace changwat::plan {
namespace {

constexpr std::string_view kDemoFile = "plan-demo-trat.json";

[[noreturn]] void bad_demo(const std::string& why) {
  throw Error(ErrorKind::internal, "plan_demo_invalid",
              {"ข้อมูลแผนตัวอย่างไม่ถูกต้อง: " + why, "the demo plan data is invalid: " + why});
}

std::string_view demo_document() {
  for (const auto& file : embedded_data()) {
    if (file.name == kDemoFile) return file.content;
  }
  bad_demo("data/plan-demo-trat.json is not embedded");
}

std::string describe(const Error& error) {
  std::string text = error.message().en;
  for (const auto& [field, why] : error.fields()) text += "; " + field + ": " + why.en;
  return text;
}

}  // namespace

void load_demo(PlanService& service) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(demo_document(), parse_error);
  if (parse_error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.get_object();
  const std::string demo_key(root.at("demo_key").as_string());
  if (service.plan_id_by_demo_key(demo_key)) return;  // already loaded

  NewPlan plan;
  plan.name_th = std::string(root.at("name_th").as_string());
  plan.name_en = std::string(root.at("name_en").as_string());
  const auto& period = root.at("period").as_object();
  plan.period.first_fiscal_year = static_cast<int>(period.at("first_fiscal_year").as_int64());
  plan.period.last_fiscal_year = static_cast<int>(period.at("last_fiscal_year").as_int64());
  if (const auto* note = root.if_contains("note")) plan.note = std::string(note->as_string());
  // The demo names its province (Trat); a deployment may serve several.
  if (const auto* province = root.if_contains("province_code"); province && province->is_string())
    plan.province_code = std::string(province->get_string());
  else
    bad_demo("province_code is missing");

  std::map<std::string, std::int64_t> keys;
  std::vector<Element> elements;
  for (const auto& item : root.at("elements").as_array()) {
    http::JsonBody body(item.as_object());
    std::string key = body.text("key", 40);
    auto parent = body.optional_text("parent", 40);
    bool demo = body.optional_boolean("demo").value_or(true);
    Element element;
    read_element(body, element, InputMode::create);
    try {
      body.finish();
    } catch (const Error& error) {
      bad_demo("element " + key + ": " + describe(error));
    }
    element.element_id = static_cast<std::int64_t>(keys.size()) + 1;
    if (!keys.emplace(key, element.element_id).second) bad_demo("duplicate key " + key);
    if (parent) {
      auto found = keys.find(*parent);
      if (found == keys.end()) bad_demo("element " + key + " comes before its parent " + *parent);
      element.parent_id = found->second;
    }
    element.demo = demo;
    elements.push_back(std::move(element));
  }
  service.import_plan(Actor::command_line(), plan, std::move(elements), true, demo_key);
}

}  // namespace changwat::plan
