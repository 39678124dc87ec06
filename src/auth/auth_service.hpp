#pragma once
// Users, sign-in and sessions. Sessions live in the database (servers stay
// stateless); only the SHA-256 of the opaque token is stored. Sign-in attempts are
// recorded and rate-limited per account and per address.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::auth {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{std::chrono::hours(2)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  int max_failures_per_account = 5;
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
  std::string province_code = "23";
};

struct UserSummary {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::public_user;
  std::optional<std::string> agency_code;
  std::optional<std::string> area_code;
  bool disabled = false;
};

class AuthService {
 public:
  AuthService(db::Database& database, const areas::AreaService& areas, SessionPolicy policy = {});

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
  std::vector<UserSummary> list_users(const Actor& actor) const;

 private:
  void check_rate_limit(db::Connection& c, std::string_view username, std::string_view address,
                        const std::string& since);
  db::Database& database_;
  const areas::AreaService& areas_;
  SessionPolicy policy_;
};

// Shared rule for new passwords: 8–256 characters.
void validate_password(std::string_view password);

}  // namespace changwat::auth
