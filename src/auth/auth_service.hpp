#pragma once
// Users, sign-in and sessions. Sessions live in the database (servers stay
// stateless); only the SHA-256 of the opaque token is stored. Sign-in attempts are
// recorded and throttled per (account, address) pair with a growing wait, and per
// address: failures from one address never lock the account out for another.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "platform/areas/directory.hpp"

namespace changwat::auth {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{std::chrono::hours(2)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  // Failures of one account from one address before it must wait; each further
  // failure doubles the wait (first_backoff, then 2x, 4x …, at most max_backoff).
  int free_failures_per_pair = 2;
  std::chrono::seconds first_backoff{2};
  std::chrono::seconds max_backoff{std::chrono::minutes(15)};
  // Failures from one address (any accounts) within failure_window before it is
  // refused altogether until the window has passed.
  int max_failures_per_address = 20;
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
};

struct SignIn {
  Principal principal;
  std::string token;  // goes into the cookie, never stored
  std::string csrf_token;
  std::chrono::seconds max_age{0};
};

struct Session {
  Principal principal;
  std::string csrf_token;
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::public_user;
  std::optional<std::string> agency_code;
  std::optional<std::string> area_code;
  // A community_manager's tourism community (the tourism module's id; no check here,
  // auth does not know the module).
  std::optional<std::int64_t> community_id;
  // None: the agency's or area's province, else the deployment's only province.
  std::optional<std::string> province_code;
};

struct UserSummary {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::public_user;
  std::string province_code;
  std::optional<std::string> agency_code;
  std::optional<std::string> area_code;
  bool disabled = false;
  std::int64_t version = 1;
  // Names for the codes (reference data), for people to read.
  std::optional<std::string> agency_name_th;
  std::optional<std::string> area_name_th;
};

// What an admin changes on a user; absent fields stay. For the scope, an inner
// nullopt clears it (JSON null). `expected_version`, when given, must be the
// stored one (else 409 stale_version).
struct UserChange {
  std::optional<std::string> display_name;
  std::optional<Role> role;
  std::optional<std::optional<std::string>> agency_code;
  std::optional<std::optional<std::string>> area_code;
  std::optional<bool> disabled;
  std::optional<std::int64_t> expected_version;
};

class AuthService {
 public:
  AuthService(db::Database& database, const areas::Directory& directory, SessionPolicy policy = {});

  // Throws unauthenticated ("invalid_credentials", the same for an unknown user, a
  // wrong password and a disabled account) or rate_limited.
  SignIn sign_in(std::string_view username, std::string_view password, const Actor& actor);
  // The session for a cookie token, if valid and not expired; refreshes its idle timer.
  std::optional<Session> authenticate(std::string_view token);
  void sign_out(std::string_view token, const Actor& actor);

  // Admin operations (also used by the command line, where actor has no principal).
  std::int64_t add_user(const NewUser& user, std::string_view password, const Actor& actor);
  void set_password(std::string_view username, std::string_view password, const Actor& actor);
  void disable_user(std::string_view username, const Actor& actor);
  // Forgets the account's failed sign-ins (every address), ending its throttling;
  // returns how many were forgotten. The operator's `changwat user unlock`.
  std::int64_t clear_failures(std::string_view username, const Actor& actor);
  // The admin's province's users (every user on the command line), by username.
  std::vector<UserSummary> list_users(const Actor& actor) const;
  // Admin over HTTP (users of their own province; others are not found).
  UserSummary find_user(const Actor& actor, std::int64_t id) const;
  // One conditional UPDATE (stale -> 409). Disabling ends the user's sessions at
  // once; an admin cannot disable themselves or change their own role. Rule
  // failures are 422 "invalid_user" naming the fields (agency_code, area_code, role…).
  UserSummary update_user(const Actor& actor, std::int64_t id, const UserChange& change);
  // Sets a new password and ends the user's sessions (the admin's reset).
  void reset_password(const Actor& actor, std::int64_t id, std::string_view password);

 private:
  void check_throttle(db::Connection& c, const std::string& username, const std::string& address,
                      Clock::time_point now);
  std::optional<std::string> scope_province(const NewUser& user, const Actor& actor,
                                            FieldErrors& errors) const;
  void add_names(UserSummary& user) const;
  db::Database& database_;
  const areas::Directory& directory_;
  SessionPolicy policy_;
};

// Shared rule for new passwords: 8–256 characters. Adds a "password" problem.
void check_password(std::string_view password, FieldErrors& errors);
// The same on its own: Error(rule, "invalid_user") naming "password".
void validate_password(std::string_view password);

}  // namespace changwat::auth
