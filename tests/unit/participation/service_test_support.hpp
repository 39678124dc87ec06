#pragma once
// A ParticipationService over a real database with the real plan module and its
// approved Trat demo plan (guidelines G1.1…, projects P01…), and a clock the
// tests move by hand.
#include <memory>

#include "fixture.hpp"
#include "modules/participation/service.hpp"
#include "modules/plan/service.hpp"

namespace changwat::participation::testing {

class ServiceTest : public DatabaseTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  ParticipationService& service() { return *service_; }
  plan::PlanService& plans() { return *plans_; }
  std::int64_t plan_id() const { return plan_id_; }
  std::int64_t element_id(const std::string& code);
  void advance(std::chrono::seconds seconds) { now_ += seconds; }

  // A public submission with a fresh token, sent after the minimum fill time.
  Receipt submit_public(const Actor& caller, const std::string& title,
                        const std::string& area_code = "230101");
  PublicNeedInput public_input(const std::string& title, const std::string& area_code);
  Need officer_need(const Actor& actor, const std::string& title,
                    const std::string& area_code = "230101",
                    const std::string& description = "รายละเอียดความต้องการ");

  Actor strategy_;
  Actor anonymous_;

 private:
  // Inside fiscal year 2568, so the demo plan 2566–2570 is the plan in force.
  Clock::time_point now_ =
      std::chrono::sys_days{std::chrono::year{2025} / 1 / 15} + std::chrono::hours(3);
  std::unique_ptr<plan::PlanService> plans_;
  std::unique_ptr<ParticipationService> service_;
  std::int64_t plan_id_ = 0;
};

}  // namespace changwat::participation::testing
