#include "auth/auth_service.hpp"

#include <boost/json.hpp>
#include <regex>

#include "auth/password.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::auth {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.role, u.agency_code, u.area_code, u.community_id, "
    "u.province_code, u.disabled";

Principal principal_from(const db::Row& row, std::size_t first = 0) {
  Principal p;
  p.user_id = row.integer(first);
  p.username = row.text(first + 1);
  p.display_name = row.text(first + 2);
  p.role = parse_role(row.text(first + 3)).value_or(Role::public_user);
  p.agency_code = row.optional_text(first + 4);
  p.area_code = row.optional_text(first + 5);
  p.community_id = row.optional_integer(first + 6);
  p.province_code = row.text(first + 7);
  return p;
}

[[noreturn]] void throw_invalid_credentials() {
  throw Error(ErrorKind::unauthenticated, "invalid_credentials",
              {"ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "Wrong username or password"});
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

boost::json::object user_json(const NewUser& user) {
  boost::json::object o;
  o["username"] = user.username;
  o["display_name"] = user.display_name;
  o["role"] = std::string(role_name(user.role));
  o["agency_code"] = user.agency_code ? boost::json::value(*user.agency_code) : nullptr;
  o["area_code"] = user.area_code ? boost::json::value(*user.area_code) : nullptr;
  return o;
}

}  // namespace

void validate_password(std::string_view password) {
  std::size_t n = code_points(password);
  if (n < 8 || n > 256) {
    FieldErrors errors;
    errors.add("password", {"รหัสผ่านต้องยาว 8–256 ตัวอักษร", "Password must be 8–256 characters"});
    errors.throw_if_any();
  }
}

AuthService::AuthService(db::Database& database, const areas::AreaService& areas,
                         SessionPolicy policy)
    : database_(database), areas_(areas), policy_(policy) {}

void AuthService::check_rate_limit(db::Connection& c, std::string_view username,
                                   std::string_view address, const std::string& since) {
  auto by_account = c.query_one(
      "SELECT COUNT(*) FROM login_attempt WHERE username = ? AND at >= ? AND success = 0",
      {std::string(username), since});
  auto by_address = c.query_one(
      "SELECT COUNT(*) FROM login_attempt WHERE address = ? AND at >= ? AND success = 0",
      {std::string(address), since});
  if (by_account->integer(0) >= policy_.max_failures_per_account ||
      by_address->integer(0) >= policy_.max_failures_per_address) {
    throw Error(ErrorKind::rate_limited, "too_many_attempts",
                {"เข้าสู่ระบบผิดพลาดหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่",
                 "Too many failed sign-in attempts; wait 15 minutes and try again"});
  }
}

SignIn AuthService::sign_in(std::string_view username, std::string_view password,
                            const Actor& actor) {
  auto now = Clock::now();
  std::string since = iso_utc(now - policy_.failure_window);
  std::string name(username);

  // Read what we need, then hash outside any transaction: Argon2id is slow and must
  // not hold a database connection busy.
  auto found = database_.read([&](db::Connection& c) {
    check_rate_limit(c, name, actor.address, since);
    return c.query_one(std::string("SELECT ") + kUserColumns +
                           ", u.password_hash FROM app_user u WHERE u.username = ?",
                       {name});
  });
  bool ok = false;
  if (found && found->integer(8) == 0) {
    ok = verify_password(found->text(9), password);
  } else {
    verify_password(decoy_hash(), password);  // same time as a real check
  }

  std::string at = iso_utc(now);
  if (!ok) {
    database_.write([&](db::Connection& c) {
      c.execute("INSERT INTO login_attempt (username, address, at, success) VALUES (?, ?, ?, 0)",
                {name, actor.address, at});
    });
    throw_invalid_credentials();
  }

  SignIn result;
  result.principal = principal_from(*found);
  result.token = random_token(32);
  result.csrf_token = random_token(24);
  result.max_age = policy_.absolute_timeout;
  database_.write([&](db::Connection& c) {
    c.execute("INSERT INTO login_attempt (username, address, at, success) VALUES (?, ?, ?, 1)",
              {name, actor.address, at});
    c.execute(
        "INSERT INTO user_session (token_hash, user_id, csrf_token, address, created_at, "
        "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {sha256_hex(result.token), result.principal.user_id, result.csrf_token, actor.address, at,
         at, iso_utc(now + policy_.absolute_timeout)});
    Actor signed_in = actor;
    signed_in.principal = result.principal;
    audit::record(c, signed_in, "session", std::to_string(result.principal.user_id), "sign_in",
                  nullptr, nullptr);
  });
  return result;
}

std::optional<Session> AuthService::authenticate(std::string_view token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  std::string hash = sha256_hex(token);
  auto now = Clock::now();
  std::string now_text = iso_utc(now);
  auto row = database_.read([&](db::Connection& c) {
    return c.query_one(std::string("SELECT ") + kUserColumns +
                           ", s.csrf_token, s.last_seen_at, s.expires_at FROM user_session s "
                           "JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?",
                       {hash});
  });
  if (!row || row->integer(8) != 0) return std::nullopt;
  std::string last_seen = row->text(10);
  if (row->text(11) <= now_text || last_seen <= iso_utc(now - policy_.idle_timeout))
    return std::nullopt;
  // Refresh the idle timer at most once a minute to keep reads cheap.
  if (last_seen <= iso_utc(now - std::chrono::minutes(1))) {
    database_.write([&](db::Connection& c) {
      c.execute("UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?",
                {now_text, hash});
    });
  }
  return Session{principal_from(*row), row->text(9)};
}

void AuthService::sign_out(std::string_view token, const Actor& actor) {
  database_.write([&](db::Connection& c) {
    auto removed = c.execute("DELETE FROM user_session WHERE token_hash = ?",
                             {sha256_hex(token)});
    if (removed > 0 && actor.principal)
      audit::record(c, actor, "session", std::to_string(actor.principal->user_id), "sign_out",
                    nullptr, nullptr);
  });
}

std::int64_t AuthService::add_user(const NewUser& user, std::string_view password,
                                   const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  FieldErrors errors;
  static const std::regex kUsername("^[a-z0-9][a-z0-9._-]{2,63}$");
  if (!std::regex_match(user.username, kUsername))
    errors.add("username", {"ชื่อผู้ใช้ต้องเป็น a-z 0-9 . _ - ยาว 3–64 ตัว",
                            "Username must be 3–64 characters of a-z 0-9 . _ -"});
  if (code_points(user.display_name) > 200)
    errors.add("display_name", {"ชื่อยาวเกิน 200 ตัวอักษร", "Name is longer than 200 characters"});
  if (user.agency_code && !areas_.find_agency(*user.agency_code))
    errors.add("agency", {"ไม่พบหน่วยงานรหัสนี้", "No agency has this code"});
  if (user.area_code && !areas_.find(*user.area_code))
    errors.add("area", {"ไม่พบพื้นที่รหัสนี้", "No area has this code"});
  if (user.role == Role::agency_officer && !user.agency_code)
    errors.add("agency", {"เจ้าหน้าที่หน่วยงานต้องระบุหน่วยงาน",
                          "An agency officer needs an agency"});
  errors.throw_if_any();
  validate_password(password);
  std::string hash = hash_password(password);
  return database_.write([&](db::Connection& c) {
    if (c.query_one("SELECT 1 FROM app_user WHERE username = ?", {user.username}))
      throw_conflict("duplicate", {"มีชื่อผู้ใช้นี้แล้ว", "This username is already taken"});
    auto id = c.insert_returning_id(
        "INSERT INTO app_user (province_code, username, display_name, password_hash, role, "
        "agency_code, area_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user.province_code, user.username,
         user.display_name.empty() ? user.username : user.display_name, hash,
         std::string(role_name(user.role)), db::nullable(user.agency_code),
         db::nullable(user.area_code), iso_utc_now()});
    audit::record(c, actor, "user", std::to_string(id), "create", nullptr, user_json(user));
    return id;
  });
}

