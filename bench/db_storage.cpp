// Storage layer throughput on both engines: point reads, single-row write
// transactions, bulk inserts in one transaction, streaming reads. SQLite uses a
// file under /tmp; PostgreSQL the server in CHANGWAT_TEST_POSTGRES_URL (start one
// with scripts/pg-test-server.sh). Figures: docs/performance.md, "Storage".
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "db/database.hpp"

namespace {

using changwat::db::Connection;
using changwat::db::Database;
using changwat::db::Row;

constexpr std::int64_t seeded_rows = 10000;

std::string sqlite_path() {
  return (std::filesystem::temp_directory_path() /
          ("changwat-bench-db-" + std::to_string(::getpid()) + ".sqlite"))
      .string();
}

std::mutex databases_mutex;
std::map<int, std::unique_ptr<Database>> databases;

// One database per engine, seeded once and shared by every benchmark.
Database* database_for(int engine_index, std::string& why) {
  std::lock_guard lock(databases_mutex);
  if (auto found = databases.find(engine_index); found != databases.end()) {
    return found->second.get();
  }
  std::string url;
  if (engine_index == 0) {
    std::filesystem::remove(sqlite_path());
    url = "sqlite:" + sqlite_path();
  } else {
    const char* server = std::getenv("CHANGWAT_TEST_POSTGRES_URL");
    if (server == nullptr) {
      why = "set CHANGWAT_TEST_POSTGRES_URL (scripts/pg-test-server.sh start DIR PORT)";
      return nullptr;
    }
    url = server;
  }
  auto database = Database::open(url, {.readers = 4});
  database->write([](Connection& c) {
    c.execute_script(
        "DROP TABLE IF EXISTS bench_project;"
        "CREATE TABLE bench_project (id BIGINT PRIMARY KEY, agency TEXT NOT NULL, "
        "title TEXT NOT NULL, budget_satang BIGINT NOT NULL, version BIGINT NOT NULL)");
    for (std::int64_t id = 1; id <= seeded_rows; ++id) {
      c.execute(
          "INSERT INTO bench_project (id, agency, title, budget_satang, version) "
          "VALUES (?, ?, ?, ?, 1)",
          {id, "สำนักงานจังหวัดตราด", "โครงการพัฒนาแหล่งท่องเที่ยว " + std::to_string(id), id * 150000});
    }
  });
  return databases.emplace(engine_index, std::move(database)).first->second.get();
}

Database* setup(benchmark::State& state) {
  std::string why;
  Database* database = database_for(static_cast<int>(state.range(0)), why);
  if (database == nullptr) state.SkipWithError(why.c_str());
  return database;
}

void label(benchmark::State& state) { state.SetLabel(state.range(0) == 0 ? "sqlite" : "postgres"); }

// Database::read + one indexed SELECT: what most GET handlers do.
void BM_PointRead(benchmark::State& state) {
  Database* database = setup(state);
  if (database == nullptr) return;
  std::int64_t id = 1 + state.thread_index();
  for (auto _ : state) {
    auto row = database->read([&](Connection& c) {
      return c.query_one("SELECT title, budget_satang, version FROM bench_project WHERE id = ?",
                         {id});
    });
    benchmark::DoNotOptimize(row);
    id = id % seeded_rows + 1;
  }
  state.SetItemsProcessed(state.iterations());
  label(state);
}
BENCHMARK(BM_PointRead)->Arg(0)->Arg(1)->UseRealTime();
BENCHMARK(BM_PointRead)->Arg(0)->Arg(1)->Threads(4)->UseRealTime();

// Database::write with one optimistic UPDATE: what most PUT handlers do.
void BM_VersionedUpdate(benchmark::State& state) {
  Database* database = setup(state);
  if (database == nullptr) return;
  std::int64_t id = 1;
  for (auto _ : state) {
    database->write([&](Connection& c) {
      benchmark::DoNotOptimize(c.execute(
          "UPDATE bench_project SET budget_satang = budget_satang + 1, version = version + 1 "
          "WHERE id = ?",
          {id}));
    });
    id = id % seeded_rows + 1;
  }
  state.SetItemsProcessed(state.iterations());
  label(state);
}
BENCHMARK(BM_VersionedUpdate)->Arg(0)->Arg(1)->UseRealTime();

// 1,000 inserts in one transaction: the import path.
void BM_BulkInsert(benchmark::State& state) {
  Database* database = setup(state);
  if (database == nullptr) return;
  database->write([](Connection& c) {
    c.execute_script(
        "DROP TABLE IF EXISTS bench_row; CREATE TABLE bench_row (month TEXT, amount BIGINT, "
        "note TEXT)");
  });
  for (auto _ : state) {
    database->write([](Connection& c) {
      for (int i = 0; i < 1000; ++i) {
        c.execute("INSERT INTO bench_row (month, amount, note) VALUES (?, ?, ?)",
                  {"2568-03", std::int64_t{i} * 100, "เบิกจ่ายงวดที่ " + std::to_string(i)});
      }
    });
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  label(state);
}
BENCHMARK(BM_BulkInsert)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

// for_each over the whole table: the export path.
void BM_StreamAllRows(benchmark::State& state) {
  Database* database = setup(state);
  if (database == nullptr) return;
  for (auto _ : state) {
    std::int64_t total = 0;
    database->read([&](Connection& c) {
      c.for_each("SELECT id, title, budget_satang FROM bench_project ORDER BY id", {},
                 [&](const Row& row) { total += row.integer(2); });
    });
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * seeded_rows);
  label(state);
}
BENCHMARK(BM_StreamAllRows)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (auto postgres = databases.find(1); postgres != databases.end()) {
    postgres->second->write([](Connection& c) {
      c.execute_script("DROP TABLE IF EXISTS bench_project; DROP TABLE IF EXISTS bench_row");
    });
  }
  databases.clear();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path() + suffix);
  return 0;
}
