#include "auth/user_rules.hpp"

#include "base/utf8.hpp"

namespace changwat::auth {

void check_role_scope(Role role, const std::optional<std::string>& agency_code,
                      FieldErrors& errors) {
  if (role == Role::agency_officer && !agency_code)
    errors.add("agency_code", {"เจ้าหน้าที่หน่วยงานต้องระบุหน่วยงาน", "An agency officer needs an agency"});
}

void check_display_name(const std::string& display_name, FieldErrors& errors) {
  if (utf8::count_code_points(display_name) > 200)
    errors.add("display_name", {"ชื่อยาวเกิน 200 ตัวอักษร", "Name is longer than 200 characters"});
}

void throw_user_errors(const FieldErrors& errors) {
  if (errors.empty()) return;
  // The same fields, as a rule's refusal (422) rather than malformed input (400).
  try {
    errors.throw_if_any();
  } catch (const Error& error) {
    throw Error(ErrorKind::rule, "invalid_user",
                {"ข้อมูลผู้ใช้ไม่ถูกต้อง", "The user's details are not valid"}, error.fields());
  }
}

}  // namespace changwat::auth
