// load_demo: the warnings that follow from the other modules' demo data (computed,
// not typed in) for the demo action plan's year, and the demo resolutions of
// data/monitoring-demo-trat.json (a note each, marked demo).
#include <boost/json.hpp>

#include "modules/monitoring/module.hpp"
#include "platform/demo_file.hpp"

namespace changwat::monitoring {
void load_demo(MonitoringService& service) {
  platform::DemoFile file("monitoring-demo-trat.json");
  const auto& root = file.root();

  auto& action_plans = service.sources().action_plans;
  auto action_plan_id = action_plans.id_by_demo_key(file.text(root, "action_plan_demo_key"));
  if (!action_plan_id) return;  // no demo action plan: nothing to watch
  auto view = action_plans.view(*action_plan_id);
  const auto& header = view.ledger->header;
  std::vector<Warning> warnings = service.evaluate(header.province_code, header.fiscal_year);

  const Actor actor = Actor::command_line();
  for (const auto& item : file.array(root, "resolutions")) {
    const auto& resolution = file.as_object(item);
    auto kind = parse_warning_kind(file.text(resolution, "kind"));
    if (!kind) file.fail("unknown kind");
    std::optional<std::int64_t> element_id;
    if (const auto* code = resolution.if_contains("element_code"); code && code->is_string()) {
      auto element =
          action_plans.plans().find_element_by_code(header.plan_id, std::string(code->as_string()));
      if (!element) continue;  // the demo plan changed: skip, do not invent
      element_id = element->element_id;
    }
    // Already resolved by an earlier load: nothing to do (idempotent).
    bool done = false;
    const Warning* open = nullptr;
    for (const auto& warning : warnings) {
      if (warning.kind != *kind || (element_id && warning.element_id != *element_id)) continue;
      if (warning.demo && warning.status == WarningStatus::resolved) done = true;
      if (warning.status == WarningStatus::open && !open) open = &warning;
    }
    if (done || !open) continue;
    service.resolve_as(actor, open->id, file.text(resolution, "note_th"), true);
  }
}

}  // namespace changwat::monitoring
