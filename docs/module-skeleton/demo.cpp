// Loads data/sample-demo-trat.json: demo items of the demo plan. Each item has a key
// stored as demo_key, so loading again skips what is already there. The province is
// the demo plan's (from data/), never a constant.
#include <boost/json.hpp>

#include "modules/sample/item_store.hpp"
#include "modules/sample/json.hpp"
#include "modules/sample/module.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/demo_file.hpp"

namespace changwat::sample {

void load_demo(SampleService& service) {
  platform::DemoFile file("sample-demo-trat.json");
  const auto& root = file.root();
  std::string plan_key = file.text(root, "plan_demo_key");
  auto plan_id = service.plans().plan_id_by_demo_key(plan_key);
  if (!plan_id)
    file.fail("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  Actor loader = Actor::command_line();
  plan::Plan plan = service.plans().get_plan(loader, *plan_id);

  service.database().write([&](db::Connection& connection) {
    ItemStore store(connection);
    for (const auto& value : file.array(root, "items")) {
      const auto& object = file.as_object(value);
      std::string key = file.text(object, "key");
      if (store.id_by_demo_key(key)) continue;
      Item item;
      item.province_code = plan.province_code;
      item.plan_id = plan.id;
      item.title = file.text(object, "title");
      item.demo = true;
      item.id = store.insert(item, key);
      audit::record_in(connection, plan.province_code, loader, "sample_item",
                       std::to_string(item.id), "demo_load", nullptr, item_json(item));
    }
  });
}

}  // namespace changwat::sample
