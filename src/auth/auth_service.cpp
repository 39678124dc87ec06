#include "auth/auth_service.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <ctime>
#include <regex>

#include "auth/password.hpp"
#include "auth/user_rules.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/secret.hpp"
#include "base/utf8.hpp"
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

// "2026-11-25T16:57:28Z" -> time point (the stored form, base/clock.hpp).
std::optional<Clock::time_point> parse_iso_utc(const std::string& text) {
  std::tm tm{};
  if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return Clock::from_time_t(timegm(&tm));
}

[[noreturn]] void throw_throttled(std::chrono::seconds wait) {
  std::string seconds = std::to_string(std::max<long long>(1, wait.count()));
  throw Error(ErrorKind::rate_limited, "too_many_attempts",
              {"เข้าสู่ระบบผิดพลาดหลายครั้งจากที่อยู่นี้ กรุณารอ " + seconds +
                   " วินาทีแล้วลองใหม่ (ผู้ดูแลระบบปลดล็อกได้ด้วย changwat user unlock)",
               "Too many failed sign-ins from this address; wait " + seconds +
                   " seconds and try again (an operator can clear this with "
                   "`changwat user unlock`)"});
}

boost::json::object user_json(const NewUser& user) {
  boost::json::object o;
  o["username"] = user.username;
  o["display_name"] = user.display_name;
  o["role"] = std::string(role_name(user.role));
  o["agency_code"] = user.agency_code ? boost::json::value(*user.agency_code) : nullptr;
  o["area_code"] = user.area_code ? boost::json::value(*user.area_code) : nullptr;
  o["province_code"] = user.province_code ? boost::json::value(*user.province_code) : nullptr;
  return o;
}

}  // namespace

void check_password(std::string_view password, FieldErrors& errors) {
  std::size_t n = utf8::count_code_points(password);
  if (n < 8 || n > 256)
    errors.add("password", {"รหัสผ่านต้องยาว 8–256 ตัวอักษร", "Password must be 8–256 characters"});
}

void validate_password(std::string_view password) {
  FieldErrors errors;
  check_password(password, errors);
  throw_user_errors(errors);
}

AuthService::AuthService(db::Database& database, const areas::Directory& directory,
                         SessionPolicy policy)
    : database_(database), directory_(directory), policy_(policy) {}

// Two limits, neither of which lets one client lock out another:
//  - an (account, address) pair waits after its free failures, twice as long after
//    each further one (counted since the pair's last success, within the window);
//  - an address with too many failures on any accounts waits out the window.
// The rightful user signing in from an address without recent failures is never
// refused, whatever others sent for the same account.
void AuthService::check_throttle(db::Connection& c, const std::string& username,
                                 const std::string& address, Clock::time_point now) {
  std::string since = iso_utc(now - policy_.failure_window);
  auto by_address = c.query_one(
      "SELECT COUNT(*), MIN(at) FROM login_attempt WHERE address = ? AND at >= ? AND success = 0",
      {address, since});
  if (by_address->integer(0) >= policy_.max_failures_per_address) {
    auto oldest = parse_iso_utc(by_address->text(1)).value_or(now);
    throw_throttled(std::chrono::ceil<std::chrono::seconds>(oldest + policy_.failure_window - now));
  }
  auto pair = c.query_one(
      "SELECT COUNT(*), MAX(at) FROM login_attempt WHERE username = ? AND address = ? "
      "AND at >= ? AND success = 0 AND at >= COALESCE((SELECT MAX(at) FROM login_attempt "
      "WHERE username = ? AND address = ? AND success = 1), '')",
      {username, address, since, username, address});
  std::int64_t failures = pair->integer(0);
  if (failures < policy_.free_failures_per_pair) return;
  std::chrono::seconds wait = policy_.max_backoff;
  std::int64_t doublings = failures - policy_.free_failures_per_pair;
  if (doublings < 30) {
    wait = std::min<std::chrono::seconds>(policy_.max_backoff,
                                          policy_.first_backoff * (std::int64_t{1} << doublings));
  }
  auto last = parse_iso_utc(pair->text(1)).value_or(now);
  if (now < last + wait)
    throw_throttled(std::chrono::ceil<std::chrono::seconds>(last + wait - now));
}

SignIn AuthService::sign_in(std::string_view username, std::string_view password,
                            const Actor& actor) {
  auto now = Clock::now();
  std::string name(username);

  // Read what we need, then hash outside any transaction: Argon2id is slow and must
  // not hold a database connection busy.
  auto found = database_.read([&](db::Connection& c) {
    check_throttle(c, name, actor.address, now);
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
      c.execute("UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?", {now_text, hash});
    });
  }
  return Session{principal_from(*row), row->text(9)};
}

