// Benchmark of the follow-up module's meeting pack (issue 11) on a province-sized
// year, on SQLite (a real file) or PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL):
// 2,000 projects with 12 months of positions and progress and a procurement each
// (bench/support/province_year.hpp, through the modules' services), the monitoring
// module's warnings over them, 300 open directives; then `POST /meetings/{id}/pack`
// as the service does it — gathering spending by agency, delayed projects, late
// procurements, overdue instalments, open warnings, open directives and KPI scores,
// writing the Thai PDF and the workbook, storing both in one transaction — once per
// new meeting. Target (issue 11): a pack for 2,000 projects < 5 s.
//
// Usage: bench_follow_up_pack [--postgres] [--projects N] [--rounds N]
#include <time.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "modules/follow_up/service.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/monitoring/service.hpp"
#include "modules/participation/service.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/province_year.hpp"

namespace changwat::follow_up {
namespace {

using namespace changwat::bench;

struct Options {
  bool postgres = false;
  int projects = 2000;
  int rounds = 5;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--postgres") {
      options.postgres = true;
    } else if (arg == "--projects" && i + 1 < argc) {
      options.projects = std::atoi(argv[++i]);
    } else if (arg == "--rounds" && i + 1 < argc) {
      options.rounds = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--postgres] [--projects N] [--rounds N]\n", argv[0]);
      std::exit(2);
    }
  }
  return options;
}

int run(const Options& options) {
  std::printf("engine %s, load average at start %s\n", options.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(options.postgres, "follow_up");
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  participation::ParticipationService participation(*database, areas, plans);
  action_plan::ActionPlanService action_plans(*database, areas, plans);
  progress::ProgressService progress(
      *database, areas, plans, action_plans,
      {std::filesystem::temp_directory_path() / "bench-follow-up-photos", false});
  procurement::ProcurementService procurements(*database, areas, action_plans);
  kpi_results::KpiResultsService kpis(*database, areas, plans);
  monitoring::MonitoringService monitor(
      *database, areas, monitoring::Sources{plans, action_plans, &progress, &procurements, &kpis});
  FollowUpService service(
      *database, areas,
      Sources{plans, participation, action_plans, progress, procurements, kpis, monitor});
  std::mt19937 random(2569);

  auto start = bench::Clock::now();
  std::int64_t plan_id = make_plan(plans, areas, options.projects, random);
  std::int64_t id = make_action_plan(action_plans, plan_id, 2569);
  auto view = action_plans.view(id);
  make_progress(progress, *view.ledger);
  make_procurements(procurements, *view.ledger);
  std::printf("plan, action plan (%zu projects), progress and procurements in %.2f s\n",
              view.ledger->books.size(), seconds_since(start));
  const std::string province = view.ledger->header.province_code;

  Principal admin;
  admin.username = "bench";
  admin.role = Role::admin;
  admin.province_code = province;
  Principal secretary = admin;
  secretary.role = Role::strategy_officer;
  const Actor admin_actor{admin, "127.0.0.1", "bench", false};
  const Actor actor{secretary, "127.0.0.1", "bench", false};
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies(province)) agencies.push_back(agency.code);

  NewCommittee committee;
  committee.short_th = "คทง.";
  committee.name_th = "คณะทำงานเร่งรัดการใช้จ่ายงบประมาณ";
  std::int64_t committee_id = service.create_committee(admin_actor, committee).id;
  auto meeting_on = [&](int round) {
    NewMeeting meeting;
    meeting.committee_id = committee_id;
    meeting.held_on = "2026-09-" + std::string(round < 9 ? "0" : "") + std::to_string(round + 1);
    meeting.title_th = "การประชุมเร่งรัดการเบิกจ่าย ครั้งที่ " + std::to_string(round + 1);
    return service.create_meeting(actor, meeting).id;
  };
  std::int64_t first_meeting = meeting_on(0);
  start = bench::Clock::now();
  for (int i = 0; i < 300; ++i) {
    NewDirective directive;
    directive.meeting_id = first_meeting;
    directive.text_th = "เร่งรัดการเบิกจ่ายโครงการที่ล่าช้า ข้อ " + std::to_string(i + 1);
    directive.agency_code = agencies[static_cast<std::size_t>(i) % agencies.size()];
    directive.due_on = "2027-12-31";
    service.create_directive(actor, directive);
  }
  std::printf("300 directives in %.2f s\n", seconds_since(start));
  start = bench::Clock::now();
  auto warnings = monitor.evaluate(province, 2569);
  std::printf("monitoring's first evaluation: %zu warnings in %.2f s\n", warnings.size(),
              seconds_since(start));

  std::vector<double> wall;
  std::vector<double> cpu;
  for (int round = 0; round < options.rounds; ++round) {
    std::int64_t meeting = round == 0 ? first_meeting : meeting_on(round);
    auto began = bench::Clock::now();
    double cpu_began = thread_cpu_ms();
    Pack pack = service.issue_pack(actor, meeting);
    wall.push_back(ms_since(began));
    cpu.push_back(thread_cpu_ms() - cpu_began);
    if (round == 0) {
      auto [stored, pdf] = service.pack_document(actor, meeting, true);
      auto [same, xlsx] = service.pack_document(actor, meeting, false);
      std::printf("pack: PDF %zu bytes, workbook %zu bytes, summary %s\n", pdf.size(), xlsx.size(),
                  pack.summary_json.c_str());
    }
  }
  print("pack (gather + PDF + XLSX + store), wall", percentiles(wall));
  print("pack, CPU of the thread", percentiles(cpu));
  std::printf("load average at end %s\n", load_average().c_str());
  return percentiles(wall).max < 5000 ? 0 : 1;
}

}  // namespace
}  // namespace changwat::follow_up

int main(int argc, char** argv) {
  return changwat::follow_up::run(changwat::follow_up::parse(argc, argv));
}
