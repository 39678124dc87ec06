// Benchmark of the reports and KPI results modules (issue 10) on a province-sized
// action plan, on SQLite (a real file) or PostgreSQL (--postgres,
// CHANGWAT_TEST_POSTGRES_URL):
//   - the eMENSCR workbook of 2,000 projects (each with two indicators, alignment
//     links on its strategy and itself, two budget lines with 12 month-end positions,
//     M-step statuses entered for every project) — target < 3 s;
//   - the quarterly results report PDF of the same action plan;
//   - KPI scores of the plan (40 KPIs with rubrics and four quarters of actuals),
//     the call dashboards make: warm, and right after a write of an actual — target
//     p99 < 20 ms (dashboards).
// Results and commands: docs/performance.md, "KPI results and official reports".
//
// Usage: bench_reports_emenscr [--postgres] [--projects N] [--rounds N]
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
#include "modules/action_plan/module.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "modules/reports/service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::reports {
namespace {

using Clock = std::chrono::steady_clock;
using action_plan::Month;

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
  return "changwat_bench_reports_" + std::to_string(::getpid());
}

std::unique_ptr<db::Database> open_database(const Settings& settings) {
  if (!settings.postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / "changwat-bench-reports.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    return db::Database::open("sqlite:" + file.string());
  }
  auto maintenance = db::Database::open(postgres_server(), {.readers = 1, .busy_timeout_ms = 5000});
  maintenance->acquire(true)->execute_script("CREATE DATABASE " + postgres_database_name());
  std::string url = postgres_server();
  url = url.substr(0, url.rfind('/') + 1) + postgres_database_name();
  return db::Database::open(url);
}

