// Benchmark of the health module (issue 13) on a wave worse than Trat ever had, on
// SQLite (a real file) or PostgreSQL (--postgres, CHANGWAT_TEST_POSTGRES_URL): 20,000
// cases and 100,000 contacts (1.4 million follow-up visits) over the last 60 days,
// 200 field teams, generated with the demo's wave generator. Through the router,
// service and JSON, as a health officer:
//   - GET /api/v1/health/board?date=today                         target p99 < 50 ms
//   - GET /api/v1/health/follow-ups?date=today&team=ID (a team's day)  target < 20 ms
//   - GET /api/v1/health/chains?from=DAY (2,000 nodes)             target < 100 ms
//   - POST /api/v1/health/screenings (one, server time)            target < 10 ms
//   - POST /api/v1/health/screenings/batch (a phone's 1,000)       target < 2 s
// Results and commands: docs/performance.md, "Health".
//
// Usage: bench_health_wave [--postgres] [--cases N] [--contacts N] [--rounds N]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "http/request_parsing.hpp"
#include "http/router.hpp"
#include "modules/health/module.hpp"
#include "modules/health/rules.hpp"
#include "modules/health/stores.hpp"
#include "modules/health/wave.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct Options {
  bool postgres = false;
  int cases = 20000;
  int contacts = 100000;
  int rounds = 200;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--postgres") {
      options.postgres = true;
    } else if (arg == "--cases" && i + 1 < argc) {
      options.cases = std::atoi(argv[++i]);
    } else if (arg == "--contacts" && i + 1 < argc) {
      options.contacts = std::atoi(argv[++i]);
    } else if (arg == "--rounds" && i + 1 < argc) {
      options.rounds = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--postgres] [--cases N] [--contacts N] [--rounds N]\n",
                   argv[0]);
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

double ms_since(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

void print(const char* what, std::vector<double> ms, const char* target) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))];
  };
  std::printf("%-44s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (target %s)\n", what, at(0.5),
              at(0.99), ms.back(), target);
}

std::string postgres_name() { return "changwat_bench_health_" + std::to_string(::getpid()); }

