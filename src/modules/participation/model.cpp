#include "modules/participation/model.hpp"

#include <array>
#include <utility>

namespace changwat::participation {
namespace {

// One table per enum keeps the stored text and the C++ value in one place.
template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<NeedStatus, 7> kStatusNames{{
    {NeedStatus::pending_moderation, "pending_moderation"},
    {NeedStatus::new_, "new"},
    {NeedStatus::accepted, "accepted"},
    {NeedStatus::merged, "merged"},
    {NeedStatus::linked, "linked"},
    {NeedStatus::declined, "declined"},
    {NeedStatus::rejected, "rejected"},
}};

constexpr NameTable<Dimension, 4> kDimensionNames{{
    {Dimension::economy, "economy"},
    {Dimension::society, "society"},
    {Dimension::environment, "environment"},
    {Dimension::security, "security"},
}};

constexpr NameTable<Sector, 4> kSectorNames{{
    {Sector::people, "people"},
    {Sector::private_sector, "private"},
    {Sector::civil_society, "civil_society"},
    {Sector::state, "state"},
}};

constexpr NameTable<NeedSource, 3> kSourceNames{{
    {NeedSource::officer, "officer"},
    {NeedSource::public_form, "public"},
    {NeedSource::forum, "forum"},
}};

constexpr NameTable<SwotKind, 4> kSwotKindNames{{
    {SwotKind::strength, "strength"},
    {SwotKind::weakness, "weakness"},
    {SwotKind::opportunity, "opportunity"},
    {SwotKind::threat, "threat"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return table[0].second;
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [candidate, candidate_name] : table)
    if (candidate_name == name) return candidate;
  return std::nullopt;
}

}  // namespace

std::string_view status_name(NeedStatus status) { return name_of(kStatusNames, status); }
std::optional<NeedStatus> parse_status(std::string_view name) {
  return parse_name(kStatusNames, name);
}
std::string_view dimension_name(Dimension dimension) { return name_of(kDimensionNames, dimension); }
std::optional<Dimension> parse_dimension(std::string_view name) {
  return parse_name(kDimensionNames, name);
}
std::string_view sector_name(Sector sector) { return name_of(kSectorNames, sector); }
std::optional<Sector> parse_sector(std::string_view name) { return parse_name(kSectorNames, name); }
std::string_view source_name(NeedSource source) { return name_of(kSourceNames, source); }
std::optional<NeedSource> parse_source(std::string_view name) {
  return parse_name(kSourceNames, name);
}
std::string_view swot_kind_name(SwotKind kind) { return name_of(kSwotKindNames, kind); }
std::optional<SwotKind> parse_swot_kind(std::string_view name) {
  return parse_name(kSwotKindNames, name);
}

bool is_published(NeedStatus status) {
  return status != NeedStatus::pending_moderation && status != NeedStatus::rejected;
}

}  // namespace changwat::participation
