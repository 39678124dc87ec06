// Thai search over 100,000 needs and 20,000 projects in a real database: the
// latency of GET /api/v1/search's service call (needs through SQLite FTS5 or the
// PostgreSQL GIN index, projects through the plan module's index) and of the
// needs query alone, as p50/p95/p99 over many Thai queries.
//
//   bench_search_thai [--postgres] [--needs N] [--projects N] [--rounds N]
//
// SQLite uses CHANGWAT_BENCH_SEARCH_DB (default /tmp/changwat-bench-search.sqlite),
// kept between runs and refilled only when its row counts differ. PostgreSQL uses
// the server in CHANGWAT_TEST_POSTGRES_URL (scripts/pg-test-server.sh) and a fresh
// database in it, dropped at the end unless CHANGWAT_BENCH_KEEP_DB is set. Figures:
// docs/performance.md, "Participation and search".
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "db/migrations.hpp"
#include "modules/participation/need_store.hpp"
#include "modules/participation/service.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/reference_data.hpp"
#include "thai/text.hpp"

namespace {

using namespace changwat;
using Clock = std::chrono::steady_clock;

struct Settings {
  bool postgres = false;
  std::int64_t needs = 100000;
  std::int64_t projects = 20000;
  int rounds = 30;
};

// Pieces of Thai needs and project names; joined without spaces, as people write.
const std::vector<std::string> kActions = {"ขอ",     "ต้องการ",   "ปรับปรุง", "ส่งเสริม", "พัฒนา",
                                           "ซ่อมแซม", "ก่อสร้าง",   "ขยาย",   "ฟื้นฟู",    "จัดหา",
                                           "สนับสนุน", "แก้ไขปัญหา", "ยกระดับ", "อนุรักษ์"};
const std::vector<std::string> kThings = {"ถนนลาดยาง",          "ระบบประปาหมู่บ้าน",
                                          "การท่องเที่ยวชุมชน",     "ท่าเทียบเรือประมง",
                                          "ศูนย์ดูแลผู้สูงอายุ",       "ฝายชะลอน้ำ",
                                          "ไฟส่องสว่างริมทาง",     "ตลาดผลไม้",
                                          "อินเทอร์เน็ตความเร็วสูง", "ป่าชายเลน",
                                          "ระบบระบายน้ำ",        "ลานกีฬาเยาวชน",
                                          "โรงเรียนขนาดเล็ก",     "รถพยาบาลฉุกเฉิน",
                                          "ระบบจัดการขยะ",       "แหล่งน้ำเพื่อการเกษตร",
                                          "ผลิตภัณฑ์โอทอป",        "โฮมสเตย์",
                                          "เส้นทางจักรยาน",       "กล้องวงจรปิด",
                                          "การเลี้ยงโคเนื้อ",       "สวนทุเรียน",
                                          "หอยนางรม",           "ปะการังเทียม",
                                          "ไฟฟ้าพลังงานแสงอาทิตย์", "ศูนย์เรียนรู้เศรษฐกิจพอเพียง",
                                          "สะพานข้ามคลอง",       "ท่อส่งน้ำ"};
const std::vector<std::string> kPlaces = {"บ้านท่าโสม",  "เกาะหมาก",    "เกาะกูด",     "เกาะช้าง",
                                          "บ้านหาดเล็ก", "ตำบลแหลมกลัด", "บ้านเปร็ดใน",  "ตำบลบ่อพลอย",
                                          "บ้านน้ำเชี่ยว", "ตำบลตะกาง",   "บ้านสลักเพชร", "ตำบลไม้รูด"};
const std::vector<std::string> kReasons = {
    "เพราะชาวบ้านเดือดร้อนในฤดูฝน", "เพื่อเพิ่มรายได้ของครัวเรือน",    "เนื่องจากเกิดอุบัติเหตุบ่อยครั้ง",
    "เพื่อรองรับนักท่องเที่ยว",        "เพราะน้ำไม่พอใช้ในหน้าแล้ง",    "เพื่อความปลอดภัยของเด็กและผู้สูงอายุ",
    "เนื่องจากของเดิมชำรุดทรุดโทรม", "เพื่อลดต้นทุนการผลิตของเกษตรกร"};

// Queries as people type them: single words found inside run-on text, common and
// rare, and two-word queries.
const std::vector<std::string> kQueries = {"ท่องเที่ยว",   "น้ำ",         "ถนน",
                                           "ขยะ",       "ประปา",      "ผู้สูงอายุ",
                                           "ทุเรียน",     "เกาะช้าง",    "ป่าชายเลน",
                                           "อินเทอร์เน็ต", "ถนน เกาะกูด", "ท่องเที่ยว ชุมชน",
                                           "โฮมสเตย์",   "หอยนางรม",   "ฝาย",
                                           "ไฟฟ้า",      "ตลาด ผลไม้",  "อุบัติเหตุ",
                                           "รายได้",     "ยานอวกาศ",   "หอยนางรม เกาะหมาก ฝาย"};

template <class T>
const T& pick(std::mt19937& random, const std::vector<T>& items) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(random)];
}

