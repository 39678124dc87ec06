#include "modules/follow_up/rules.hpp"

#include "base/utf8.hpp"
#include "thai/calendar.hpp"

namespace changwat::follow_up::rules {

const Principal& require_secretary(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

const Principal& require_auditor(const Actor& actor) {
  return actor.require_role({Role::auditor, Role::admin});
}

const Principal& require_admin(const Actor& actor) { return actor.require_role({Role::admin}); }

void require_own_agency(const Principal& principal, const std::string& agency_code) {
  if (principal.role == Role::agency_officer && principal.agency_code &&
      *principal.agency_code == agency_code)
    return;
  throw Error(ErrorKind::forbidden, "not_own_agency",
              {"ตอบได้เฉพาะเรื่องที่มอบหมายให้หน่วยงานของตนเอง",
               "Only the assigned agency's officers may answer this"});
}

bool may_move(DirectiveStatus from, DirectiveStatus to) {
  using S = DirectiveStatus;
  switch (from) {
    case S::open:
      return to == S::in_progress || to == S::cancelled;
    case S::in_progress:
      return to == S::done || to == S::cancelled;
    case S::done:
    case S::cancelled:
      return false;
  }
  return false;
}

void check_move(DirectiveStatus from, DirectiveStatus to, const std::string& note_th) {
  if (!may_move(from, to)) {
    throw Error(
        ErrorKind::conflict, "status_out_of_order",
        {"เปลี่ยนสถานะจาก \"" + std::string(name_th(from)) + "\" เป็น \"" + std::string(name_th(to)) +
             "\" ไม่ได้ (ลำดับคือ ยังไม่ดำเนินการ → อยู่ระหว่างดำเนินการ → ดำเนินการแล้วเสร็จ "
             "หรือยกเลิกพร้อมเหตุผล)",
         "A directive cannot move from " + std::string(to_string(from)) + " to " +
             std::string(to_string(to)) +
             " (open → in_progress → done, or cancelled with a reason)"},
        {{"status", {"ลำดับสถานะไม่ถูกต้อง", "out of order"}}});
  }
  if (to == DirectiveStatus::cancelled && note_th.empty())
    throw_invalid_field("note_th", {"การยกเลิกต้องระบุเหตุผล", "a cancellation needs a reason"});
}

void check_directive_writer(const Principal& principal, const Directive& directive,
                            DirectiveStatus to) {
  if (principal.role == Role::strategy_officer || principal.role == Role::admin) return;
  if (principal.role != Role::agency_officer) throw_forbidden();
  require_own_agency(principal, directive.agency_code);
  if (to == DirectiveStatus::cancelled) {
    throw Error(ErrorKind::forbidden, "cancel_by_secretariat",
                {"การยกเลิกข้อสั่งการทำโดยฝ่ายเลขานุการ (กลุ่มงานยุทธศาสตร์) เท่านั้น",
                 "Only the strategy office or an admin cancels a directive"});
  }
}

void check_text(FieldErrors& errors, const char* field, const std::string& text, std::size_t max) {
  if (text.empty()) {
    errors.add(field, {"ต้องระบุ", "is required"});
  } else if (utf8::count_code_points(text) > max) {
    errors.add(field, {"ยาวได้ไม่เกิน " + std::to_string(max) + " ตัวอักษร",
                       "must be at most " + std::to_string(max) + " characters"});
  }
}

void check_date(FieldErrors& errors, const char* field, const std::string& text) {
  // Only the ISO form: dates are stored and compared as ISO text (parse_date would also
  // read "31/12/2569", a Buddhist-era form the API does not take).
  bool iso_shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
  try {
    if (iso_shape) {
      thai::parse_date(text, field);
      return;
    }
  } catch (const Error&) {
  }
  errors.add(field, {"ต้องเป็นวันที่รูปแบบ YYYY-MM-DD (ค.ศ.)", "must be a date YYYY-MM-DD"});
}

}  // namespace changwat::follow_up::rules
