// Benchmark of the plan module on a big plan in a real SQLite file: 5,000 elements
// (vision … programs, KPIs with five yearly targets) and 20,000 projects. Measures
//   - GET /api/v1/plans/{id}/tree through the router, service and JSON: cold (a
//     fresh service, so the tree is read and serialized) and warm (cached frozen
//     version), latency percentiles and requests per second on N threads;
//   - the diff of two versions (version 2 changes ~2% and adds/removes projects);
//   - Thai project search over the 20,000 projects, and over 100,000 documents;
//   - the whole-version copy of a revision.
// Usage: bench_plan_tree [--keep PATH | --reuse PATH] [--threads N] [--seconds S]
// --keep leaves the database at PATH for `changwat serve` + wrk (bench/plan_wrk.sh).
// Results and commands: docs/performance.md, section "Strategic plan".
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "db/migrations.hpp"
#include "http/router.hpp"
#include "modules/plan/diff.hpp"
#include "modules/plan/json.hpp"
#include "modules/plan/module.hpp"
#include "modules/plan/search_index.hpp"
#include "modules/plan/tree_writer.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::plan {
namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string keep;
  std::string reuse;  // an existing database made with --keep: skip building
  int threads = 2;
  double seconds = 5;
};

const std::vector<std::string> kVerbs{"พัฒนา",   "ส่งเสริม", "ก่อสร้าง", "ปรับปรุง", "ฟื้นฟู",
                                      "ยกระดับ", "อนุรักษ์",  "ขยาย",   "จัดตั้ง",   "เสริมสร้าง"};
const std::vector<std::string> kObjects{
    "แหล่งท่องเที่ยวชุมชน", "ถนนลาดยางสายหมู่บ้าน", "ระบบประปาหมู่บ้าน", "ป่าชายเลน",
    "ตลาดผลไม้คุณภาพ",   "ท่าเทียบเรือประมง",    "ศูนย์เรียนรู้เกษตร",  "ระบบจัดการขยะ",
    "ฝายชะลอน้ำ",       "วิสาหกิจชุมชน",        "โรงเรียนขนาดเล็ก", "การดูแลผู้สูงอายุ",
    "ด่านการค้าชายแดน",  "แนวปะการัง",         "เส้นทางจักรยาน",   "ผลิตภัณฑ์ OTOP"};

std::string pick(const std::vector<std::string>& items, std::mt19937& random) {
  return items[random() % items.size()];
}

