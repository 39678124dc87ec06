#include "modules/participation/setting_store.hpp"

#include "base/error.hpp"

namespace changwat::participation {

std::string SettingStore::setting_or_create(const std::string& name,
                                            const std::string& value_if_missing) {
  connection_.execute(
      "INSERT INTO participation_setting (name, value) VALUES (?, ?) "
      "ON CONFLICT (name) DO NOTHING",
      {name, value_if_missing});
  auto row =
      connection_.query_one("SELECT value FROM participation_setting WHERE name = ?", {name});
  if (!row)
    throw Error(ErrorKind::internal, "setting_missing",
                {"ไม่พบค่าตั้งของระบบ", "A module setting could not be stored: " + name});
  return row->text(0);
}

void SettingStore::lock_setting(const std::string& name) {
  if (connection_.engine() != db::Engine::postgres) return;
  connection_.query("SELECT value FROM participation_setting WHERE name = ? FOR UPDATE", {name});
}

}  // namespace changwat::participation
