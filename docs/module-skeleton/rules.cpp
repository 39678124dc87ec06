#include "modules/sample/rules.hpp"

#include "base/utf8.hpp"

namespace changwat::sample::rules {

const Principal& require_editor(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

void check_title(FieldErrors& errors, const std::string& title) {
  if (title.empty()) {
    errors.add("title", {"ต้องระบุชื่อ", "is required"});
  } else if (utf8::count_code_points(title) > kTitleMax) {
    errors.add("title", {"ยาวได้ไม่เกิน 200 ตัวอักษร", "must be at most 200 characters"});
  }
}

}  // namespace changwat::sample::rules
