// Loads data/portal-demo-trat.json: approved public feedback on a few projects of the
// demo plan, every text invented and marked demo. Projects are named by their code in
// the demo plan; feedback already loaded (by demo_key) is kept.
#include "modules/portal/module.hpp"
#include "platform/demo_file.hpp"

namespace changwat::portal {

void load_demo(PortalService& service) {
  platform::DemoFile file("portal-demo-trat.json");
  const auto& root = file.root();
  std::string plan_key = file.text(root, "plan_demo_key");
  auto plan_id = service.sources().plans.plan_id_by_demo_key(plan_key);
  if (!plan_id)
    file.fail("the demo plan " + plan_key + " is not loaded (load the plan demo first)");
  for (const auto& value : file.array(root, "feedback")) {
    const auto& object = file.as_object(value);
    std::string code = file.text(object, "project");
    auto element = service.sources().plans.find_element_by_code(*plan_id, code);
    if (!element) file.fail("no project " + code + " in the demo plan");
    service.add_demo_feedback(file.text(object, "demo_key"), element->element_id,
                              static_cast<int>(file.integer(object, "rating")),
                              file.text(object, "comment_th"),
                              file.optional_text(object, "answer_th"));
  }
}

}  // namespace changwat::portal