// The big plan, parents first, with the caller's keys as ids.
std::vector<Element> generate(const areas::AreaService& areas, std::mt19937& random,
                              int elements_target, int projects_target) {
  std::vector<std::string> area_codes;
  for (const auto& area : areas.all_in("23")) {
    if (area.code != "23") area_codes.push_back(area.code);
  }
  std::vector<std::string> agencies;
  for (const auto& agency : areas.agencies("23")) agencies.push_back(agency.code);
  std::vector<Element> out;
  std::int64_t key = 0;
  auto add = [&](ElementKind kind, std::optional<std::int64_t> parent, std::string code,
                 std::string text) -> std::int64_t {
    Element element;
    element.element_id = ++key;
    element.kind = kind;
    element.parent_id = parent;
    element.code = std::move(code);
    element.text_th = std::move(text);
    element.text_en = "Generated " + std::string(to_string(kind)) + " " + element.code;
    element.demo = true;
    out.push_back(std::move(element));
    return key;
  };
  add(ElementKind::vision, std::nullopt, "V",
      "ตราดเมืองมั่งคั่ง ชุมชนมั่นคง ทรัพยากรธรรมชาติและสิ่งแวดล้อมยั่งยืน");
  for (int i = 1; i <= 5; ++i)
    add(ElementKind::mission, std::nullopt, "M" + std::to_string(i), "พันธกิจ " + std::to_string(i));
  for (int i = 1; i <= 4; ++i)
    add(ElementKind::value, std::nullopt, "VAL" + std::to_string(i), "ค่านิยม " + std::to_string(i));
  const int strategies = 30;
  const int guidelines_per_strategy = 20;  // 600 guidelines
  std::vector<std::int64_t> containers;    // guidelines and programs take projects
  for (int s = 1; s <= strategies; ++s) {
    std::string sc = "S" + std::to_string(s);
    auto strategy = add(ElementKind::strategy, std::nullopt, sc,
                        "ประเด็นการพัฒนาที่ " + std::to_string(s) + " " + pick(kVerbs, random) +
                            pick(kObjects, random));
    out.back().dimensions = {static_cast<Dimension>(s % 4)};
    out.back().alignment_codes = {"NS-" + std::to_string(1 + s % 6)};
    for (int g = 1; g <= guidelines_per_strategy; ++g) {
      std::string gc = sc + "." + std::to_string(g);
      containers.push_back(add(ElementKind::guideline, strategy, "G" + gc,
                               "แนวทาง " + pick(kVerbs, random) + pick(kObjects, random)));
    }
  }
  // KPIs (with five targets each) and programs fill up to `elements_target`.
  int kpis = 0;
  int programs = 0;
  std::size_t guideline_count = containers.size();
  while (static_cast<int>(out.size()) < elements_target) {
    std::int64_t guideline = containers[random() % guideline_count];
    if (out.size() % 2 == 0) {
      add(ElementKind::kpi, guideline, "K" + std::to_string(++kpis),
          "ตัวชี้วัด " + pick(kObjects, random));
      KpiDetails kpi;
      kpi.unit_th = "ร้อยละ";
      kpi.baseline_value = 40;
      kpi.baseline_year = 2565;
      for (int year = 2566; year <= 2570; ++year)
        kpi.targets.push_back({year, 40.0 + (year - 2565) * 5, 1});
      out.back().kpi = kpi;
    } else {
      containers.push_back(add(ElementKind::program, guideline, "PG" + std::to_string(++programs),
                               "แผนงาน" + pick(kVerbs, random) + pick(kObjects, random)));
    }
  }
  for (int p = 1; p <= projects_target; ++p) {
    std::int64_t parent = containers[random() % containers.size()];
    std::string text = pick(kVerbs, random) + pick(kObjects, random) + " " + std::to_string(p);
    add(ElementKind::project, parent, "P" + std::to_string(p), text);
    ProjectDetails project;
    project.kind = p % 10 == 0 ? ProjectKind::reserve : ProjectKind::main;
    if (project.kind == ProjectKind::reserve) project.ranking = p / 10;
    project.agency_code = agencies[random() % agencies.size()];
    int area_count = 1 + static_cast<int>(random() % 3);
    for (int a = 0; a < area_count; ++a)
      project.area_codes.push_back(area_codes[random() % area_codes.size()]);
    project.budget_satang = static_cast<std::int64_t>(100'000 + random() % 50'000'000) * 100;
    project.first_fiscal_year = 2567;
    project.last_fiscal_year = 2568;
    project.objectives_th = "เพื่อ" + text;
    out.back().project = project;
  }
  return out;
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

Percentiles percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  };
  Percentiles p;
  p.p50 = at(0.50);
  p.p95 = at(0.95);
  p.p99 = at(0.99);
  p.max = ms.back();
  for (double x : ms) p.mean += x;
  p.mean /= static_cast<double>(ms.size());
  return p;
}

template <class Work>
Percentiles time_it(int runs, Work&& work) {
  std::vector<double> ms;
  ms.reserve(runs);
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return percentiles(std::move(ms));
}

void print(const char* what, const Percentiles& p) {
  std::printf("%-46s p50 %8.3f ms  p95 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", what, p.p50, p.p95,
              p.p99, p.max);
}

http::Request tree_request(std::int64_t plan_id, bool gzip) {
  http::Request request;
  request.method = http::Method::get;
  request.path = "/api/v1/plans/" + std::to_string(plan_id) + "/tree";
  request.target = request.path;
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  if (gzip) request.headers.emplace_back("accept-encoding", "gzip");
  return request;
}

