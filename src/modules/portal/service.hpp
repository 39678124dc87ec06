#pragma once
// The public portal (no sign-in): projects by district with progress and money, a
// project's page with its procurement and approved feedback, the plan in force with
// its KPI results and open needs; public feedback (a rating and a comment) held for
// moderation, followed by a receipt. Reads other modules only through their services
// (plan, action plan, progress, procurement, KPI results, participation).
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/action_plan/service.hpp"
#include "modules/kpi_results/service.hpp"
#include "modules/participation/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/portal/model.hpp"
#include "modules/procurement/service.hpp"
#include "modules/progress/service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/public_form/form_token.hpp"

namespace changwat::portal {

struct Sources {
  plan::PlanService& plans;
  action_plan::ActionPlanService& action_plans;
  progress::ProgressService& progress;
  procurement::ProcurementService& procurement;
  kpi_results::KpiResultsService& kpis;
  participation::ParticipationService& participation;
};

struct PortalOptions {
  public_form::Limits form_limits;
  std::function<Clock::time_point()> now = [] { return Clock::now(); };
};

// The procurement information the law makes public (สขร.1): no personal data.
struct PublicProcurement {
  std::string title_th;
  std::string method;
  std::string stage;
  std::int64_t reference_price_satang = 0;
  std::optional<std::string> winner_name;
  std::optional<std::int64_t> contract_value_satang;
  std::optional<std::string> contract_signed;
};

// What the public sees of an approved feedback: nothing about its sender.
struct PublicComment {
  int rating = 0;
  std::string comment_th;
  std::optional<std::string> answer_th;
  std::string created_at;
  bool demo = false;
};

struct ProjectPage {
  PublicProject project;
  std::vector<PublicProcurement> procurements;
  std::vector<PublicComment> comments;
};

struct PublicKpi {
  std::string code;
  std::string text_th;
  std::optional<double> value;
  std::optional<double> target;
  std::optional<double> score;
  std::optional<bool> on_track;
};

struct OpenNeed {
  std::string title;
  std::string district_code;
  std::int64_t votes = 0;
};

struct Overview {
  std::optional<plan::Plan> plan;  // the plan in force (approved, the year in its period)
  int fiscal_year = 0;
  std::optional<double> province_score;
  std::vector<PublicKpi> kpis;
  std::vector<OpenNeed> open_needs;
  std::int64_t open_needs_total = 0;
  std::int64_t projects = 0;
  std::int64_t allocated_satang = 0;
  std::int64_t disbursed_satang = 0;
};

struct FeedbackForm {
  std::string form_token;
  std::int64_t min_fill_seconds = 0;
  std::int64_t max_age_seconds = 0;
};

struct FeedbackInput {
  int rating = 0;
  std::string comment_th;
  std::string form_token;
};

struct FeedbackReceipt {
  std::string receipt;
  Feedback feedback;
};

// What a receipt shows: the comment as stored (masked), its status and the answer.
struct FeedbackFollow {
  Feedback feedback;
  std::string project_name_th;
};

class PortalService {
 public:
  PortalService(db::Database& database, areas::AreaService& areas, Sources sources,
                PortalOptions options = {});
  ~PortalService();
  PortalService(const PortalService&) = delete;
  PortalService& operator=(const PortalService&) = delete;

  // ---- Anyone ----
  // Projects of the fiscal year (default: the latest with an action plan), of a
  // district (4-digit code) or all; plan tree order.
  std::vector<PublicProject> projects(std::optional<std::string> district,
                                      std::optional<int> fiscal_year) const;
  // The same as the JSON answer {"items": […]}, kept while the board and the approved
  // feedback of the province stand (the list a phone asks for again and again).
  std::shared_ptr<const std::string> projects_document(std::optional<std::string> district,
                                                       std::optional<int> fiscal_year) const;
  ProjectPage project(std::int64_t element_id) const;  // 404 when not on the portal
  Overview overview(std::optional<int> fiscal_year) const;
  FeedbackForm feedback_form(std::int64_t element_id) const;
  // 202: held for moderation. Phone and ID numbers are masked before storing.
  FeedbackReceipt post_feedback(const Actor& caller, std::int64_t element_id,
                                const FeedbackInput& input);
  std::optional<FeedbackFollow> follow(const std::string& receipt) const;

  // ---- The strategy office and admins ----
  std::vector<Feedback> moderation_queue(const Actor& actor, FeedbackStatus status,
                                         std::int64_t limit, std::int64_t offset) const;
  // approve (optionally answering), reject, refer (the complaint centre's answer).
  Feedback moderate(const Actor& actor, std::int64_t id, Decision decision,
                    std::optional<std::string> answer_th, std::int64_t expected_version);
  Feedback answer(const Actor& actor, std::int64_t id, const std::string& answer_th,
                  std::int64_t expected_version);

  // ---- Demo data ----
  // Stores approved feedback keyed by `demo_key` (once), marked demo.
  void add_demo_feedback(const std::string& demo_key, std::int64_t element_id, int rating,
                         const std::string& comment_th, std::optional<std::string> answer_th);
  const Sources& sources() const { return sources_; }
  db::Database& database() const { return database_; }

 private:
  struct Board;
  std::shared_ptr<const Board> board(const std::string& province_code,
                                     std::optional<int> fiscal_year) const;
  struct Listing;
  Listing listing(const std::optional<std::string>& district, std::optional<int> fiscal_year) const;
  const std::string& secret() const;
  Feedback change(const Actor& actor, std::int64_t id, std::int64_t expected_version,
                  const std::function<void(Feedback&)>& apply, std::string_view action);

  db::Database& database_;
  areas::AreaService& areas_;
  Sources sources_;
  PortalOptions options_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Board> board_;  // the last board built
  std::vector<PublicProject> select(const Listing& listing,
                                    const std::optional<std::string>& district) const;
  struct Ratings;
  std::shared_ptr<const Ratings> ratings(const Listing& listing) const;
  mutable std::map<std::string, std::shared_ptr<const Ratings>> ratings_;  // by province
  struct Document;
  mutable std::map<std::string, std::shared_ptr<const Document>> documents_;  // by district
  mutable std::optional<std::string> secret_;
};

}  // namespace changwat::portal
