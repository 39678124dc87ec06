// Benchmark of the procurement module's read model (issue 10), the part the
// monitoring module's dashboards and warnings call, on SQLite (a real file) or
// PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL). 2,000 projects with 1-2
// procurements each (3,000 in all, every stage, contracts with 3 instalments):
//   - snapshot() warm (nothing changed: one revision read);
//   - snapshot() right after a write through the service (the state is patched, the
//     day's stages and deadlines recomputed for every procurement);
//   - snapshot() cold (a new service: every procurement, holiday and Cabinet
//     deadline read from the database);
//   - the questions of a warning pass on the snapshot: stage counts of 2,000
//     projects, not committed by the deadline, overdue instalments, late deadlines.
// Targets (issue 10): province dashboard p99 < 20 ms overall; warning evaluation for
// 2,000 projects < 100 ms. Results and commands: docs/performance.md, "Procurement".
//
// Usage: bench_procurement_read_model [--postgres] [--projects N] [--rounds N]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/module.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::procurement {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  bool postgres = false;
  int projects = 2000;
  int rounds = 300;
};

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--postgres") {
      settings.postgres = true;
    } else if (arg == "--projects" && i + 1 < argc) {
      settings.projects = std::atoi(argv[++i]);
    } else if (arg == "--rounds" && i + 1 < argc) {
      settings.rounds = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--postgres] [--projects N] [--rounds N]\n", argv[0]);
      std::exit(2);
    }
  }
  return settings;
}

std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// CPU time of this thread: what a step costs without the waits of a loaded machine.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void print(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  };
  std::printf("%-58s p50 %8.3f ms  p95 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", what, at(0.5),
              at(0.95), at(0.99), ms.back());
}

std::string postgres_database_name() {
  return "changwat_bench_procurement_" + std::to_string(::getpid());
}

std::unique_ptr<db::Database> open_database(const Settings& settings) {
  if (!settings.postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / "changwat-bench-procurement.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    return db::Database::open("sqlite:" + file.string());
  }
  const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
  if (!server) {
    std::fprintf(stderr,
                 "set CHANGWAT_TEST_POSTGRES_URL (scripts/pg-test-server.sh start DIR PORT)\n");
    std::exit(2);
  }
  db::Database::open(server, {.readers = 1})
      ->acquire(true)
      ->execute_script("CREATE DATABASE " + postgres_database_name());
  std::string url = server;
  return db::Database::open(url.substr(0, url.rfind('/') + 1) + postgres_database_name());
}

// A plan of `projects` projects under 30 strategies, and its FY 2569 action plan.
std::int64_t make_action_plan(plan::PlanService& plans, action_plan::ActionPlanService& service,
                              const areas::AreaService& areas, int projects, std::mt19937& random) {
  std::string province = areas.deployment_provinces().front();
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies(province)) agencies.push_back(agency.code);
  std::vector<plan::Element> elements;
  std::int64_t key = 0;
  auto add = [&](plan::ElementKind kind, std::optional<std::int64_t> parent, std::string code) {
    plan::Element element;
    element.element_id = ++key;
    element.kind = kind;
    element.parent_id = parent;
    element.code = std::move(code);
    element.text_th = "งานทดสอบ " + element.code;
    element.text_en = element.code;
    element.demo = true;
    elements.push_back(std::move(element));
    return key;
  };
  add(plan::ElementKind::vision, std::nullopt, "V");
  std::vector<std::int64_t> guidelines;
  for (int s = 1; s <= 30; ++s) {
    auto strategy = add(plan::ElementKind::strategy, std::nullopt, "S" + std::to_string(s));
    guidelines.push_back(add(plan::ElementKind::guideline, strategy, "G" + std::to_string(s)));
  }
  for (int p = 1; p <= projects; ++p) {
    add(plan::ElementKind::project, guidelines[random() % guidelines.size()],
        "P" + std::to_string(p));
    plan::ProjectDetails details;
    details.agency_code = agencies[random() % agencies.size()];
    details.budget_source = plan::BudgetSource::provincial;
    details.budget_satang = static_cast<std::int64_t>(1'000'000 + random() % 20'000'000) * 100;
    elements.back().project = details;
  }
  plan::NewPlan header{"แผนทดสอบขนาดใหญ่", "Big test plan", {2566, 2570}, {}, province};
  std::int64_t plan_id =
      plans.import_plan(Actor::command_line(), header, std::move(elements), true, std::nullopt);
  auto tree = plans.tree(Actor::command_line(), plan_id, std::nullopt);
  std::vector<action_plan::ProjectBook> books;
  for (const auto& element : tree->elements) {
    if (element.kind != plan::ElementKind::project || !element.project) continue;
    action_plan::ProjectBook book;
    book.project.element_id = element.element_id;
    book.project.code = element.code;
    book.project.name_th = element.text_th;
    book.project.agency_code = element.project->agency_code;
    book.project.requested = element.project->budget_satang;
    action_plan::LineBook line;
    line.line.gfmis_code = "B" + element.code;
    line.line.allocated = element.project->budget_satang;
    book.lines.push_back(std::move(line));
    books.push_back(std::move(book));
  }
  action_plan::ActionPlan action_plan;
  action_plan.province_code = province;
  action_plan.plan_id = plan_id;
  action_plan.fiscal_year = 2569;
  action_plan.name_th = "แผนปฏิบัติราชการ (ทดสอบ)";
  action_plan.demo = true;
  return service.import_books(Actor::command_line(), action_plan, books);
}