// Imports the big plan as approved version 1, then makes version 2 by a revision
// that changes ~2% of the elements, removes ~100 projects and adds 100.
std::int64_t build_plan(PlanService& service, const areas::AreaService& areas, std::mt19937& random,
                        const std::filesystem::path& file) {
  Actor system = Actor::command_line();
  auto elements = generate(areas, random, 5000, 20000);
  auto start = Clock::now();
  std::int64_t plan_id = service.import_plan(
      system, {"แผนทดสอบขนาดใหญ่", "Big test plan", {2566, 2570}, {}, std::nullopt}, elements, true,
      std::nullopt);
  double import_s = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("imported %zu elements (%d projects) in %.2f s into %s\n", elements.size(), 20000,
              import_s, file.c_str());

  // Version 2: a revision changing ~2% of the elements.
  start = Clock::now();
  service.start_revision(system, plan_id, "bench revision");
  double revision_s = std::chrono::duration<double>(Clock::now() - start).count();
  auto draft = service.tree(system, plan_id, 2);
  int changed = 0, removed = 0, added = 0;
  for (const auto& element : draft->elements) {
    if (element.kind == ElementKind::project && element.element_id % 50 == 0) {
      Element edit = element;
      edit.text_th += " (ปรับ)";
      edit.project->budget_satang += 100'000;
      service.update_element(system, plan_id, edit, element.version);
      ++changed;
    } else if (element.kind == ElementKind::kpi && element.element_id % 40 == 0) {
      service.set_target(system, plan_id, element.element_id, 2568, 99.0,
                         element.kpi->targets[2].version);
      ++changed;
    } else if (element.kind == ElementKind::project && element.element_id % 199 == 0 &&
               removed < 100) {
      service.delete_element(system, plan_id, element.element_id, element.version);
      ++removed;
    }
  }
  std::int64_t some_guideline = 0;
  for (const auto& element : draft->elements) {
    if (element.kind == ElementKind::guideline) some_guideline = element.element_id;
  }
  for (int i = 0; i < 100; ++i) {
    Element project;
    project.kind = ElementKind::project;
    project.parent_id = some_guideline;
    project.position = -1;
    project.code = "NEW" + std::to_string(i);
    project.text_th = "โครงการใหม่ในฉบับปรับ " + std::to_string(i);
    project.project.emplace();
    project.project->agency_code = "TRAT-PO";
    project.project->area_codes = {"2301"};
    service.create_element(system, plan_id, project);
    ++added;
  }
  service.approve(system, plan_id, 2, "bench");
  std::printf(
      "revision copy of %zu rows' version: %.3f s; version 2: %d changed, %d removed, %d added\n",
      draft->elements.size(), revision_s, changed, removed, added);

  return plan_id;
}

