#pragma once
// What auth and the modules ask of the reference data to check a scope: does this
// area or agency exist, in which province, and which provinces this deployment
// serves. AreaService implements it from its in-memory copy; callers depend only on
// this interface, not on how the data is loaded or cached.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/principal.hpp"

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

class Directory {
 public:
  virtual ~Directory() = default;
  virtual std::optional<Area> find(const std::string& code) const = 0;
  virtual std::optional<Agency> find_agency(const std::string& code) const = 0;
  // The provinces this deployment serves: those that have agencies (loaded from
  // data/, or added by an admin), in code order. One binary and one database can
  // carry several.
  virtual std::vector<std::string> deployment_provinces() const = 0;
};

// The province an action belongs to: the signed-in user's; for the command line or
// an anonymous caller, `named` if given (it must be a deployment province), else the
// deployment's only province. Throws validation on `field` when the deployment
// serves several provinces and none is named, or `named` is not one of them.
std::string province_for(const Directory& directory, const Actor& actor,
                         const std::optional<std::string>& named = std::nullopt,
                         const char* field = "province_code");

}  // namespace changwat::areas
