// Needs recorded by officers: permissions, areas, status, votes, merging, links.
#include "service_test_support.hpp"

namespace changwat::participation {
namespace {

using testing::CaughtError;
using testing::expect_error;

class NeedsTest : public testing::ServiceTest {};

TEST_F(NeedsTest, OfficerRecordsANeedInsideTheProvince) {
  Need need = officer_need(strategy_, "ขุดลอกคลองส่งน้ำ", "23030101");
  EXPECT_EQ(need.status, NeedStatus::new_);
  EXPECT_EQ(need.district_code, "2303");
  EXPECT_EQ(need.subdistrict_code, "230301");
  EXPECT_EQ(need.created_by, strategy_.principal->user_id);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE entity = 'need' AND action = 'create' "
                  "AND username = 'strategy'"),
            1);
}

TEST_F(NeedsTest, AreaMustBeADistrictOrLowerInTheProvince) {
  for (const char* area : {"1001", "23", "9999"}) {
    CaughtError error = expect_error([&] { officer_need(strategy_, "ก", area); },
                                     ErrorKind::validation, "invalid_input");
    EXPECT_TRUE(error.fields.contains("area_code")) << area;
  }
  EXPECT_EQ(count("SELECT count(*) FROM need"), 0);
}

TEST_F(NeedsTest, WhoMayRecordNeeds) {
  Actor island_officer = add_user("island", Role::agency_officer, "2306");
  EXPECT_NO_THROW(officer_need(island_officer, "เรือรับส่งนักเรียน", "230601"));
  expect_error([&] { officer_need(island_officer, "นอกพื้นที่", "230701"); }, ErrorKind::validation,
               "invalid_input");
  Actor executive = add_user("executive", Role::executive);
  expect_error([&] { officer_need(executive, "ก"); }, ErrorKind::forbidden, "forbidden");
  expect_error([&] { officer_need(anonymous_, "ก"); }, ErrorKind::unauthenticated,
               "unauthenticated");
}

