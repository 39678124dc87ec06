// The public needs form: spam protection, rate limit, moderation before a need counts.
#include <cctype>

#include "modules/participation/need_store.hpp"
#include "service_test_support.hpp"

namespace changwat::participation {
namespace {

using testing::CaughtError;
using testing::expect_error;

class PublicFormTest : public testing::ServiceTest {};

TEST_F(PublicFormTest, SubmissionIsHeldUntilModeratedThenCounts) {
  Receipt receipt = submit_public(anonymous_, "ขอไฟส่องสว่างถนนเข้าหมู่บ้าน");
  EXPECT_EQ(receipt.status, NeedStatus::pending_moderation);
  EXPECT_FALSE(receipt.receipt.empty());

  // Not counted anywhere before moderation.
  EXPECT_EQ(service().list_needs(anonymous_, {}, NeedOrder::newest, 50, 0).total, 0);
  EXPECT_EQ(service().search(anonymous_, "ไฟส่องสว่าง", 20, std::nullopt).needs.total, 0);
  auto counts = service().district_counts(anonymous_, plan_id());
  ASSERT_EQ(counts.size(), 7u);
  EXPECT_EQ(counts[0].total, 0);

  NeedPage queue = service().moderation_queue(strategy_, 50, 0);
  ASSERT_EQ(queue.total, 1);
  const Need& pending = queue.items.at(0);
  EXPECT_EQ(pending.contact.name, "สมชาย ใจดี");  // moderators see who sent it
  EXPECT_FALSE(pending.created_by.has_value());
  expect_error([&] { service().get_need(anonymous_, pending.id); }, ErrorKind::not_found,
               "not_found");

  service().moderate(strategy_, pending.id, true, std::nullopt, pending.version);
  NeedPage listed = service().list_needs(anonymous_, {}, NeedOrder::newest, 50, 0);
  ASSERT_EQ(listed.total, 1);
  EXPECT_FALSE(listed.items[0].contact.name.has_value());  // never in public lists
  EXPECT_EQ(listed.items[0].status, NeedStatus::new_);
  EXPECT_EQ(service().search(anonymous_, "ไฟส่องสว่าง", 20, std::nullopt).needs.total, 1);
  NeedView view = service().get_need(anonymous_, pending.id);
  EXPECT_FALSE(view.need.contact.phone.has_value());
  EXPECT_EQ(service().receipt(receipt.receipt)->status, NeedStatus::new_);
  EXPECT_EQ(service().receipt(receipt.receipt)->need_id, pending.id);
}

TEST_F(PublicFormTest, RejectedSubmissionNeverCountsAndKeepsItsReason) {
  Receipt receipt = submit_public(anonymous_, "ขายของราคาถูก คลิกเลย");
  Need pending = service().moderation_queue(strategy_, 50, 0).items.at(0);
  auto no_reason =
      expect_error([&] { service().moderate(strategy_, pending.id, false, std::nullopt, 1); },
                   ErrorKind::validation, "reason_required");
  EXPECT_NE(no_reason.message.th.find("เหตุผลที่ไม่อนุมัติเผยแพร่"), std::string::npos);
  EXPECT_TRUE(no_reason.fields.count("reason"));
  service().moderate(strategy_, pending.id, false, std::string("โฆษณา"), pending.version);
  EXPECT_EQ(service().list_needs(anonymous_, {}, NeedOrder::newest, 50, 0).total, 0);
  EXPECT_EQ(service().moderation_queue(strategy_, 50, 0).total, 0);
  std::optional<Receipt> followed = service().receipt(receipt.receipt);
  ASSERT_TRUE(followed.has_value());
  EXPECT_EQ(followed->status, NeedStatus::rejected);
  EXPECT_EQ(followed->reason, "โฆษณา");
  EXPECT_FALSE(followed->need_id.has_value());
  EXPECT_EQ(followed->title, "ขายของราคาถูก คลิกเลย");
  ASSERT_EQ(followed->history.size(), 2u);
  EXPECT_EQ(followed->history[0].status, NeedStatus::pending_moderation);
  EXPECT_EQ(followed->history[1].status, NeedStatus::rejected);
  // Receipts are capitals; one typed in small letters is the same receipt.
  std::string lower = receipt.receipt;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  ASSERT_TRUE(service().receipt(lower).has_value());
  EXPECT_EQ(service().receipt(lower)->receipt, receipt.receipt);
  expect_error([&] { service().moderate(strategy_, pending.id, true, std::nullopt, 2); },
               ErrorKind::rule, "not_pending_moderation");
}

TEST_F(PublicFormTest, FormFilledFasterThanAPersonIsRefused) {
  PublicNeedInput input = public_input("ขอถังขยะ", "230101");
  advance(std::chrono::seconds(1));
  expect_error([&] { service().submit_public(anonymous_, input); }, ErrorKind::rule,
               "form_filled_too_fast");
  advance(std::chrono::seconds(5));
  EXPECT_EQ(service().submit_public(anonymous_, input).status, NeedStatus::pending_moderation);
}

TEST_F(PublicFormTest, ExpiredTamperedOrReusedTokensAreRefused) {
  PublicNeedInput input = public_input("ขอถังขยะ", "230101");
  advance(std::chrono::hours(3));
  expect_error([&] { service().submit_public(anonymous_, input); }, ErrorKind::validation,
               "invalid_form_token");

  PublicNeedInput tampered = public_input("ขอถังขยะ", "230101");
  tampered.form_token = "1." + tampered.form_token.substr(tampered.form_token.find('.') + 1);
  advance(std::chrono::seconds(10));
  expect_error([&] { service().submit_public(anonymous_, tampered); }, ErrorKind::validation,
               "invalid_form_token");

  PublicNeedInput once = public_input("ขอถังขยะ", "230101");
  advance(std::chrono::seconds(10));
  service().submit_public(anonymous_, once);
  once.title = "ส่งซ้ำด้วยแบบฟอร์มเดิม";
  expect_error([&] { service().submit_public(anonymous_, once); }, ErrorKind::conflict,
               "form_already_submitted");
  EXPECT_EQ(count("SELECT count(*) FROM need"), 1);
}

TEST_F(PublicFormTest, HoneypotFilledIsRefusedAndNothingStored) {
  PublicNeedInput input = public_input("ขอถังขยะ", "230101");
  input.honeypot = "http://spam.example";
  advance(std::chrono::seconds(10));
  expect_error([&] { service().submit_public(anonymous_, input); }, ErrorKind::rule,
               "spam_suspected");
  EXPECT_EQ(count("SELECT count(*) FROM need"), 0);
}

TEST_F(PublicFormTest, AtMostFivePerAddressPerHour) {
  for (int i = 0; i < 5; ++i) submit_public(anonymous_, "เรื่องที่ " + std::to_string(i + 1));
  CaughtError error = expect_error([&] { submit_public(anonymous_, "เรื่องที่ 6"); },
                                   ErrorKind::rate_limited, "too_many_submissions");
  EXPECT_NE(error.message.th.find("5"), std::string::npos);
  Actor neighbour = anonymous_;
  neighbour.address = "203.0.113.8";
  EXPECT_NO_THROW(submit_public(neighbour, "จากอีกที่อยู่หนึ่ง"));
  advance(std::chrono::minutes(61));
  EXPECT_NO_THROW(submit_public(anonymous_, "หนึ่งชั่วโมงต่อมา"));
  // Only a keyed hash of the address is stored.
  EXPECT_EQ(count("SELECT count(*) FROM need WHERE submitter_address_hash LIKE '%203.0.113%'"), 0);
}

TEST_F(PublicFormTest, FieldsAreCheckedTogether) {
  PublicNeedInput input = public_input("", "23");
  input.description = std::string(kDescriptionMax + 1, 'x');
  input.contact.phone = "not a phone";
  advance(std::chrono::seconds(10));
  CaughtError error = expect_error([&] { service().submit_public(anonymous_, input); },
                                   ErrorKind::validation, "invalid_input");
  for (const char* field : {"title", "description", "phone", "area_code"})
    EXPECT_TRUE(error.fields.contains(field)) << field;
}

TEST_F(PublicFormTest, ASignedInSessionIsIgnored) {
  Receipt receipt = submit_public(strategy_, "ส่งจากเบราว์เซอร์ที่ลงชื่อเข้าใช้อยู่");
  Need stored = service().moderation_queue(strategy_, 50, 0).items.at(0);
  EXPECT_FALSE(stored.created_by.has_value());
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'submit_public' AND "
                  "user_id IS NULL AND username IS NULL"),
            1);
  EXPECT_EQ(stored.receipt, receipt.receipt);
}

TEST_F(PublicFormTest, OnlyTheStrategyOfficeModerates) {
  submit_public(anonymous_, "ขอถังขยะ");
  Actor executive = add_user("executive", Role::executive);
  expect_error([&] { service().moderation_queue(executive, 50, 0); }, ErrorKind::forbidden,
               "forbidden");
  expect_error([&] { service().moderation_queue(anonymous_, 50, 0); }, ErrorKind::unauthenticated,
               "unauthenticated");
}

}  // namespace
}  // namespace changwat::participation
