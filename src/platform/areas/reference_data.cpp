#include "platform/areas/reference_data.hpp"

#include <boost/json.hpp>
#include <string>

#include "base/embedded.hpp"
#include "base/error.hpp"

namespace changwat::areas {
namespace {

boost::json::array embedded_json(std::string_view name) {
  for (const auto& file : embedded_data())
    if (file.name == name) return boost::json::parse(file.content).as_array();
  throw Error(ErrorKind::internal, "missing_data", {"ไม่พบข้อมูลอ้างอิง", "Reference data missing"});
}

std::string field(const boost::json::value& row, const char* name) {
  const auto* v = row.as_object().if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t count(db::Connection& c, std::string_view sql) { return c.query_one(sql)->integer(0); }

// Areas are inserted parents first: the JSON is ordered province, district, subdistrict.
void insert_areas(db::Connection& c, const boost::json::array& rows, const char* level_override,
                  bool demo) {
  for (const auto& row : rows) {
    std::string code = field(row, "code");
    std::string level = level_override ? level_override : field(row, "level");
    std::string parent = field(row, "parent");
    c.execute(
        "INSERT INTO area (code, level, parent_code, province_code, name_th, name_en, demo) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
        {code, level, parent.empty() ? db::Value(nullptr) : db::Value(parent), code.substr(0, 2),
         field(row, "name_th"), field(row, "name_en"), std::int64_t{demo ? 1 : 0}});
  }
}

}  // namespace

void seed_reference_data(db::Database& database) {
  database.write([&](db::Connection& c) {
    if (count(c, "SELECT COUNT(*) FROM area WHERE level <> 'village'") == 0) {
      auto rows = embedded_json("th-areas.json");
      // Sort by level so parents exist before children (foreign key).
      for (const char* level : {"province", "district", "subdistrict"}) {
        boost::json::array of_level;
        for (const auto& row : rows)
          if (field(row, "level") == level) of_level.push_back(row);
        insert_areas(c, of_level, nullptr, false);
      }
    }
    // The agencies say which province(s) this deployment serves (AreaService::
    // deployment_provinces); each row names its province.
    if (count(c, "SELECT COUNT(*) FROM agency") == 0) {
      for (const auto& row : embedded_json("trat-agencies.json")) {
        std::string province = field(row, "province_code");
        if (province.size() != 2)
          throw Error(ErrorKind::internal, "missing_data",
                      {"หน่วยงาน " + field(row, "code") + " ไม่ระบุจังหวัด",
                       "Agency " + field(row, "code") + " has no province_code"});
        c.execute(
            "INSERT INTO agency (code, province_code, name_th, name_en, kind) "
            "VALUES (?, ?, ?, ?, ?)",
            {field(row, "code"), province, field(row, "name_th"), field(row, "name_en"),
             field(row, "kind")});
      }
    }
  });
}

void seed_demo_villages(db::Database& database) {
  auto villages = embedded_json("trat-villages-demo.json");
  if (villages.empty()) return;
  database.write([&](db::Connection& c) {
    // Loaded already if the file's first village is there (they go in together).
    if (c.query_one("SELECT 1 FROM area WHERE code = ?", {field(villages.front(), "code")})) return;
    insert_areas(c, villages, "village", true);
  });
}

}  // namespace changwat::areas
