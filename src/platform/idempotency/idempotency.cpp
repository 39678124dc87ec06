#include "platform/idempotency/idempotency.hpp"

#include <algorithm>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"

namespace changwat::idempotency {
namespace {

constexpr const char* kHeader = "idempotency-key";

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// Every part that makes two requests the same one, each with its length so no two
// different requests join into the same text.
std::string request_hash(const http::Request& request, const Options& options) {
  std::string text;
  auto add = [&text](std::string_view part) {
    text += std::to_string(part.size());
    text += ':';
    text += part;
  };
  add(http::method_name(request.method));
  add(request.target);
  add(request.header("content-type").value_or(""));
  for (const auto& name : options.headers) add(request.header(name).value_or(""));
  add(request.body);
  return sha256_hex(text);
}

[[noreturn]] void throw_reused() {
  throw_conflict("idempotency_key_reused",
                 {"Idempotency-Key นี้ใช้กับคำขออื่นไปแล้ว ให้สร้างคีย์ใหม่สำหรับคำขอใหม่",
                  "This Idempotency-Key was used for another request; use a new key for a new "
                  "request"});
}

[[noreturn]] void throw_in_progress() {
  throw_conflict("idempotency_key_in_progress",
                 {"คำขอที่ใช้ Idempotency-Key นี้กำลังดำเนินการอยู่ ลองใหม่อีกครั้ง",
                  "A request with this Idempotency-Key is still being answered; try again"});
}

}  // namespace

http::Response run(db::Database& database, http::Context& ctx, const http::Handler& handler,
                   const Options& options) {
  auto header = ctx.request.header(kHeader);
  if (!header) return handler(ctx);
  std::string key(http::trim_header_space(*header));
  if (!valid_key(key)) {
    throw Error(
        ErrorKind::validation, "invalid_idempotency_key",
        {"Idempotency-Key ต้องเป็นอักขระ ASCII ที่มองเห็นได้ 1–200 ตัว",
         "Idempotency-Key must be 1 to 200 visible ASCII characters"},
        {{"Idempotency-Key",
          {"ต้องเป็นอักขระ ASCII ที่มองเห็นได้ 1–200 ตัว", "must be 1 to 200 visible ASCII characters"}}});
  }
  // Nobody signed in: the handler refuses the write anyway (401), nothing to keep.
  if (!ctx.actor.principal) return handler(ctx);
  const std::string& user = ctx.actor.principal->username;
  std::string hash = request_hash(ctx.request, options);

  return database.write([&](db::Connection& c) -> http::Response {
    std::string now = iso_utc_now();
    auto row = c.query_one(
        "SELECT request_hash, status, content_type, body, expires_at FROM idempotency_key "
        "WHERE username = ? AND idempotency_key = ?",
        {user, key});
    if (row && row->text(4) > now) {
      if (row->text(0) != hash) throw_reused();
      if (row->integer(1) == 0) throw_in_progress();  // only seen across servers
      http::Response replay;
      replay.status = static_cast<int>(row->integer(1));
      replay.content_type = row->text(2);
      replay.body = row->text(3);
      replay.add_header("Idempotent-Replayed", "true");
      return replay;
    }
    // Expired records of this user go first (the expired one of this key with them).
    c.execute("DELETE FROM idempotency_key WHERE username = ? AND expires_at <= ?", {user, now});
    // The key is claimed before the write: a concurrent request with the same key waits
    // on this row (PostgreSQL) and then fails on the unique key (409), never writes twice.
    std::string expires = iso_utc(Clock::now() + kKeepFor);
    c.execute(
        "INSERT INTO idempotency_key (username, idempotency_key, request_hash, status, "
        "content_type, body, created_at, expires_at) VALUES (?, ?, ?, 0, '', '', ?, ?)",
        {user, key, hash, now, expires});
    http::Response response = handler(ctx);
    if (response.status >= 200 && response.status < 300) {
      c.execute(
          "UPDATE idempotency_key SET status = ?, content_type = ?, body = ? "
          "WHERE username = ? AND idempotency_key = ?",
          {std::int64_t{response.status}, response.content_type, response.body, user, key});
    } else {
      c.execute("DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ?",
                {user, key});
    }
    return response;
  });
}

http::Handler idempotent(db::Database& database, http::Handler handler, Options options) {
  return [&database, handler = std::move(handler), options = std::move(options)](
             http::Context& ctx) { return run(database, ctx, handler, options); };
}

std::int64_t purge_expired(db::Connection& connection) {
  return connection.execute("DELETE FROM idempotency_key WHERE expires_at <= ?", {iso_utc_now()});
}

}  // namespace changwat::idempotency
