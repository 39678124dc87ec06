#include "fixture.hpp"

#include <cstdlib>

#include "db/migrations.hpp"
#include "platform/areas/reference_data.hpp"

namespace changwat::plan::testing {

Actor actor_with(Role role, const std::string& username, std::optional<std::string> agency) {
  Actor actor;
  Principal principal;
  principal.user_id = 1;
  principal.username = username;
  principal.role = role;
  principal.province_code = "23";
  principal.agency_code = std::move(agency);
  actor.principal = principal;
  actor.address = "127.0.0.1";
  actor.request_id = "test";
  return actor;
}

Element make(ElementKind kind, const std::string& code, const std::string& text_th,
             std::optional<std::int64_t> parent) {
  Element element;
  element.kind = kind;
  element.code = code;
  element.text_th = text_th;
  element.text_en = "EN " + text_th;
  element.parent_id = parent;
  element.position = -1;
  return element;
}

Element make_project(const std::string& code, std::int64_t parent, const std::string& agency,
                     std::vector<std::string> areas) {
  Element element = make(ElementKind::project, code, "โครงการ " + code, parent);
  ProjectDetails project;
  project.agency_code = agency;
  project.area_codes = std::move(areas);
  project.budget_satang = 150'000'000;
  project.first_fiscal_year = 2567;
  project.last_fiscal_year = 2568;
  element.project = project;
  return element;
}

Element make_kpi(const std::string& code, std::int64_t parent,
                 std::vector<std::pair<int, double>> targets) {
  Element element = make(ElementKind::kpi, code, "ตัวชี้วัด " + code, parent);
  KpiDetails kpi;
  kpi.unit_th = "ร้อยละ";
  kpi.baseline_value = 10;
  kpi.baseline_year = 2565;
  for (auto [year, value] : targets) kpi.targets.push_back({year, value, 1});
  element.kpi = kpi;
  return element;
}

void PlanTest::SetUp() {
  std::string pattern = (std::filesystem::temp_directory_path() / "plan-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  folder_ = pattern;
  database_ = db::Database::open("sqlite:" + (folder_ / "test.db").string(), {.readers = 2});
  db::migrate(*database_);
  areas::seed_reference_data(*database_);
  areas::seed_demo_villages(*database_);
  areas_ = std::make_unique<areas::AreaService>(*database_);
  service_ = std::make_unique<PlanService>(*database_, *areas_);
}

void PlanTest::TearDown() {
  service_.reset();
  areas_.reset();
  database_.reset();
  std::error_code error;
  std::filesystem::remove_all(folder_, error);
  EXPECT_FALSE(error) << "could not remove " << folder_ << ": " << error.message();
}

std::int64_t PlanTest::count(const std::string& sql) {
  return database_->read(
      [&](db::Connection& connection) { return connection.query_one(sql)->integer(0); });
}

PlanTest::Small PlanTest::small_plan() {
  Small small;
  Plan plan =
      service_->create_plan(strategy(), {"แผนทดสอบ", "Test plan", {2566, 2570}, {}, std::nullopt});
  small.plan_id = plan.id;
  Element s1 = make(ElementKind::strategy, "S1", "ยุทธศาสตร์ที่ 1");
  s1.dimensions = {Dimension::economy};
  small.strategy = service_->create_element(strategy(), plan.id, s1);
  small.guideline = service_->create_element(
      strategy(), plan.id,
      make(ElementKind::guideline, "G1", "แนวทางที่ 1", small.strategy.element_id));
  return small;
}

}  // namespace changwat::plan::testing
