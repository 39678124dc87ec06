// The admin's user management: list, look up, change role, scope and name, disable
// or enable, reset a password. Every change is one conditional UPDATE on the user's
// version and one audit entry in the same transaction.
#include <boost/json.hpp>

#include "auth/auth_service.hpp"
#include "auth/password.hpp"
#include "auth/user_rules.hpp"
#include "base/clock.hpp"
#include "base/json_or_null.hpp"
#include "db/row_reader.hpp"
#include "platform/audit/audit_log.hpp"

namespace changwat::auth {
namespace {

constexpr const char* kSummaryColumns =
    "u.id, u.username, u.display_name, u.role, u.province_code, u.agency_code, u.area_code, "
    "u.disabled, u.version";

UserSummary summary_from(const db::Row& row) {
  UserSummary user;
  db::RowReader(row).read(user.id, user.username, user.display_name,
                          db::stored(user.role, parse_role, "app_user.role"), user.province_code,
                          user.agency_code, user.area_code, user.disabled, user.version);
  return user;
}

std::optional<UserSummary> find_row(db::Connection& c, std::int64_t id) {
  auto row = c.query_one(
      std::string("SELECT ") + kSummaryColumns + " FROM app_user u WHERE u.id = ?", {id});
  if (!row) return std::nullopt;
  return summary_from(*row);
}

[[noreturn]] void throw_user_not_found() { throw_not_found("ผู้ใช้", "User"); }

// An admin over HTTP sees the users of their own province only.
UserSummary visible_user(db::Connection& c, const Actor& actor, std::int64_t id) {
  auto user = find_row(c, id);
  if (!user || (actor.principal && user->province_code != actor.principal->province_code))
    throw_user_not_found();
  return *user;
}

boost::json::value optional_json(const std::optional<std::string>& value) {
  return json_or_null(value);
}

}  // namespace

void AuthService::add_names(UserSummary& user) const {
  user.agency_name_th.reset();
  user.area_name_th.reset();
  if (user.agency_code) {
    if (auto agency = directory_.find_agency(*user.agency_code))
      user.agency_name_th = agency->name_th;
  }
  if (user.area_code) {
    if (auto area = directory_.find(*user.area_code)) user.area_name_th = area->name_th;
  }
}

std::vector<UserSummary> AuthService::list_users(const Actor& actor) const {
  const Principal& admin = actor.require_role({Role::admin});
  auto users = database_.read([&](db::Connection& c) {
    std::vector<UserSummary> found;
    for (const auto& row :
         c.query(std::string("SELECT ") + kSummaryColumns +
                     " FROM app_user u WHERE u.province_code = ? ORDER BY u.username",
                 {admin.province_code})) {
      found.push_back(summary_from(row));
    }
    return found;
  });
  for (auto& user : users) add_names(user);
  return users;
}

UserSummary AuthService::find_user(const Actor& actor, std::int64_t id) const {
  actor.require_role({Role::admin});
  UserSummary user = database_.read([&](db::Connection& c) { return visible_user(c, actor, id); });
  add_names(user);
  return user;
}

UserSummary AuthService::update_user(const Actor& actor, std::int64_t id,
                                     const UserChange& change) {
  const Principal& admin = actor.require_role({Role::admin});
  UserSummary updated = database_.write([&](db::Connection& c) {
    const UserSummary current = visible_user(c, actor, id);
    UserSummary next = current;
    if (change.display_name) next.display_name = *change.display_name;
    if (change.role) next.role = *change.role;
    if (change.agency_code) next.agency_code = *change.agency_code;
    if (change.area_code) next.area_code = *change.area_code;
    if (change.disabled) next.disabled = *change.disabled;

    FieldErrors errors;
    check_display_name(next.display_name, errors);
    if (next.display_name.empty())
      errors.add("display_name", {"ต้องระบุชื่อที่แสดง", "A display name is required"});
    check_role_scope(next.role, next.agency_code, errors);
    // The scope must stay in the user's province (an admin manages their own).
    NewUser scope;
    scope.agency_code = next.agency_code;
    scope.area_code = next.area_code;
    scope.province_code = current.province_code;
    scope_province(scope, actor, errors);
    // An admin cannot lock themselves out.
    if (id == admin.user_id) {
      if (next.disabled)
        errors.add("disabled",
                   {"ปิดการใช้งานบัญชีของตนเองไม่ได้", "You cannot disable your own account"});
      if (next.role != current.role)
        errors.add("role", {"เปลี่ยนบทบาทของตนเองไม่ได้", "You cannot change your own role"});
    }
    throw_user_errors(errors);
    if (change.expected_version && *change.expected_version != current.version)
      throw_stale_version();

    boost::json::object before;
    boost::json::object after;
    auto compare = [&](const char* field, boost::json::value old_value,
                       boost::json::value new_value) {
      if (old_value == new_value) return;
      before[field] = std::move(old_value);
      after[field] = std::move(new_value);
    };
    compare("display_name", boost::json::value(current.display_name),
            boost::json::value(next.display_name));
    compare("role", boost::json::value(std::string(role_name(current.role))),
            boost::json::value(std::string(role_name(next.role))));
    compare("agency_code", optional_json(current.agency_code), optional_json(next.agency_code));
    compare("area_code", optional_json(current.area_code), optional_json(next.area_code));
    compare("disabled", boost::json::value(current.disabled), boost::json::value(next.disabled));
    if (after.empty()) return current;  // nothing changes: no write, no audit entry

    auto changed = c.execute(
        "UPDATE app_user SET display_name = ?, role = ?, agency_code = ?, area_code = ?, "
        "disabled = ?, version = version + 1 WHERE id = ? AND version = ?",
        {next.display_name, std::string(role_name(next.role)), db::nullable(next.agency_code),
         db::nullable(next.area_code), std::int64_t{next.disabled ? 1 : 0}, id, current.version});
    if (changed == 0) throw_stale_version();
    next.version = current.version + 1;
    // A disabled user's sessions end now; a role or scope change applies to the
    // next request (sessions read the user's row each time).
    if (next.disabled) c.execute("DELETE FROM user_session WHERE user_id = ?", {id});
    std::string action = "update";
    if (before.size() == 1 && after.contains("disabled"))
      action = next.disabled ? "disable" : "enable";
    audit::record_in(c, current.province_code, actor, "user", std::to_string(id), action,
                     std::move(before), std::move(after));
    return next;
  });
  add_names(updated);
  return updated;
}

void AuthService::reset_password(const Actor& actor, std::int64_t id, std::string_view password) {
  actor.require_role({Role::admin});
  validate_password(password);
  // Hash before the transaction: Argon2id is slow and must not hold a connection.
  std::string hash = hash_password(password);
  database_.write([&](db::Connection& c) {
    const UserSummary user = visible_user(c, actor, id);
    if (c.execute("UPDATE app_user SET password_hash = ?, version = version + 1 "
                  "WHERE id = ? AND version = ?",
                  {hash, id, user.version}) == 0)
      throw_stale_version();
    // A new password ends every session of that user.
    c.execute("DELETE FROM user_session WHERE user_id = ?", {id});
    audit::record_in(c, user.province_code, actor, "user", std::to_string(id), "set_password",
                     nullptr, nullptr);
  });
}

}  // namespace changwat::auth
