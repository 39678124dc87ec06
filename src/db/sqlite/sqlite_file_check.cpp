#include "db/sqlite/sqlite_file_check.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "db/database_error.hpp"

namespace changwat::db::sqlite {
namespace {

// "-r--r--r--, owner uid 0 (root), group gid 0", or why it cannot be told.
std::string permissions_of(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::string("cannot stat: ") + std::strerror(errno);
  std::string mode = S_ISDIR(info.st_mode) ? "d" : "-";
  const std::pair<mode_t, char> bits[] = {{S_IRUSR, 'r'}, {S_IWUSR, 'w'}, {S_IXUSR, 'x'},
                                          {S_IRGRP, 'r'}, {S_IWGRP, 'w'}, {S_IXGRP, 'x'},
                                          {S_IROTH, 'r'}, {S_IWOTH, 'w'}, {S_IXOTH, 'x'}};
  for (const auto& [bit, letter] : bits) mode += (info.st_mode & bit) ? letter : '-';
  std::string owner = "owner uid " + std::to_string(info.st_uid);
  if (const passwd* user = ::getpwuid(info.st_uid))
    owner += std::string(" (") + user->pw_name + ")";
  return mode + ", " + owner + ", group gid " + std::to_string(info.st_gid);
}

std::string process_user() {
  uid_t uid = ::geteuid();
  std::string who = "uid " + std::to_string(uid);
  if (const passwd* user = ::getpwuid(uid)) who += std::string(" (") + user->pw_name + ")";
  return who;
}

[[noreturn]] void throw_folder_read_only(const std::string& folder, const std::string& path) {
  std::string permissions = permissions_of(folder);
  std::string who = process_user();
  throw_invalid_location(
      {"เขียนโฟลเดอร์ " + folder + " ไม่ได้ (สิทธิ์ " + permissions + "; changwat ทำงานในนาม " + who +
           ") SQLite ต้องสร้างไฟล์ -wal และ -shm ไว้ข้างไฟล์ฐานข้อมูล กรุณาให้สิทธิ์เขียนโฟลเดอร์นี้",
       "the folder " + folder + " cannot be written (" + permissions + "; changwat runs as " + who +
           "): SQLite keeps its -wal and -shm files beside the database; give write "
           "permission on the folder"},
      "SQLite folder not writable: " + folder + " for " + path + " (" + permissions + "; process " +
          who + ")");
}

}  // namespace

void throw_read_only(const std::string& path, std::string detail) {
  std::string permissions = permissions_of(path);
  std::string who = process_user();
  throw_invalid_location(
      {"ไฟล์ฐานข้อมูล " + path + " เขียนไม่ได้ (สิทธิ์ " + permissions + "; changwat ทำงานในนาม " + who +
           ") กรุณาให้สิทธิ์เขียนไฟล์ (เช่น chmod u+w) หรือเรียกใช้ในนามเจ้าของไฟล์",
       "the database file " + path + " is read-only for changwat (" + permissions +
           "; changwat runs as " + who +
           "); give it write permission (e.g. chmod u+w) or run changwat as its owner"},
      std::move(detail) + " (" + path + ": " + permissions + "; process " + who + ")");
}

void check_sqlite_writable(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path file(path);
  fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, error)) return;  // opening reports the missing folder
  bool exists = fs::exists(file, error);
  if (exists && ::access(path.c_str(), R_OK | W_OK) != 0) {
    throw_read_only(path, std::string("access(W_OK): ") + std::strerror(errno));
  }
  if (::access(folder.c_str(), W_OK | X_OK) == 0) return;
  // A folder that cannot take new files still works if the WAL files are there
  // already and writable (a database prepared by its owner).
  bool wal_ready = exists && ::access((path + "-wal").c_str(), R_OK | W_OK) == 0 &&
                   ::access((path + "-shm").c_str(), R_OK | W_OK) == 0;
  if (!wal_ready) throw_folder_read_only(folder.string(), path);
}

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
