#include "db/database_url.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "db/database_error.hpp"

namespace changwat::db {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

[[noreturn]] void throw_bad_url(const std::string& url) {
  throw_invalid_location({"ที่อยู่ฐานข้อมูลต้องขึ้นต้นด้วย sqlite: ตามด้วยชื่อไฟล์ หรือ postgresql://",
                          "The database location must be sqlite:FILE or postgresql://…"},
                         "unrecognised database URL '" + url + "'");
}

}  // namespace

DatabaseLocation parse_database_url(const std::string& url) {
  if (url.find('\0') != std::string::npos) throw_bad_url("<contains NUL>");
  if (starts_with_ignoring_case(url, "postgresql://") ||
      starts_with_ignoring_case(url, "postgres://")) {
    return {Engine::postgres, url, false};
  }
  if (starts_with_ignoring_case(url, "sqlite:")) {
    std::string path = url.substr(std::string_view("sqlite:").size());
    if (path == ":memory:") return {Engine::sqlite, path, true};
    if (path.empty()) {
      throw_invalid_location(
          {"กรุณาระบุชื่อไฟล์ฐานข้อมูลหลัง sqlite:", "Give the database file name after sqlite:"},
          "empty SQLite path in '" + url + "'");
    }
    // SQLite would read "file:" paths as URIs with their own options; we want a
    // plain file name, always.
    if (starts_with_ignoring_case(path, "file:")) {
      throw_invalid_location({"ใช้ sqlite:ชื่อไฟล์ โดยไม่ต้องมี file:", "Use sqlite:FILE without file:"},
                             "SQLite URI paths are not accepted: '" + url + "'");
    }
    return {Engine::sqlite, path, false};
  }
  throw_bad_url(url);
}

}  // namespace changwat::db
