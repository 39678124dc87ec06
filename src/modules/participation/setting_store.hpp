#pragma once
// SQL for this module's server-side settings (participation_setting).
#include <string>

#include "db/database.hpp"

namespace changwat::participation {

class SettingStore {
 public:
  // The HMAC key of public form tokens and submitter address hashes.
  static constexpr const char* kFormSecretName = "public_form_secret";

  explicit SettingStore(db::Connection& connection) : connection_(connection) {}

  // The value stored under `name`; stores `value_if_missing` first when there is
  // none (the first server to ask wins, every other server then reads the same).
  std::string setting_or_create(const std::string& name, const std::string& value_if_missing);
  // PostgreSQL: locks the setting row until the transaction ends, serialising the
  // transactions that take it (SQLite writers are serialised already).
  void lock_setting(const std::string& name);

 private:
  db::Connection& connection_;
};

}  // namespace changwat::participation
