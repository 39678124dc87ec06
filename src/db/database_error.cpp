#include "db/database_error.hpp"

#include <utility>

namespace changwat::db {

DatabaseError::DatabaseError(ErrorKind kind, std::string code, Message message, std::string detail,
                             std::map<std::string, Message> fields)
    : Error(kind, std::move(code), std::move(message), std::move(fields)),
      detail_(std::move(detail)),
      log_text_(this->code() + ": " + detail_) {}

namespace {

// What a storage failure tells people; the detail (the engine's own words) only goes
// to the log.
struct Failure {
  ErrorKind kind;
  const char* code;
  const char* th;
  const char* en;
};

constexpr Failure kDuplicate{ErrorKind::conflict, "duplicate", "มีข้อมูลนี้อยู่แล้ว ไม่สามารถบันทึกซ้ำได้",
                             "This record already exists and cannot be saved twice"};
constexpr Failure kReferenced{
    ErrorKind::rule, "referenced", "ทำรายการไม่ได้ เพราะข้อมูลนี้อ้างถึงข้อมูลที่ไม่มีอยู่ หรือยังมีข้อมูลอื่นอ้างถึงข้อมูลนี้",
    "Not allowed: this refers to a record that does not exist, or other records still refer to it"};
constexpr Failure kUnavailable{ErrorKind::unavailable, "database_unavailable",
                               "ขณะนี้ไม่สามารถเชื่อมต่อฐานข้อมูลได้ กรุณาลองใหม่อีกครั้งในภายหลัง",
                               "The database is unavailable right now; please try again later"};
constexpr Failure kCannotConnect{ErrorKind::unavailable, "database_unavailable",
                                 "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล PostgreSQL ไม่ได้",
                                 "Cannot connect to the PostgreSQL database server"};
constexpr Failure kStorageFull{
    ErrorKind::unavailable, kStorageFullCode,
    "พื้นที่จัดเก็บข้อมูลของเซิร์ฟเวอร์เต็ม จึงบันทึกข้อมูลไม่ได้ในขณะนี้ (ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย) "
    "กรุณาแจ้งผู้ดูแลระบบ แล้วลองใหม่อีกครั้งในภายหลัง",
    "The server's storage is full, so nothing can be saved right now (what was saved before is "
    "safe); please tell the administrator and try again later"};
constexpr Failure kPoolTimeout{ErrorKind::unavailable, "database_busy",
                               "ระบบมีผู้ใช้งานมากในขณะนี้ กรุณาลองใหม่อีกครั้งในอีกสักครู่",
                               "The server is busy right now; please try again in a moment"};
constexpr Failure kInternal{ErrorKind::internal, "database_error", "เกิดข้อผิดพลาดภายในระบบ",
                            "An internal error occurred"};

[[noreturn]] void raise(const Failure& failure, std::string detail) {
  throw DatabaseError(failure.kind, failure.code, {failure.th, failure.en}, std::move(detail));
}

}  // namespace

void throw_duplicate(std::string detail) { raise(kDuplicate, std::move(detail)); }
void throw_referenced(std::string detail) { raise(kReferenced, std::move(detail)); }
void throw_unavailable(std::string detail) { raise(kUnavailable, std::move(detail)); }
void throw_cannot_connect(std::string detail) { raise(kCannotConnect, std::move(detail)); }
void throw_storage_full(std::string detail) { raise(kStorageFull, std::move(detail)); }
void throw_pool_timeout(std::string detail) { raise(kPoolTimeout, std::move(detail)); }
void throw_internal(std::string detail) { raise(kInternal, std::move(detail)); }

void throw_invalid_location(Message why, std::string detail) {
  throw DatabaseError(ErrorKind::validation, "invalid_input",
                      {"ที่อยู่ฐานข้อมูลไม่ถูกต้อง", "Invalid database location"}, std::move(detail),
                      {{"db", std::move(why)}});
}

void throw_not_sqlite_database(const std::string& path, std::string detail) {
  throw_invalid_location(
      {"ไฟล์ " + path + " ไม่ใช่ฐานข้อมูล SQLite", path + " is not an SQLite database"},
      std::move(detail));
}

void check_text_parameter(const std::string& text) {
  if (text.find('\0') == std::string::npos) return;
  throw DatabaseError(
      ErrorKind::validation, "invalid_text",
      {"ข้อความมีอักขระ NUL ซึ่งไม่อนุญาต", "Text contains a NUL character, which is not allowed"},
      "a text parameter contains NUL");
}

}  // namespace changwat::db
