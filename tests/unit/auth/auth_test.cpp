// AuthService against a real SQLite file: sign-in, sessions, expiry, throttling, scope.
#include <gtest/gtest.h>

#include <filesystem>

#include "auth/auth_service.hpp"
#include "auth/password.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "db/migrations.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::auth {
namespace {

TEST(PasswordTest, HashesAreArgon2idSaltedAndVerify) {
  auto a = hash_password("รหัสผ่านภาษาไทย-2568");
  auto b = hash_password("รหัสผ่านภาษาไทย-2568");
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u);
  EXPECT_NE(a, b) << "random salt";
  EXPECT_TRUE(verify_password(a, "รหัสผ่านภาษาไทย-2568"));
  EXPECT_FALSE(verify_password(a, "รหัสผ่านภาษาไทย-2569"));
  EXPECT_FALSE(verify_password("not a hash", "x"));
  EXPECT_FALSE(verify_password(decoy_hash(), ""));
}

TEST(PasswordTest, LengthRuleCountsCharactersNotBytes) {
  EXPECT_THROW(validate_password("สั้นไป"), Error);    // 6 characters, 18 bytes
  EXPECT_NO_THROW(validate_password("ยาวพอแล้วนะ"));  // 11 characters
  EXPECT_THROW(validate_password(std::string(257, 'a')), Error);
}

class AuthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-auth-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    SessionPolicy policy;
    policy.idle_timeout = std::chrono::seconds(3600);
    service_ = std::make_unique<AuthService>(*database_, *areas_, policy);
    NewUser user;
    user.username = "somsri";
    user.role = Role::strategy_officer;
    user.agency_code = "TRAT-PO";
    service_->add_user(user, "correct horse battery", Actor::command_line());
    actor_.address = "192.0.2.7";
  }
  void TearDown() override {
    service_.reset();
    areas_.reset();
    database_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }

  ErrorKind sign_in_error(const std::string& user, const std::string& password) {
    try {
      service_->sign_in(user, password, actor_);
    } catch (const Error& e) {
      return e.kind();
    }
    return ErrorKind::internal;
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<AuthService> service_;
  Actor actor_;
};

TEST_F(AuthServiceTest, SignInCreatesASessionFoundByItsToken) {
  auto signed_in = service_->sign_in("somsri", "correct horse battery", actor_);
  EXPECT_EQ(signed_in.principal.username, "somsri");
  EXPECT_EQ(signed_in.principal.role, Role::strategy_officer);
  EXPECT_EQ(signed_in.principal.agency_code, std::optional<std::string>("TRAT-PO"));
  auto session = service_->authenticate(signed_in.token);
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->csrf_token, signed_in.csrf_token);
  EXPECT_FALSE(service_->authenticate(signed_in.token + "x").has_value());
  EXPECT_FALSE(service_->authenticate("").has_value());
}

TEST_F(AuthServiceTest, UnknownUserAndWrongPasswordFailAlike) {
  EXPECT_EQ(sign_in_error("nobody", "correct horse battery"), ErrorKind::unauthenticated);
  EXPECT_EQ(sign_in_error("somsri", "wrong horse battery"), ErrorKind::unauthenticated);
}

TEST_F(AuthServiceTest, FailuresFromOneAddressDoNotLockTheAccountForAnother) {
  // Two failures are free; after them this address waits (the attempts it sends
  // meanwhile are refused before the password is checked).
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(sign_in_error("somsri", "wrong-" + std::to_string(i)), ErrorKind::unauthenticated);
  for (int i = 2; i < 6; ++i)
    EXPECT_EQ(sign_in_error("somsri", "wrong-" + std::to_string(i)), ErrorKind::rate_limited);
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::rate_limited);

  Actor elsewhere;
  elsewhere.address = "198.51.100.9";
  EXPECT_EQ(service_->sign_in("somsri", "correct horse battery", elsewhere).principal.username,
            "somsri");
}

TEST_F(AuthServiceTest, EachFurtherFailureDoublesTheWait) {
  // Three failures of one pair: the third is past the two free ones, so the wait is
  // twice the first backoff (2 s -> 4 s) counted from the last failure.
  auto fail_at = [&](Clock::time_point at) {
    database_->write([&](db::Connection& c) {
      c.execute("INSERT INTO login_attempt (username, address, at, success) VALUES (?, ?, ?, 0)",
                {std::string("somsri"), actor_.address, iso_utc(at)});
    });
  };
  auto now = Clock::now();
  fail_at(now - std::chrono::seconds(60));
  fail_at(now - std::chrono::seconds(50));
  fail_at(now - std::chrono::seconds(3));  // 3 s ago: the 4 s wait is not over
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::rate_limited);

  database_->write([&](db::Connection& c) {
    c.execute("UPDATE login_attempt SET at = ? WHERE at = ?",
              {iso_utc(now - std::chrono::seconds(6)), iso_utc(now - std::chrono::seconds(3))});
  });
  // 6 s ago: over; the right password goes through and starts the pair afresh.
  EXPECT_EQ(service_->sign_in("somsri", "correct horse battery", actor_).principal.username,
            "somsri");
  EXPECT_EQ(sign_in_error("somsri", "wrong-again"), ErrorKind::unauthenticated);
}

