// Loads data/sample-demo-trat.json: demo items of the demo plan. Each item has a key
// stored as demo_key, so loading again skips what is already there. The province is
// the demo plan's (from data/), never a constant.
#include <boost/json.hpp>

#include "base/embedded.hpp"
#include "base/error.hpp"
#include "modules/sample/item_store.hpp"
#include "modules/sample/json.hpp"
#include "modules/sample/module.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::sample {
namespace {

[[noreturn]] void bad_demo(const std::string& what) {
  throw Error(ErrorKind::internal, "bad_demo_data",
              {"ข้อมูลตัวอย่างไม่ถูกต้อง: " + what, "Sample demo data is invalid: " + what});
}

std::string_view demo_document() {
  for (const EmbeddedFile& file : embedded_data())
    if (file.name == "sample-demo-trat.json") return file.content;
  bad_demo("sample-demo-trat.json is not embedded");
}

}  // namespace

void load_demo(SampleService& service) {
  boost::system::error_code parse_error;
  boost::json::value document = boost::json::parse(demo_document(), parse_error);
  if (parse_error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.get_object();
  std::string plan_key(root.at("plan_demo_key").as_string());
  auto plan_id = service.plans().plan_id_by_demo_key(plan_key);
  if (!plan_id) bad_demo("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  Actor loader = Actor::command_line();
  plan::Plan plan = service.plans().get_plan(loader, *plan_id);

  service.database().write([&](db::Connection& connection) {
    ItemStore store(connection);
    for (const auto& value : root.at("items").as_array()) {
      const auto& object = value.as_object();
      std::string key(object.at("key").as_string());
      if (store.id_by_demo_key(key)) continue;
      Item item;
      item.province_code = plan.province_code;
      item.plan_id = plan.id;
      item.title = std::string(object.at("title").as_string());
      item.demo = true;
      item.id = store.insert(item, key);
      audit::record_in(connection, plan.province_code, loader, "sample_item",
                       std::to_string(item.id), "demo_load", nullptr, item_json(item));
    }
  });
}

}  // namespace changwat::sample
