#include "db/postgres/postgres_connection.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <string_view>

#include "db/database_error.hpp"
#include "db/postgres/placeholders.hpp"

namespace changwat::db::postgres {
namespace {

// Type OIDs from the server's catalog (pg_type.dat); libpq-fe.h does not carry them.
constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23, oid_oid = 26;
constexpr Oid float4_oid = 700, float8_oid = 701;

// Dynamic SQL (IN lists of varying length) must not grow the cache forever.
constexpr std::size_t statement_cache_limit = 256;

Value read_value(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return nullptr;
  const char* text = PQgetvalue(result, row, column);
  const char* end = text + PQgetlength(result, row, column);
  switch (PQftype(result, column)) {
    case bool_oid:
      return std::int64_t{text[0] == 't' ? 1 : 0};
    case int2_oid:
    case int4_oid:
    case int8_oid:
    case oid_oid: {
      std::int64_t number = 0;
      auto [stop, error] = std::from_chars(text, end, number);
      if (error == std::errc() && stop == end) return number;
      break;
    }
    case float4_oid:
    case float8_oid: {
      double number = 0;
      auto [stop, error] = std::from_chars(text, end, number);
      if (error == std::errc() && stop == end) return number;
      break;
    }
    default:
      break;
  }
  return std::string(text, end);
}

Row read_row(const PGresult* result, int row) {
  int columns = PQnfields(result);
  std::vector<Value> values;
  values.reserve(columns);
  for (int column = 0; column < columns; ++column) {
    values.push_back(read_value(result, row, column));
  }
  return Row(std::move(values));
}

bool succeeded(const PGresult* result) {
  if (result == nullptr) return false;
  ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// SQLSTATEs that mean the session is gone: class 08 (connection exception) and
// 57P01-57P03 (terminated by an administrator, crash shutdown, cannot connect now).
bool means_connection_lost(std::string_view sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03";
}

void ignore_notice(void*, const char*) {
  // NOTICEs ("table does not exist, skipping") are chatter, not errors; libpq
  // would otherwise print them to stderr.
}

}  // namespace

// Parameters as the NUL-terminated texts libpq sends (text format); NULL stays a
// null pointer. Texts point into the caller's strings, which outlive the call.
class PostgresConnection::Parameters {
 public:
  explicit Parameters(const std::vector<Value>& params) {
    numbers_.reserve(params.size());  // never reallocates: pointers into it stay valid
    for (const Value& value : params) {
      if (std::holds_alternative<std::nullptr_t>(value)) {
        pointers_.push_back(nullptr);
      } else if (const auto* text = std::get_if<std::string>(&value)) {
        check_text_parameter(*text);
        pointers_.push_back(text->c_str());
      } else {
        char buffer[32];
        auto [stop, error] =
            std::holds_alternative<std::int64_t>(value)
                ? std::to_chars(buffer, buffer + sizeof buffer, std::get<std::int64_t>(value))
                : std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
        numbers_.emplace_back(buffer, stop);
        pointers_.push_back(numbers_.back().c_str());
      }
    }
  }
  int count() const { return static_cast<int>(pointers_.size()); }
  const char* const* values() const { return pointers_.data(); }

