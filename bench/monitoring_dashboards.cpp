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

namespace changwat::monitoring {
namespace {

using Clock = std::chrono::steady_clock;
using action_plan::Month;
using action_plan::Satang;

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

std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread: what a request costs whatever else the machine runs (the
// wall-clock figures swing with the load of a shared machine).
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  };
  return {at(0.50), at(0.95), at(0.99), ms.back()};
}

void print(const char* what, const Percentiles& p) {
  std::printf("%-56s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, p.p50, p.p95,
              p.p99, p.max);
}

const char* postgres_server() {
  const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
  if (!server) {
    std::fprintf(stderr,
                 "set CHANGWAT_TEST_POSTGRES_URL (scripts/pg-test-server.sh start DIR PORT)\n");
    std::exit(2);
  }
  return server;
}

std::string postgres_database_name() {
  return "changwat_bench_monitoring_" + std::to_string(::getpid());
}

void run_on_postgres_server(const std::string& sql) {
  auto maintenance = db::Database::open(postgres_server(), {.readers = 1, .busy_timeout_ms = 5000});
  maintenance->acquire(true)->execute_script(sql);
}

std::unique_ptr<db::Database> open_database(const Options& options) {
  if (!options.postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / "changwat-bench-monitoring.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file.string() + suffix);
    }
    return db::Database::open("sqlite:" + file.string());
  }
  run_on_postgres_server("CREATE DATABASE " + postgres_database_name());
  std::string url = postgres_server();
  url = url.substr(0, url.rfind('/') + 1) + postgres_database_name();
  return db::Database::open(url);
}

// ---- Generated data, through the services ----

// 30 strategies × 5 guidelines, `projects` main projects each with an agency and a
// subdistrict of the province (so a district).
std::int64_t make_plan(plan::PlanService& plans, const areas::AreaService& areas, int projects,
                       std::mt19937& random) {
  std::string province = areas.deployment_provinces().front();
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies(province)) agencies.push_back(agency.code);
  std::vector<std::string> subdistricts;
  for (const auto& area : areas.all_in(province)) {
    if (area.level == areas::Level::subdistrict) subdistricts.push_back(area.code);
  }
  std::vector<plan::Element> elements;
  std::int64_t key = 0;
  auto add = [&](plan::ElementKind kind, std::optional<std::int64_t> parent, std::string code,
                 std::string text) {
    plan::Element element;
    element.element_id = ++key;
    element.kind = kind;
    element.parent_id = parent;
    element.code = std::move(code);
    element.text_th = std::move(text);
    element.text_en = element.code;
    element.demo = true;
    elements.push_back(std::move(element));
    return key;
  };
  add(plan::ElementKind::vision, std::nullopt, "V", "ตราดเมืองมั่งคั่ง (ทดสอบ)");
  std::vector<std::int64_t> guidelines;
  for (int s = 1; s <= 30; ++s) {
    std::string code = "S" + std::to_string(s);
    auto strategy =
        add(plan::ElementKind::strategy, std::nullopt, code, "ประเด็นการพัฒนาที่ " + std::to_string(s));
    for (int g = 1; g <= 5; ++g) {
      guidelines.push_back(add(plan::ElementKind::guideline, strategy,
                               "G" + code + "." + std::to_string(g), "แนวทางการพัฒนา"));
    }
  }
  for (int p = 1; p <= projects; ++p) {
    add(plan::ElementKind::project, guidelines[random() % guidelines.size()],
        "P" + std::to_string(p), "โครงการพัฒนาแหล่งท่องเที่ยวชุมชนและถนนลาดยาง " + std::to_string(p));
    plan::ProjectDetails details;
    details.agency_code = agencies[random() % agencies.size()];
    details.area_codes = {subdistricts[random() % subdistricts.size()]};
    details.budget_source = plan::BudgetSource::provincial;
    details.budget_satang = static_cast<std::int64_t>(1'000'000 + random() % 50'000'000) * 100;
    elements.back().project = details;
  }
  plan::NewPlan header{"แผนพัฒนาจังหวัด (ทดสอบขนาดใหญ่)", "Big test plan", {2566, 2570}, {}, province};
  return plans.import_plan(Actor::command_line(), header, std::move(elements), true, std::nullopt);
}

