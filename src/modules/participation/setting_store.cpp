#include "modules/participation/setting_store.hpp"

#include "base/error.hpp"

namespace changwat::participation::store {

std::string setting_or_create(db::Connection& connection, const std::string& name,
                              const std::string& value_if_missing) {
  connection.execute(
      "INSERT INTO participation_setting (name, value) VALUES (?, ?) "
      "ON CONFLICT (name) DO NOTHING",
      {name, value_if_missing});
  auto row = connection.query_one("SELECT value FROM participation_setting WHERE name = ?", {name});
  if (!row)
    throw Error(ErrorKind::internal, "setting_missing",
                {"ไม่พบค่าตั้งของระบบ", "A module setting could not be stored: " + name});
  return row->text(0);
}

void lock_setting(db::Connection& connection, const std::string& name) {
  if (connection.engine() != db::Engine::postgres) return;
  connection.query("SELECT value FROM participation_setting WHERE name = ? FOR UPDATE", {name});
}

}  // namespace changwat::participation::store
