#include "platform/areas/area_service.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/enum_names.hpp"

namespace changwat::areas {

struct AreaService::Data {
  std::unordered_map<std::string, Area> areas;
  std::unordered_map<std::string, std::vector<std::string>> children;  // parent -> codes
  std::map<std::string, Agency> agencies;                              // sorted by code
  std::vector<std::string> provinces;  // provinces with agencies, in code order
};

namespace {

// In the declaration order of Level.
constexpr EnumNames<Level, 4> kLevelNames{{"province", "district", "subdistrict", "village"}};

// A stored value's level; anything else reads as a province, as before.
Level parse_level(const std::string& text) {
  return kLevelNames.parse(text).value_or(Level::province);
}

// The value stored under `key`, or nullopt.
template <class Map>
std::optional<typename Map::mapped_type> value_at(const Map& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::string_view level_name(Level level) { return kLevelNames.name(level); }

AreaService::AreaService(db::Database& database) : database_(database) { reload(); }

void AreaService::reload() {
  auto data = std::make_shared<Data>();
  database_.read([&](db::Connection& c) {
    c.for_each(
        "SELECT code, level, parent_code, name_th, name_en, province_code, demo FROM area "
        "ORDER BY code",
        {}, [&](const db::Row& row) {
          Area area{row.text(0), parse_level(row.text(1)), row.text(2), row.text(3), row.text(4),
                    row.text(5), row.integer(6) != 0};
          data->children[area.parent_code].push_back(area.code);  // "" holds provinces
          data->areas.emplace(area.code, std::move(area));
        });
    c.for_each("SELECT code, province_code, name_th, name_en, kind, demo, version FROM agency", {},
               [&](const db::Row& row) {
                 Agency agency{row.text(0), row.text(1),         row.text(2),   row.text(3),
                               row.text(4), row.integer(5) != 0, row.integer(6)};
                 data->agencies.emplace(agency.code, std::move(agency));
               });
  });
  for (const auto& [code, agency] : data->agencies) data->provinces.push_back(agency.province_code);
  std::sort(data->provinces.begin(), data->provinces.end());
  data->provinces.erase(std::unique(data->provinces.begin(), data->provinces.end()),
                        data->provinces.end());
  std::lock_guard lock(mutex_);
  data_ = std::move(data);
}

std::shared_ptr<const AreaService::Data> AreaService::snapshot() const {
  std::lock_guard lock(mutex_);
  return data_;
}

std::optional<Area> AreaService::find(const std::string& code) const {
  return value_at(snapshot()->areas, code);
}

std::vector<Area> AreaService::children(const std::string& code) const {
  auto data = snapshot();
  std::vector<Area> result;
  auto it = data->children.find(code);
  if (it == data->children.end()) return result;
  result.reserve(it->second.size());
  for (const auto& child : it->second) result.push_back(data->areas.at(child));
  return result;
}

bool AreaService::is_within(const std::string& code, const std::string& province_code) const {
  auto data = snapshot();
  auto it = data->areas.find(code);
  return it != data->areas.end() && it->second.province_code == province_code;
}

std::vector<Area> AreaService::all_in(const std::string& province_code) const {
  auto data = snapshot();
  std::vector<Area> result;
  for (const auto& [code, area] : data->areas)
    if (area.province_code == province_code) result.push_back(area);
  std::sort(result.begin(), result.end(),
            [](const Area& a, const Area& b) { return a.code < b.code; });
  return result;
}

std::optional<Agency> AreaService::find_agency(const std::string& code) const {
  return value_at(snapshot()->agencies, code);
}

std::vector<std::string> AreaService::deployment_provinces() const { return snapshot()->provinces; }

std::vector<Agency> AreaService::agencies(const std::string& province_code) const {
  auto data = snapshot();
  std::vector<Agency> result;
  for (const auto& [code, agency] : data->agencies)
    if (agency.province_code == province_code) result.push_back(agency);
  return result;
}

}  // namespace changwat::areas
