#include "db/sqlite/sqlite_connection.hpp"

#include <cctype>
#include <utility>

#include "db/database_error.hpp"
#include "db/sqlite/sqlite_errors.hpp"
#include "db/sqlite/sqlite_file_check.hpp"

namespace changwat::db::sqlite {
namespace {

// Dynamic SQL (IN lists of varying length) must not grow the cache forever.
constexpr std::size_t statement_cache_limit = 256;

Row read_row(sqlite3_stmt* statement) {
  int columns = sqlite3_column_count(statement);
  std::vector<Value> values;
  values.reserve(columns);
  for (int i = 0; i < columns; ++i) {
    switch (sqlite3_column_type(statement, i)) {
      case SQLITE_NULL:
        values.emplace_back(nullptr);
        break;
      case SQLITE_INTEGER:
        values.emplace_back(sqlite3_column_int64(statement, i));
        break;
      case SQLITE_FLOAT:
        values.emplace_back(sqlite3_column_double(statement, i));
        break;
      case SQLITE_BLOB: {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, i));
        values.emplace_back(std::string(bytes ? bytes : "", sqlite3_column_bytes(statement, i)));
        break;
      }
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
        values.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(statement, i)));
      }
    }
  }
  return Row(std::move(values));
}

bool only_whitespace(const char* text) {
  for (; *text != '\0'; ++text) {
    if (!std::isspace(static_cast<unsigned char>(*text))) return false;
  }
  return true;
}

}  // namespace

// A statement borrowed for one call: cached statements are reset for the next
// call, one-off statements (a cached one already running, e.g. the same SQL
// nested inside for_each) are finalized.
class SqliteConnection::StatementUse {
 public:
  StatementUse(sqlite3_stmt* statement, bool one_off) : statement_(statement), one_off_(one_off) {}
  StatementUse(StatementUse&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)), one_off_(other.one_off_) {}
  StatementUse(const StatementUse&) = delete;
  ~StatementUse() {
    if (statement_ == nullptr) return;
    if (one_off_) {
      sqlite3_finalize(statement_);
    } else {
      // The result code repeats the step's error, which was already reported.
      sqlite3_reset(statement_);
      sqlite3_clear_bindings(statement_);
    }
  }
  sqlite3_stmt* get() const { return statement_; }
  sqlite3_stmt* release() { return std::exchange(statement_, nullptr); }

 private:
  sqlite3_stmt* statement_;
  bool one_off_;
};

SqliteConnection::SqliteConnection(std::string path, Access access, int busy_timeout_ms)
    : path_(std::move(path)), access_(access), busy_timeout_ms_(busy_timeout_ms) {
  open();
}

SqliteConnection::~SqliteConnection() { close(); }

void SqliteConnection::open() {
  int flags = SQLITE_OPEN_NOMUTEX |
              (access_ == Access::read_only ? SQLITE_OPEN_READONLY
                                            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* handle = nullptr;
  int code = sqlite3_open_v2(path_.c_str(), &handle, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = handle != nullptr ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close_v2(handle);
    if ((code & 0xff) == SQLITE_CANTOPEN) {
      throw_invalid_location(
          {"เปิดไฟล์ฐานข้อมูล " + path_ + " ไม่ได้", "Cannot open the database file " + path_},
          "sqlite3_open_v2(" + path_ + "): " + message);
    }
    throw_sqlite_error(code, path_, "opening " + path_ + ": " + message);
  }
  handle_ = handle;
  sqlite3_extended_result_codes(handle_, 1);
  sqlite3_busy_timeout(handle_, busy_timeout_ms_);

  try {
    // Reading the schema first proves the file is a database before anything
    // (the WAL switch) writes to it.
    if (sqlite3_exec(handle_, "PRAGMA schema_version", nullptr, nullptr, nullptr) != SQLITE_OK) {
      int code = sqlite3_extended_errcode(handle_);
      std::string message = std::string(sqlite3_errmsg(handle_)) + "; reading the schema";
      if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT) {
        throw_not_sqlite_database(path_, std::move(message));
      }
      throw_sqlite_error(code, path_, std::move(message));
    }
    if (access_ == Access::read_write && sqlite3_db_readonly(handle_, "main") == 1) {
      // SQLite falls back to read-only for a file it may not write; every write
      // would then fail with an error that does not say why.
      throw_read_only(path_, "sqlite3_db_readonly(" + path_ + ") after opening it read-write");
    }
    if (access_ == Access::read_write && path_ != ":memory:") {
      std::optional<Row> mode = query_one("PRAGMA journal_mode=WAL");
      if (!mode || mode->text(0) != "wal") {
        throw_internal("SQLite refused WAL mode for " + path_ +
                       " (journal_mode=" + (mode ? mode->text(0) : "?") + ")");
      }
      execute_script("PRAGMA synchronous=NORMAL");
    }
    execute_script("PRAGMA foreign_keys=ON");
  } catch (...) {
    close();
    throw;
  }
}

void SqliteConnection::close() noexcept {
  if (handle_ == nullptr) return;
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  statements_.clear();
  sqlite3_close_v2(handle_);
  handle_ = nullptr;
}

void SqliteConnection::reopen() {
  close();
  open();
}

void SqliteConnection::reset_for_reuse() noexcept {
  if (handle_ == nullptr || sqlite3_get_autocommit(handle_)) return;
  try {
    rollback();
  } catch (const std::exception&) {
    // Runs from a lease's destructor, so it cannot throw; a connection that
    // cannot even roll back is closed and reopened by the next acquire().
    close();
  }
}