TEST_F(AuthServiceTest, AnAddressWithManyFailuresOnAnyAccountsWaitsOutTheWindow) {
  auto at = iso_utc(Clock::now() - std::chrono::seconds(60));
  database_->write([&](db::Connection& c) {
    for (int i = 0; i < 20; ++i)
      c.execute("INSERT INTO login_attempt (username, address, at, success) VALUES (?, ?, ?, 0)",
                {"guess-" + std::to_string(i), actor_.address, at});
  });
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::rate_limited);
  Actor elsewhere;
  elsewhere.address = "198.51.100.9";
  EXPECT_NO_THROW(service_->sign_in("somsri", "correct horse battery", elsewhere));
}

TEST_F(AuthServiceTest, UnlockForgetsTheAccountsFailures) {
  for (int i = 0; i < 3; ++i) sign_in_error("somsri", "wrong-" + std::to_string(i));
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::rate_limited);
  EXPECT_EQ(service_->clear_failures("somsri", Actor::command_line()), 2);
  EXPECT_NO_THROW(service_->sign_in("somsri", "correct horse battery", actor_));
  Actor officer;
  officer.principal = Principal{};
  officer.principal->role = Role::strategy_officer;
  EXPECT_THROW(service_->clear_failures("somsri", officer), Error);
}

TEST_F(AuthServiceTest, AUsersProvinceComesFromTheirScope) {
  NewUser executive;
  executive.username = "boss";
  executive.role = Role::executive;
  service_->add_user(executive, "long enough password", Actor::command_line());
  NewUser district;
  district.username = "district-officer";
  district.role = Role::agency_officer;
  district.agency_code = "TRAT-DOAE";
  district.area_code = "2301";
  service_->add_user(district, "long enough password", Actor::command_line());
  database_->read([&](db::Connection& c) {
    for (const auto& row : c.query("SELECT username, province_code FROM app_user"))
      EXPECT_EQ(row.text(1), "23") << row.text(0);  // the deployment's (data/) province
  });

  // Bangkok (10) has no agencies here: not a province this deployment serves.
  NewUser outside;
  outside.username = "bangkok";
  outside.role = Role::executive;
  outside.area_code = "1001";
  try {
    service_->add_user(outside, "long enough password", Actor::command_line());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::validation);
    EXPECT_TRUE(e.fields().count("province_code"));
  }
  // An agency of one province and an area of another do not make one scope.
  NewUser mixed;
  mixed.username = "mixed";
  mixed.role = Role::agency_officer;
  mixed.agency_code = "TRAT-DOAE";
  mixed.area_code = "1001";
  try {
    service_->add_user(mixed, "long enough password", Actor::command_line());
    FAIL();
  } catch (const Error& e) {
    EXPECT_TRUE(e.fields().count("area_code"));
  }
}

TEST_F(AuthServiceTest, ExpiredSessionsAndSignOutEndAccess) {
  auto a = service_->sign_in("somsri", "correct horse battery", actor_);
  database_->write([](db::Connection& c) {
    c.execute("UPDATE user_session SET expires_at = '2000-01-01T00:00:00Z'");
  });
  EXPECT_FALSE(service_->authenticate(a.token).has_value());
  auto b = service_->sign_in("somsri", "correct horse battery", actor_);
  ASSERT_TRUE(service_->authenticate(b.token).has_value());
  service_->sign_out(b.token, actor_);
  EXPECT_FALSE(service_->authenticate(b.token).has_value());
}

TEST_F(AuthServiceTest, DisablingAUserEndsSessionsAndSignIn) {
  auto a = service_->sign_in("somsri", "correct horse battery", actor_);
  service_->disable_user("somsri", Actor::command_line());
  EXPECT_FALSE(service_->authenticate(a.token).has_value());
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::unauthenticated);
}

TEST_F(AuthServiceTest, AddUserValidatesEveryField) {
  NewUser bad;
  bad.username = "A b";
  bad.role = Role::agency_officer;
  bad.area_code = "9999";
  try {
    service_->add_user(bad, "long enough password", Actor::command_line());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::rule);
    EXPECT_EQ(e.code(), "invalid_user");
    EXPECT_TRUE(e.fields().count("username"));
    EXPECT_TRUE(e.fields().count("area_code"));
    EXPECT_TRUE(e.fields().count("agency_code"));  // an agency officer needs one
  }
  NewUser dup;
  dup.username = "somsri";
  dup.role = Role::executive;
  try {
    service_->add_user(dup, "long enough password", Actor::command_line());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
}

TEST_F(AuthServiceTest, OnlyAdminsManageUsersOverHttp) {
  Actor officer;
  officer.principal = Principal{};
  officer.principal->role = Role::strategy_officer;
  NewUser user;
  user.username = "newbie";
  user.role = Role::executive;
  EXPECT_THROW(service_->add_user(user, "long enough password", officer), Error);
  EXPECT_THROW(service_->add_user(user, "long enough password", Actor{}), Error);
}

