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
#include "platform/areas/directory.hpp"

namespace changwat::areas {

class AreaService : public Directory {
 public:
  explicit AreaService(db::Database& database);
  // (Re)loads the in-memory copy from the database.
  void reload();

  std::optional<Area> find(const std::string& code) const override;
  std::vector<Area> children(const std::string& code) const;
  // True if `code` is the province itself or any area inside it.
  bool is_within(const std::string& code, const std::string& province_code) const;
  std::vector<Area> all_in(const std::string& province_code) const;

  std::optional<Agency> find_agency(const std::string& code) const override;
  std::vector<std::string> deployment_provinces() const override;
  std::vector<Agency> agencies(const std::string& province_code) const;

 private:
  struct Data;
  std::shared_ptr<const Data> snapshot() const;
  db::Database& database_;
  std::shared_ptr<const Data> data_;
  mutable std::mutex mutex_;
};

}  // namespace changwat::areas
