// The Trat demo: needs and forums across all 7 districts, idempotent loading.
#include <set>

#include "modules/participation/module.hpp"
#include "service_test_support.hpp"

namespace changwat::participation {
namespace {

class DemoTest : public testing::ServiceTest {};

TEST_F(DemoTest, LoadsAcrossEveryDistrictOnce) {
  load_demo(service());
  std::int64_t needs = count("SELECT count(*) FROM need WHERE demo = 1");
  std::int64_t forums = count("SELECT count(*) FROM forum WHERE demo = 1");
  std::int64_t swot = count("SELECT count(*) FROM swot_item WHERE demo = 1");
  EXPECT_GE(needs, 50);
  EXPECT_GE(forums, 7);
  EXPECT_GE(swot, 8);
  EXPECT_EQ(count("SELECT count(DISTINCT district_code) FROM need"), 7);
  EXPECT_GE(count("SELECT count(DISTINCT subdistrict_code) FROM need"), 20);
  EXPECT_GE(count("SELECT count(*) FROM need WHERE length(area_code) = 8"), 5);
  EXPECT_EQ(count("SELECT count(*) FROM need WHERE demo = 0"), 0);

  load_demo(service());  // again: nothing added
  EXPECT_EQ(count("SELECT count(*) FROM need"), needs);
  EXPECT_EQ(count("SELECT count(*) FROM forum"), forums);
  EXPECT_EQ(count("SELECT count(*) FROM swot_item"), swot);

  // The demo gives every view something to show.
  EXPECT_GT(service().moderation_queue(strategy_, 50, 0).total, 0);
  EXPECT_GT(service().unanswered_needs(strategy_, plan_id()).needs.size(), 0u);
  EXPECT_GT(service().search(anonymous_, "ท่องเที่ยว", 20, std::nullopt).needs.total, 0);
  std::set<NeedStatus> statuses;
  for (const Need& need : service().list_needs(strategy_, {}, NeedOrder::newest, 500, 0).items)
    statuses.insert(need.status);
  for (NeedStatus status : {NeedStatus::new_, NeedStatus::accepted, NeedStatus::linked,
                            NeedStatus::merged, NeedStatus::declined})
    EXPECT_TRUE(statuses.contains(status)) << status_name(status);
}

}  // namespace
}  // namespace changwat::participation