void SqliteConnection::fail(int code, std::string_view sql) {
  // sqlite3_step() already returns extended codes; bind and prepare may not.
  int extended = code;
  if (handle_ != nullptr && (sqlite3_extended_errcode(handle_) & 0xff) == (code & 0xff)) {
    extended = sqlite3_extended_errcode(handle_);
  }
  std::string message = handle_ != nullptr ? sqlite3_errmsg(handle_) : "connection closed";
  int system_errno = handle_ != nullptr ? sqlite3_system_errno(handle_) : 0;
  if ((extended & 0xff) == SQLITE_READONLY && access_ == Access::read_write) {
    // The writer cannot write the file (its permissions changed under us); a
    // reader writing is a programming error and stays internal below.
    throw_read_only(path_, message + "; in: " + std::string(sql));
  }
  throw_sqlite_error(extended, path_, message + "; in: " + std::string(sql), system_errno);
}

SqliteConnection::StatementUse SqliteConnection::prepare(std::string_view sql) {
  if (handle_ == nullptr) throw_internal("SQLite connection to " + path_ + " is closed");
  auto found = statements_.find(sql);
  if (found != statements_.end() && !sqlite3_stmt_busy(found->second)) {
    return StatementUse(found->second, false);
  }
  // A cached statement that is busy (the same SQL nested inside for_each) gets a
  // one-off twin instead.
  bool cache = found == statements_.end();
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  int code = sqlite3_prepare_v3(handle_, sql.data(), static_cast<int>(sql.size()),
                                cache ? SQLITE_PREPARE_PERSISTENT : 0, &statement, &tail);
  if (code != SQLITE_OK) fail(code, sql);
  StatementUse fresh(statement, true);  // finalized if a check below throws
  if (statement == nullptr) throw_internal("no SQL statement in: '" + std::string(sql) + "'");
  if (tail != nullptr && !only_whitespace(std::string(tail, sql.data() + sql.size()).c_str())) {
    throw_internal("one statement per call (use execute_script for several): " + std::string(sql));
  }
  if (!cache) return fresh;
  if (statements_.size() >= statement_cache_limit) {
    std::erase_if(statements_, [](const auto& entry) {
      if (sqlite3_stmt_busy(entry.second)) return false;
      sqlite3_finalize(entry.second);
      return true;
    });
  }
  statements_.emplace(std::string(sql), fresh.release());
  return StatementUse(statement, false);
}

void SqliteConnection::bind(sqlite3_stmt* statement, const std::vector<Value>& params,
                            std::string_view sql) {
  int expected = sqlite3_bind_parameter_count(statement);
  if (expected != static_cast<int>(params.size())) {
    throw_internal("statement wants " + std::to_string(expected) + " parameters, got " +
                   std::to_string(params.size()) + ": " + std::string(sql));
  }
  for (int i = 0; i < expected; ++i) {
    const Value& value = params[i];
    int code = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
      code = sqlite3_bind_null(statement, i + 1);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      code = sqlite3_bind_int64(statement, i + 1, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      code = sqlite3_bind_double(statement, i + 1, *real);
    } else {
      const auto& text = std::get<std::string>(value);
      check_text_parameter(text);
      // SQLITE_STATIC: `params` outlives the statement's use in this call.
      code = sqlite3_bind_text64(statement, i + 1, text.data(), text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
    }
    if (code != SQLITE_OK) fail(code, sql);
  }
}

template <class OnRow>
void SqliteConnection::run(std::string_view sql, const std::vector<Value>& params, OnRow&& on_row) {
  StatementUse use = prepare(sql);
  bind(use.get(), params, sql);
  for (;;) {
    int code = sqlite3_step(use.get());
    if (code == SQLITE_ROW) {
      on_row(use.get());
    } else if (code == SQLITE_DONE) {
      return;
    } else {
      fail(code, sql);
    }
  }
}

std::vector<Row> SqliteConnection::query(std::string_view sql, const std::vector<Value>& params) {
  std::vector<Row> rows;
  run(sql, params, [&rows](sqlite3_stmt* statement) { rows.push_back(read_row(statement)); });
  return rows;
}

void SqliteConnection::for_each(std::string_view sql, const std::vector<Value>& params,
                                const std::function<void(const Row&)>& on_row) {
  run(sql, params, [&on_row](sqlite3_stmt* statement) { on_row(read_row(statement)); });
}

std::int64_t SqliteConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  if (handle_ == nullptr) throw_internal("SQLite connection to " + path_ + " is closed");
  // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE, so a DDL
  // statement would report a stale number; only trust it if something changed.
  sqlite3_int64 before = sqlite3_total_changes64(handle_);
  run(sql, params, [](sqlite3_stmt*) {});
  return sqlite3_total_changes64(handle_) != before ? sqlite3_changes64(handle_) : 0;
}

void SqliteConnection::execute_script(std::string_view sql) {
  if (handle_ == nullptr) throw_internal("SQLite connection to " + path_ + " is closed");
  std::string script(sql);
  char* message = nullptr;
  int code = sqlite3_exec(handle_, script.c_str(), nullptr, nullptr, &message);
  if (code == SQLITE_OK) return;
  std::string text = message != nullptr ? message : sqlite3_errstr(code);
  sqlite3_free(message);
  throw_sqlite_error(sqlite3_extended_errcode(handle_), path_, text + "; in script",
                     sqlite3_system_errno(handle_));
}

void SqliteConnection::begin(bool write) { execute(write ? "BEGIN IMMEDIATE" : "BEGIN"); }

void SqliteConnection::commit() { execute("COMMIT"); }

void SqliteConnection::rollback() {
  // SQLite already rolled back by itself after some errors (e.g. SQLITE_FULL);
  // a second ROLLBACK would fail and hide the original error.
  if (handle_ == nullptr || sqlite3_get_autocommit(handle_)) return;
  execute("ROLLBACK");
}

}  // namespace changwat::db::sqlite
