// Forums (เวทีประชาคม) and SWOT items.
#include "service_test_support.hpp"

namespace changwat::participation {
namespace {

using testing::CaughtError;
using testing::expect_error;

class ForumsTest : public testing::ServiceTest {
 protected:
  ForumInput forum_input() {
    ForumInput input;
    input.plan_id = plan_id();
    input.title_th = "เวทีประชาคมตำบลเกาะหมาก";
    input.held_on = "15 มี.ค. 2565";
    input.area_code = "230601";
    input.attendance = {24, 11, 3, 6};
    return input;
  }
};

TEST_F(ForumsTest, RecordsDateAreaAttendanceAndNeedsRaised) {
  Forum forum = service().create_forum(strategy_, forum_input());
  EXPECT_EQ(forum.held_on, "2022-03-15");  // 2565 BE
  EXPECT_EQ(forum.district_code, "2306");
  EXPECT_EQ(forum.attendance.total(), 44);

  NeedInput raised;
  raised.plan_id = plan_id();
  raised.title = "ไฟฟ้าบนเกาะหมาก";
  raised.description = "ใช้เครื่องปั่นไฟ ค่าไฟแพง";
  raised.area_code = "230601";
  raised.forum_id = forum.id;
  Need need = service().create_need(strategy_, raised);
  EXPECT_EQ(need.source, NeedSource::forum);

  ForumView view = service().get_forum(anonymous_, forum.id);
  EXPECT_EQ(view.forum.needs_raised, 1);
  ASSERT_EQ(view.needs.size(), 1u);
  EXPECT_EQ(view.needs[0].id, need.id);
  EXPECT_EQ(service().list_forums(anonymous_, plan_id(), std::string("2306")).size(), 1u);
  EXPECT_TRUE(service().list_forums(anonymous_, plan_id(), std::string("2307")).empty());

  expect_error([&] { service().delete_forum(strategy_, forum.id, forum.version); }, ErrorKind::rule,
               "forum_has_needs");
  NeedChange detach;
  detach.forum_id = std::optional<std::int64_t>();
  detach.expected_version = need.version;
  EXPECT_EQ(service().update_need(strategy_, need.id, detach).source, NeedSource::officer);
  service().delete_forum(strategy_, forum.id, forum.version);
  expect_error([&] { service().get_forum(anonymous_, forum.id); }, ErrorKind::not_found,
               "not_found");
}

TEST_F(ForumsTest, BadDateAttendanceAndAreaAreReportedTogether) {
  ForumInput input = forum_input();
  input.held_on = "31 ก.พ. 2565";
  input.attendance.people = -1;
  input.area_code = "1001";
  CaughtError error = expect_error([&] { service().create_forum(strategy_, input); },
                                   ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(error.fields.contains("held_on"));
  EXPECT_TRUE(error.fields.contains("attendance.people"));
  EXPECT_TRUE(error.fields.contains("area_code"));
}

TEST_F(ForumsTest, UpdatesCheckTheVersion) {
  Forum forum = service().create_forum(strategy_, forum_input());
  ForumChange change;
  change.attendance = Attendance{30, 11, 3, 6};
  change.expected_version = forum.version;
  Forum updated = service().update_forum(strategy_, forum.id, change);
  EXPECT_EQ(updated.attendance.people, 30);
  EXPECT_EQ(updated.version, forum.version + 1);
  expect_error([&] { service().update_forum(strategy_, forum.id, change); }, ErrorKind::conflict,
               "stale_version");
  Actor other_area = add_user("chang", Role::agency_officer, "2307");
  change.expected_version = updated.version;
  expect_error([&] { service().update_forum(other_area, forum.id, change); }, ErrorKind::forbidden,
               "forbidden");
}

class SwotTest : public testing::ServiceTest {};

TEST_F(SwotTest, ItemsWithEvidenceInKindOrder) {
  SwotInput threat{SwotKind::threat,
                   "การกัดเซาะชายฝั่ง",
                   "Coastal erosion",
                   "ชาวประมงรายงานการกัดเซาะทุกปี",
                   std::string("เวทีประชาคม"),
                   Dimension::environment,
                   std::nullopt};
  SwotInput strength{SwotKind::strength, "แหล่งผลไม้คุณภาพ",    "",          "สับปะรดตราดสีทองได้ GI",
                     std::nullopt,       Dimension::economy, std::nullopt};
  SwotItem first = service().create_swot(strategy_, plan_id(), threat);
  service().create_swot(strategy_, plan_id(), strength);
  std::vector<SwotItem> items = service().list_swot(anonymous_, plan_id());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, SwotKind::strength);
  EXPECT_EQ(items[1].kind, SwotKind::threat);

  SwotInput no_evidence = strength;
  no_evidence.evidence = "";
  CaughtError error =
      expect_error([&] { service().create_swot(strategy_, plan_id(), no_evidence); },
                   ErrorKind::validation, "invalid_input");
  EXPECT_TRUE(error.fields.contains("evidence"));

  SwotChange change;
  change.kind = SwotKind::weakness;
  change.expected_version = first.version;
  EXPECT_EQ(service().update_swot(strategy_, first.id, change).kind, SwotKind::weakness);
  expect_error([&] { service().delete_swot(strategy_, first.id, first.version); },
               ErrorKind::conflict, "stale_version");
  service().delete_swot(strategy_, first.id, first.version + 1);
  EXPECT_EQ(service().list_swot(anonymous_, plan_id()).size(), 1u);
  Actor agency = add_user("agency", Role::agency_officer, "2301");
  expect_error([&] { service().create_swot(agency, plan_id(), strength); }, ErrorKind::forbidden,
               "forbidden");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE entity = 'swot_item'"), 4);
  expect_error([&] { service().list_swot(anonymous_, 424242); }, ErrorKind::not_found, "not_found");
}

}  // namespace
}  // namespace changwat::participation
