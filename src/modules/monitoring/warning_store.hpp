#pragma once
// SQL for warnings, the province's revision and the thresholds, nothing else
// (docs/decisions/0007-module-shape.md): made on the connection of the transaction
// in hand, rows in, model structs out.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "modules/monitoring/model.hpp"

namespace changwat::monitoring {

// The note of a warning resolved because its cause went away.
inline constexpr std::string_view kAutomaticNote = "สาเหตุหมดไปแล้ว (ระบบตรวจพบ)";

class WarningStore {
 public:
  explicit WarningStore(db::Connection& connection) : connection_(connection) {}

  // The province's warnings revision (0 before the first write).
  std::int64_t revision(const std::string& province_code);
  // Bumps it first in a write transaction (writers of the province queue here) and
  // returns the new value.
  std::int64_t bump_revision(const std::string& province_code);

  std::vector<Warning> list(const std::string& province_code, int fiscal_year);
  std::optional<Warning> find(std::int64_t id);
  std::int64_t insert(const std::string& province_code, int fiscal_year, const Cause& cause,
                      const std::string& raised_on, bool demo);
  // An open warning's figures and text follow its cause.
  void refresh(std::int64_t id, const Cause& cause);
  // Resolved because the cause went away (only while open).
  void resolve_automatically(std::int64_t id, const std::string& today, const std::string& at);
  // A person's resolution; one conditional statement: false when the row is not open
  // at `expected_version` any more.
  bool resolve(const Warning& resolved, std::int64_t expected_version);

  std::map<std::string, double> settings(const std::string& province_code);
  // Insert or update one threshold; false when `expected_version` is stale.
  bool set_setting(const std::string& province_code, const std::string& key, double value,
                   const std::string& by, const std::string& at,
                   std::optional<std::int64_t> expected_version);
  std::map<std::string, std::int64_t> setting_versions(const std::string& province_code);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::monitoring