int run(const Options& options) {
  std::filesystem::path folder = std::filesystem::temp_directory_path() / "changwat-plan-bench";
  std::filesystem::path file;
  if (!options.reuse.empty()) {
    file = options.reuse;
  } else {
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    file = options.keep.empty() ? folder / "plan.db" : std::filesystem::path(options.keep);
    std::filesystem::remove(file);
  }
  auto database =
      db::Database::open("sqlite:" + file.string(), {.readers = std::max(4, options.threads * 2)});
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::seed_demo_villages(*database);
  areas::AreaService areas(*database);
  Actor system = Actor::command_line();
  std::mt19937 random(2568);
  PlanService service(*database, areas);
  std::int64_t plan_id = options.reuse.empty() ? build_plan(service, areas, random, file)
                                               : service.list_plans(system).back().id;

  http::Router router;
  register_routes(router, service);

  // Cold: a fresh service each time, so the tree is read from SQLite and serialized.
  print("tree GET cold (fresh service: SQL + JSON)", time_it(5, [&] {
          PlanService fresh(*database, areas);
          http::Router cold_router;
          register_routes(cold_router, fresh);
          auto request = tree_request(plan_id, false);
          auto response = cold_router.dispatch(request);
          benchmark::DoNotOptimize(response.body.size());
        }));
  print("tree load cold (fresh service: SQL only)", time_it(5, [&] {
          PlanService fresh(*database, areas);
          benchmark::DoNotOptimize(fresh.tree(system, plan_id, std::nullopt)->elements.size());
        }));
  {
    auto loaded = service.tree(system, plan_id, std::nullopt);
    print("tree serialize (JSON only)",
          time_it(5, [&] { benchmark::DoNotOptimize(write_tree_json(*loaded).size()); }));
  }
  auto warm = tree_request(plan_id, false);
  auto size = router.dispatch(warm).body.size();
  auto gzip_request = tree_request(plan_id, true);
  auto gzip_size = router.dispatch(gzip_request).body.size();
  std::printf("tree JSON %.2f MB, gzip %.2f MB\n", size / 1e6, gzip_size / 1e6);
  print("tree GET warm, identity (router+service+cache)", time_it(300, [&] {
          auto request = tree_request(plan_id, false);
          benchmark::DoNotOptimize(router.dispatch(request).body.size());
        }));
  print("tree GET warm, gzip", time_it(2000, [&] {
          auto request = tree_request(plan_id, true);
          benchmark::DoNotOptimize(router.dispatch(request).body.size());
        }));
  // Throughput on N threads (in process, gzip as browsers and wrk -H send it).
  {
    std::atomic<long> done{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    auto begin = Clock::now();
    for (int t = 0; t < options.threads; ++t) {
      threads.emplace_back([&] {
        while (!stop) {
          auto request = tree_request(plan_id, true);
          benchmark::DoNotOptimize(router.dispatch(request).body.size());
          ++done;
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
    stop = true;
    for (auto& thread : threads) thread.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    std::printf("tree GET gzip throughput on %d threads: %.0f req/s\n", options.threads,
                done / elapsed);
  }

  print("diff v1..v2 cold (fresh service, loads both)", time_it(3, [&] {
          PlanService fresh(*database, areas);
          benchmark::DoNotOptimize(fresh.diff(system, plan_id, 1, 2).changed.size());
        }));
  auto diff = service.diff(system, plan_id, 1, 2);
  std::printf("diff: %zu added, %zu removed, %zu changed\n", diff.added.size(), diff.removed.size(),
              diff.changed.size());
  print("diff v1..v2 warm (cached trees)", time_it(50, [&] {
          benchmark::DoNotOptimize(service.diff(system, plan_id, 1, 2).changed.size());
        }));
  auto tree1 = service.tree(system, plan_id, 1);
  auto tree2 = service.tree(system, plan_id, 2);
  print("compare_versions only", time_it(50, [&] {
          benchmark::DoNotOptimize(compare_versions(*tree1, *tree2).changed.size());
        }));
  print("compare_versions v1..v1 (no differences)", time_it(50, [&] {
          benchmark::DoNotOptimize(compare_versions(*tree1, *tree1).changed.size());
        }));
  print("diff document built (compare + JSON)", time_it(50, [&] {
          benchmark::DoNotOptimize(
              boost::json::serialize(diff_to_json(compare_versions(*tree1, *tree2))).size());
        }));
  print("diff GET (document cached after the first)", time_it(50, [&] {
          http::Request request = tree_request(plan_id, false);
          request.path = "/api/v1/plans/" + std::to_string(plan_id) + "/diff";
          request.query = {{"from", "1"}, {"to", "2"}};
          benchmark::DoNotOptimize(router.dispatch(request).body.size());
        }));

  auto start = Clock::now();
  auto first_hits = service.search_projects("ท่องเที่ยว", 20);
  std::printf("project search index build (20,000 projects): %.2f s\n",
              std::chrono::duration<double>(Clock::now() - start).count());
  std::vector<std::string> queries;
  for (const auto& object : kObjects) queries.push_back(object);
  for (const auto& verb : kVerbs) queries.push_back(verb + " ชุมชน");
  std::size_t q = 0;
  print(
      "search_projects over 20,000 (service)", time_it(1000, [&] {
        benchmark::DoNotOptimize(service.search_projects(queries[q++ % queries.size()], 20).size());
      }));
  benchmark::DoNotOptimize(first_hits.size());

  std::vector<ProjectSearchIndex::Document> documents;
  for (int i = 0; i < 100'000; ++i) {
    ProjectSearchIndex::Document document;
    document.hit.element_id = i;
    document.text = pick(kVerbs, random) + pick(kObjects, random) + "ตำบล" +
                    std::to_string(i % 38) + " " + pick(kVerbs, random) + pick(kObjects, random);
    documents.push_back(std::move(document));
  }
  start = Clock::now();
  ProjectSearchIndex big(std::move(documents));
  std::printf("search index build (100,000 documents): %.2f s\n",
              std::chrono::duration<double>(Clock::now() - start).count());
  print("search over 100,000 documents (index only)", time_it(1000, [&] {
          benchmark::DoNotOptimize(big.search(queries[q++ % queries.size()], 20).size());
        }));
  if (options.keep.empty() && options.reuse.empty()) std::filesystem::remove_all(folder);
  return 0;
}

}  // namespace
}  // namespace changwat::plan

int main(int argc, char** argv) {
  changwat::plan::Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--keep" && i + 1 < argc)
      options.keep = argv[++i];
    else if (arg == "--reuse" && i + 1 < argc)
      options.reuse = argv[++i];
    else if (arg == "--threads" && i + 1 < argc)
      options.threads = std::stoi(argv[++i]);
    else if (arg == "--seconds" && i + 1 < argc)
      options.seconds = std::stod(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s [--keep PATH | --reuse PATH] [--threads N] [--seconds S]\n",
                   argv[0]);
      return 2;
    }
  }
  return changwat::plan::run(options);
}