TEST_F(NeedsTest, UnknownPlanIsAFieldError) {
  NeedInput input;
  input.plan_id = 999999;
  input.title = "ก";
  input.description = "ข";
  input.area_code = "2301";
  CaughtError error = expect_error([&] { service().create_need(strategy_, input); },
                                   ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(error.fields.contains("plan_id"));
}

TEST_F(NeedsTest, StatusChangesNeedAReasonToDeclineAndTheCurrentVersion) {
  Need need = officer_need(strategy_, "ขอสนามฟุตบอล");
  expect_error(
      [&] { service().change_status(strategy_, need.id, NeedStatus::declined, std::nullopt, 1); },
      ErrorKind::validation, "reason_required");
  Need accepted =
      service().change_status(strategy_, need.id, NeedStatus::accepted, std::nullopt, 1);
  EXPECT_EQ(accepted.version, 2);
  expect_error(
      [&] {
        service().change_status(strategy_, need.id, NeedStatus::declined, std::string("ซ้ำ"), 1);
      },
      ErrorKind::conflict, "stale_version");
  Need declined = service().change_status(strategy_, need.id, NeedStatus::declined,
                                          std::string("ไม่อยู่ในอำนาจของจังหวัด"), 2);
  EXPECT_EQ(declined.decline_reason, "ไม่อยู่ในอำนาจของจังหวัด");
  expect_error(
      [&] { service().change_status(strategy_, need.id, NeedStatus::linked, std::nullopt, 3); },
      ErrorKind::validation, "invalid_input");
  Need reopened = service().change_status(strategy_, need.id, NeedStatus::new_, std::nullopt, 3);
  EXPECT_FALSE(reopened.decline_reason.has_value());
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE entity = 'need' AND action = 'status'"), 3);
}

TEST_F(NeedsTest, EditChecksVersionAndReplacesSearchWords) {
  Need need = officer_need(strategy_, "ซ่อมถนน", "230101", "ถนนชำรุด");
  NeedChange change;
  change.title = "สร้างฝายชะลอน้ำ";
  change.description = "เก็บน้ำไว้ใช้ในหน้าแล้ง";
  change.area_code = "230701";
  change.expected_version = need.version;
  Need edited = service().update_need(strategy_, need.id, change);
  EXPECT_EQ(edited.district_code, "2307");
  EXPECT_EQ(service().search(anonymous_, "ฝาย", 20, std::nullopt).needs.total, 1);
  EXPECT_EQ(service().search(anonymous_, "ถนน", 20, std::nullopt).needs.total, 0);
  expect_error([&] { service().update_need(strategy_, need.id, change); }, ErrorKind::conflict,
               "stale_version");
}

TEST_F(NeedsTest, OneVotePerUser) {
  Need need = officer_need(strategy_, "ขอรถพยาบาล");
  Actor executive = add_user("executive", Role::executive);
  EXPECT_EQ(service().vote(strategy_, need.id).vote_count, 1);
  EXPECT_EQ(service().vote(executive, need.id).vote_count, 2);
  expect_error([&] { service().vote(executive, need.id); }, ErrorKind::conflict, "already_voted");
  expect_error([&] { service().vote(anonymous_, need.id); }, ErrorKind::unauthenticated,
               "unauthenticated");
  EXPECT_TRUE(service().get_need(executive, need.id).voted);
  EXPECT_EQ(service().withdraw_vote(executive, need.id).vote_count, 1);
  expect_error([&] { service().withdraw_vote(executive, need.id); }, ErrorKind::not_found,
               "not_found");
  EXPECT_FALSE(service().get_need(executive, need.id).voted);
}

TEST_F(NeedsTest, MergingMovesVotesAndLinksToTheNeedKept) {
  Need kept = officer_need(strategy_, "ขยะล้นเกาะช้าง", "230701");
  Need duplicate = officer_need(strategy_, "ขยะบนเกาะช้างเพิ่มขึ้น", "230702");
  Actor executive = add_user("executive", Role::executive);
  service().vote(executive, duplicate.id);
  service().vote(strategy_, duplicate.id);
  service().vote(strategy_, kept.id);
  NeedView linked = service().link(strategy_, duplicate.id, element_id("P49"), duplicate.version);

  Need merged = service().merge(strategy_, duplicate.id, kept.id, linked.need.version);
  EXPECT_EQ(merged.status, NeedStatus::merged);
  EXPECT_EQ(merged.merged_into_id, kept.id);
  NeedView target = service().get_need(strategy_, kept.id);
  EXPECT_EQ(target.need.vote_count, 2);  // strategy's vote is not counted twice
  EXPECT_EQ(target.need.status, NeedStatus::linked);
  ASSERT_EQ(target.links.size(), 1u);
  EXPECT_EQ(target.links[0].element->code, "P49");
  expect_error([&] { service().vote(executive, duplicate.id); }, ErrorKind::rule, "need_merged");
  expect_error([&] { service().merge(strategy_, kept.id, kept.id, target.need.version); },
               ErrorKind::validation, "invalid_input");
}

TEST_F(NeedsTest, LinksToGuidelinesAndProjectsOfTheSamePlan) {
  Need need = officer_need(strategy_, "ท่าเทียบเรือเกาะกูด", "230602");
  NeedView linked = service().link(strategy_, need.id, element_id("P02"), need.version);
  EXPECT_EQ(linked.need.status, NeedStatus::linked);
  ASSERT_EQ(linked.links.size(), 1u);
  EXPECT_EQ(linked.links[0].link.element_kind, "project");
  NeedView both = service().link(strategy_, need.id, element_id("G1.1"), linked.need.version);
  EXPECT_EQ(both.links.size(), 2u);
  expect_error([&] { service().link(strategy_, need.id, element_id("P02"), both.need.version); },
               ErrorKind::conflict, "already_linked");
  CaughtError kpi = expect_error(
      [&] { service().link(strategy_, need.id, element_id("K1.1"), both.need.version); },
      ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(kpi.fields.contains("element_id"));
  expect_error([&] { service().link(strategy_, need.id, 987654321, both.need.version); },
               ErrorKind::validation, "invalid_input");
  // A linked need is declined only after its links are removed.
  expect_error(
      [&] {
        service().change_status(strategy_, need.id, NeedStatus::declined, std::string("x"),
                                both.need.version);
      },
      ErrorKind::rule, "need_linked");
  NeedView one = service().unlink(strategy_, need.id, element_id("P02"), both.need.version);
  EXPECT_EQ(one.need.status, NeedStatus::linked);
  NeedView none = service().unlink(strategy_, need.id, element_id("G1.1"), one.need.version);
  EXPECT_EQ(none.need.status, NeedStatus::accepted);
  EXPECT_TRUE(none.links.empty());
}

TEST_F(NeedsTest, AnElementThatAnswersNeedsIsNotDeletedSilently) {
  Need need = officer_need(strategy_, "ท่าเทียบเรือเกาะกูด", "230602");
  service().link(strategy_, need.id, element_id("P02"), need.version);
  plans().start_revision(strategy_, plan_id(), std::nullopt);
  plan::Element project = plans().element(strategy_, plan_id(), element_id("P02"), std::nullopt);
  CaughtError error = expect_error(
      [&] { plans().delete_element(strategy_, plan_id(), project.element_id, project.version); },
      ErrorKind::rule, "element_in_use");
  EXPECT_NE(error.message.en.find("need"), std::string::npos);
}

TEST_F(NeedsTest, ListFiltersSortsInThaiOrderAndCountsByDistrict) {
  officer_need(strategy_, "ไฟฟ้า", "230701");
  officer_need(strategy_, "กล้องวงจรปิด", "230201");
  officer_need(strategy_, "เรือพยาบาล", "230601");
  officer_need(strategy_, "ขยะ", "2307");
  NeedPage thai = service().list_needs(anonymous_, {}, NeedOrder::title_thai, 10, 0);
  ASSERT_EQ(thai.items.size(), 4u);
  // Thai dictionary order: the leading vowel ไ sorts by the consonant ฟ after it.
  EXPECT_EQ(thai.items[0].title, "กล้องวงจรปิด");
  EXPECT_EQ(thai.items[1].title, "ขยะ");
  EXPECT_EQ(thai.items[2].title, "ไฟฟ้า");
  EXPECT_EQ(thai.items[3].title, "เรือพยาบาล");
  NeedPage second = service().list_needs(anonymous_, {}, NeedOrder::title_thai, 2, 2);
  EXPECT_EQ(second.total, 4);
  EXPECT_EQ(second.items.at(0).title, "ไฟฟ้า");
  NeedFilter ko_chang;
  ko_chang.district_code = "2307";
  EXPECT_EQ(service().list_needs(anonymous_, ko_chang, NeedOrder::newest, 10, 0).total, 2);
  auto counts = service().district_counts(anonymous_, plan_id());
  ASSERT_EQ(counts.size(), 7u);
  EXPECT_EQ(counts[6].district_code, "2307");
  EXPECT_EQ(counts[6].total, 2);
  EXPECT_EQ(counts[2].total, 0);
  NeedFilter pending;
  pending.status = NeedStatus::pending_moderation;
  expect_error([&] { service().list_needs(anonymous_, pending, NeedOrder::newest, 10, 0); },
               ErrorKind::unauthenticated, "unauthenticated");
}

}  // namespace
}  // namespace changwat::participation