 private:
  std::vector<std::string> numbers_;
  std::vector<const char*> pointers_;
};

PostgresConnection::PostgresConnection(const std::string& url, int connect_timeout_ms) {
  std::string timeout = std::to_string(std::max(2, (connect_timeout_ms + 999) / 1000));
  // Keywords before "dbname" are defaults the URL may override; client_encoding
  // comes after it because rows are always decoded as UTF-8. Keepalives notice a
  // silently dead server instead of waiting forever.
  const char* keywords[] = {"connect_timeout",
                            "keepalives",
                            "keepalives_idle",
                            "keepalives_interval",
                            "keepalives_count",
                            "application_name",
                            "dbname",
                            "client_encoding",
                            nullptr};
  const char* values[] = {timeout.c_str(), "1",         "30",   "10",   "3",
                          "changwat",      url.c_str(), "UTF8", nullptr};
  handle_ = PQconnectdbParams(keywords, values, 1);
  if (handle_ == nullptr) throw_unavailable("libpq could not allocate a connection");
  if (PQstatus(handle_) != CONNECTION_OK) {
    std::string message = trimmed(PQerrorMessage(handle_));
    PQfinish(handle_);
    handle_ = nullptr;
    throw_cannot_connect("connecting to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(handle_, ignore_notice, nullptr);
  try {
    start_session();
  } catch (...) {
    PQfinish(handle_);
    handle_ = nullptr;
    throw;
  }
}

PostgresConnection::~PostgresConnection() {
  if (handle_ != nullptr) PQfinish(handle_);
}

void PostgresConnection::start_session() {
  // Same clock as SQLite's CURRENT_TIMESTAMP, whatever the server's setting.
  exec_simple("SET TIME ZONE 'UTC'");
}

void PostgresConnection::reconnect() {
  PQreset(handle_);
  if (PQstatus(handle_) != CONNECTION_OK) {
    broken_ = true;
    throw_unavailable("reconnecting to PostgreSQL: " + trimmed(PQerrorMessage(handle_)));
  }
  // Prepared statements lived in the old session.
  statements_.clear();
  broken_ = false;
  streaming_ = false;
  start_session();
}

void PostgresConnection::reset_for_reuse() noexcept {
  if (broken_) return;
  switch (PQtransactionStatus(handle_)) {
    case PQTRANS_IDLE:
      return;
    case PQTRANS_INTRANS:
    case PQTRANS_INERROR:
      try {
        rollback();
      } catch (const std::exception&) {
        // Runs from a lease's destructor, so it cannot throw; the next acquire()
        // reconnects this connection instead.
        broken_ = true;
      }
      return;
    default:
      broken_ = true;  // a command still running, or the link is gone
  }
}

void PostgresConnection::fail(const PGresult* result, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state != nullptr ? state : "";
  std::string message = result != nullptr && *PQresultErrorMessage(result) != '\0'
                            ? PQresultErrorMessage(result)
                            : PQerrorMessage(handle_);
  std::string detail = "PostgreSQL " + (sqlstate.empty() ? "" : sqlstate + " ") + trimmed(message) +
                       "; in: " + std::string(sql);
  if (PQstatus(handle_) == CONNECTION_BAD || means_connection_lost(sqlstate)) {
    broken_ = true;
    throw_unavailable(std::move(detail));
  }
  // 53100 disk_full: also what "could not extend file …: No space left on device"
  // carries; the text check covers servers that report it under another class.
  if (sqlstate == "53100" || message.find("No space left on device") != std::string::npos)
    throw_storage_full(std::move(detail));
  if (sqlstate == "23505") throw_duplicate(std::move(detail));
  if (sqlstate == "23503") throw_referenced(std::move(detail));
  throw_internal(std::move(detail));
}

void PostgresConnection::check_idle(std::string_view sql) const {
  if (broken_) throw_unavailable("connection already lost; in: " + std::string(sql));
  if (streaming_) {
    throw_internal(
        "a for_each callback used its own connection (PostgreSQL is still sending "
        "rows); in: " +
        std::string(sql));
  }
}

PostgresConnection::Result PostgresConnection::exec_simple(const char* sql) {
  check_idle(sql);
  Result result(PQexec(handle_, sql));
  if (!succeeded(result.get())) fail(result.get(), sql);
  return result;
}

const PostgresConnection::Prepared& PostgresConnection::prepare(std::string_view sql,
                                                                std::size_t parameter_count) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    if (statements_.size() >= statement_cache_limit) {
      exec_simple("DEALLOCATE ALL");
      statements_.clear();
    }
    NumberedSql numbered = number_placeholders(sql);
    std::string name = "s" + std::to_string(next_statement_number_++);
    Result result(PQprepare(handle_, name.c_str(), numbered.text.c_str(), 0, nullptr));
    if (!succeeded(result.get())) fail(result.get(), sql);
    found = statements_.emplace(std::string(sql), Prepared{name, numbered.parameter_count}).first;
  }
  if (static_cast<std::size_t>(found->second.parameter_count) != parameter_count) {
    throw_internal("statement wants " + std::to_string(found->second.parameter_count) +
                   " parameters, got " + std::to_string(parameter_count) + ": " + std::string(sql));
  }
  return found->second;
}

PostgresConnection::Result PostgresConnection::execute_prepared(std::string_view sql,
                                                                const std::vector<Value>& params) {
  check_idle(sql);
  const Prepared& prepared = prepare(sql, params.size());
  Parameters values(params);
  Result result(PQexecPrepared(handle_, prepared.name.c_str(), values.count(), values.values(),
                               nullptr, nullptr, 0));
  if (!succeeded(result.get())) fail(result.get(), sql);
  return result;
}

std::vector<Row> PostgresConnection::query(std::string_view sql, const std::vector<Value>& params) {
  Result result = execute_prepared(sql, params);
  int count = PQntuples(result.get());
  std::vector<Row> rows;
  rows.reserve(count);
  for (int row = 0; row < count; ++row) rows.push_back(read_row(result.get(), row));
  return rows;
}

std::int64_t PostgresConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  Result result = execute_prepared(sql, params);
  std::string_view changed = PQcmdTuples(result.get());
  std::int64_t count = 0;
  std::from_chars(changed.data(), changed.data() + changed.size(), count);
  return count;  // "" (DDL, SELECT without rows affected) stays 0
}

void PostgresConnection::for_each(std::string_view sql, const std::vector<Value>& params,
                                  const std::function<void(const Row&)>& on_row) {
  check_idle(sql);
  const Prepared& prepared = prepare(sql, params.size());
  Parameters values(params);
  if (!PQsendQueryPrepared(handle_, prepared.name.c_str(), values.count(), values.values(), nullptr,
                           nullptr, 0)) {
    fail(nullptr, sql);
  }
  // If single-row mode is refused the whole result arrives at once, which the
  // loop below handles the same way.
  PQsetSingleRowMode(handle_);
  streaming_ = true;
  // Every result must be read before the connection can be used again, so a
  // failing callback stops delivery but not the draining.
  std::exception_ptr callback_error;
  Result failure;
  while (Result result{PQgetResult(handle_)}) {
    ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) {
      for (int row = 0, count = PQntuples(result.get()); row < count && !callback_error; ++row) {
        try {
          on_row(read_row(result.get(), row));
        } catch (...) {
          callback_error = std::current_exception();
        }
      }
    } else if (status != PGRES_COMMAND_OK && !failure) {
      failure = std::move(result);
    }
  }
  streaming_ = false;
  if (PQstatus(handle_) == CONNECTION_BAD) broken_ = true;
  if (callback_error) std::rethrow_exception(callback_error);
  if (failure) fail(failure.get(), sql);
}

void PostgresConnection::execute_script(std::string_view sql) {
  check_idle(sql);
  Result result(PQexec(handle_, std::string(sql).c_str()));
  if (!succeeded(result.get())) fail(result.get(), "script");
}

void PostgresConnection::begin(bool write) { exec_simple(write ? "BEGIN" : "BEGIN READ ONLY"); }

void PostgresConnection::commit() {
  Result result = exec_simple("COMMIT");
  // COMMIT of a transaction that already failed succeeds as a ROLLBACK.
  if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
    throw_internal("COMMIT rolled back: an earlier statement in the transaction failed");
  }
}

void PostgresConnection::rollback() {
  if (broken_ || PQtransactionStatus(handle_) == PQTRANS_IDLE) return;
  exec_simple("ROLLBACK");
}

}  // namespace changwat::db::postgres
