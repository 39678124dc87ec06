#pragma once
// Rules of participatory plan formulation: who may record, moderate, vote on and
// link people's needs; forums; SWOT; coverage of the plan cycle; Thai search.
// Every change is audited in the transaction that makes it, and every update
// carries the version the caller read (stale -> 409).
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/principal.hpp"
#include "db/database.hpp"
#include "modules/participation/model.hpp"
#include "modules/plan/service.hpp"
#include "platform/areas/area_service.hpp"
#include "platform/public_form/form_token.hpp"

namespace changwat::participation {

namespace rules {
struct Placement;  // rules.hpp
}  // namespace rules

// Lengths in code points, shared by the service and the HTTP layer.
inline constexpr std::size_t kTitleMax = 200;
inline constexpr std::size_t kDescriptionMax = 2000;
inline constexpr std::size_t kReasonMax = 500;
inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kPhoneMax = 20;
inline constexpr std::size_t kForumTitleMax = 300;
inline constexpr std::size_t kNotesMax = 4000;
inline constexpr std::size_t kSwotTextMax = 1000;
inline constexpr std::size_t kEvidenceMax = 4000;
inline constexpr std::size_t kQueryMax = 200;
inline constexpr std::int64_t kAttendanceMax = 1000000;

struct Options {
  // The public form's fill time, token age and submissions per address per hour.
  public_form::Limits form_limits;
  // The clock, replaceable in tests.
  std::function<Clock::time_point()> now = [] { return Clock::now(); };
};

// What an officer records (strategy office, or an area-scoped agency officer).
struct NeedInput {
  std::int64_t plan_id = 0;
  std::string title;
  std::string description;
  Dimension dimension = Dimension::economy;
  Sector sector = Sector::people;
  std::string area_code;
  std::optional<std::int64_t> forum_id;  // raised at this forum
};

// What a member of the public sends through the form.
struct PublicNeedInput {
  std::string form_token;
  std::string honeypot;                 // the hidden "website" field: people leave it empty
  std::optional<std::int64_t> plan_id;  // none: the plan in force for this fiscal year
  std::string title;
  std::string description;
  Dimension dimension = Dimension::economy;
  Sector sector = Sector::people;
  std::string area_code;
  SubmitterContact contact;
};

struct PublicForm {
  std::string token;
  std::string issued_at;  // ISO UTC
  std::int64_t min_fill_seconds = 0;
  std::int64_t max_age_seconds = 0;
  std::vector<plan::Plan> plans;  // plans the public may send needs to
};

// One status a need went through, and when (ISO UTC).
struct ReceiptStep {
  NeedStatus status = NeedStatus::pending_moderation;
  std::string at;
};

// What the public can follow with a receipt: the need's title and the statuses it
// went through; no contact details, no address, nobody's name.
struct Receipt {
  std::string receipt;
  std::string title;
  NeedStatus status = NeedStatus::pending_moderation;
  std::string submitted_at;
  std::optional<std::string> reason;    // declined or rejected
  std::optional<std::int64_t> need_id;  // once published
  std::vector<ReceiptStep> history;     // oldest first, from the submission on
};

// Partial update: a field left empty is unchanged.
struct NeedChange {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<Dimension> dimension;
  std::optional<Sector> sector;
  std::optional<std::string> area_code;
  std::optional<std::optional<std::int64_t>> forum_id;  // {nullopt} clears it
  std::int64_t expected_version = 0;
};

struct LinkedElement {
  NeedLink link;
  std::optional<plan::ElementSummary> element;  // none if the plan lost it
};

struct NeedView {
  Need need;
  std::vector<LinkedElement> links;
  bool voted = false;  // by the reader
};

struct VoteResult {
  std::int64_t need_id = 0;
  std::int64_t vote_count = 0;
  bool voted = false;
};

struct ForumInput {
  std::int64_t plan_id = 0;
  std::string title_th;
  std::string title_en;
  std::string held_on;  // any form thai::parse_date accepts
  std::string area_code;
  Attendance attendance;
  std::string notes;
};

struct ForumChange {
  std::optional<std::string> title_th;
  std::optional<std::string> title_en;
  std::optional<std::string> held_on;
  std::optional<std::string> area_code;
  std::optional<Attendance> attendance;
  std::optional<std::string> notes;
  std::int64_t expected_version = 0;
};

struct ForumView {
  Forum forum;
  std::vector<Need> needs;  // published needs raised at it
};

struct SwotInput {
  SwotKind kind = SwotKind::strength;
  std::string text_th;
  std::string text_en;
  std::string evidence;
  std::optional<std::string> evidence_source;
  std::optional<Dimension> dimension;
  std::optional<std::int64_t> position;  // none: last of its kind
};

struct SwotChange {
  std::optional<SwotKind> kind;
  std::optional<std::string> text_th;
  std::optional<std::string> text_en;
  std::optional<std::string> evidence;
  std::optional<std::optional<std::string>> evidence_source;
  std::optional<std::optional<Dimension>> dimension;
  std::optional<std::int64_t> position;
  std::int64_t expected_version = 0;
};

struct LevelCoverage {
  areas::Level level = areas::Level::district;
  std::int64_t total = 0;
  std::int64_t with_needs = 0;
};

// Areas of the plan's province with no need gathered in this plan cycle. An area
// has needs when a published need names it or any area inside it.
struct AreaCoverage {
  std::int64_t plan_id = 0;
  std::vector<LevelCoverage> levels;       // district, subdistrict, village
  std::vector<areas::Area> without_needs;  // by code
};

struct UnansweredNeeds {
  std::int64_t plan_id = 0;
  std::vector<NeedView> needs;  // most votes first
};

struct UnlinkedProjects {
  std::int64_t plan_id = 0;
  std::vector<plan::ProjectSummary> projects;  // in plan order
};

struct SearchResult {
  std::string query;
  std::vector<std::string> terms;
  NeedPage needs;
  std::vector<plan::SearchHit> projects;
};

class ParticipationService {
 public:
  ParticipationService(db::Database& database, areas::AreaService& areas, plan::PlanService& plans,
                       Options options = {});
  ParticipationService(const ParticipationService&) = delete;
  ParticipationService& operator=(const ParticipationService&) = delete;

