#include <gtest/gtest.h>

#include <map>

#include "fixture.hpp"
#include "modules/plan/alignment_catalog.hpp"

namespace changwat::plan {
namespace {

using testing::expect_error;

TEST(AlignmentCatalog, EmbeddedListsHaveTheOfficialCounts) {
  AlignmentCatalog catalog;
  std::map<std::string, int> per_framework;
  for (const auto& target : catalog.targets()) ++per_framework[target.framework];
  EXPECT_EQ(per_framework["national_strategy"], 6);
  EXPECT_EQ(per_framework["master_plan"], 23);
  EXPECT_EQ(per_framework["nesdp13"], 13);
  EXPECT_EQ(per_framework["sdg"], 17);
  EXPECT_GT(per_framework["eastern_region"], 0);
  EXPECT_GT(per_framework["province_group"], 0);
  EXPECT_GT(per_framework["government_policy"], 0);
  EXPECT_EQ(catalog.frameworks().size(), 7u);
}

TEST(AlignmentCatalog, TargetsHaveThaiAndEnglishNamesAndMasterPlansPointAtStrategies) {
  AlignmentCatalog catalog;
  for (const auto& target : catalog.targets()) {
    EXPECT_FALSE(target.name_th.empty()) << target.code;
    EXPECT_FALSE(target.name_en.empty()) << target.code;
    EXPECT_FALSE(target.short_th.empty()) << target.code;
    if (target.framework == "master_plan") {
      ASSERT_TRUE(target.parent_code.has_value()) << target.code;
      const auto* parent = catalog.find(*target.parent_code);
      ASSERT_NE(parent, nullptr);
      EXPECT_EQ(parent->framework, "national_strategy");
    }
  }
  const auto* ns1 = catalog.find("NS-1");
  ASSERT_NE(ns1, nullptr);
  EXPECT_EQ(ns1->name_th, "ยุทธศาสตร์ชาติด้านความมั่นคง");
  const auto* sdg14 = catalog.find("SDG-14");
  ASSERT_NE(sdg14, nullptr);
  EXPECT_NE(sdg14->name_en.find("oceans"), std::string::npos);
  EXPECT_EQ(catalog.find("NS-7"), nullptr);
}

TEST(AlignmentCatalog, RejectsDuplicateCodesAndUnknownFrameworks) {
  const std::string frameworks =
      R"({"frameworks":[{"key":"sdg","name_th":"ก","name_en":"a","source":"s","wording":"official"}],)";
  expect_error(
      [&] {
        AlignmentCatalog(
            frameworks +
            R"("targets":[{"code":"X","framework":"sdg","number":1,"name_th":"ก","name_en":"a"},)"
            R"({"code":"X","framework":"sdg","number":2,"name_th":"ข","name_en":"b"}]})");
      },
      ErrorKind::internal, "alignment_catalog_invalid");
  expect_error(
      [&] {
        AlignmentCatalog(
            frameworks +
            R"("targets":[{"code":"X","framework":"other","number":1,"name_th":"ก","name_en":"a"}]})");
      },
      ErrorKind::internal, "alignment_catalog_invalid");
  expect_error([] { AlignmentCatalog("not json"); }, ErrorKind::internal,
               "alignment_catalog_invalid");
  AlignmentCatalog fine(
      frameworks +
      R"("targets":[{"code":"X","framework":"sdg","number":1,"name_th":"ก","name_en":"a"}]})");
  ASSERT_NE(fine.find("X"), nullptr);
  EXPECT_EQ(fine.find("X")->short_en, "a");  // falls back to the full name
}

}  // namespace
}  // namespace changwat::plan
