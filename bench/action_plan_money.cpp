// Benchmark of the action plan module (issue 9) on a province-sized action plan, on
// SQLite (a real file) or PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL):
//   - GET /api/v1/action-plans/{id}/spending?by=strategy through the router, service
//     and JSON on 2,000 projects with 3,000 lines × 12 months of positions and
//     spending plans: warm (no write in between) and live (a month-end position
//     written through the service before each GET, so every GET recomputes);
//   - the annual action plan PDF of 2,000 projects (and the Excel workbook);
//   - the import of 100,000 month-end rows (satang CSV with budget codes): parse,
//     validate against every line and stored month, write; first into empty months,
//     then again over the same rows.
// Targets (issue 9): rollup p99 < 20 ms; import < 3 s on SQLite, < 2 s on
// PostgreSQL; PDF < 3 s. Results and commands: docs/performance.md, "Action plan and
// money".
//
// Usage: bench_action_plan_money [--postgres] [--projects N] [--rounds N]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "http/request_parsing.hpp"
#include "http/router.hpp"
#include "modules/action_plan/export.hpp"
#include "modules/action_plan/import.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::action_plan {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  bool postgres = false;
  int projects = 2000;
  int rounds = 400;
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

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
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
  std::printf("%-52s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, p.p50, p.p95,
              p.p99, p.max);
}

// ---- The database ----

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
  return "changwat_bench_money_" + std::to_string(::getpid());
}

void run_on_postgres_server(const std::string& sql) {
  auto maintenance = db::Database::open(postgres_server(), {.readers = 1, .busy_timeout_ms = 5000});
  maintenance->acquire(true)->execute_script(sql);
}

std::unique_ptr<db::Database> open_database(const Settings& settings) {
  if (!settings.postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / "changwat-bench-money.sqlite";
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

// ---- The plan: 30 strategies × 5 guidelines, `projects` main projects ----

std::int64_t make_plan(plan::PlanService& plans, const areas::AreaService& areas, int projects,
                       std::mt19937& random) {
  std::string province = areas.deployment_provinces().front();
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies(province)) agencies.push_back(agency.code);
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
    details.budget_source =
        p % 3 == 0 ? plan::BudgetSource::ministry : plan::BudgetSource::provincial;
    details.budget_satang = static_cast<std::int64_t>(1'000'000 + random() % 50'000'000) * 100;
    elements.back().project = details;
  }
  plan::NewPlan header{"แผนพัฒนาจังหวัด (ทดสอบขนาดใหญ่)", "Big test plan", {2566, 2570}, {}, province};
  return plans.import_plan(Actor::command_line(), header, std::move(elements), true, std::nullopt);
}

