#include "modules/participation/rules.hpp"

#include "fixture.hpp"

namespace changwat::participation {
namespace {

using testing::DatabaseTest;

Principal officer(Role role, std::optional<std::string> area = std::nullopt) {
  Principal principal;
  principal.user_id = 1;
  principal.role = role;
  principal.province_code = "23";
  principal.area_code = std::move(area);
  return principal;
}

TEST(Rules, PhoneNumbers) {
  EXPECT_TRUE(rules::is_phone_number("0812345678"));
  EXPECT_TRUE(rules::is_phone_number("081-234-5678"));
  EXPECT_TRUE(rules::is_phone_number("+66 81 234 5678"));
  EXPECT_FALSE(rules::is_phone_number("12345"));
  EXPECT_FALSE(rules::is_phone_number("081234567a"));
  EXPECT_FALSE(rules::is_phone_number("66+812345678"));
}

TEST(Rules, TextLimitsCountCodePoints) {
  FieldErrors errors;
  // 200 Thai characters are 600 bytes but within a 200-character limit.
  std::string thai;
  for (int i = 0; i < 200; ++i) thai += "ก";
  rules::check_text(errors, "title", thai, 200);
  EXPECT_TRUE(errors.empty());
  rules::check_text(errors, "title", thai + "ข", 200);
  EXPECT_FALSE(errors.empty());
  FieldErrors blank;
  rules::check_text(blank, "title", "  \n", 200);
  EXPECT_FALSE(blank.empty());
}

class PlacementTest : public DatabaseTest {};

TEST_F(PlacementTest, VillageRollsUpToSubdistrictAndDistrict) {
  FieldErrors errors;
  auto placement =
      rules::place_for(areas(), officer(Role::strategy_officer), "23010103", "area_code", errors);
  ASSERT_TRUE(placement.has_value());
  EXPECT_EQ(placement->district_code, "2301");
  EXPECT_EQ(placement->subdistrict_code, "230101");
  EXPECT_EQ(placement->level, areas::Level::village);
  EXPECT_TRUE(errors.empty());
}

TEST_F(PlacementTest, DistrictHasNoSubdistrict) {
  FieldErrors errors;
  auto placement =
      rules::place_for(areas(), officer(Role::strategy_officer), "2307", "area_code", errors);
  ASSERT_TRUE(placement.has_value());
  EXPECT_EQ(placement->district_code, "2307");
  EXPECT_FALSE(placement->subdistrict_code.has_value());
}

TEST_F(PlacementTest, RefusesProvinceUnknownAndOutsideAreas) {
  for (const char* code : {"23", "99999999", "1001"}) {
    FieldErrors errors;
    EXPECT_FALSE(
        rules::place_for(areas(), officer(Role::strategy_officer), code, "area_code", errors))
        << code;
    EXPECT_FALSE(errors.empty()) << code;
  }
}

TEST_F(PlacementTest, AgencyOfficerOnlyInsideTheirArea) {
  FieldErrors inside;
  EXPECT_TRUE(rules::place_for(areas(), officer(Role::agency_officer, "2306"), "230601",
                               "area_code", inside));
  FieldErrors outside;
  EXPECT_FALSE(rules::place_for(areas(), officer(Role::agency_officer, "2306"), "230701",
                                "area_code", outside));
  FieldErrors unscoped;
  EXPECT_FALSE(
      rules::place_for(areas(), officer(Role::agency_officer), "230701", "area_code", unscoped));
}

TEST_F(PlacementTest, PublicMayNameAnyProvinceButNotAProvince) {
  FieldErrors errors;
  auto placement = rules::place_public(areas(), "100101", "area_code", errors);
  ASSERT_TRUE(placement.has_value());
  EXPECT_EQ(placement->province_code, "10");
  FieldErrors province;
  EXPECT_FALSE(rules::place_public(areas(), "23", "area_code", province));
}

}  // namespace
}  // namespace changwat::participation
