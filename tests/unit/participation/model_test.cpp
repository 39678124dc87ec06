#include "modules/participation/model.hpp"

#include <gtest/gtest.h>

namespace changwat::participation {
namespace {

TEST(Model, StatusNamesRoundTrip) {
  for (std::size_t i = 0; i < kNeedStatusCount; ++i) {
    auto status = static_cast<NeedStatus>(i);
    EXPECT_EQ(parse_status(status_name(status)), status) << status_name(status);
  }
  EXPECT_EQ(status_name(NeedStatus::new_), "new");
  EXPECT_FALSE(parse_status("New").has_value());
}

TEST(Model, SectorAndDimensionNames) {
  EXPECT_EQ(sector_name(Sector::private_sector), "private");
  EXPECT_EQ(parse_sector("civil_society"), Sector::civil_society);
  EXPECT_FALSE(parse_sector("government").has_value());
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    auto dimension = static_cast<Dimension>(i);
    EXPECT_EQ(parse_dimension(dimension_name(dimension)), dimension);
  }
  EXPECT_EQ(source_name(NeedSource::public_form), "public");
  EXPECT_EQ(parse_swot_kind("threat"), SwotKind::threat);
}

TEST(Model, OnlyModeratedNeedsArePublished) {
  EXPECT_FALSE(is_published(NeedStatus::pending_moderation));
  EXPECT_FALSE(is_published(NeedStatus::rejected));
  for (NeedStatus status : {NeedStatus::new_, NeedStatus::accepted, NeedStatus::merged,
                            NeedStatus::linked, NeedStatus::declined})
    EXPECT_TRUE(is_published(status)) << status_name(status);
}

}  // namespace
}  // namespace changwat::participation
