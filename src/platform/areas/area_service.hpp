#pragma once
// Reference data: Thailand's administrative areas (province 2 digits, district 4,
// subdistrict 6, village 8), provincial agencies, and fiscal years. Areas and
// agencies are loaded once into memory (they change rarely) and served from there.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"
#include "db/database.hpp"

namespace changwat::areas {

enum class Level { province, district, subdistrict, village };
std::string_view level_name(Level level);

struct Area {
  std::string code;
  Level level = Level::province;
  std::string parent_code;  // "" for a province
  std::string name_th;
  std::string name_en;
  std::string province_code;
  bool demo = false;  // villages in demo data are not official
};

struct Agency {
  std::string code;
  std::string province_code;
  std::string name_th;
  std::string name_en;
  std::string kind;  // "provincial", "central_regional", "local_government", ...
  bool demo = false;
  std::int64_t version = 1;
};

class AreaService {
 public:
  explicit AreaService(db::Database& database);
  // (Re)loads the in-memory copy from the database.
  void reload();

  std::optional<Area> find(const std::string& code) const;
  std::vector<Area> children(const std::string& code) const;
  // True if `code` is the province itself or any area inside it.
  bool is_within(const std::string& code, const std::string& province_code) const;
  std::vector<Area> all_in(const std::string& province_code) const;

  std::optional<Agency> find_agency(const std::string& code) const;
  std::vector<Agency> agencies(const std::string& province_code) const;

 private:
  struct Data;
  std::shared_ptr<const Data> snapshot() const;
  db::Database& database_;
  std::shared_ptr<const Data> data_;
  mutable std::mutex mutex_;
};

}  // namespace changwat::areas
