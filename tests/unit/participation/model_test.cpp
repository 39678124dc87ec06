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

// The names are what the tables' CHECK constraints and the API expect; the tables list
// them in enum order, so each value is checked by name.
TEST(Model, EveryValueHasItsStoredName) {
  EXPECT_EQ(status_name(NeedStatus::pending_moderation), "pending_moderation");
  EXPECT_EQ(status_name(NeedStatus::accepted), "accepted");
  EXPECT_EQ(status_name(NeedStatus::merged), "merged");
  EXPECT_EQ(status_name(NeedStatus::linked), "linked");
  EXPECT_EQ(status_name(NeedStatus::declined), "declined");
  EXPECT_EQ(status_name(NeedStatus::rejected), "rejected");
  EXPECT_EQ(dimension_name(Dimension::economy), "economy");
  EXPECT_EQ(dimension_name(Dimension::society), "society");
  EXPECT_EQ(dimension_name(Dimension::environment), "environment");
  EXPECT_EQ(dimension_name(Dimension::security), "security");
  EXPECT_EQ(sector_name(Sector::people), "people");
  EXPECT_EQ(sector_name(Sector::civil_society), "civil_society");
  EXPECT_EQ(sector_name(Sector::state), "state");
  EXPECT_EQ(source_name(NeedSource::officer), "officer");
  EXPECT_EQ(source_name(NeedSource::forum), "forum");
  EXPECT_EQ(swot_kind_name(SwotKind::strength), "strength");
  EXPECT_EQ(swot_kind_name(SwotKind::weakness), "weakness");
  EXPECT_EQ(swot_kind_name(SwotKind::opportunity), "opportunity");
  EXPECT_EQ(swot_kind_name(SwotKind::threat), "threat");
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