// An admin of the deployment's province, signed in (a principal as over HTTP).
Actor signed_in_admin(AuthService& service, const Actor& from) {
  NewUser admin;
  admin.username = "root-admin";
  admin.role = Role::admin;
  service.add_user(admin, "long enough password", Actor::command_line());
  Actor actor = from;
  actor.principal = service.sign_in("root-admin", "long enough password", from).principal;
  return actor;
}

std::int64_t user_id(AuthService& service, const Actor& admin, const std::string& username) {
  for (const auto& user : service.list_users(admin))
    if (user.username == username) return user.id;
  ADD_FAILURE() << username << " not listed";
  return 0;
}

TEST_F(AuthServiceTest, AdminChangesRoleAndScopeWithTheVersion) {
  Actor admin = signed_in_admin(*service_, actor_);
  std::int64_t id = user_id(*service_, admin, "somsri");
  UserSummary before = service_->find_user(admin, id);
  EXPECT_EQ(before.agency_name_th.value_or(""), "สำนักงานจังหวัดตราด");

  UserChange change;
  change.role = Role::agency_officer;
  change.area_code = std::optional<std::string>("2301");
  change.expected_version = before.version;
  UserSummary after = service_->update_user(admin, id, change);
  EXPECT_EQ(after.role, Role::agency_officer);
  EXPECT_EQ(after.area_code.value_or(""), "2301");
  EXPECT_EQ(after.version, before.version + 1);
  EXPECT_TRUE(after.area_name_th.has_value());

  // The same version again is stale.
  changwat::testing::expect_error([&] { service_->update_user(admin, id, change); },
                                  ErrorKind::conflict, "stale_version");
  // An agency officer without an agency, an unknown area: 422 naming both fields.
  UserChange bad;
  bad.agency_code = std::optional<std::string>();
  bad.area_code = std::optional<std::string>("9999");
  auto error = changwat::testing::expect_error([&] { service_->update_user(admin, id, bad); },
                                               ErrorKind::rule, "invalid_user");
  EXPECT_TRUE(error.fields.count("agency_code"));
  EXPECT_TRUE(error.fields.count("area_code"));
  EXPECT_EQ(service_->find_user(admin, id).version, after.version);
}

TEST_F(AuthServiceTest, DisablingOverHttpEndsSessionsAtOnceAndEnablingRestoresSignIn) {
  Actor admin = signed_in_admin(*service_, actor_);
  std::int64_t id = user_id(*service_, admin, "somsri");
  auto session = service_->sign_in("somsri", "correct horse battery", actor_);
  UserChange off;
  off.disabled = true;
  EXPECT_TRUE(service_->update_user(admin, id, off).disabled);
  EXPECT_FALSE(service_->authenticate(session.token).has_value());
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::unauthenticated);
  int audited = database_->read([&](db::Connection& c) {
    return static_cast<int>(
        c.query_one("SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND entity_id = ? AND "
                    "action = 'disable'",
                    {std::to_string(id)})
            ->integer(0));
  });
  EXPECT_EQ(audited, 1);
  UserChange on;
  on.disabled = false;
  service_->update_user(admin, id, on);
  EXPECT_NO_THROW(service_->sign_in("somsri", "correct horse battery", actor_));
}

TEST_F(AuthServiceTest, AnAdminCannotLockThemselvesOut) {
  Actor admin = signed_in_admin(*service_, actor_);
  UserChange change;
  change.disabled = true;
  change.role = Role::executive;
  auto error = changwat::testing::expect_error(
      [&] { service_->update_user(admin, admin.principal->user_id, change); }, ErrorKind::rule,
      "invalid_user");
  EXPECT_TRUE(error.fields.count("disabled"));
  EXPECT_TRUE(error.fields.count("role"));
}

TEST_F(AuthServiceTest, ResetPasswordEndsSessionsAndOnlyTheNewOneWorks) {
  Actor admin = signed_in_admin(*service_, actor_);
  std::int64_t id = user_id(*service_, admin, "somsri");
  auto session = service_->sign_in("somsri", "correct horse battery", actor_);
  auto error = changwat::testing::expect_error(
      [&] { service_->reset_password(admin, id, "short"); }, ErrorKind::rule, "invalid_user");
  EXPECT_TRUE(error.fields.count("password"));
  service_->reset_password(admin, id, "a brand new password");
  EXPECT_FALSE(service_->authenticate(session.token).has_value());
  EXPECT_EQ(sign_in_error("somsri", "correct horse battery"), ErrorKind::unauthenticated);
  EXPECT_NO_THROW(service_->sign_in("somsri", "a brand new password", actor_));
  Actor officer = actor_;
  officer.principal = service_->sign_in("somsri", "a brand new password", actor_).principal;
  changwat::testing::expect_error([&] { service_->reset_password(officer, id, "x long enough"); },
                                  ErrorKind::forbidden, "forbidden");
}

}  // namespace
}  // namespace changwat::auth