void AuthService::set_password(std::string_view username, std::string_view password,
                               const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  validate_password(password);
  std::string hash = hash_password(password);
  database_.write([&](db::Connection& c) {
    auto row = c.query_one("SELECT id FROM app_user WHERE username = ?", {std::string(username)});
    if (!row) throw_not_found("ผู้ใช้", "User");
    c.execute("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?",
              {hash, row->integer(0)});
    // Changing a password ends every session of that user.
    c.execute("DELETE FROM user_session WHERE user_id = ?", {row->integer(0)});
    audit::record(c, actor, "user", std::to_string(row->integer(0)), "set_password", nullptr,
                  nullptr);
  });
}

void AuthService::disable_user(std::string_view username, const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  database_.write([&](db::Connection& c) {
    auto row = c.query_one("SELECT id, disabled FROM app_user WHERE username = ?",
                           {std::string(username)});
    if (!row) throw_not_found("ผู้ใช้", "User");
    c.execute("UPDATE app_user SET disabled = 1, version = version + 1 WHERE id = ?",
              {row->integer(0)});
    c.execute("DELETE FROM user_session WHERE user_id = ?", {row->integer(0)});
    audit::record(c, actor, "user", std::to_string(row->integer(0)), "disable",
                  boost::json::object{{"disabled", row->integer(1) != 0}},
                  boost::json::object{{"disabled", true}});
  });
}

std::vector<UserSummary> AuthService::list_users(const Actor& actor) const {
  actor.require_role({Role::admin});
  return database_.read([&](db::Connection& c) {
    std::vector<UserSummary> users;
    for (const auto& row :
         c.query(std::string("SELECT ") + kUserColumns + " FROM app_user u ORDER BY u.username")) {
      Principal p = principal_from(row);
      users.push_back({p.user_id, p.username, p.display_name, p.role, p.agency_code, p.area_code,
                       row.integer(8) != 0});
    }
    return users;
  });
}

}  // namespace changwat::auth