// A procurement with its first `step` stage dates (0 = preparing … 8 = every date;
// from 7 on, signed with a contract). The hearing's two dates come together.
ProcurementInput procurement_at(int step, Satang amount) {
  if (step == 2) step = 3;
  ProcurementInput input;
  input.fiscal_year = 2569;
  input.method = Method::e_bidding;
  input.reference_price_satang = amount;
  input.tor_hearing = true;
  input.allocated_on = "2025-10-15";
  const char* dates[] = {"2025-10-30", "2025-11-10", "2025-11-14", "2025-11-24",
                         "2025-12-10", "2025-12-18", "2026-01-05", "2026-09-30"};
  for (int i = 0; i < 8 && i < step; ++i) {
    stage_date(input.stages, static_cast<std::size_t>(i)) = dates[i];
  }
  if (step >= 7) {
    input.winner = Winner{"ผู้รับจ้าง (ทดสอบ)", std::nullopt, amount, "ราคาต่ำสุด"};
    input.contract_value_satang = amount;
    input.contract_number = "ทดสอบ";
  }
  return input;
}

int run(const Settings& settings) {
  std::printf("engine %s, load average at start %s\n", settings.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(settings);
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  action_plan::ActionPlanService action_plans(*database, areas, plans);
  std::mt19937 random(2569);
  auto start = Clock::now();
  std::int64_t action_plan_id =
      make_action_plan(plans, action_plans, areas, settings.projects, random);
  std::printf("plan and action plan of %d projects in %.0f ms\n", settings.projects,
              ms_since(start));

  ProcurementService service(*database, areas, action_plans);
  service.set_holidays(Actor::command_line(), 2025, "bench", {{"2025-12-05", "วันพ่อ", ""}},
                       std::nullopt);
  auto view = action_plans.view(action_plan_id);
  std::vector<std::int64_t> elements;
  for (const auto& book : view.ledger->books) elements.push_back(book->project.element_id);
  start = Clock::now();
  int made = 0;
  std::int64_t last_id = 0;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    int count = i % 2 == 0 ? 2 : 1;  // 3,000 procurements for 2,000 projects
    for (int k = 0; k < count; ++k) {
      int step = static_cast<int>((i + k) % 9);
      Satang amount = static_cast<Satang>(60'000'000 + random() % 900'000'000);
      std::vector<Instalment> instalments;
      if (step >= 7) {
        for (int n = 1; n <= 3; ++n) {
          Instalment item;
          item.number = n;
          item.due_on = n == 1 ? "2026-03-31" : n == 2 ? "2026-06-30" : "2026-09-30";
          item.amount_satang = amount / 3;
          instalments.push_back(item);
        }
      }
      last_id = service
                    .import_demo("bench-" + std::to_string(i) + "-" + std::to_string(k),
                                 elements[i], procurement_at(step, amount), instalments, {})
                    .procurement.id;
      ++made;
    }
  }
  std::printf("%d procurements written in %.0f ms\n", made, ms_since(start));

  const thai::Date today{2026, 7, 15};
  std::vector<double> cold, warm, after_write, writes, pass, after_write_cpu, pass_cpu;
  for (int r = 0; r < std::max(5, settings.rounds / 20); ++r) {
    ProcurementService fresh(*database, areas, action_plans);
    auto t = Clock::now();
    auto snapshot = fresh.snapshot(today);
    cold.push_back(ms_since(t));
  }
  service.snapshot(today);
  for (int r = 0; r < settings.rounds; ++r) {
    auto t = Clock::now();
    auto snapshot = service.snapshot(today);
    warm.push_back(ms_since(t));
  }
  ProcurementInput change = procurement_at(5, 80'000'000);
  for (int r = 0; r < settings.rounds; ++r) {
    change.egp_project_number = std::to_string(r);
    auto t = Clock::now();
    service.update(Actor::command_line(), last_id, change, std::nullopt);
    writes.push_back(ms_since(t));
    t = Clock::now();
    double cpu = thread_cpu_ms();
    auto snapshot = service.snapshot(today);
    after_write_cpu.push_back(thread_cpu_ms() - cpu);
    after_write.push_back(ms_since(t));
  }
  std::size_t counted = 0;
  for (int r = 0; r < settings.rounds; ++r) {
    auto t = Clock::now();
    double cpu = thread_cpu_ms();
    auto snapshot = service.snapshot(today);
    auto counts = snapshot->stage_counts(elements);
    auto late = snapshot->not_committed({});
    auto overdue = snapshot->overdue_instalments({});
    auto deadlines = snapshot->late_deadlines({});
    pass.push_back(ms_since(t));
    pass_cpu.push_back(thread_cpu_ms() - cpu);
    counted = late.size() + overdue.size() + deadlines.size() +
              static_cast<std::size_t>(counts.projects_without_procurement);
  }
  auto snapshot = service.snapshot(today);
  std::printf("snapshot: %zu procurements, %zu open instalments, %zu findings per pass\n",
              snapshot->procurements.size(), snapshot->open_instalments.size(), counted);
  print("snapshot() cold (new service, all from the database)", cold);
  print("snapshot() warm (nothing changed)", warm);
  print("PUT-equivalent write through the service", writes);
  print("snapshot() right after a write", after_write);
  print("  the same, CPU time of the thread", after_write_cpu);
  print("warning pass (snapshot + 4 questions, 2,000 projects)", pass);
  print("  the same, CPU time of the thread", pass_cpu);
  std::printf("load average at end %s\n", load_average().c_str());
  return 0;
}

}  // namespace
}  // namespace changwat::procurement

int main(int argc, char** argv) {
  return changwat::procurement::run(changwat::procurement::parse(argc, argv));
}
