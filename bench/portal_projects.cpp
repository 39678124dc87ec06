// Benchmark of the public portal's project list (issue 11): 2,000 projects of a
// province-sized year (bench/support/province_year.hpp: plan, action plan with 12
// months of positions, progress) and 2,000 approved ratings, on SQLite (a real file) or
// PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL). Measures
//   GET /api/v1/public/projects?district=CODE through the router, service and JSON:
//   warm (no write in between) and right after a month-end position written through
//   the action plan's service (the ledger is replaced, so the portal's board is rebuilt).
// Target (issue 11): p99 < 20 ms. Results and commands: docs/performance.md, "Portal".
//
// Usage: bench_portal_projects [--postgres] [--projects N] [--rounds N]
#include <cstdio>
#include <map>

#include "db/migrations.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/participation/service.hpp"
#include "modules/portal/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/province_year.hpp"

namespace changwat::portal {
namespace {

using namespace changwat::bench;
using Clock = bench::Clock;

struct Options {
  bool postgres = false;
  int projects = 2000;
  int rounds = 300;
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
  auto database = open_database(options.postgres, "portal");
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  action_plan::ActionPlanService action_plans(*database, areas, plans);
  progress::ProgressService progress(
      *database, areas, plans, action_plans,
      {std::filesystem::temp_directory_path() / "bench-photos", false});
  procurement::ProcurementService procurements(*database, areas, action_plans);
  kpi_results::KpiResultsService kpis(*database, areas, plans);
  participation::ParticipationService participations(*database, areas, plans);
  PortalService service(*database, areas,
                        Sources{plans, action_plans, progress, procurements, kpis, participations});
  std::mt19937 random(2569);

  auto start = Clock::now();
  std::int64_t plan_id = make_plan(plans, areas, options.projects, random);
  std::int64_t id = make_action_plan(action_plans, plan_id, 2569);
  auto view = action_plans.view(id);
  make_progress(progress, *view.ledger);
  std::printf("plan, action plan (%zu projects, 12 months of positions) and progress in %.2f s\n",
              view.ledger->books.size(), seconds_since(start));
  start = Clock::now();
  int rated = 0;
  for (const auto& book : view.ledger->books) {
    service.add_demo_feedback("bench-" + std::to_string(++rated), book->project.element_id,
                              1 + static_cast<int>(random() % 5), "ดีมาก (ทดสอบ)", std::nullopt);
  }
  std::printf("%d approved ratings in %.2f s\n", rated, seconds_since(start));

  http::Router router;
  register_routes(router, service);

  // The district with the most projects.
  std::map<std::string, int> per_district;
  for (const auto& project : service.projects(std::nullopt, 2569))
    for (const auto& district : project.districts) ++per_district[district];
  auto busiest = std::max_element(per_district.begin(), per_district.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
  const std::string target =
      "/api/v1/public/projects?district=" + busiest->first + "&fiscal_year=2569";
  auto first = get_request(target);
  auto response = router.dispatch(first);
  if (response.status != 200) {
    std::fprintf(stderr, "%s: %d %s\n", target.c_str(), response.status, response.body.c_str());
    return 1;
  }
  std::printf("district %s: %d projects, %zu bytes\n", busiest->first.c_str(), busiest->second,
              response.body.size());

  std::vector<double> warm;
  for (int i = 0; i < options.rounds * 3; ++i) {
    auto request = get_request(target);
    auto begin = Clock::now();
    auto answer = router.dispatch(request);
    warm.push_back(ms_since(begin));
    if (answer.status != 200) return 1;
  }
  print("GET portal projects of a district, no write in between", percentiles(warm));

  std::vector<const action_plan::ProjectBook*> books;
  for (const auto& book : view.ledger->books) books.push_back(book.get());
  const Month last = action_plan::first_month_of(2569).plus(11);
  std::vector<double> live;
  std::vector<double> cpu;
  for (int i = 0; i < options.rounds; ++i) {
    const auto* book = books[random() % books.size()];
    auto current = action_plans.view(id).ledger->find(book->project.element_id);
    const auto& line = current->lines[random() % current->lines.size()];
    action_plan::PositionInput input;
    input.month = last;
    input.gfmis_code = line.line.gfmis_code;
    input.po_outstanding = 0;
    input.disbursed_to_date = std::min(line.line.allocated, line.latest()->disbursed_to_date + 1);
    action_plans.set_position(Actor::command_line(), id, book->project.element_id, input);
    auto request = get_request(target);
    double cpu_begin = thread_cpu_ms();
    auto begin = Clock::now();
    auto answer = router.dispatch(request);
    live.push_back(ms_since(begin));
    cpu.push_back(thread_cpu_ms() - cpu_begin);
    if (answer.status != 200) return 1;
  }
  print("GET portal projects of a district right after each write", percentiles(live));
  print("  the same, CPU time of the request", percentiles(cpu));

  std::printf("load average at end %s\n", load_average().c_str());
  database.reset();
  if (options.postgres) run_on_postgres_server("DROP DATABASE " + postgres_database_name("portal"));
  return 0;
}

}  // namespace
}  // namespace changwat::portal

int main(int argc, char** argv) {
  try {
    return changwat::portal::run(changwat::portal::parse(argc, argv));
  } catch (const changwat::Error& error) {
    std::fprintf(stderr, "error: %s\n", error.message().en.c_str());
    for (const auto& [field, why] : error.fields())
      std::fprintf(stderr, "  %s: %s\n", field.c_str(), why.en.c_str());
    return 1;
  }
}
