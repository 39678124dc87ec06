#include "db/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "base/clock.hpp"
#include "base/secret.hpp"
#include "db/database_error.hpp"
#include "db/dialect.hpp"

namespace changwat::db {
namespace {

// pg_advisory_xact_lock key: the bytes of "changwat". Servers sharing one
// PostgreSQL migrate one at a time; SQLite's BEGIN IMMEDIATE does the same.
constexpr std::int64_t migration_lock_key = 0x6368616e67776174;

constexpr std::string_view create_table_sql = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
))sql";

struct FileName {
  int version = 0;
  std::string name;
};

struct AppliedMigration {
  std::string name;
  std::string checksum;
};

[[noreturn]] void throw_invalid_migration(std::string_view file, const std::string& why) {
  throw DatabaseError(ErrorKind::internal, "migration_invalid",
                      {"ไฟล์ปรับปรุงโครงสร้างฐานข้อมูลไม่ถูกต้อง", "A migration file is invalid"},
                      std::string(file) + ": " + why);
}

// "0001_platform.sql" -> {1, "platform"}.
FileName parse_file_name(std::string_view file) {
  constexpr std::string_view suffix = ".sql";
  bool shaped = file.size() > 5 + suffix.size() && file.ends_with(suffix) && file[4] == '_' &&
                std::all_of(file.begin(), file.begin() + 4,
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  std::string_view name = shaped ? file.substr(5, file.size() - 5 - suffix.size()) : "";
  shaped = shaped && std::all_of(name.begin(), name.end(), [](char c) {
             return std::islower(static_cast<unsigned char>(c)) ||
                    std::isdigit(static_cast<unsigned char>(c)) || c == '_';
           });
  if (!shaped) throw_invalid_migration(file, "name must look like 0001_lower_case_name.sql");
  FileName parsed;
  std::from_chars(file.data(), file.data() + 4, parsed.version);
  if (parsed.version == 0) throw_invalid_migration(file, "versions start at 0001");
  parsed.name = std::string(name);
  return parsed;
}

std::string version_label(int version) {
  std::string digits = std::to_string(version);
  return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

void take_migration_lock(Connection& connection) {
  if (connection.engine() != Engine::postgres) return;
  connection.query("SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))", {migration_lock_key});
}

bool migrations_table_exists(Connection& connection) {
  std::string_view sql = connection.engine() == Engine::sqlite
                             ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                               "name = 'schema_migrations'"
                             : "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL";
  return connection.query_one(sql).has_value();
}

std::map<int, AppliedMigration> read_applied(Connection& connection) {
  std::map<int, AppliedMigration> applied;
  for (const Row& row :
       connection.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")) {
    applied.emplace(static_cast<int>(row.integer(0)), AppliedMigration{row.text(1), row.text(2)});
  }
  return applied;
}

[[noreturn]] void throw_checksum_changed(const Migration& migration,
                                         const std::string& applied_checksum) {
  std::string label = version_label(migration.version) + "_" + migration.name;
  throw DatabaseError(
      ErrorKind::rule, "migration_checksum",
      {"ไฟล์ปรับปรุงโครงสร้างฐานข้อมูล " + label +
           " ถูกแก้ไขหลังจากใช้กับฐานข้อมูลนี้แล้ว (checksum ไม่ตรงกัน) "
           "ห้ามแก้ไขไฟล์ที่ใช้แล้ว ให้เพิ่มไฟล์ใหม่แทน",
       "Migration " + label +
           " was changed after it was applied to this database (checksum mismatch); do not "
           "edit an applied migration, add a new one"},
      label + ": applied " + applied_checksum + ", file " + migration.checksum);
}

// The database may only hold migrations this binary knows, unchanged.
void verify_applied(const std::map<int, AppliedMigration>& applied,
                    const std::vector<Migration>& known) {
  int latest = known.empty() ? 0 : known.back().version;
  for (const auto& [version, row] : applied) {
    auto match = std::find_if(known.begin(), known.end(),
                              [version](const Migration& m) { return m.version == version; });
    if (match == known.end()) {
      std::string theirs = version_label(version);
      std::string ours = version_label(latest);
      throw DatabaseError(
          ErrorKind::rule, "database_newer",
          {"ฐานข้อมูลนี้ถูกปรับโครงสร้างโดย changwat รุ่นที่ใหม่กว่า (มีการปรับปรุงรุ่น " + theirs +
               " ที่โปรแกรมนี้ไม่รู้จัก โปรแกรมนี้รู้จักถึงรุ่น " + ours + ") กรุณาใช้ changwat รุ่นใหม่กว่า",
           "This database was upgraded by a newer changwat (it has migration " + theirs +
               ", which this program does not know; this program knows up to " + ours +
               "); use a newer changwat"},
          "schema_migrations has " + theirs + "_" + row.name + ", binary knows up to " + ours);
    }
    if (match->checksum != row.checksum) throw_checksum_changed(*match, row.checksum);
  }
}

void apply(Connection& connection, const Migration& migration) {
  try {
    connection.execute_script(migration.sql);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::internal) throw;
    throw DatabaseError(
        ErrorKind::internal, "migration_failed",
        {"ปรับปรุงโครงสร้างฐานข้อมูลไม่สำเร็จ", "A database migration failed"},
        version_label(migration.version) + "_" + migration.name + ": " + error.what());
  }
  connection.execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
      {std::int64_t{migration.version}, migration.name, migration.checksum, iso_utc_now()});
}

}  // namespace