std::int64_t make_action_plan(action_plan::ActionPlanService& service, std::int64_t plan_id,
                              int fiscal_year) {
  using namespace action_plan;
  auto tree = service.plans().tree(Actor::command_line(), plan_id, std::nullopt);
  const Month first = first_month_of(fiscal_year);
  std::vector<ProjectBook> books;
  int index = 0;
  for (const auto& element : tree->elements) {
    if (element.kind != plan::ElementKind::project || !element.project) continue;
    ProjectBook book;
    Project& project = book.project;
    project.element_id = element.element_id;
    project.code = element.code;
    project.name_th = element.text_th;
    project.agency_code = element.project->agency_code;
    project.budget_source = element.project->budget_source;
    project.requested = element.project->budget_satang;
    project.priority = ++index;
    int lines = index % 2 == 0 ? 2 : 1;  // 3,000 lines for 2,000 projects
    Satang each = project.requested / lines;
    for (int l = 0; l < lines; ++l) {
      LineBook line;
      line.line.gfmis_code = std::to_string(fiscal_year) + element.code + "-" + std::to_string(l);
      line.line.expense_type = l % 2 == 0 ? ExpenseType::operating : ExpenseType::investment;
      line.line.is_capital = l % 2 == 1;
      line.line.allocated = each;
      for (int m = 0; m < 12; ++m) {
        line.planned.push_back({first.plus(m), each / 12 * (m + 1)});
        Position position;
        position.month = first.plus(m);
        // Every seventh project lags far behind (warnings), the others keep pace.
        position.disbursed_to_date = (index % 7 == 0 ? each / 40 : each / 13) * (m + 1);
        position.po_outstanding = each / 20;
        position.source = PositionSource::demo;
        position.entered_by = "bench";
        position.entered_at = "2026-01-01T00:00:00Z";
        line.positions.push_back(position);
      }
      book.lines.push_back(std::move(line));
    }
    books.push_back(std::move(book));
  }
  ActionPlan header;
  header.province_code = tree->plan.province_code;
  header.plan_id = plan_id;
  header.fiscal_year = fiscal_year;
  header.name_th = "แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. " + std::to_string(fiscal_year) + " (ทดสอบ)";
  header.name_en = "Bench action plan";
  header.demo = true;
  return service.import_books(Actor::command_line(), header, books);
}

// 12 months of progress for every project (every eleventh stops after August).
void make_progress(progress::ProgressService& service, const action_plan::Ledger& ledger) {
  std::vector<progress::ProgressReport> reports;
  const Month first = action_plan::first_month_of(ledger.header.fiscal_year);
  int index = 0;
  for (const auto& book : ledger.books) {
    ++index;
    int months = index % 11 == 0 ? 11 : 12;
    for (int m = 0; m < months; ++m) {
      progress::ProgressReport report;
      report.province_code = ledger.header.province_code;
      report.element_id = book->project.element_id;
      report.action_plan_id = ledger.header.id;
      report.fiscal_year = ledger.header.fiscal_year;
      report.month = first.plus(m);
      report.physical_percent = std::min(100.0, 8.0 * (m + 1));
      report.status = m == 0           ? progress::ProgressStatus::procuring
                      : index % 9 == 0 ? progress::ProgressStatus::delayed
                                       : progress::ProgressStatus::in_progress;
      report.activities_th = "ดำเนินการตามแผน (ทดสอบ)";
      report.agency_code = book->project.agency_code;
      report.demo = true;
      report.entered_by = "bench";
      report.entered_at = "2026-01-01T00:00:00Z";
      reports.push_back(std::move(report));
    }
  }
  service.import_reports(Actor::command_line(), reports);
}

// One procurement per project: most contracted in time with two instalments (every
// thirteenth with the first overdue), every seventeenth never contracted.
void make_procurements(procurement::ProcurementService& service,
                       const action_plan::Ledger& ledger) {
  int index = 0;
  for (const auto& book : ledger.books) {
    ++index;
    procurement::ProcurementInput input;
    input.fiscal_year = ledger.header.fiscal_year;
    input.title_th = "จ้างก่อสร้าง (ทดสอบ) " + book->project.code;
    input.method = procurement::Method::e_bidding;
    input.reference_price_satang = book->allocated() * 9 / 10;
    input.egp_project_number = "69" + std::to_string(100000000 + index);
    input.allocated_on = "2025-10-15";
    input.stages.plan_published = "2025-10-24";
    input.stages.tor_hearing_from = "2025-10-27";
    input.stages.tor_hearing_to = "2025-11-03";
    input.stages.invitation = "2025-11-05";
    std::vector<procurement::Instalment> instalments;
    if (index % 17 != 0) {
      input.stages.bid_day = "2025-11-20";
      input.stages.winner_announced = "2025-11-28";
      input.stages.contract_signed = "2025-12-15";
      input.stages.contract_end = "2026-09-30";
      input.contract_number = "BENCH-" + std::to_string(index);
      input.contract_value_satang = input.reference_price_satang;
      procurement::Winner winner;
      winner.name = "ผู้รับจ้าง (ทดสอบ)";
      winner.agreed_satang = input.reference_price_satang;
      winner.reason_th = "ราคาต่ำสุด";
      input.winner = winner;
      Satang half = input.reference_price_satang / 2;
      procurement::Instalment first;
      first.number = 1;
      first.due_on = "2026-03-31";
      first.amount_satang = half;
      if (index % 13 != 0) {
        first.delivered_on = "2026-03-25";
        first.inspected_on = "2026-03-30";
        first.committee_th = "คณะกรรมการตรวจรับ (ทดสอบ)";
        first.accepted = true;
      }
      procurement::Instalment second;
      second.number = 2;
      second.due_on = "2026-09-30";
      second.amount_satang = input.reference_price_satang - half;
      instalments = {first, second};
    }
    service.import_demo("bench-" + std::to_string(index), book->project.element_id, input,
                        std::move(instalments), {});
  }
}

http::Request get_request(const std::string& target) {
  http::Request request;
  request.method = http::Method::get;
  request.target = target;
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  http::parse_target(request);
  return request;
}

int run(const Options& options) {
  std::printf("engine %s, load average at start %s\n", options.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(options);
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
  if (options.postgres) run_on_postgres_server("DROP DATABASE " + postgres_database_name());
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