std::string title(std::mt19937& random) {
  return pick(random, kActions) + pick(random, kThings) + pick(random, kPlaces);
}

std::string description(std::mt19937& random) {
  return pick(random, kThings) + "ที่" + pick(random, kPlaces) + pick(random, kReasons) + " " +
         pick(random, kActions) + pick(random, kThings);
}

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&] { return i + 1 < argc ? std::atoll(argv[++i]) : 0; };
    if (arg == "--postgres")
      settings.postgres = true;
    else if (arg == "--needs")
      settings.needs = next();
    else if (arg == "--projects")
      settings.projects = next();
    else if (arg == "--rounds")
      settings.rounds = static_cast<int>(next());
    else {
      std::fprintf(stderr, "usage: %s [--postgres] [--needs N] [--projects N] [--rounds N]\n",
                   argv[0]);
      std::exit(2);
    }
  }
  return settings;
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

// PostgreSQL: a fresh database named after this process, dropped at the end.
std::string postgres_database_name() {
  return "changwat_bench_search_" + std::to_string(::getpid());
}

void run_on_postgres_server(const std::string& sql) {
  auto maintenance = db::Database::open(postgres_server(), {.readers = 1, .busy_timeout_ms = 5000});
  maintenance->acquire(true)->execute_script(sql);
}

std::unique_ptr<db::Database> open_database(const Settings& settings) {
  if (!settings.postgres) {
    const char* path = std::getenv("CHANGWAT_BENCH_SEARCH_DB");
    return db::Database::open(std::string("sqlite:") +
                              (path ? path : "/tmp/changwat-bench-search.sqlite"));
  }
  run_on_postgres_server("CREATE DATABASE " + postgres_database_name());
  std::string url = postgres_server();
  url = url.substr(0, url.rfind('/') + 1) + postgres_database_name();
  return db::Database::open(url);
}

std::int64_t count(db::Database& database, const char* sql) {
  return database.read([&](db::Connection& c) { return c.query_one(sql)->integer(0); });
}

plan::Element element(std::int64_t key, std::optional<std::int64_t> parent, plan::ElementKind kind,
                      std::string code, std::string text) {
  plan::Element e;
  e.element_id = key;
  e.parent_id = parent;
  e.kind = kind;
  e.code = std::move(code);
  e.text_th = std::move(text);
  e.text_en = "Project";
  return e;
}

std::int64_t import_projects(plan::PlanService& plans, std::int64_t projects,
                             std::mt19937& random) {
  using plan::ElementKind;
  std::vector<plan::Element> elements;
  elements.push_back(element(1, std::nullopt, ElementKind::strategy, "S1", "ประเด็นการพัฒนา"));
  constexpr int kGuidelines = 20;
  for (int g = 0; g < kGuidelines; ++g)
    elements.push_back(element(2 + g, 1, ElementKind::guideline, "G1." + std::to_string(g + 1),
                               "แนวทาง" + pick(random, kActions) + pick(random, kThings)));
  for (std::int64_t p = 0; p < projects; ++p) {
    plan::Element project = element(100 + p, 2 + p % kGuidelines, ElementKind::project,
                                    "P" + std::to_string(p + 1), title(random));
    project.project.emplace();
    project.project->agency_code = "TRAT-PO";
    project.project->area_codes = {"2301"};
    project.project->budget_satang = 100000000;
    project.project->objectives_th = description(random);
    elements.push_back(std::move(project));
  }
  return plans.import_plan(
      Actor::command_line(),
      {"แผนทดสอบการค้นหา", "Search benchmark plan", {2566, 2570}, std::nullopt, std::nullopt},
      std::move(elements), true, std::string("bench-search"));
}

void insert_needs(db::Database& database, std::int64_t plan_id, std::int64_t needs,
                  std::mt19937& random) {
  const std::vector<std::string> areas = {"2301",   "230101", "23010101", "2302",
                                          "230203", "2303",   "230304",   "2304",
                                          "2305",   "230601", "230701",   "23070203"};
  constexpr std::int64_t kBatch = 10000;
  for (std::int64_t start = 0; start < needs; start += kBatch) {
    database.write([&](db::Connection& connection) {
      for (std::int64_t i = start; i < std::min(needs, start + kBatch); ++i) {
        participation::Need need;
        need.province_code = "23";
        need.plan_id = plan_id;
        need.receipt = "bench-" + std::to_string(i);
        need.title = title(random);
        need.description = description(random);
        need.area_code = pick(random, areas);
        need.district_code = need.area_code.substr(0, 4);
        if (need.area_code.size() >= 6) need.subdistrict_code = need.area_code.substr(0, 6);
        need.status = i % 50 == 0 ? participation::NeedStatus::pending_moderation
                                  : participation::NeedStatus::new_;
        need.created_at = "2025-01-01T00:00:00Z";
        need.updated_at = need.created_at;
        participation::NeedStore(connection)
            .insert_need({need, thai::search_text(need.title + "\n" + need.description),
                          std::nullopt, std::nullopt, std::nullopt});
      }
    });
  }
}