// 30 strategies × 5 guidelines, 40 KPIs (one or two per strategy), `projects`
// projects with two indicators each; alignment links on strategies and projects.
std::int64_t make_plan(plan::PlanService& plans, const areas::AreaService& areas, int projects,
                       std::mt19937& random) {
  std::string province = areas.deployment_provinces().front();
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies(province)) agencies.push_back(agency.code);
  std::vector<std::string> codes;
  for (const auto& target : plans.catalog().targets()) codes.push_back(target.code);
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
  int kpis = 0;
  for (int s = 1; s <= 30; ++s) {
    std::string code = "S" + std::to_string(s);
    auto strategy =
        add(plan::ElementKind::strategy, std::nullopt, code, "ประเด็นการพัฒนาที่ " + std::to_string(s));
    elements.back().alignment_codes = {codes[random() % codes.size()],
                                       codes[random() % codes.size()]};
    for (int k = 0; k < (s <= 10 ? 2 : 1); ++k) {
      add(plan::ElementKind::kpi, strategy, "K" + std::to_string(++kpis), "ตัวชี้วัดทดสอบ");
      plan::KpiDetails details;
      details.unit_th = "ร้อยละ";
      for (int year = 2566; year <= 2570; ++year)
        details.targets.push_back({year, 50.0 + (year - 2566) * 5, 1});
      details.owner_agency_code = agencies[random() % agencies.size()];
      elements.back().kpi = details;
    }
    for (int g = 1; g <= 5; ++g) {
      guidelines.push_back(add(plan::ElementKind::guideline, strategy,
                               "G" + code + "." + std::to_string(g), "แนวทางการพัฒนา"));
    }
  }
  for (int p = 1; p <= projects; ++p) {
    add(plan::ElementKind::project, guidelines[random() % guidelines.size()],
        "P" + std::to_string(p), "โครงการพัฒนาแหล่งท่องเที่ยวชุมชนและถนนลาดยาง " + std::to_string(p));
    elements.back().alignment_codes = {codes[random() % codes.size()]};
    plan::ProjectDetails details;
    details.agency_code = agencies[random() % agencies.size()];
    details.budget_source = plan::BudgetSource::provincial;
    details.budget_satang = static_cast<std::int64_t>(1'000'000 + random() % 50'000'000) * 100;
    details.indicators = {{plan::IndicatorLevel::output, "ถนนลาดยางระยะทาง", "", "กิโลเมตร", 2.5},
                          {plan::IndicatorLevel::outcome, "นักท่องเที่ยวเพิ่มขึ้น", "", "ร้อยละ", 10}};
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
    Satang each = project.requested / 2;
    for (int l = 0; l < 2; ++l) {
      LineBook line;
      line.line.gfmis_code = std::to_string(fiscal_year) + element.code + "-" + std::to_string(l);
      line.line.expense_type = l == 0 ? ExpenseType::operating : ExpenseType::investment;
      line.line.is_capital = l == 1;
      line.line.allocated = each;
      for (int m = 0; m < 12; ++m) {
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

int run(const Settings& settings) {
  std::printf("engine %s, load average at start %s\n", settings.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(settings);
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  action_plan::ActionPlanService action_plans(*database, areas, plans);
  kpi_results::KpiResultsService kpis(*database, areas, plans);
  progress::ProgressService progress(
      *database, areas, plans, action_plans,
      progress::ProgressOptions{"/tmp/changwat-bench-photos", false});
  procurement::ProcurementService procurements(*database, areas, action_plans);
  ReportsService reports(*database, areas, plans, action_plans, progress, procurements, kpis);
  std::mt19937 random(2569);
  Actor loader = Actor::command_line();

  auto start = Clock::now();
  std::int64_t plan_id = make_plan(plans, areas, settings.projects, random);
  std::int64_t id = make_action_plan(action_plans, plan_id, 2569);
  std::printf("plan and action plan of %d projects made in %.2f s\n", settings.projects,
              seconds_since(start));

  // M-step statuses for every project, KPI rubrics and four quarters of actuals.
  start = Clock::now();
  auto tree = plans.tree(loader, plan_id, std::nullopt);
  std::vector<std::int64_t> kpi_ids;
  std::size_t project_count = 0;
  database->write([&](db::Connection&) {
    for (const auto& element : tree->elements) {
      if (element.kind == plan::ElementKind::project) {
        ++project_count;
        StepsInput steps;
        for (int step = 1; step <= 5; ++step)
          steps.steps.push_back({step, "บันทึกแล้ว", std::string("2026-01-15")});
        reports.import_steps(loader, id, element.element_id, steps, true);
      } else if (element.kind == plan::ElementKind::kpi) {
        kpi_ids.push_back(element.element_id);
        kpi_results::RubricInput rubric;
        rubric.thresholds = {{40, 1}, {50, 2}, {60, 3}, {70, 4}, {80, 5}};
        rubric.weight = 1 + static_cast<double>(random() % 5);
        kpis.import_rubric(loader, element.element_id, rubric, true);
        for (auto period : {kpi_results::Period::q1, kpi_results::Period::q2,
                            kpi_results::Period::q3, kpi_results::Period::q4}) {
          kpi_results::ActualInput actual;
          actual.fiscal_year = 2569;
          actual.period = period;
          actual.value = 40 + static_cast<double>(random() % 4000) / 100.0;
          actual.evidence_th = "รายงานผล (ทดสอบ)";
          kpis.import_actual(loader, element.element_id, actual, true);
        }
      }
    }
  });
  // Six months of progress for every project (October to March), with texts.
  std::vector<progress::ProgressReport> progress_reports;
  const Month first = action_plan::first_month_of(2569);
  for (const auto& element : tree->elements) {
    if (element.kind != plan::ElementKind::project) continue;
    for (int m = 0; m < 6; ++m) {
      progress::ProgressReport report;
      report.province_code = tree->plan.province_code;
      report.element_id = element.element_id;
      report.action_plan_id = id;
      report.fiscal_year = 2569;
      report.month = first.plus(m);
      report.physical_percent = 10.0 * (m + 1);
      report.status =
          m < 2 ? progress::ProgressStatus::procuring : progress::ProgressStatus::in_progress;
      report.activities_th = "ดำเนินการก่อสร้างตามสัญญา งวดที่ " + std::to_string(m + 1);
      report.problems_th = m == 5 ? "ฝนตกหนัก เข้าพื้นที่ไม่ได้" : "";
      report.fixes_th = m == 5 ? "ขยายเวลาตามสัญญา" : "";
      report.agency_code = element.project ? element.project->agency_code : std::nullopt;
      report.demo = true;
      report.entered_by = "bench";
      report.entered_at = "2026-04-01T00:00:00Z";
      progress_reports.push_back(std::move(report));
    }
  }
  progress.import_reports(loader, progress_reports);
  std::printf("%zu projects' M-steps and 6 months of progress, %zu KPIs' rubrics and actuals stored in %.2f s\n",
              project_count, kpi_ids.size(), seconds_since(start));

  Actor reader;
  reader.principal = Principal{};
  reader.principal->username = "bench";
  reader.principal->role = Role::executive;
  reader.principal->province_code = tree->plan.province_code;

  // The eMENSCR workbook: first (cold caches) and three more.
  std::vector<double> workbook_seconds;
  std::size_t workbook_bytes = 0;
  for (int i = 0; i < 4; ++i) {
    start = Clock::now();
    workbook_bytes = reports.emenscr_xlsx(reader, id, 2).size();
    workbook_seconds.push_back(seconds_since(start));
  }
  std::printf("eMENSCR workbook of %d projects: first %.2f s, then %.2f / %.2f / %.2f s (%zu KB)\n",
              settings.projects, workbook_seconds[0], workbook_seconds[1], workbook_seconds[2],
              workbook_seconds[3], workbook_bytes / 1024);
  start = Clock::now();
  std::size_t pdf_bytes = reports.quarterly_pdf(reader, id, 2).size();
  std::printf("quarterly report PDF of %d projects: %.2f s (%zu KB)\n", settings.projects,
              seconds_since(start), pdf_bytes / 1024);

  // KPI scores as dashboards ask for them: warm, and after each write of an actual.
  std::vector<double> warm;
  for (int i = 0; i < settings.rounds; ++i) {
    auto t = Clock::now();
    auto scores = kpis.scores(plan_id, 2569);
    warm.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    if (!scores->province) std::abort();
  }
  print("KPI scores, warm (40 KPIs, 30 strategies)", percentiles(warm));
  std::vector<double> live;
  std::vector<double> writes;
  Actor strategy = reader;
  strategy.principal->role = Role::strategy_officer;
  for (int i = 0; i < settings.rounds; ++i) {
    std::int64_t kpi = kpi_ids[static_cast<std::size_t>(i) % kpi_ids.size()];
    auto stored = kpis.actuals(strategy, kpi, 2569);
    kpi_results::ActualInput actual;
    actual.fiscal_year = 2569;
    actual.period = kpi_results::Period::q4;
    actual.value = 40 + static_cast<double>(random() % 4000) / 100.0;
    actual.evidence_th = "รายงานผล (ทดสอบ)";
    for (const auto& row : stored)
      if (row.period == kpi_results::Period::q4) actual.expected_version = row.version;
    auto t = Clock::now();
    kpis.set_actual(strategy, kpi, actual);
    writes.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    t = Clock::now();
    auto scores = kpis.scores(plan_id, 2569);
    live.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    bool seen = false;
    for (const auto& score : scores->kpis)
      if (score.element_id == kpi && score.value == actual.value) seen = true;
    if (!seen) {
      std::fprintf(stderr, "the write did not show in the scores\n");
      return 1;
    }
  }
  print("KPI actual write (PUT through the service)", percentiles(writes));
  print("KPI scores right after each write", percentiles(live));
  std::printf("load average at end %s\n", load_average().c_str());
  return 0;
}

}  // namespace
}  // namespace changwat::reports

int main(int argc, char** argv) {
  return changwat::reports::run(changwat::reports::parse(argc, argv));
}
