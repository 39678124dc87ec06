// The service on a real SQLite database with the demo plan, action plan and progress:
// the action plan checks, the drop rule against stored months, versions, the read
// model swapped at once after a write, listeners, photos and their thumbnails, and
// the Idempotency-Key kit (platform/idempotency) in the write's own transaction.
#include <gtest/gtest.h>
#include <png.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <memory>

#include "db/migrations.hpp"
#include "modules/action_plan/module.hpp"
#include "modules/plan/module.hpp"
#include "modules/progress/image.hpp"
#include "modules/progress/module.hpp"
#include "platform/areas/reference_data.hpp"
#include "platform/idempotency/idempotency.hpp"
#include "support/expect_error.hpp"

namespace changwat::progress {
namespace {

using changwat::testing::expect_error;

// A PNG of width × height made with libpng's simplified API.
std::string make_png(int width, int height) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<unsigned char>(i * 7);
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr);
  std::string out(size, '\0');
  EXPECT_TRUE(png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr));
  out.resize(size);
  return out;
}

class ProgressServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("changwat-progress-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    database_ = db::Database::open("sqlite:" + (dir_ / "test.db").string());
    db::migrate(*database_);
    areas::seed_reference_data(*database_);
    areas_ = std::make_unique<areas::AreaService>(*database_);
    plans_ = std::make_unique<plan::PlanService>(*database_, *areas_);
    plan::load_demo(*plans_);
    action_plans_ = std::make_unique<action_plan::ActionPlanService>(*database_, *areas_, *plans_);
    action_plan::load_demo(*action_plans_);
    service_ = std::make_unique<ProgressService>(*database_, *areas_, *plans_, *action_plans_,
                                                 ProgressOptions{dir_ / "photos", true});
    load_demo(*service_);
    plan_id_ = *plans_->plan_id_by_demo_key("trat-2566-2570");
    strategy_.principal = Principal{};
    strategy_.principal->username = "strategy";
    strategy_.principal->role = Role::strategy_officer;
    strategy_.principal->province_code = plans_->get_plan(strategy_, plan_id_).province_code;
  }
  void TearDown() override {
    service_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::int64_t project(const char* code) {
    return plans_->find_element_by_code(plan_id_, code)->element_id;
  }
  ProgressInput input(double percent, std::optional<std::string> reason = std::nullopt) {
    ProgressInput in;
    in.physical_percent = percent;
    in.status = ProgressStatus::in_progress;
    in.activities_th = "ทดสอบ";
    in.reason_th = std::move(reason);
    return in;
  }

  std::filesystem::path dir_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<areas::AreaService> areas_;
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<action_plan::ActionPlanService> action_plans_;
  std::unique_ptr<ProgressService> service_;
  std::int64_t plan_id_ = 0;
  Actor strategy_;
};

TEST_F(ProgressServiceTest, TheDemoLoadsOnceWithDelaysAndAnExplainedDrop) {
  auto before = service_->snapshot(2569);
  load_demo(*service_);  // idempotent
  auto after = service_->snapshot(2569);
  EXPECT_EQ(after->projects().size(), before->projects().size());
  EXPECT_GT(after->projects().size(), 15u);
  auto p26 = service_->list(strategy_, project("P26"));
  ASSERT_EQ(p26.size(), 11u);
  bool explained_drop = false;
  for (std::size_t i = 1; i < p26.size(); ++i) {
    if (p26[i].physical_percent < p26[i - 1].physical_percent)
      explained_drop = p26[i].reason_th.has_value();
  }
  EXPECT_TRUE(explained_drop);
  std::vector<std::int64_t> delayed{project("P40")};
  EXPECT_EQ(after->summarize(delayed).count(ProgressStatus::delayed), 1);
}

TEST_F(ProgressServiceTest, AWriteShowsInTheSnapshotAtOnceAndTellsListeners) {
  std::int64_t p09 = project("P09");
  auto before = service_->snapshot(2569);
  EXPECT_FALSE(before->latest(p09));
  std::vector<ProgressChange> heard;
  service_->on_change([&](const ProgressChange& change) { heard.push_back(change); });
  service_->put(strategy_, p09, {2026, 1}, input(35));
  auto after = service_->snapshot(2569);
  ASSERT_TRUE(after->latest(p09));
  EXPECT_EQ(after->latest(p09)->physical_percent, 35);
  EXPECT_NE(after->revision(), before->revision());
  EXPECT_FALSE(before->latest(p09)) << "an old snapshot never changes";
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0].element_id, p09);
  EXPECT_EQ(heard[0].fiscal_year, 2569);
  std::vector<std::int64_t> ids{p09};
  EXPECT_TRUE(after->missing_report(ids, {2026, 2}).size() == 1);
  EXPECT_TRUE(after->missing_report(ids, {2026, 1}).empty());
}