struct Summary {
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Summary summarize(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  auto at = [&](double q) {
    return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * samples.size()))];
  };
  return {at(0.50), at(0.95), at(0.99), samples.back()};
}

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void run(const Settings& settings, db::Database& database_handle) {
  db::Database* database = &database_handle;
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::seed_demo_villages(*database);
  areas::AreaService areas(*database);
  plan::PlanService plans(*database, areas);
  participation::ParticipationService service(*database, areas, plans);
  std::mt19937 random(2568);

  auto started = Clock::now();
  std::optional<std::int64_t> plan_id = plans.plan_id_by_demo_key("bench-search");
  bool filled = plan_id && count(*database, "SELECT count(*) FROM need") == settings.needs;
  if (!filled) {
    if (plan_id) {
      std::fprintf(stderr, "the database holds other data; remove it and run again\n");
      std::exit(2);
    }
    plan_id = import_projects(plans, settings.projects, random);
    std::printf("imported %lld projects in %.1f s\n", static_cast<long long>(settings.projects),
                milliseconds_since(started) / 1000);
    started = Clock::now();
    insert_needs(*database, *plan_id, settings.needs, random);
    std::printf("inserted %lld needs (segmented with ICU) in %.1f s\n",
                static_cast<long long>(settings.needs), milliseconds_since(started) / 1000);
    // What a bulk import should end with: fresh planner statistics.
    database->write([](db::Connection& connection) { connection.execute_script("ANALYZE"); });
  }
  std::printf(
      "engine %s: %lld needs (%lld published), %lld projects\n",
      settings.postgres ? "postgresql" : "sqlite",
      static_cast<long long>(count(*database, "SELECT count(*) FROM need")),
      static_cast<long long>(count(
          *database,
          "SELECT count(*) FROM need WHERE status NOT IN ('pending_moderation', 'rejected')")),
      static_cast<long long>(plans.projects_of_current_version(*plan_id).size()));

  Actor anonymous;
  // Warm-up: the plan module builds its project index on the first search.
  for (const std::string& query : kQueries) service.search(anonymous, query, 20, std::nullopt);

  std::vector<double> full, in_plan, needs_only;
  std::printf("%-18s %10s %10s %12s\n", "query", "needs", "projects", "mean ms");
  for (const std::string& query : kQueries) {
    std::int64_t needs_found = 0;
    std::size_t projects_found = 0;
    double total = 0;
    for (int round = 0; round < settings.rounds; ++round) {
      auto start = Clock::now();
      participation::SearchResult result = service.search(anonymous, query, 20, std::nullopt);
      double elapsed = milliseconds_since(start);
      full.push_back(elapsed);
      total += elapsed;
      needs_found = result.needs.total;
      projects_found = result.projects.size();

      start = Clock::now();
      service.search(anonymous, query, 20, plan_id);
      in_plan.push_back(milliseconds_since(start));

      std::vector<std::string> terms = thai::search_tokens(query);
      start = Clock::now();
      database->read([&](db::Connection& connection) {
        return participation::NeedStore(connection).search_needs({terms, std::nullopt, 20});
      });
      needs_only.push_back(milliseconds_since(start));
    }
    std::printf("%-18s %10lld %10zu %12.2f\n", query.c_str(), static_cast<long long>(needs_found),
                projects_found, total / settings.rounds);
  }
  Summary all = summarize(full);
  Summary scoped = summarize(in_plan);
  Summary store = summarize(needs_only);
  std::printf(
      "\nservice search (needs + projects), %zu calls: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms"
      "  max %.2f ms\n",
      full.size(), all.p50, all.p95, all.p99, all.max);
  std::printf(
      "same inside one plan (?plan_id=),    %zu calls: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms"
      "  max %.2f ms\n",
      in_plan.size(), scoped.p50, scoped.p95, scoped.p99, scoped.max);
  std::printf(
      "needs query alone,                 %zu calls: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms"
      "  max %.2f ms\n",
      needs_only.size(), store.p50, store.p95, store.p99, store.max);
  // The needs list in Thai dictionary order sorts every match in memory.
  participation::NeedFilter everything;
  auto sort_started = Clock::now();
  participation::NeedPage sorted =
      service.list_needs(anonymous, everything, participation::NeedOrder::title_thai, 50, 0);
  std::printf("needs list sorted in Thai order (%lld needs, first page): %.0f ms\n",
              static_cast<long long>(sorted.total), milliseconds_since(sort_started));
  std::printf("budget p95 < 20 ms: %s\n", all.p95 < 20.0 && scoped.p95 < 20.0 ? "met" : "NOT met");
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings = parse(argc, argv);
  std::unique_ptr<db::Database> database = open_database(settings);
  run(settings, *database);
  database.reset();
  if (settings.postgres) {
    if (std::getenv("CHANGWAT_BENCH_KEEP_DB"))
      std::printf("kept PostgreSQL database %s\n", postgres_database_name().c_str());
    else
      run_on_postgres_server("DROP DATABASE " + postgres_database_name());
  }
  return 0;
}
