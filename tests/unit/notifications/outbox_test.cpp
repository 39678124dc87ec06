// The outbox on a real SQLite database: a message is fanned out in the caller's
// transaction by each user's choices (in the app by default; e-mail and LINE only when
// chosen and reachable), to an agency's users and its LINE group; a rolled-back change
// leaves nothing; a message without exactly one target is refused.
#include "platform/notifications/outbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"

namespace changwat::notifications {
namespace {

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-outbox-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    database_->write([&](db::Connection& c) {
      agency_ = c.query_one("SELECT code, province_code FROM agency LIMIT 1")->text(0);
      province_ = c.query_one("SELECT province_code FROM agency WHERE code = ?", {agency_})->text(0);
      for (const char* name : {"a", "b", "c"})
        users_.push_back(db::insert_row_returning_id(
            c, "app_user",
            "province_code, username, display_name, password_hash, role, agency_code, created_at",
            {province_, std::string(name), std::string(name), std::string("x"),
             std::string("agency_officer"), agency_, std::string("2026-01-01T00:00:00Z")}));
      // b: e-mail and LINE for warnings, reachable by both; c: nothing in the app.
      c.execute("INSERT INTO notification_preference (user_id, topic, in_app, email, line) "
                "VALUES (?, 'warning', 1, 1, 1), (?, 'warning', 0, 0, 0)",
                {users_[1], users_[2]});
      c.execute("INSERT INTO notification_contact (user_id, province_code, email, line_user_id) "
                "VALUES (?, ?, 'b@example.go.th', 'Ub')",
                {users_[1], province_});
      c.execute("INSERT INTO notification_agency_group (agency_code, province_code, line_group_id, "
                "linked_at) VALUES (?, ?, 'Cgroup', '2026-01-01T00:00:00Z')",
                {agency_, province_});
      return 0;
    });
  }
  void TearDown() override { std::filesystem::remove(path_); }

  Notification warning() const {
    return {Topic::warning, province_, agency_, std::nullopt, "คำเตือน", "เบิกจ่ายล่าช้า", "/x"};
  }
  std::int64_t count(const std::string& sql) {
    return database_->read([&](db::Connection& c) { return *db::query_integer(c, sql); });
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::string agency_;
  std::string province_;
  std::vector<std::int64_t> users_;
};

TEST_F(OutboxTest, AnAgencyMessageFollowsEachUsersChoices) {
  database_->write([&](db::Connection& c) { return enqueue(c, warning()); });
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_message"), 1);
  // a (default) and b in the app; c chose not to be told there.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_inbox"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery WHERE channel = 'email' AND "
                  "address = 'b@example.go.th'"),
            1);
  // b's LINE and the agency's group, once each.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery WHERE channel = 'line'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery WHERE status <> 'pending'"), 0);
}

TEST_F(OutboxTest, AnotherTopicIsInTheAppOnlyByDefault) {
  database_->write([&](db::Connection& c) {
    Notification n = warning();
    n.topic = Topic::directive_assigned;
    return enqueue(c, n);
  });
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_inbox"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery WHERE channel = 'email'"), 0);
}

TEST_F(OutboxTest, ARolledBackChangeLeavesNoMessage) {
  EXPECT_THROW(database_->write([&](db::Connection& c) -> int {
    enqueue(c, warning());
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_message"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery"), 0);
}

TEST_F(OutboxTest, ExactlyOneTargetIsRequired) {
  Notification both = warning();
  both.user_id = users_[0];
  Notification none = warning();
  none.agency_code.reset();
  for (const Notification& n : {both, none}) {
    changwat::testing::expect_error(
        [&] { database_->write([&](db::Connection& c) { return enqueue(c, n); }); },
        ErrorKind::internal, "invalid_notification");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_message"), 0);
}

TEST_F(OutboxTest, OneUserTarget) {
  database_->write([&](db::Connection& c) {
    Notification n = warning();
    n.agency_code.reset();
    n.user_id = users_[1];
    return enqueue(c, n);
  });
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_inbox"), 1);
  // No agency: no group push; b's own e-mail and LINE.
  EXPECT_EQ(count("SELECT COUNT(*) FROM notification_delivery"), 2);
}

}  // namespace
}  // namespace changwat::notifications
