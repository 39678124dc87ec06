// The health service on a real SQLite database with every migration and the
// Trat reference data: the demo wave's size, the follow-up visits a contact
// gets, the kept last-visit status the board reads, the purge after the
// retention end.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "modules/health/module.hpp"
#include "modules/health/rules.hpp"
#include "platform/areas/reference_data.hpp"
#include "support/expect_error.hpp"
#include "thai/calendar.hpp"

namespace changwat::health {
namespace {

class HealthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("changwat-health-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = db::Database::open("sqlite:" + path_.string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    service_ = std::make_unique<HealthService>(*database_, *areas_);
    auto started = std::chrono::steady_clock::now();
    load_demo(*service_);
    demo_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count();
    officer_.principal = Principal{};
    officer_.principal->username = "health";
    officer_.principal->role = Role::health_officer;
    officer_.principal->province_code = "23";
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::int64_t count(const std::string& sql) {
    return database_->read([&](db::Connection& c) { return *db::query_integer(c, sql); });
  }

  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<HealthService> service_;
  std::int64_t demo_ms_ = 0;
  Actor officer_;
  std::string today_ = thai::to_iso(thai::today_in_thailand());
};

TEST_F(HealthServiceTest, DemoIsAWaveOfInventedPeopleLoadedQuicklyAndOnce) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_case c JOIN health_outbreak o "
                  "ON o.id = c.outbreak_id "
                  "WHERE o.demo_key = 'outbreak-covid19-wave-2564'"),
            300);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_contact k JOIN health_outbreak o ON "
                  "o.id = "
                  "k.outbreak_id WHERE o.demo_key = 'outbreak-covid19-wave-2564'"),
            2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_person WHERE demo = 0"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_person WHERE id_number NOT LIKE "
                  "'DEMO-%'"),
            0);
  EXPECT_GT(count("SELECT COUNT(*) FROM health_follow_up"), 28000);
  EXPECT_LT(demo_ms_, 5000) << "the demo must keep `serve --demo` quick";
  std::int64_t people = count("SELECT COUNT(*) FROM health_person");
  load_demo(*service_);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_person"), people);
}

TEST_F(HealthServiceTest, AContactGetsOneVisitADayOfItsPeriodAndTheBoardReadsItsLastVisit) {
  NewCase input;
  input.person = {IdType::passport, std::string("AA1234567"), "John Doe", std::nullopt};
  input.classification = Classification::confirmed;
  input.reported_on = today_;
  input.area_code = std::string("230701");
  Case record = service_->create_case(officer_, input);
  EXPECT_EQ(record.district_code, std::optional<std::string>("2307"));
  NewContact contact_input;
  contact_input.person = {IdType::other, std::nullopt, "เพื่อน ร่วมเรือ", std::nullopt};
  contact_input.last_contact_on = rules::add_days(today_, -1);
  Contact contact = service_->add_contact(officer_, record.id, contact_input);
  EXPECT_EQ(contact.follow_up_until, rules::add_days(today_, 13));
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_follow_up WHERE contact_id = " +
                  std::to_string(contact.id)),
            14);
  Board before = service_->board(officer_, today_, std::nullopt);
  service_->record_contact_visit(officer_, contact.id, today_, true, {});
  Board after = service_->board(officer_, today_, std::nullopt);
  EXPECT_EQ(after.seen_today, before.seen_today + 1);
  EXPECT_EQ(after.contacts_under_follow_up, before.contacts_under_follow_up);
  changwat::testing::expect_error(
      [&] {
        service_->record_contact_visit(officer_, contact.id, rules::add_days(today_, 14), true, {});
      },
      ErrorKind::rule, "outside_follow_up_period");
}

TEST_F(HealthServiceTest, PurgeAnonymisesOnlyOutbreaksPastTheirRetention) {
  auto result = service_->purge_past_retention(Actor::command_line(), "2027-12-31");
  EXPECT_EQ(result.people, 0);  // the wave is kept to 2027-12-31 inclusive
  result = service_->purge_past_retention(Actor::command_line(), "2028-01-01");
  EXPECT_EQ(result.outbreaks, 1);
  EXPECT_EQ(result.people, 2300);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_person WHERE anonymised = 1 AND "
                  "id_number IS NOT NULL"),
            0);
  changwat::testing::expect_error(
      [&] { service_->purge_past_retention(Actor::command_line(), "31/12/2027"); },
      ErrorKind::validation, "invalid_input");
}

}  // namespace
}  // namespace changwat::health
