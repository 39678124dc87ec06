#pragma once
// Edits to the provincial agency list (admin only), audited, with optimistic versions.
#include <optional>
#include <string>

#include "base/principal.hpp"
#include "db/database.hpp"
#include "platform/areas/area_service.hpp"

namespace changwat::areas {

struct AgencyChange {
  std::int64_t version = 0;  // the version the editor saw
  std::optional<std::string> name_th;
  std::optional<std::string> name_en;
  std::optional<std::string> kind;
};

// Agency kinds a province has.
bool is_agency_kind(std::string_view kind);

class AgencyService {
 public:
  AgencyService(db::Database& database, AreaService& areas);
  Agency create(const Actor& actor, const Agency& agency);
  Agency update(const Actor& actor, const std::string& code, const AgencyChange& change);

 private:
  db::Database& database_;
  AreaService& areas_;
};

}  // namespace changwat::areas