std::unique_ptr<db::Database> open_database(const Options& options) {
  if (!options.postgres) {
    std::filesystem::path file =
        std::filesystem::temp_directory_path() / "changwat-bench-health.sqlite";
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
      ->execute_script("CREATE DATABASE " + postgres_name());
  std::string url = server;
  return db::Database::open(url.substr(0, url.rfind('/') + 1) + postgres_name());
}

http::Request request(http::Method method, const std::string& target, std::string body = "") {
  http::Request r;
  r.method = method;
  r.target = target;
  r.remote_address = "127.0.0.1";
  r.request_id = "bench";
  r.body = std::move(body);
  if (!r.body.empty()) r.headers.emplace_back("content-type", "application/json");
  http::parse_target(r);
  return r;
}

std::string screening_json(std::int64_t checkpoint, const std::string& client_id, int i) {
  return "{\"checkpoint_id\":" + std::to_string(checkpoint) +
         ",\"person\":{\"id_type\":\"passport\",\"id_number\":\"BX" + std::to_string(1000000 + i) +
         "\",\"name\":\"Bench Traveller\"},\"screened_at\":\"" + iso_utc_now() +
         "\",\"temperature_c\":36.7,\"symptoms\":[],\"destination_area_code\":\"230701\","
         "\"decision\":\"cleared\",\"client_id\":\"" +
         client_id + "\"}";
}

int run(const Options& options) {
  std::printf("engine %s, load average at start %s\n", options.postgres ? "postgresql" : "sqlite",
              load_average().c_str());
  auto database = open_database(options);
  db::migrate(*database);
  areas::seed_reference_data(*database);
  areas::AreaService areas(*database);
  HealthService service(*database, areas);
  load_demo(service);  // checkpoints, teams, the demo outbreaks
  const std::string province = "23";
  const std::string today = thai::to_iso(thai::today_in_thailand());

  auto started = SteadyClock::now();
  std::vector<std::int64_t> teams;
  std::vector<std::string> districts;
  for (const auto& area : areas.children(province)) districts.push_back(area.code);
  std::int64_t checkpoint = 0;
  database->write([&](db::Connection& c) {
    TeamStore store(c);
    for (int i = 0; i < 200; ++i) {
      Team team;
      team.province_code = province;
      team.kind = TeamKind::volunteers;
      team.name_th = "อสม. ชุดที่ " + std::to_string(i + 1);
      teams.push_back(store.insert(team, std::nullopt));
    }
    checkpoint = ScreeningStore(c).checkpoints(province).front().id;
    WaveSpec spec;
    spec.key = "bench";
    spec.outbreak.province_code = province;
    spec.outbreak.disease_code = "covid19";
    spec.outbreak.name_th = "ระลอกทดสอบความเร็ว";
    spec.outbreak.started_on = rules::add_days(today, -70);
    spec.outbreak.case_id_mask = "B-{seq:6}";
    spec.outbreak.retention_until = rules::add_days(today, 3650);
    spec.cases_from = rules::add_days(today, -60);
    spec.cases_to = today;
    spec.cases = options.cases;
    spec.contacts = options.contacts;
    spec.clusters = {"คลัสเตอร์ทดสอบ"};
    WavePeople names{{"สมชาย", "มาลี", "วิชัย", "สุดา"}, {"ใจดี", "ทะเลงาม", "เกาะทอง"}};
    std::int64_t id = generate_wave(c, province, districts, teams, today, names, spec);
    // The generated wave is the newest open outbreak: the board's default.
    c.execute("UPDATE health_outbreak SET started_on = ? WHERE id = ?", {today, id});
  });
  // The state a server settles in after a bulk load (autovacuum on PostgreSQL): the
  // planner's statistics and, for index-only scans, the visibility map.
  database->acquire(true)->execute_script(options.postgres ? "VACUUM ANALYZE" : "ANALYZE");
  std::int64_t visits = database->read([&](db::Connection& c) {
    return *db::query_integer(c, "SELECT COUNT(*) FROM health_follow_up");
  });
  std::printf("generated %d cases, %d contacts, %lld follow-up visits in %.1f s\n", options.cases,
              options.contacts, static_cast<long long>(visits), ms_since(started) / 1000);

  http::Router router;
  register_routes(router, service);
  Principal officer;
  officer.username = "health";
  officer.role = Role::health_officer;
  officer.province_code = province;
  router.use([&officer](http::Context& ctx, const http::Next& next) {
    ctx.actor.principal = officer;
    return next(ctx);
  });

  auto measure = [&](const char* what, const char* target, int rounds, auto make) {
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
      http::Request r = make(i);
      auto start = SteadyClock::now();
      http::Response response = router.dispatch(r);
      ms.push_back(ms_since(start));
      if (response.status >= 300) {
        std::fprintf(stderr, "%s: %d %s\n", r.target.c_str(), response.status,
                     response.body.c_str());
        std::exit(1);
      }
      if (i == 0) std::printf("  %s: %zu bytes\n", what, response.body.size());
    }
    print(what, ms, target);
  };

  measure("board (GET /board?date=today)", "p99 < 50 ms", options.rounds,
          [&](int) { return request(http::Method::get, "/api/v1/health/board?date=" + today); });
  measure("a team's day (GET /follow-ups?date&team)", "< 20 ms", options.rounds, [&](int i) {
    return request(http::Method::get,
                   "/api/v1/health/follow-ups?date=" + today + "&team=" +
                       std::to_string(teams[static_cast<std::size_t>(i) % teams.size()]));
  });
  measure("chain of 2,000 nodes (GET /chains?from)", "< 100 ms", options.rounds / 4, [&](int) {
    return request(http::Method::get, "/api/v1/health/chains?from=" + rules::add_days(today, -30));
  });
  measure("one screening (POST /screenings)", "< 10 ms", options.rounds, [&](int i) {
    return request(http::Method::post, "/api/v1/health/screenings",
                   screening_json(checkpoint, "bench-one-" + std::to_string(i), i));
  });
  measure("a phone's 1,000 screenings (POST /batch)", "< 2 s", 5, [&](int round) {
    std::string body = "{\"items\":[";
    for (int i = 0; i < 1000; ++i)
      body += (i ? "," : "") +
              screening_json(checkpoint,
                             "bench-batch-" + std::to_string(round) + "-" + std::to_string(i),
                             round * 1000 + i);
    return request(http::Method::post, "/api/v1/health/screenings/batch", body + "]}");
  });
  std::printf("load average at end %s\n", load_average().c_str());
  return 0;
}

}  // namespace
}  // namespace changwat::health

int main(int argc, char** argv) {
  return changwat::health::run(changwat::health::parse(argc, argv));
}