  // ---- The public form (no sign-in) ----
  PublicForm public_form();
  // Holds the need for moderation. `caller`'s session, if any, is ignored: the
  // submission is always anonymous, so a cross-site post cannot act as a user.
  Receipt submit_public(const Actor& caller, const PublicNeedInput& input);
  // The receipt in any letter case (receipts are issued in capitals).
  std::optional<Receipt> receipt(const std::string& receipt) const;

  // ---- Moderation (strategy_officer, admin) ----
  // Pending public needs, oldest first, with the submitter's contact details.
  NeedPage moderation_queue(const Actor& actor, std::int64_t limit, std::int64_t offset) const;
  // approve -> "new" (counted from now on); reject -> "rejected" with a reason.
  Need moderate(const Actor& actor, std::int64_t need_id, bool approve,
                std::optional<std::string> reason, std::int64_t expected_version);

  // ---- Needs ----
  Need create_need(const Actor& actor, const NeedInput& input);
  NeedView get_need(const Actor& actor, std::int64_t need_id) const;
  NeedPage list_needs(const Actor& actor, const NeedFilter& filter, NeedOrder order,
                      std::int64_t limit, std::int64_t offset) const;
  std::vector<DistrictCount> district_counts(const Actor& actor,
                                             std::optional<std::int64_t> plan_id) const;
  Need update_need(const Actor& actor, std::int64_t need_id, const NeedChange& change);
  // new <-> accepted <-> declined (a reason is required to decline).
  Need change_status(const Actor& actor, std::int64_t need_id, NeedStatus status,
                     std::optional<std::string> reason, std::int64_t expected_version);
  // Folds a duplicate into `into_id`: its votes and links move along.
  Need merge(const Actor& actor, std::int64_t need_id, std::int64_t into_id,
             std::int64_t expected_version);

  // ---- Votes: one per signed-in user per need ----
  VoteResult vote(const Actor& actor, std::int64_t need_id);
  VoteResult withdraw_vote(const Actor& actor, std::int64_t need_id);

  // ---- Links to guidelines and projects of the same plan ----
  NeedView link(const Actor& actor, std::int64_t need_id, std::int64_t element_id,
                std::int64_t expected_version);
  NeedView unlink(const Actor& actor, std::int64_t need_id, std::int64_t element_id,
                  std::int64_t expected_version);

  // ---- Forums (เวทีประชาคม) ----
  Forum create_forum(const Actor& actor, const ForumInput& input);
  ForumView get_forum(const Actor& actor, std::int64_t forum_id) const;
  std::vector<Forum> list_forums(const Actor& actor, std::optional<std::int64_t> plan_id,
                                 std::optional<std::string> district_code) const;
  Forum update_forum(const Actor& actor, std::int64_t forum_id, const ForumChange& change);
  // Refused while needs name the forum.
  void delete_forum(const Actor& actor, std::int64_t forum_id, std::int64_t expected_version);

  // ---- SWOT (strategy_officer, admin edit; everyone reads) ----
  std::vector<SwotItem> list_swot(const Actor& actor, std::int64_t plan_id) const;
  SwotItem create_swot(const Actor& actor, std::int64_t plan_id, const SwotInput& input);
  SwotItem update_swot(const Actor& actor, std::int64_t item_id, const SwotChange& change);
  void delete_swot(const Actor& actor, std::int64_t item_id, std::int64_t expected_version);

  // ---- Coverage of a plan cycle (signed-in staff) ----
  AreaCoverage area_coverage(const Actor& actor, std::int64_t plan_id,
                             std::optional<areas::Level> level) const;
  UnansweredNeeds unanswered_needs(const Actor& actor, std::int64_t plan_id) const;
  UnlinkedProjects unlinked_projects(const Actor& actor, std::int64_t plan_id) const;

  // ---- Thai search over published needs and plan projects (everyone) ----
  SearchResult search(const Actor& actor, const std::string& query, std::int64_t limit,
                      std::optional<std::int64_t> plan_id) const;

  // For the demo loader.
  db::Database& database() const { return database_; }
  areas::AreaService& areas() const { return areas_; }
  plan::PlanService& plans() const { return plans_; }
  const Options& options() const { return options_; }

 private:
  // The HMAC key for form tokens and address hashes, read (or created) once.
  const std::string& form_secret() const;
  std::string address_hash(const std::string& address) const;
  // The plan must exist and be one the principal's province runs.
  void check_plan(const Actor& actor, std::int64_t plan_id, FieldErrors& errors) const;
  // Where a new record of the principal goes: `area_code` placed in the principal's
  // province and a plan it may use; problems are added to `errors`.
  std::optional<rules::Placement> place_record(const Actor& actor, const Principal& principal,
                                               const std::string& area_code, std::int64_t plan_id,
                                               FieldErrors& errors) const;
  std::vector<LinkedElement> resolve_links(const std::vector<NeedLink>& links) const;
  NeedView view_of(db::Connection& connection, const Actor& actor, Need need) const;
  std::string now_iso() const;

  db::Database& database_;
  areas::AreaService& areas_;
  plan::PlanService& plans_;
  Options options_;
  mutable std::mutex secret_mutex_;
  mutable std::optional<std::string> secret_;
};

}  // namespace changwat::participation