std::vector<Migration> load_migrations(Engine engine, const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> migrations;
  std::set<int> versions;
  for (const EmbeddedFile& file : files) {
    FileName parsed = parse_file_name(file.name);
    if (!versions.insert(parsed.version).second) {
      throw_invalid_migration(file.name,
                              "another file has version " + version_label(parsed.version));
    }
    // The checksum covers the file as written, so it is the same for both engines.
    migrations.push_back({parsed.version, parsed.name,
                          render_dialect(file.content, engine, file.name),
                          sha256_hex(file.content)});
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return migrations;
}

std::vector<Migration> load_migrations(Engine engine) {
  return load_migrations(engine, embedded_migrations());
}

int latest_known_version(const std::vector<EmbeddedFile>& files) {
  int latest = 0;
  for (const EmbeddedFile& file : files)
    latest = std::max(latest, parse_file_name(file.name).version);
  return latest;
}

int latest_known_version() { return latest_known_version(embedded_migrations()); }

int migrate(Database& database, const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> migrations = load_migrations(database.engine(), files);
  database.write([&](Connection& connection) {
    take_migration_lock(connection);
    connection.execute_script(create_table_sql);
    verify_applied(read_applied(connection), migrations);
  });
  int applied = 0;
  for (const Migration& migration : migrations) {
    // One transaction each: a failing migration leaves the earlier ones applied
    // and itself not at all. The lock and the re-check make a second server
    // that waited for the lock skip what the first one just applied.
    bool applied_now = database.write([&](Connection& connection) {
      take_migration_lock(connection);
      std::optional<Row> existing =
          connection.query_one("SELECT checksum FROM schema_migrations WHERE version = ?",
                               {std::int64_t{migration.version}});
      if (existing) {
        if (existing->text(0) != migration.checksum) {
          throw_checksum_changed(migration, existing->text(0));
        }
        return false;
      }
      apply(connection, migration);
      return true;
    });
    if (applied_now) ++applied;
  }
  return applied;
}

int migrate(Database& database) { return migrate(database, embedded_migrations()); }

void check_not_newer(Database& database, const std::vector<EmbeddedFile>& files) {
  std::vector<Migration> migrations = load_migrations(database.engine(), files);
  database.read([&](Connection& connection) {
    if (!migrations_table_exists(connection)) return;
    verify_applied(read_applied(connection), migrations);
  });
}

void check_not_newer(Database& database) { check_not_newer(database, embedded_migrations()); }

}  // namespace changwat::db
