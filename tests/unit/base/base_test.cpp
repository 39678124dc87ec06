#include <gtest/gtest.h>

#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/principal.hpp"
#include "base/secret.hpp"

namespace changwat {
namespace {

TEST(ErrorTest, EveryKindMapsToItsStatus) {
  EXPECT_EQ(http_status(ErrorKind::validation), 400);
  EXPECT_EQ(http_status(ErrorKind::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorKind::forbidden), 403);
  EXPECT_EQ(http_status(ErrorKind::not_found), 404);
  EXPECT_EQ(http_status(ErrorKind::method_not_allowed), 405);
  EXPECT_EQ(http_status(ErrorKind::conflict), 409);
  EXPECT_EQ(http_status(ErrorKind::payload_too_large), 413);
  EXPECT_EQ(http_status(ErrorKind::unsupported_media_type), 415);
  EXPECT_EQ(http_status(ErrorKind::rule), 422);
  EXPECT_EQ(http_status(ErrorKind::rate_limited), 429);
  EXPECT_EQ(http_status(ErrorKind::internal), 500);
  EXPECT_EQ(http_status(ErrorKind::unavailable), 503);
}

TEST(ErrorTest, FieldErrorsThrowOnlyWhenSomethingWasAdded) {
  FieldErrors none;
  EXPECT_NO_THROW(none.throw_if_any());
  FieldErrors some;
  some.add("name_th", {"ต้องระบุ", "Required"});
  some.add("code", {"ซ้ำ", "Duplicate"});
  try {
    some.throw_if_any();
    FAIL() << "expected a validation error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::validation);
    ASSERT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields().at("name_th").th, "ต้องระบุ");
    EXPECT_EQ(e.fields().at("code").en, "Duplicate");
  }
}

TEST(ErrorTest, StaleVersionIsAConflict) {
  try {
    throw_stale_version();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.code(), "stale_version");
    EXPECT_FALSE(e.message().th.empty());
    EXPECT_FALSE(e.message().en.empty());
  }
}

TEST(PrincipalTest, RolesRoundTripByName) {
  for (Role role : {Role::admin, Role::strategy_officer, Role::agency_officer, Role::executive,
                    Role::auditor, Role::health_officer, Role::community_manager,
                    Role::public_user}) {
    auto parsed = parse_role(role_name(role));
    ASSERT_TRUE(parsed.has_value()) << role_name(role);
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_FALSE(parse_role("king").has_value());
  EXPECT_FALSE(parse_role("").has_value());
  // The stored names (app_user.role's CHECK constraint), listed in enum order.
  EXPECT_EQ(role_name(Role::admin), "admin");
  EXPECT_EQ(role_name(Role::strategy_officer), "strategy_officer");
  EXPECT_EQ(role_name(Role::agency_officer), "agency_officer");
  EXPECT_EQ(role_name(Role::executive), "executive");
  EXPECT_EQ(role_name(Role::auditor), "auditor");
  EXPECT_EQ(role_name(Role::health_officer), "health_officer");
  EXPECT_EQ(role_name(Role::community_manager), "community_manager");
  EXPECT_EQ(role_name(Role::public_user), "public");
}

TEST(PrincipalTest, RequireRoleChecksSignInThenRole) {
  Actor anonymous;
  EXPECT_THROW(
      {
        try {
          anonymous.require_role({Role::admin});
        } catch (const Error& e) {
          EXPECT_EQ(e.kind(), ErrorKind::unauthenticated);
          throw;
        }
      },
      Error);
  Actor officer;
  officer.principal = Principal{};
  officer.principal->role = Role::agency_officer;
  EXPECT_THROW(
      {
        try {
          officer.require_role({Role::admin, Role::strategy_officer});
        } catch (const Error& e) {
          EXPECT_EQ(e.kind(), ErrorKind::forbidden);
          throw;
        }
      },
      Error);
  EXPECT_EQ(officer.require_role({Role::agency_officer}).role, Role::agency_officer);
}

TEST(PrincipalTest, OnlyTheCommandLineIsTrustedWithoutARole) {
  EXPECT_NO_THROW(Actor::command_line().require_role_or_local({Role::admin}));
  EXPECT_THROW(Actor{}.require_role_or_local({Role::admin}), Error);
}

TEST(SecretTest, TokensAreRandomAndUrlSafe) {
  auto a = random_token(32);
  auto b = random_token(32);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 32 bytes in unpadded base64
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(SecretTest, Sha256MatchesAKnownVector) {
  EXPECT_EQ(sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(secrets_equal("same", "same"));
  EXPECT_FALSE(secrets_equal("same", "sane"));
  EXPECT_FALSE(secrets_equal("short", "longer"));
}

TEST(SecretTest, HmacMatchesRfc4231Case2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(ClockTest, IsoUtcHasSecondPrecisionAndSortsAsText) {
  auto t = Clock::from_time_t(1735689600);  // 2025-01-01T00:00:00Z
  EXPECT_EQ(iso_utc(t), "2025-01-01T00:00:00Z");
  EXPECT_LT(iso_utc(t), iso_utc(t + std::chrono::seconds(1)));
}

}  // namespace
}  // namespace changwat
