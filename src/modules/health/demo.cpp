// Loads data/health-demo-trat.json: checkpoints at Trat's piers, islands and the
// Cambodian crossing, teams, an open COVID-19 outbreak near today and a past wave of
// 300 cases and 2,000 contacts with their 28,000 follow-up visits. The people are
// generated from the file's name lists (identity numbers DEMO-…, never a real Thai
// ID) and marked demo. Everything is written in one transaction with multi-row
// inserts, so `serve --demo` stays quick on both engines. Loading again is skipped
// when the open outbreak's key is already there.
#include <boost/json.hpp>

#include "base/clock.hpp"
#include "modules/health/module.hpp"
#include "modules/health/rules.hpp"
#include "modules/health/stores.hpp"
#include "modules/health/wave.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/demo_file.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

std::vector<std::string> texts(const platform::DemoFile& file, const boost::json::object& root,
                               const char* key) {
  std::vector<std::string> out;
  for (const auto& value : file.array(root, key)) {
    if (!value.is_string()) file.fail(std::string(key) + " must list texts");
    out.emplace_back(value.get_string());
  }
  return out;
}

}  // namespace

void load_demo(HealthService& service) {
  platform::DemoFile file("health-demo-trat.json");
  const auto& root = file.root();
  std::string province = file.text(root, "province_code");
  thai::Date today_date = thai::today_in_thailand();
  std::string today = thai::to_iso(today_date);
  std::vector<std::string> districts;
  for (const auto& area : service.areas().children(province)) districts.push_back(area.code);
  if (districts.empty())
    file.fail("province " + province + " has no districts in data/th-areas.json");

  service.database().write([&](db::Connection& c) {
    if (OutbreakStore(c).id_by_demo_key("outbreak-covid19-open")) return;
    WavePeople names{texts(file, root, "first_names"), texts(file, root, "last_names")};
    std::vector<std::int64_t> team_ids;
    ScreeningStore checkpoints(c);
    for (const auto& value : file.array(root, "checkpoints")) {
      const auto& item = file.as_object(value);
      Checkpoint checkpoint;
      checkpoint.province_code = province;
      checkpoint.name_th = file.text(item, "name_th");
      checkpoint.kind = file.enumerated(item, "kind", parse_checkpoint_kind);
      checkpoint.area_code = file.text(item, "area_code");
      if (!service.areas().find(checkpoint.area_code))
        file.fail("checkpoint area " + checkpoint.area_code + " is not in data/th-areas.json");
      checkpoint.demo = true;
      std::string key = file.text(item, "key");
      if (!checkpoints.checkpoint_by_demo_key(key)) checkpoints.insert_checkpoint(checkpoint, key);
    }
    TeamStore teams(c);
    for (const auto& value : file.array(root, "teams")) {
      const auto& item = file.as_object(value);
      std::string key = file.text(item, "key");
      std::optional<std::int64_t> id = teams.id_by_demo_key(key);
      if (!id) {
        Team team;
        team.province_code = province;
        team.kind = file.enumerated(item, "kind", parse_team_kind);
        team.name_th = file.text(item, "name_th");
        team.area_code = file.optional_text(item, "area_code");
        team.demo = true;
        id = teams.insert(team, key);
      }
      team_ids.push_back(*id);
    }
    std::vector<LegalPeriod> periods;
    for (const auto& value : file.array(root, "legal_periods")) {
      const auto& item = file.as_object(value);
      periods.push_back({file.enumerated(item, "category", parse_legal_category),
                         file.text(item, "from"), file.optional_text(item, "to")});
    }
    for (const auto& value : file.array(root, "outbreaks")) {
      const auto& item = file.as_object(value);
      WaveSpec spec;
      spec.key = file.text(item, "key");
      if (OutbreakStore(c).id_by_demo_key(spec.key)) continue;
      Outbreak& o = spec.outbreak;
      o.province_code = province;
      o.disease_code = file.text(item, "disease_code");
      o.name_th = file.text(item, "name_th");
      o.case_id_mask = file.text(item, "case_id_mask");
      o.eoc_level = static_cast<int>(file.integer(item, "eoc_level"));
      o.legal_periods = periods;
      o.demo = true;
      // The open outbreak lies just before today, whenever the demo is loaded.
      auto ago = [&](const char* key) {
        return rules::add_days(today, -static_cast<int>(file.integer(item, key)));
      };
      if (file.flag(item, "open")) {
        o.started_on = ago("started_days_ago");
        spec.cases_from = ago("cases_from_days_ago");
        spec.cases_to = ago("cases_to_days_ago");
        o.retention_until =
            std::to_string(today_date.year + file.integer(item, "retention_years")) + "-12-31";
      } else {
        o.started_on = file.text(item, "started_on");
        o.ended_on = file.text(item, "ended_on");
        spec.cases_from = file.text(item, "cases_from");
        spec.cases_to = file.text(item, "cases_to");
        o.retention_until = file.text(item, "retention_until");
      }
      for (const auto& order_value : file.array(item, "orders")) {
        const auto& order = file.as_object(order_value);
        o.orders.push_back(
            {file.text(order, "title_th"),
             order.contains("from_days_ago")
                 ? rules::add_days(today, -static_cast<int>(file.integer(order, "from_days_ago")))
                 : file.text(order, "from"),
             file.optional_text(order, "to")});
      }
      spec.cases = static_cast<int>(file.integer(item, "cases"));
      spec.contacts = static_cast<int>(file.integer(item, "contacts"));
      spec.clusters = texts(file, item, "clusters");
      generate_wave(c, province, districts, team_ids, today, names, spec);
    }
  });
}

}  // namespace changwat::health
