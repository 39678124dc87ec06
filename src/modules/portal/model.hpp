#pragma once
// The public portal's records: feedback (a rating and a comment on a project) and
// the projects as the public sees them. No database, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/enum_names.hpp"

namespace changwat::portal {

// held -> approved (shown) | rejected (never shown) | referred (a complaint that
// belongs to the provincial complaint centre: pointed there, not kept as feedback).
enum class FeedbackStatus { held, approved, rejected, referred };
inline constexpr EnumNames<FeedbackStatus, 4> kFeedbackStatusNames{
    {"held", "approved", "rejected", "referred"}};
inline constexpr EnumNames<FeedbackStatus, 4> kFeedbackStatusLabels{
    {"รอตรวจสอบ", "เผยแพร่แล้ว", "ไม่เผยแพร่", "ส่งต่อศูนย์ดำรงธรรม"}};
std::optional<FeedbackStatus> parse_feedback_status(std::string_view name);

// What a moderator decides.
enum class Decision { approve, reject, refer };
inline constexpr EnumNames<Decision, 3> kDecisionNames{{"approve", "reject", "refer"}};
std::optional<Decision> parse_decision(std::string_view name);

struct Feedback {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t element_id = 0;
  int rating = 0;
  std::string comment_th;  // masked before it was stored
  FeedbackStatus status = FeedbackStatus::held;
  std::optional<std::string> answer_th;
  std::optional<std::string> answered_at;
  std::optional<std::string> moderated_by;
  std::optional<std::string> moderated_at;
  std::optional<std::int64_t> user_id;  // a signed-in sender, told of the answer
  bool demo = false;
  std::optional<std::string> demo_key;
  std::string created_at;
  std::int64_t version = 1;
};

struct Rating {
  double average = 0;  // of approved feedback, two decimals; 0 when none
  std::int64_t count = 0;
};

// A project as the portal lists it (the action plan of a fiscal year).
struct PublicProject {
  std::int64_t element_id = 0;
  std::string code;
  std::string name_th;
  std::optional<std::string> agency_code;
  std::vector<std::string> districts;  // district codes of its areas
  int fiscal_year = 0;
  std::optional<double> physical_percent;  // latest monthly report; none before any
  std::optional<std::string> progress_status;
  std::int64_t allocated_satang = 0;
  std::int64_t disbursed_satang = 0;
  bool cancelled = false;
  Rating rating;
};

}  // namespace changwat::portal
