// Benchmark of the monitoring module (issue 10) on a province-sized year, on SQLite (a
// real file) or PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL): 2,000 projects
// (each in a district and an agency), 3,000 budget lines × 12 months of month-end
// positions and spending plans, 12 months of progress per project, a procurement per
// project (half contracted with instalments, some late), all generated through the
// modules' services:
//   - GET /api/v1/dashboards/province, /districts/{code} and /agencies/{code} through
//     the router, service and JSON: warm (no write in between) and live (a month-end
//     position or a progress report written through its service before each GET, so
//     each GET re-evaluates the warnings and recomputes);
//   - GET /api/v1/warnings right after a write (the warning evaluation of 2,000
//     projects with whatever it stores).
// Targets (issue 10): dashboards p99 < 20 ms live after each write; warning evaluation
// < 100 ms after a write. Results and commands: docs/performance.md, "Monitoring".
//
// Usage: bench_monitoring_dashboards [--postgres] [--projects N] [--rounds N]
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "http/request_parsing.hpp"
#include "http/router.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/monitoring/module.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/province_year.hpp"

namespace changwat::monitoring {
namespace {

using namespace changwat::bench;

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
  auto database = open_database(options.postgres, "monitoring");
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
  // Today's date, as in production (the procurement read model is kept for today);
  // FY 2569's deadlines have passed, so every kind of warning can stand.
  MonitoringService service(*database, areas,
                            Sources{plans, action_plans, &progress, &procurements, &kpis});
  std::mt19937 random(2569);

  auto start = Clock::now();
  std::int64_t plan_id = make_plan(plans, areas, options.projects, random);
  std::int64_t id = make_action_plan(action_plans, plan_id, 2569);
  auto view = action_plans.view(id);
  make_progress(progress, *view.ledger);
  std::printf("plan, action plan (%zu projects, 12 months of positions) and progress in %.2f s\n",
              view.ledger->books.size(), seconds_since(start));
  start = Clock::now();
  make_procurements(procurements, *view.ledger);
  std::printf("procurements (one per project, with instalments) in %.2f s\n", seconds_since(start));

  const std::string province = view.ledger->header.province_code;
  Principal executive;
  executive.username = "bench";
  executive.role = Role::executive;
  executive.province_code = province;
  const Actor reader{executive, "127.0.0.1", "bench", false};
  http::Router router;
  router.use([&reader](http::Context& ctx, const http::Next& next) {
    ctx.actor = reader;
    return next(ctx);
  });
  register_routes(router, service);

  start = Clock::now();
  auto first = service.evaluate(province, 2569);
  std::printf("first evaluation: %zu warnings stored in %.2f s\n", first.size(),
              seconds_since(start));
  std::map<WarningKind, int> kinds;
  for (const auto& warning : first) ++kinds[warning.kind];
  for (const auto& [kind, count] : kinds) {
    std::printf("  %-28s %d\n", std::string(to_string(kind)).c_str(), count);
  }

  std::string district = "";
  std::string agency = "";
  for (const auto& area : areas.all_in(province)) {
    if (area.level == areas::Level::district) {
      district = area.code;
      break;
    }
  }
  agency = areas.agencies(province).front().code;
  const std::vector<std::pair<const char*, std::string>> targets = {
      {"province", "/api/v1/dashboards/province?fiscal_year=2569"},
      {"district", "/api/v1/dashboards/districts/" + district + "?fiscal_year=2569"},
      {"agency", "/api/v1/dashboards/agencies/" + agency + "?fiscal_year=2569"},
  };
  for (const auto& [name, target] : targets) {
    auto request = get_request(target);
    auto response = router.dispatch(request);
    if (response.status != 200) {
      std::fprintf(stderr, "%s: %d %s\n", target.c_str(), response.status, response.body.c_str());
      return 1;
    }
    std::printf("%s dashboard: %zu bytes, %s\n", name, response.body.size(),
                response.body.substr(0, 160).c_str());
  }

  // Warm: no write in between.
  for (const auto& [name, target] : targets) {
    std::vector<double> warm;
    for (int i = 0; i < options.rounds * 3; ++i) {
      auto request = get_request(target);
      auto begin = Clock::now();
      auto response = router.dispatch(request);
      warm.push_back(ms_since(begin));
      if (response.status != 200) return 1;
    }
    std::string label = std::string("GET dashboard ") + name + ", no write in between";
    print(label.c_str(), percentiles(warm));
  }

