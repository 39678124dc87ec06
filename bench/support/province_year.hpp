#pragma once
// A province-sized fiscal year for benchmarks, generated through the modules' services
// (shared by bench_monitoring_dashboards and bench_portal_projects): a plan of N
// projects (each in a subdistrict, so a district, and an agency), its action plan with
// 12 months of positions and spending plans, 12 months of progress, a procurement per
// project; plus the timing helpers and the SQLite/PostgreSQL database of a run.
#include <time.h>
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

#include "http/request_parsing.hpp"
#include "http/router.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::bench {

using Clock = std::chrono::steady_clock;
using action_plan::Month;
using action_plan::Satang;

inline std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
inline double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread: what a request costs whatever else the machine runs (the
// wall-clock figures swing with the load of a shared machine).
inline double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

inline Percentiles percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  };
  return {at(0.50), at(0.95), at(0.99), ms.back()};
}

inline void print(const char* what, const Percentiles& p) {
  std::printf("%-56s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms  max %7.3f ms\n", what, p.p50, p.p95,
              p.p99, p.max);
}

inline const char* postgres_server() {
  const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
  if (!server) {
    std::fprintf(stderr,
                 "set CHANGWAT_TEST_POSTGRES_URL (scripts/pg-test-server.sh start DIR PORT)\n");
    std::exit(2);
  }
  return server;
}

// A database of its own on the server, named after the benchmark and the process.
inline std::string postgres_database_name(const std::string& bench) {
  return "changwat_bench_" + bench + "_" + std::to_string(::getpid());
}

inline void run_on_postgres_server(const std::string& sql) {
  auto maintenance = db::Database::open(postgres_server(), {.readers = 1, .busy_timeout_ms = 5000});
  maintenance->acquire(true)->execute_script(sql);
}

// A fresh SQLite file, or a fresh database on the PostgreSQL server.
inline std::unique_ptr<db::Database> open_database(bool postgres, const std::string& bench) {
  if (!postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("changwat-bench-" + bench + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file.string() + suffix);
    }
    return db::Database::open("sqlite:" + file.string());
  }
  run_on_postgres_server("CREATE DATABASE " + postgres_database_name(bench));
  std::string url = postgres_server();
  url = url.substr(0, url.rfind('/') + 1) + postgres_database_name(bench);
  return db::Database::open(url);
}

// ---- Generated data, through the services ----

// 30 strategies × 5 guidelines, `projects` main projects each with an agency and a
// subdistrict of the province (so a district).
inline std::int64_t make_plan(plan::PlanService& plans, const areas::AreaService& areas,
                              int projects, std::mt19937& random) {
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

inline std::int64_t make_action_plan(action_plan::ActionPlanService& service, std::int64_t plan_id,
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
inline void make_progress(progress::ProgressService& service, const action_plan::Ledger& ledger) {
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
inline void make_procurements(procurement::ProcurementService& service,
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

inline http::Request get_request(const std::string& target) {
  http::Request request;
  request.method = http::Method::get;
  request.target = target;
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  http::parse_target(request);
  return request;
}

}  // namespace changwat::bench
