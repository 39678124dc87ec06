// load_demo: the warnings that follow from the other modules' demo data (computed,
// not typed in) for the demo action plan's year, and the demo resolutions of
// data/monitoring-demo-trat.json (a note each, marked demo).
#include <boost/json.hpp>

#include "base/embedded.hpp"
#include "modules/monitoring/module.hpp"

namespace changwat::monitoring {
namespace {

constexpr std::string_view kDemoFile = "monitoring-demo-trat.json";

[[noreturn]] void bad_demo(const std::string& why) {
  throw Error(ErrorKind::internal, "monitoring_demo_invalid",
              {"ข้อมูลคำเตือนตัวอย่างไม่ถูกต้อง: " + why, "the demo monitoring data is invalid: " + why});
}

std::string text_of(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_string()) bad_demo(std::string("missing ") + key);
  return std::string(value->as_string());
}

}  // namespace

void load_demo(MonitoringService& service) {
  std::string_view content;
  for (const auto& file : embedded_data()) {
    if (file.name == kDemoFile) content = file.content;
  }
  if (content.empty()) bad_demo("data/monitoring-demo-trat.json is not embedded");
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(content, error);
  if (error || !document.is_object()) bad_demo("not a JSON object");
  const auto& root = document.as_object();

  auto& action_plans = service.sources().action_plans;
  auto action_plan_id = action_plans.id_by_demo_key(text_of(root, "action_plan_demo_key"));
  if (!action_plan_id) return;  // no demo action plan: nothing to watch
  auto view = action_plans.view(*action_plan_id);
  const auto& header = view.ledger->header;
  std::vector<Warning> warnings = service.evaluate(header.province_code, header.fiscal_year);

  const auto* resolutions = root.if_contains("resolutions");
  if (!resolutions || !resolutions->is_array()) bad_demo("missing resolutions");
  const Actor actor = Actor::command_line();
  for (const auto& item : resolutions->as_array()) {
    if (!item.is_object()) bad_demo("a resolution is not an object");
    const auto& resolution = item.as_object();
    auto kind = parse_warning_kind(text_of(resolution, "kind"));
    if (!kind) bad_demo("unknown kind");
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
    service.resolve_as(actor, open->id, text_of(resolution, "note_th"), true);
  }
}

}  // namespace changwat::monitoring
