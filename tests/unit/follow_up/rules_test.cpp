// Rules of follow-up that need no database: the directive status order, who may
// report or cancel, the standard agenda, overdue, the stored-bytes encoding.
#include "modules/follow_up/rules.hpp"

#include <gtest/gtest.h>

#include "modules/follow_up/json_columns.hpp"
#include "support/expect_error.hpp"

namespace changwat::follow_up {
namespace {

using changwat::testing::expect_error;
using S = DirectiveStatus;

Principal principal(Role role, std::optional<std::string> agency = std::nullopt) {
  Principal p;
  p.username = "u";
  p.role = role;
  p.province_code = "23";
  p.agency_code = std::move(agency);
  return p;
}

Directive directive_for(const std::string& agency, S status = S::open) {
  Directive d;
  d.agency_code = agency;
  d.status = status;
  d.due_on = "2026-10-31";
  return d;
}

TEST(FollowUpRules, DirectiveStatusesMoveOnlyForward) {
  EXPECT_TRUE(rules::may_move(S::open, S::in_progress));
  EXPECT_TRUE(rules::may_move(S::in_progress, S::done));
  EXPECT_TRUE(rules::may_move(S::open, S::cancelled));
  EXPECT_TRUE(rules::may_move(S::in_progress, S::cancelled));
  EXPECT_FALSE(rules::may_move(S::open, S::done));
  EXPECT_FALSE(rules::may_move(S::open, S::open));
  EXPECT_FALSE(rules::may_move(S::in_progress, S::open));
  EXPECT_FALSE(rules::may_move(S::done, S::cancelled));
  EXPECT_FALSE(rules::may_move(S::cancelled, S::in_progress));
}

TEST(FollowUpRules, OutOfOrderIsAConflictAndACancellationNeedsAReason) {
  expect_error([] { rules::check_move(S::open, S::done, "x"); }, ErrorKind::conflict,
               "status_out_of_order");
  expect_error([] { rules::check_move(S::open, S::cancelled, ""); }, ErrorKind::validation,
               "invalid_input");
  EXPECT_NO_THROW(rules::check_move(S::open, S::cancelled, "โครงการยกเลิก"));
}

TEST(FollowUpRules, OnlyTheAssignedAgencyReportsAndOnlyTheSecretariatCancels) {
  Directive d = directive_for("TRAT-DOAE");
  EXPECT_NO_THROW(rules::check_directive_writer(principal(Role::agency_officer, "TRAT-DOAE"), d,
                                                S::in_progress));
  expect_error(
      [&] {
        rules::check_directive_writer(principal(Role::agency_officer, "TRAT-DPT"), d,
                                      S::in_progress);
      },
      ErrorKind::forbidden, "not_own_agency");
  expect_error(
      [&] {
        rules::check_directive_writer(principal(Role::agency_officer, "TRAT-DOAE"), d,
                                      S::cancelled);
      },
      ErrorKind::forbidden, "cancel_by_secretariat");
  expect_error([&] { rules::check_directive_writer(principal(Role::executive), d, S::done); },
               ErrorKind::forbidden, "forbidden");
  EXPECT_NO_THROW(
      rules::check_directive_writer(principal(Role::strategy_officer), d, S::cancelled));
}

TEST(FollowUpRules, OverdueOnlyWhilePendingAndPastTheDueDate) {
  EXPECT_TRUE(is_overdue(directive_for("A", S::open), "2026-11-01"));
  EXPECT_TRUE(is_overdue(directive_for("A", S::in_progress), "2026-11-01"));
  EXPECT_FALSE(is_overdue(directive_for("A", S::open), "2026-10-31"));
  EXPECT_FALSE(is_overdue(directive_for("A", S::done), "2027-01-01"));
  EXPECT_FALSE(is_overdue(directive_for("A", S::cancelled), "2027-01-01"));
}

TEST(FollowUpRules, TheStandardAgendaHasSixItems) {
  auto agenda = standard_agenda();
  ASSERT_EQ(agenda.size(), 6u);
  EXPECT_EQ(agenda[0].title_th, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ");
  EXPECT_EQ(agenda[1].title_th, "รับรองรายงานการประชุมครั้งที่แล้ว");
  EXPECT_EQ(agenda[5].title_th, "เรื่องอื่น ๆ");
  EXPECT_EQ(agenda[3].item, 4);
  EXPECT_TRUE(agenda_title_th(7).empty());
}

TEST(FollowUpRules, EnumNamesRoundTrip) {
  for (auto kind : {FindingKind::internal_audit, FindingKind::governance_inspection,
                    FindingKind::government_inspector, FindingKind::state_audit_office})
    EXPECT_EQ(parse_finding_kind(to_string(kind)), kind);
  EXPECT_EQ(parse_risk("high"), Risk::high);
  EXPECT_FALSE(parse_risk("extreme"));
  EXPECT_EQ(parse_directive_status("in_progress"), S::in_progress);
  EXPECT_FALSE(parse_directive_status("finished"));
}

TEST(FollowUpColumns, StoredBytesComeBackExactly) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t length = 0; length < 8; ++length) {
    std::string part = bytes.substr(0, length) + bytes;
    EXPECT_EQ(columns::base64_decode(columns::base64_encode(part)), part);
  }
  EXPECT_EQ(columns::base64_encode("Man"), "TWFu");
  EXPECT_EQ(columns::base64_encode("Ma"), "TWE=");
  EXPECT_EQ(columns::base64_encode("M"), "TQ==");
}

TEST(FollowUpColumns, ListsAndAgendaRoundTrip) {
  EXPECT_EQ(columns::ids_of(columns::ids_text({3, 1, 2})), (std::vector<std::int64_t>{3, 1, 2}));
  EXPECT_EQ(columns::texts_of(columns::texts_text({"ก", "ข"})),
            (std::vector<std::string>{"ก", "ข"}));
  std::vector<Attendee> attendees{{std::string("TRAT-PO"), "ผู้ว่าฯ", "ประธาน"},
                                  {std::nullopt, "ผู้แทนหอการค้า", "กรรมการ"}};
  EXPECT_EQ(columns::attendees_of(columns::attendees_text(attendees)), attendees);
  auto agenda = standard_agenda();
  agenda[3].details_th = "พิจารณาโครงการสำรอง";
  EXPECT_EQ(columns::agenda_of(columns::agenda_text(agenda)), agenda);
}

}  // namespace
}  // namespace changwat::follow_up