// An action plan of `fiscal_year` with every project of the plan: `lines_per` lines
// for each (the first `extra_lines` projects one more), with a spending plan and
// positions for `position_months` months when asked.
std::int64_t make_action_plan(ActionPlanService& service, std::int64_t plan_id, int fiscal_year,
                              int lines_per, int extra_lines, int position_months) {
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
    int lines = lines_per + (index <= extra_lines ? 1 : 0);
    Satang each = project.requested / lines;
    for (int l = 0; l < lines; ++l) {
      LineBook line;
      line.line.gfmis_code = std::to_string(fiscal_year) + element.code + "-" + std::to_string(l);
      line.line.expense_type = l % 2 == 0 ? ExpenseType::operating : ExpenseType::investment;
      line.line.is_capital = l % 2 == 1;
      line.line.allocated = each;
      for (int m = 0; m < 12 && position_months > 0; ++m) {
        line.planned.push_back({first.plus(m), each / 12 * (m + 1)});
      }
      for (int m = 0; m < position_months; ++m) {
        Position position;
        position.month = first.plus(m);
        position.disbursed_to_date = each / 14 * (m + 1);
        position.po_outstanding = each / 10;
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

http::Request spending_request(std::int64_t id) {
  http::Request request;
  request.method = http::Method::get;
  request.target = "/api/v1/action-plans/" + std::to_string(id) + "/spending?by=strategy";
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  http::parse_target(request);
  return request;
}

int run(const Settings& settings) {
  std::printf("engine %s, load average at start %s\n", settings.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(settings);
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  ActionPlanService service(*database, areas, plans);
  std::mt19937 random(2569);

  auto start = Clock::now();
  std::int64_t plan_id = make_plan(plans, areas, settings.projects, random);
  std::printf("plan of %d projects imported in %.2f s\n", settings.projects, seconds_since(start));
  // 3,000 lines for 2,000 projects: every project one line, half of them two.
  start = Clock::now();
  std::int64_t id = make_action_plan(service, plan_id, 2569, 1, settings.projects / 2, 12);
  auto view = service.view(id);
  std::size_t lines = 0;
  std::size_t positions = 0;
  for (const auto& book : view.ledger->books) {
    lines += book->lines.size();
    for (const auto& line : book->lines) positions += line.positions.size();
  }
  std::printf("action plan FY 2569: %zu projects, %zu lines, %zu positions, written in %.2f s\n",
              view.ledger->books.size(), lines, positions, seconds_since(start));

  // ---- Spending rollup ----
  http::Router router;
  register_routes(router, service);
  {
    auto request = spending_request(id);
    auto response = router.dispatch(request);
    if (response.status != 200) {
      std::fprintf(stderr, "spending: %d %s\n", response.status, response.body.c_str());
      return 1;
    }
    std::printf("spending?by=strategy: %zu bytes of JSON\n", response.body.size());
  }
  std::vector<double> warm;
  for (int i = 0; i < settings.rounds * 5; ++i) {
    auto request = spending_request(id);
    auto begin = Clock::now();
    auto response = router.dispatch(request);
    warm.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    if (response.status != 200) return 1;
  }
  print("GET spending?by=strategy, no write in between", percentiles(warm));

  // Live: a position written before each GET (the latest month of a random line, a
  // little more disbursed), so each GET sees a new revision and recomputes.
  std::vector<const ProjectBook*> books;
  for (const auto& book : view.ledger->books) books.push_back(book.get());
  std::vector<double> live;
  std::vector<double> writes;
  const Month last = first_month_of(2569).plus(11);
  for (int i = 0; i < settings.rounds; ++i) {
    const ProjectBook* book = books[random() % books.size()];
    auto current = service.view(id).ledger->find(book->project.element_id);
    const LineBook& line = current->lines[random() % current->lines.size()];
    const Position* latest = line.latest();
    PositionInput input;
    input.month = last;
    input.gfmis_code = line.line.gfmis_code;
    input.po_outstanding = 0;
    input.disbursed_to_date = std::min(line.line.allocated, latest->disbursed_to_date + 1);
    auto begin = Clock::now();
    service.set_position(Actor::command_line(), id, book->project.element_id, input);
    writes.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    auto request = spending_request(id);
    begin = Clock::now();
    auto response = router.dispatch(request);
    live.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    if (response.status != 200) return 1;
  }
  {
    // The rollup alone (no database read, no JSON), on the ledger in memory.
    auto current = service.view(id);
    TargetLine targets = service.target_line(2569);
    std::vector<double> rollup;
    for (int i = 0; i < settings.rounds; ++i) {
      auto begin = Clock::now();
      auto report = compute_spending(
          *current.ledger, *current.index, GroupBy::strategy, targets,
          [&](GroupBy by, const std::string& key) { return service.group_name(by, key); });
      rollup.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
      if (report.groups.empty()) return 1;
    }
    print("  of which the rollup in memory (compute_spending)", percentiles(rollup));
  }
  print("PUT …/positions/{month} (service, one write)", percentiles(writes));
  print("GET spending?by=strategy right after each write", percentiles(live));

  // ---- Documents ----
  for (int i = 0; i < 3; ++i) {
    start = Clock::now();
    std::string pdf = export_action_plan(service, id, ExportFormat::pdf);
    std::printf("action plan PDF, %d projects: %.2f s (%zu bytes)\n", settings.projects,
                seconds_since(start), pdf.size());
  }
  start = Clock::now();
  std::string workbook = export_action_plan(service, id, ExportFormat::xlsx);
  std::printf("action plan XLSX: %.2f s (%zu bytes)\n", seconds_since(start), workbook.size());

  // ---- Import of 100,000 rows ----
  // FY 2570: every project five lines (10,000 lines), ten months each.
  std::int64_t import_id = make_action_plan(service, plan_id, 2570, 5, 0, 0);
  auto import_view = service.view(import_id);
  const Month first = first_month_of(2570);
  auto csv_of = [&](Satang bump) {
    std::string csv =
        "element_id,month,po_outstanding_satang,disbursed_to_date_satang,gfmis_code\n";
    std::size_t rows = 0;
    for (const auto& book : import_view.ledger->books) {
      for (const auto& line : book->lines) {
        for (int m = 0; m < 10 && rows < 100'000; ++m, ++rows) {
          Satang disbursed = line.line.allocated / 20 * (m + 1) + bump;
          csv += std::to_string(book->project.element_id) + "," + to_string(first.plus(m)) + "," +
                 std::to_string(line.line.allocated / 20) + "," + std::to_string(disbursed) + "," +
                 line.line.gfmis_code + "\n";
        }
      }
    }
    return std::make_pair(csv, rows);
  };
  for (Satang bump : {Satang{0}, Satang{100}}) {
    auto [csv, rows] = csv_of(bump);
    // The parts, timed on their own first: reading the plan's money (cold after the
    // previous import), parsing the file, checking every row.
    start = Clock::now();
    auto before = service.view(import_id);
    double load_s = seconds_since(start);
    start = Clock::now();
    ParsedImport parsed = parse_position_file(csv);
    double parse_s = seconds_since(start);
    start = Clock::now();
    ValidatedImport checked =
        validate_import(*before.ledger, *before.index, parsed, {}, "bench", "2026-01-01T00:00:00Z");
    double validate_s = seconds_since(start);
    std::printf(
        "  parts: money read %.2f s, parse %.2f s, checks %.2f s (%zu new, %zu changed, %zu "
        "unchanged, %zu problems)\n",
        load_s, parse_s, validate_s, checked.inserts.size(), checked.updates.size(),
        checked.unchanged, checked.problem_count);
    start = Clock::now();
    ImportResult result =
        service.import_positions(Actor::command_line(), import_id, csv, "text/csv");
    std::printf("import %zu rows (%.1f MB CSV), %s: %.2f s\n", result.imported, csv.size() / 1e6,
                bump == 0 ? "new months" : "same months again", seconds_since(start));
    if (result.imported != rows) return 1;
  }

  std::printf("load average at end %s\n", load_average().c_str());
  database.reset();
  if (settings.postgres) run_on_postgres_server("DROP DATABASE " + postgres_database_name());
  return 0;
}

}  // namespace
}  // namespace changwat::action_plan

int main(int argc, char** argv) {
  try {
    return changwat::action_plan::run(changwat::action_plan::parse(argc, argv));
  } catch (const changwat::Error& error) {
    std::fprintf(stderr, "error: %s\n", error.message().en.c_str());
    for (const auto& [field, why] : error.fields()) {
      std::fprintf(stderr, "  %s: %s\n", field.c_str(), why.en.c_str());
    }
    return 1;
  }
}