void AuthService::sign_out(std::string_view token, const Actor& actor) {
  database_.write([&](db::Connection& c) {
    auto removed = c.execute("DELETE FROM user_session WHERE token_hash = ?", {sha256_hex(token)});
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
  check_display_name(user.display_name, errors);
  check_role_scope(user.role, user.agency_code, errors);
  // Only a community manager is scoped to a tourism community; on any other role the
  // id would be a scope nobody checks.
  if (user.community_id && user.role != Role::community_manager) {
    errors.add("community_id",
               {"ระบุชุมชนได้เฉพาะผู้จัดการชุมชน", "Only a community manager has a community"});
  } else if (user.community_id && *user.community_id <= 0) {
    errors.add("community_id", {"รหัสชุมชนไม่ถูกต้อง", "Not a community's id"});
  }
  std::optional<std::string> scope = scope_province(user, actor, errors);
  check_password(password, errors);
  throw_user_errors(errors);
  std::string province = areas::province_for(directory_, actor, scope);
  std::string hash = hash_password(password);
  return database_.write([&](db::Connection& c) {
    if (c.query_one("SELECT 1 FROM app_user WHERE username = ?", {user.username}))
      throw_conflict("duplicate", {"มีชื่อผู้ใช้นี้แล้ว", "This username is already taken"});
    auto id = c.insert_returning_id(
        "INSERT INTO app_user (province_code, username, display_name, password_hash, role, "
        "agency_code, area_code, community_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {province, user.username, user.display_name.empty() ? user.username : user.display_name,
         hash, std::string(role_name(user.role)), db::nullable(user.agency_code),
         db::nullable(user.area_code), db::nullable(user.community_id), iso_utc_now()});
    NewUser created = user;
    created.province_code = province;
    audit::record_in(c, province, actor, "user", std::to_string(id), "create", nullptr,
                     user_json(created));
    return id;
  });
}

void AuthService::set_password(std::string_view username, std::string_view password,
                               const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  validate_password(password);
  std::string hash = hash_password(password);
  database_.write([&](db::Connection& c) {
    auto row = c.query_one("SELECT id, province_code FROM app_user WHERE username = ?",
                           {std::string(username)});
    if (!row) throw_not_found("ผู้ใช้", "User");
    c.execute("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?",
              {hash, row->integer(0)});
    // Changing a password ends every session of that user.
    c.execute("DELETE FROM user_session WHERE user_id = ?", {row->integer(0)});
    audit::record_in(c, row->text(1), actor, "user", std::to_string(row->integer(0)),
                     "set_password", nullptr, nullptr);
  });
}

void AuthService::disable_user(std::string_view username, const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  database_.write([&](db::Connection& c) {
    auto row = c.query_one("SELECT id, disabled, province_code FROM app_user WHERE username = ?",
                           {std::string(username)});
    if (!row) throw_not_found("ผู้ใช้", "User");
    c.execute("UPDATE app_user SET disabled = 1, version = version + 1 WHERE id = ?",
              {row->integer(0)});
    c.execute("DELETE FROM user_session WHERE user_id = ?", {row->integer(0)});
    audit::record_in(c, row->text(2), actor, "user", std::to_string(row->integer(0)), "disable",
                     boost::json::object{{"disabled", row->integer(1) != 0}},
                     boost::json::object{{"disabled", true}});
  });
}

std::int64_t AuthService::clear_failures(std::string_view username, const Actor& actor) {
  actor.require_role_or_local({Role::admin});
  return database_.write([&](db::Connection& c) {
    auto row = c.query_one("SELECT id, province_code FROM app_user WHERE username = ?",
                           {std::string(username)});
    if (!row) throw_not_found("ผู้ใช้", "User");
    std::int64_t cleared = c.execute("DELETE FROM login_attempt WHERE username = ? AND success = 0",
                                     {std::string(username)});
    audit::record_in(c, row->text(1), actor, "user", std::to_string(row->integer(0)),
                     "clear_failed_sign_ins", nullptr,
                     boost::json::object{{"failed_sign_ins_cleared", cleared}});
    return cleared;
  });
}

// The province a new user's scope names (agency, area, or the one named: they must
// agree); none when the scope says nothing, and add_user then takes the admin's own
// province, or on the command line the deployment's only one (areas::province_for).
// An admin adds users of their own province only.
std::optional<std::string> AuthService::scope_province(const NewUser& user, const Actor& actor,
                                                       FieldErrors& errors) const {
  std::optional<std::string> province = user.province_code;
  auto agree = [&](const char* field, const std::string& found) {
    if (province && *province != found) {
      errors.add(field, {"อยู่ต่างจังหวัดกับขอบเขตอื่นของผู้ใช้ (" + found + " ไม่ใช่ " + *province + ")",
                         "is in another province than the user's other scope (" + found + ", not " +
                             *province + ")"});
    }
    province = found;
  };
  if (user.agency_code) {
    if (auto agency = directory_.find_agency(*user.agency_code))
      agree("agency_code", agency->province_code);
    else
      errors.add("agency_code", {"ไม่พบหน่วยงานรหัสนี้", "No agency has this code"});
  }
  if (user.area_code) {
    if (auto area = directory_.find(*user.area_code))
      agree("area_code", area->province_code);
    else
      errors.add("area_code", {"ไม่พบพื้นที่รหัสนี้", "No area has this code"});
  }
  if (actor.principal && province && *province != actor.principal->province_code) {
    errors.add("province_code",
               {"เพิ่มผู้ใช้ได้เฉพาะในจังหวัดของตนเอง", "You can add users of your own province only"});
  }
  return province;
}

}  // namespace changwat::auth