  // Live: a write before each GET (alternately a month-end position of a random line,
  // a little more disbursed, and a progress report of a random project), so each GET
  // re-evaluates the warnings of 2,000 projects and recomputes its figures.
  std::vector<const action_plan::ProjectBook*> books;
  for (const auto& book : view.ledger->books) books.push_back(book.get());
  const Month last = action_plan::first_month_of(2569).plus(11);
  Principal admin;
  admin.username = "bench-admin";
  admin.role = Role::admin;
  admin.province_code = province;
  const Actor writer{admin, "127.0.0.1", "bench", false};
  int round = 0;
  auto write = [&]() {
    const auto* book = books[random() % books.size()];
    if (++round % 2 == 0) {
      progress::ProgressInput input;
      auto latest = progress.snapshot(2569)->latest(book->project.element_id);
      input.physical_percent = std::min(100.0, (latest ? latest->physical_percent : 0) + 0.5);
      input.status = progress::ProgressStatus::in_progress;
      input.activities_th = "ดำเนินการ (ทดสอบ)";
      progress.put(writer, book->project.element_id, last, input);
      return;
    }
    auto current = action_plans.view(id).ledger->find(book->project.element_id);
    const auto& line = current->lines[random() % current->lines.size()];
    action_plan::PositionInput input;
    input.month = last;
    input.gfmis_code = line.line.gfmis_code;
    input.po_outstanding = 0;
    input.disbursed_to_date = std::min(line.line.allocated, line.latest()->disbursed_to_date + 1);
    action_plans.set_position(Actor::command_line(), id, book->project.element_id, input);
  };
  auto monitoring_revision = [&]() {
    return database->read([&](db::Connection& c) {
      auto row =
          c.query_one("SELECT revision FROM monitoring_state WHERE province_code = ?", {province});
      return row ? row->integer(0) : std::int64_t{0};
    });
  };
  std::int64_t revision_before = monitoring_revision();
  std::vector<double> writes;
  for (const auto& [name, target] : targets) {
    std::vector<double> live;
    std::vector<double> cpu;
    for (int i = 0; i < options.rounds; ++i) {
      auto begin = Clock::now();
      write();
      writes.push_back(ms_since(begin));
      auto request = get_request(target);
      double cpu_begin = thread_cpu_ms();
      begin = Clock::now();
      auto response = router.dispatch(request);
      live.push_back(ms_since(begin));
      cpu.push_back(thread_cpu_ms() - cpu_begin);
      if (response.status != 200) return 1;
    }
    std::string label = std::string("GET dashboard ") + name + " right after each write";
    print(label.c_str(), percentiles(live));
    print("  the same, CPU time of the request", percentiles(cpu));
  }
  std::printf("  evaluations that stored a warning change: %lld of %d\n",
              static_cast<long long>(monitoring_revision() - revision_before),
              options.rounds * static_cast<int>(targets.size()));
  print("  the writes (position or progress, through the service)", percentiles(writes));

  // The warning evaluation after a write, through GET /warnings.
  std::vector<double> evaluation;
  std::vector<double> evaluation_cpu;
  std::vector<double> evaluate_only;
  for (int i = 0; i < options.rounds; ++i) {
    write();
    auto request = get_request("/api/v1/warnings?fiscal_year=2569");
    double cpu_begin = thread_cpu_ms();
    auto begin = Clock::now();
    auto response = router.dispatch(request);
    evaluation.push_back(ms_since(begin));
    evaluation_cpu.push_back(thread_cpu_ms() - cpu_begin);
    if (response.status != 200) return 1;
    // The evaluation alone (no JSON of the list): another write, then evaluate().
    write();
    begin = Clock::now();
    service.evaluate(province, 2569);
    evaluate_only.push_back(ms_since(begin));
  }
  print("GET warnings right after each write (evaluation + list)", percentiles(evaluation));
  print("  the same, CPU time of the request", percentiles(evaluation_cpu));
  print("evaluate() right after each write (no JSON)", percentiles(evaluate_only));

  std::printf("load average at end %s\n", load_average().c_str());
  database.reset();
  if (options.postgres)
    run_on_postgres_server("DROP DATABASE " + postgres_database_name("monitoring"));
  return 0;
}

}  // namespace
}  // namespace changwat::monitoring

int main(int argc, char** argv) {
  try {
    return changwat::monitoring::run(changwat::monitoring::parse(argc, argv));
  } catch (const changwat::Error& error) {
    std::fprintf(stderr, "error: %s\n", error.message().en.c_str());
    for (const auto& [field, why] : error.fields()) {
      std::fprintf(stderr, "  %s: %s\n", field.c_str(), why.en.c_str());
    }
    return 1;
  }
}
