#include "service_test_support.hpp"

#include "modules/plan/module.hpp"

namespace changwat::participation::testing {

void ServiceTest::SetUp() {
  DatabaseTest::SetUp();
  plans_ = std::make_unique<plan::PlanService>(database(), areas());
  plan::load_demo(*plans_);
  std::optional<std::int64_t> id = plans_->plan_id_by_demo_key("trat-2566-2570");
  ASSERT_TRUE(id.has_value());
  plan_id_ = *id;
  Options options;
  options.now = [this] { return now_; };
  service_ = std::make_unique<ParticipationService>(database(), areas(), *plans_, options);
  strategy_ = add_user("strategy", Role::strategy_officer);
  anonymous_.address = "203.0.113.7";
  anonymous_.request_id = "anonymous-request";
}

void ServiceTest::TearDown() {
  service_.reset();
  plans_.reset();
  DatabaseTest::TearDown();
}

std::int64_t ServiceTest::element_id(const std::string& code) {
  std::optional<plan::ElementSummary> element = plans_->find_element_by_code(plan_id_, code);
  EXPECT_TRUE(element.has_value()) << code;
  return element ? element->element_id : 0;
}

PublicNeedInput ServiceTest::public_input(const std::string& title, const std::string& area_code) {
  PublicNeedInput input;
  input.form_token = service_->public_form().token;
  input.title = title;
  input.description = "รายละเอียดจากประชาชน 🙏";
  input.dimension = Dimension::society;
  input.sector = Sector::people;
  input.area_code = area_code;
  input.contact.name = "สมชาย ใจดี";
  input.contact.phone = "081-234-5678";
  return input;
}

Receipt ServiceTest::submit_public(const Actor& caller, const std::string& title,
                                   const std::string& area_code) {
  PublicNeedInput input = public_input(title, area_code);
  advance(std::chrono::seconds(30));
  return service_->submit_public(caller, input);
}

Need ServiceTest::officer_need(const Actor& actor, const std::string& title,
                               const std::string& area_code, const std::string& description) {
  NeedInput input;
  input.plan_id = plan_id_;
  input.title = title;
  input.description = description;
  input.dimension = Dimension::economy;
  input.sector = Sector::people;
  input.area_code = area_code;
  return service_->create_need(actor, input);
}

}  // namespace changwat::participation::testing