TEST_F(ProgressServiceTest, StoredMonthsDecideDropsAndVersionsDecideConflicts) {
  std::int64_t p03 = project("P03");
  ProgressReport first = service_->put(strategy_, p03, {2026, 1}, input(50));
  expect_error(
      [&] {
        service_->put(strategy_, p03, {2026, 3}, input(49));
      },
      ErrorKind::rule, "progress_dropped");
  service_->put(strategy_, p03, {2026, 3}, input(49, "วัดใหม่"));
  ProgressInput again = input(55);
  again.expected_version = first.version;
  EXPECT_EQ(service_->put(strategy_, p03, {2026, 1}, again).version, first.version + 1);
  expect_error(
      [&] {
        service_->put(strategy_, p03, {2026, 1}, again);
      },
      ErrorKind::conflict, "stale_version");
  EXPECT_EQ(service_->list(strategy_, p03).front().physical_percent, 55);
}

TEST_F(ProgressServiceTest, MonthsOutsideTheActionPlansAndCancelledProjectsAreRefused) {
  expect_error(
      [&] {
        service_->put(strategy_, project("P03"), {2027, 2}, input(10));
      },
      ErrorKind::rule, "month_outside_plan");
  // P34 is cancelled in the demo action plan FY 2569.
  expect_error(
      [&] {
        service_->put(strategy_, project("P34"), {2026, 2}, input(10));
      },
      ErrorKind::rule, "project_cancelled");
  EXPECT_TRUE(service_->list(strategy_, project("P34")).empty());
}

TEST_F(ProgressServiceTest, PhotosKeepThePositionAndGetAThumbnailInTheBackground) {
  std::string png = make_png(800, 600);
  PhotoUpload upload;
  upload.content_type = "image/png";
  upload.bytes = png;
  upload.latitude = 12.2;
  upload.longitude = 102.5;
  Photo photo = service_->add_photo(strategy_, project("P09"), upload);
  EXPECT_EQ(photo.position_source, PositionSource::device);
  EXPECT_EQ(photo.width, 800);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "photos" / photo.file_name));
  service_->wait_for_thumbnails();
  auto thumbnail = service_->thumbnail(strategy_, photo.id);
  ASSERT_TRUE(thumbnail);
  image::Info info = image::inspect("image/jpeg", *thumbnail);
  EXPECT_EQ(info.width, image::kThumbnailSide);
  EXPECT_EQ(info.height, 240);
  EXPECT_EQ(service_->photo_file(strategy_, photo.id).second, png);
  expect_error([&] { image::inspect("image/jpeg", png); }, ErrorKind::unsupported_media_type,
               "image_type_mismatch");
  expect_error([&] { image::inspect("image/png", "not a png at all"); }, ErrorKind::rule,
               "image_invalid");
}

TEST_F(ProgressServiceTest, IdempotencyKitRunsAWriteOnceAndRollsBackWithIt) {
  http::Request request;
  request.method = http::Method::put;
  request.target = "/x";
  request.body = "{\"a\":1}";
  request.headers = {{"idempotency-key", "k-1"}};
  http::Context ctx{request, strategy_, std::nullopt, false};
  int runs = 0;
  http::Handler handler = [&](http::Context&) {
    ++runs;
    database_->write([](db::Connection& c) {
      c.execute(
          "INSERT INTO progress_photo (province_code, element_id, file_name, content_type, "
          "size_bytes, width, height, taken_at, position_source, uploaded_by, uploaded_at) "
          "VALUES ('23', 1, 'kit-test', 'image/png', 1, 1, 1, 't', 'none', 'u', 't')");
    });
    return http::Response::json(boost::json::object{{"runs", runs}}, 201);
  };
  http::Response first = idempotency::run(*database_, ctx, handler);
  http::Response again = idempotency::run(*database_, ctx, handler);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  request.body = "{\"a\":2}";
  expect_error([&] { idempotency::run(*database_, ctx, handler); }, ErrorKind::conflict,
               "idempotency_key_reused");
  // A handler that fails after writing: its write and the key roll back together.
  request.headers = {{"idempotency-key", "k-2"}};
  http::Handler failing = [&](http::Context&) -> http::Response {
    database_->write([](db::Connection& c) {
      c.execute("UPDATE progress_photo SET width = 99 WHERE file_name = 'kit-test'");
    });
    throw_rule("refused", {"ปฏิเสธ", "refused"});
  };
  expect_error([&] { idempotency::run(*database_, ctx, failing); }, ErrorKind::rule, "refused");
  auto width = database_->read([](db::Connection& c) {
    return c.query_one("SELECT width FROM progress_photo WHERE file_name = 'kit-test'")->integer(0);
  });
  EXPECT_EQ(width, 1);
  auto keys = database_->read([](db::Connection& c) {
    return c.query_one("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = 'k-2'")
        ->integer(0);
  });
  EXPECT_EQ(keys, 0);
}

}  // namespace
}  // namespace changwat::progress
