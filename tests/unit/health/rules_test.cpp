// Rules of the health module that need no database: Thai ID check digits,
// masks, case numbers, the classification order, day arithmetic, who reads a
// person.
#include "modules/health/rules.hpp"

#include <gtest/gtest.h>

#include "modules/health/model.hpp"
#include "support/expect_error.hpp"

namespace changwat::health {
namespace {

TEST(HealthRules, ThaiIdCheckDigitAnyLeadingDigit) {
  // 1-1014-00123-45-?: the sum of d[i] * (13 - i) of the first 12 is 121, so the check
  // digit is (11 - 121 % 11) % 10 = 1.
  EXPECT_TRUE(rules::is_valid_thai_id("1101400123451"));
  EXPECT_FALSE(rules::is_valid_thai_id("1101400123450"));
  EXPECT_FALSE(rules::is_valid_thai_id("110140012345"));
  EXPECT_FALSE(rules::is_valid_thai_id("11014001234a0"));
  // Non-Thai registrants start with 0, 6, 7 or 8: the check digit decides, not
  // the lead.
  for (const char* id : {"0000000000001", "6000000000001", "7000000000009", "8000000000008"}) {
    std::string text(id);
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (text[static_cast<std::size_t>(i)] - '0') * (13 - i);
    text[12] = static_cast<char>('0' + (11 - sum % 11) % 10);
    EXPECT_TRUE(rules::is_valid_thai_id(text)) << text;
  }
}

TEST(HealthRules, WrongCheckDigitIs422NamingTheField) {
  PersonInput person{IdType::thai_id, std::string("1101400123450"), "สมชาย ใจดี", std::nullopt};
  FieldErrors errors;
  auto caught = changwat::testing::expect_error(
      [&] { rules::check_person(errors, "person.", person); }, ErrorKind::rule, "invalid_thai_id");
  EXPECT_EQ(caught.fields.count("person.id_number"), 1u);
}

TEST(HealthRules, TemperatureBounds) {
  rules::check_temperature(30.0);
  rules::check_temperature(45.0);
  changwat::testing::expect_error([] { rules::check_temperature(29.99); }, ErrorKind::rule,
                                  "temperature_out_of_range");
  changwat::testing::expect_error([] { rules::check_temperature(45.01); }, ErrorKind::rule,
                                  "temperature_out_of_range");
}

TEST(HealthRules, MasksForLists) {
  EXPECT_EQ(rules::mask_id(std::string("1101400123451")), "1-1014-xxxxx-xx-1");
  EXPECT_EQ(rules::mask_id(std::string("AB123456")), "xxxxxx56");
  EXPECT_EQ(rules::mask_id(std::nullopt), "xxxx");
  EXPECT_EQ(rules::mask_phone(std::string("0812345678")),
            std::optional<std::string>("081-xxx-x678"));
  EXPECT_EQ(rules::mask_name("สมชาย ใจดี"), "สมชาย จ.");
  EXPECT_EQ(rules::mask_name("มาลี ทดสอบ"), "มาลี ท.");
  EXPECT_EQ(rules::mask_name("Sok Dara"), "Sok D.");
  EXPECT_EQ(rules::mask_name("โสภณ"), "โสภณ");
}

TEST(HealthRules, CaseNumbersFromTheMask) {
  EXPECT_EQ(rules::case_number("TRT-{yyyy}-{seq:5}", "covid19", 2569, 42), "TRT-2569-00042");
  EXPECT_EQ(rules::case_number("{disease}/{seq:2}", "mers", 2569, 123), "mers/123");
  EXPECT_EQ(rules::case_number("X{seq:x}", "d", 2569, 1), "X{seq:x}");
}

TEST(HealthRules, ClassificationOrder) {
  EXPECT_TRUE(rules::is_backwards(Classification::confirmed, Classification::suspect));
  EXPECT_TRUE(rules::is_backwards(Classification::pui, Classification::not_a_case));
  EXPECT_FALSE(rules::is_backwards(Classification::pui, Classification::confirmed));
  EXPECT_FALSE(rules::is_backwards(Classification::probable, Classification::probable));
}

TEST(HealthRules, DaysAndHours) {
  EXPECT_EQ(rules::add_days("2024-02-20", 14), "2024-03-05");
  EXPECT_EQ(rules::add_days("2026-12-25", 14), "2027-01-08");
  EXPECT_EQ(rules::days_between("2021-04-01", "2021-04-29"), 28);
  EXPECT_EQ(rules::add_hours("2026-12-01T22:30:00Z", 3), "2026-12-02T01:30:00Z");
  EXPECT_EQ(rules::add_hours("2026-01-10T08:00:00Z", 72), "2026-01-13T08:00:00Z");
  EXPECT_TRUE(rules::is_iso_utc("2026-12-01T10:00:00Z"));
  EXPECT_FALSE(rules::is_iso_utc("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(rules::is_iso_utc("2026-12-01 10:00:00"));
  EXPECT_FALSE(rules::is_iso_utc("2026-12-01T24:00:00Z"));
}

TEST(HealthRules, WhoReadsAPerson) {
  Actor officer;
  officer.principal = Principal{};
  officer.principal->role = Role::health_officer;
  EXPECT_FALSE(rules::require_person_reader(officer, std::nullopt).break_glass);
  Actor admin;
  admin.principal = Principal{};
  admin.principal->role = Role::admin;
  changwat::testing::expect_error([&] { rules::require_person_reader(admin, std::nullopt); },
                                  ErrorKind::forbidden, "access_reason_required");
  EXPECT_TRUE(rules::require_person_reader(admin, std::string("คำสั่งศาล")).break_glass);
  Actor executive;
  executive.principal = Principal{};
  executive.principal->role = Role::executive;
  changwat::testing::expect_error(
      [&] { rules::require_person_reader(executive, std::string("อยากดู")); }, ErrorKind::forbidden,
      "forbidden");
  changwat::testing::expect_error([&] { rules::require_person_reader(Actor{}, std::nullopt); },
                                  ErrorKind::unauthenticated, "unauthenticated");
}

TEST(HealthModel, EveryEnumNameRoundTrips) {
  for (int i = 0; i < 8; ++i) {
    auto kind = static_cast<CheckpointKind>(i);
    EXPECT_EQ(parse_checkpoint_kind(to_string(kind)), kind);
    EXPECT_FALSE(name_th(kind).empty());
  }
  for (int i = 0; i < 5; ++i) {
    auto value = static_cast<Classification>(i);
    EXPECT_EQ(parse_classification(to_string(value)), value);
  }
  EXPECT_EQ(to_string(IdType::cambodian_id), "cambodian_id");
  EXPECT_FALSE(parse_decision("maybe").has_value());
  EXPECT_EQ(split_names("fever,cough"), (std::vector<std::string>{"fever", "cough"}));
  EXPECT_TRUE(split_names("").empty());
}

}  // namespace
}  // namespace changwat::health
