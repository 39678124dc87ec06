#pragma once
// Bottom-up input to the provincial plan: people's needs (ความต้องการของประชาชน),
// public forums (เวทีประชาคม) and SWOT items. Plain data; rules live in the service.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::participation {

// The life of a need. A public submission starts in pending_moderation and counts
// nowhere (lists, votes, search, coverage) until a strategy officer approves it
// (-> new_) or rejects it as spam or abuse (-> rejected, never shown again).
enum class NeedStatus {
  pending_moderation,
  new_,      // "new": counted, not yet reviewed
  accepted,  // reviewed, the province intends to answer it
  merged,    // a duplicate folded into another need (merged_into_id)
  linked,    // answered by at least one guideline or project of the plan
  declined,  // refused with a reason the public can read
  rejected,  // moderation refused it (spam, abuse); hidden everywhere
};

inline constexpr std::size_t kNeedStatusCount = 7;

enum class Dimension { economy, society, environment, security };
inline constexpr std::size_t kDimensionCount = 4;

// Who raised the need (the four sectors of the provincial network).
enum class Sector { people, private_sector, civil_society, state };

enum class NeedSource { officer, public_form, forum };

enum class SwotKind { strength, weakness, opportunity, threat };

std::string_view status_name(NeedStatus status);  // "pending_moderation", "new", ...
std::optional<NeedStatus> parse_status(std::string_view name);
std::string_view dimension_name(Dimension dimension);  // "economy", ...
std::optional<Dimension> parse_dimension(std::string_view name);
std::string_view sector_name(Sector sector);  // "people", "private", "civil_society", "state"
std::optional<Sector> parse_sector(std::string_view name);
std::string_view source_name(NeedSource source);  // "officer", "public", "forum"
std::optional<NeedSource> parse_source(std::string_view name);
std::string_view swot_kind_name(SwotKind kind);
std::optional<SwotKind> parse_swot_kind(std::string_view name);

// True for the statuses that count in lists, votes, search and coverage.
bool is_published(NeedStatus status);

// Contact details a member of the public may leave. Shown only to moderators.
struct SubmitterContact {
  std::optional<std::string> name;
  std::optional<std::string> phone;
};

struct Need {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t plan_id = 0;
  std::string receipt;  // given to the submitter to follow the need
  NeedSource source = NeedSource::officer;
  std::string title;
  std::string description;
  Dimension dimension = Dimension::economy;
  Sector sector = Sector::people;
  std::string area_code;  // district, subdistrict or village
  std::string district_code;
  std::optional<std::string> subdistrict_code;
  std::optional<std::int64_t> forum_id;
  NeedStatus status = NeedStatus::new_;
  std::optional<std::string> decline_reason;
  std::optional<std::int64_t> merged_into_id;
  std::int64_t vote_count = 0;
  SubmitterContact contact;  // empty unless the reader is a moderator
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  bool demo = false;
  std::int64_t version = 1;
};

// A guideline or project of the plan that answers a need.
struct NeedLink {
  std::int64_t need_id = 0;
  std::int64_t element_id = 0;  // the plan element's stable id
  std::string element_kind;     // "guideline" or "project"
  std::string linked_at;
  std::optional<std::int64_t> linked_by;
};

struct NeedFilter {
  std::optional<std::int64_t> plan_id;
  std::optional<std::string> district_code;
  std::optional<std::string> subdistrict_code;
  std::optional<std::string> area_code;  // exactly this area
  std::optional<Dimension> dimension;
  std::optional<Sector> sector;
  std::optional<NeedStatus> status;
  std::optional<std::int64_t> forum_id;
};

enum class NeedOrder { newest, oldest, most_votes, title_thai };

struct NeedPage {
  std::int64_t total = 0;
  bool total_is_exact = true;  // false: at least `total` (search counts are capped)
  std::vector<Need> items;
};

struct DistrictCount {
  std::string district_code;
  std::int64_t total = 0;
  std::array<std::int64_t, kNeedStatusCount> by_status{};    // indexed by NeedStatus
  std::array<std::int64_t, kDimensionCount> by_dimension{};  // indexed by Dimension
};

// Attendance at a forum, by the four sectors.
struct Attendance {
  std::int64_t people = 0;
  std::int64_t private_sector = 0;
  std::int64_t civil_society = 0;
  std::int64_t state = 0;
  std::int64_t total() const { return people + private_sector + civil_society + state; }
};

struct Forum {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t plan_id = 0;
  std::string title_th;
  std::string title_en;
  std::string held_on;  // ISO date (CE); shown in the Buddhist era
  std::string area_code;
  std::string district_code;
  Attendance attendance;
  std::string notes;
  std::int64_t needs_raised = 0;
  std::optional<std::int64_t> created_by;
  std::string created_at;
  bool demo = false;
  std::int64_t version = 1;
};

struct SwotItem {
  std::int64_t id = 0;
  std::string province_code;
  std::int64_t plan_id = 0;
  SwotKind kind = SwotKind::strength;
  std::string text_th;
  std::string text_en;
  std::string evidence;  // figures, studies or forum records that support it
  std::optional<std::string> evidence_source;
  std::optional<Dimension> dimension;
  std::int64_t position = 0;  // order within its kind
  bool demo = false;
  std::int64_t version = 1;
};

}  // namespace changwat::participation
