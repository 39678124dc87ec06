#include "modules/participation/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::participation {
namespace {

// In each enum's declaration order (base/enum_names.hpp).
constexpr EnumNames<NeedStatus, 7> kStatusNames{
    {"pending_moderation", "new", "accepted", "merged", "linked", "declined", "rejected"}};
constexpr EnumNames<Dimension, 4> kDimensionNames{
    {"economy", "society", "environment", "security"}};
constexpr EnumNames<Sector, 4> kSectorNames{{"people", "private", "civil_society", "state"}};
constexpr EnumNames<NeedSource, 3> kSourceNames{{"officer", "public", "forum"}};
constexpr EnumNames<SwotKind, 4> kSwotKindNames{{"strength", "weakness", "opportunity", "threat"}};

}  // namespace

std::string_view status_name(NeedStatus status) { return kStatusNames.name(status); }
std::optional<NeedStatus> parse_status(std::string_view name) { return kStatusNames.parse(name); }
std::string_view dimension_name(Dimension dimension) { return kDimensionNames.name(dimension); }
std::optional<Dimension> parse_dimension(std::string_view name) {
  return kDimensionNames.parse(name);
}
std::string_view sector_name(Sector sector) { return kSectorNames.name(sector); }
std::optional<Sector> parse_sector(std::string_view name) { return kSectorNames.parse(name); }
std::string_view source_name(NeedSource source) { return kSourceNames.name(source); }
std::optional<NeedSource> parse_source(std::string_view name) { return kSourceNames.parse(name); }
std::string_view swot_kind_name(SwotKind kind) { return kSwotKindNames.name(kind); }
std::optional<SwotKind> parse_swot_kind(std::string_view name) {
  return kSwotKindNames.parse(name);
}

bool is_published(NeedStatus status) {
  return status != NeedStatus::pending_moderation && status != NeedStatus::rejected;
}

}  // namespace changwat::participation
