#include "db/sqlite/sqlite_file_check.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "db/database_error.hpp"

namespace changwat::db::sqlite {

void check_sqlite_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) return;
  if (status.type() == fs::file_type::directory) {
    throw_invalid_location(
        {path + " เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล", path + " is a folder, not a database file"},
        "SQLite path is a directory: " + path);
  }
  if (status.type() != fs::file_type::regular) return;  // devices etc.: SQLite decides
  std::uintmax_t size = fs::file_size(path, error);
  if (error || size == 0) return;

  constexpr std::string_view header("SQLite format 3\0", 16);
  std::array<char, 16> start{};
  std::ifstream file(path, std::ios::binary);
  if (!file) return;  // unreadable: opening reports the real reason
  file.read(start.data(), start.size());
  if (file.gcount() != static_cast<std::streamsize>(start.size()) ||
      std::string_view(start.data(), start.size()) != header) {
    throw_not_sqlite_database(path, "file header is not 'SQLite format 3': " + path);
  }
}

}  // namespace changwat::db::sqlite
