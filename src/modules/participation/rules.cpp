#include "modules/participation/rules.hpp"

#include <algorithm>

#include "base/secret.hpp"
#include "thai/text.hpp"

namespace changwat::participation::rules {
namespace {

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Message too_long(std::size_t max_chars) {
  std::string n = std::to_string(max_chars);
  return {"ยาวได้ไม่เกิน " + n + " ตัวอักษร", "must be at most " + n + " characters"};
}

// An area code is inside `scope` when walking up its parents reaches `scope`.
bool is_inside(const areas::AreaService& areas, const std::string& code, const std::string& scope) {
  std::optional<areas::Area> area = areas.find(code);
  while (area) {
    if (area->code == scope) return true;
    if (area->parent_code.empty()) return false;
    area = areas.find(area->parent_code);
  }
  return false;
}

std::optional<Placement> placement_of(const areas::AreaService& areas, const areas::Area& area,
                                      const char* field, FieldErrors& errors) {
  if (area.level == areas::Level::province) {
    errors.add(field, {"ต้องระบุอำเภอ ตำบล หรือหมู่บ้าน ไม่ใช่ทั้งจังหวัด",
                       "must be a district, subdistrict or village, not the whole province"});
    return std::nullopt;
  }
  Placement placement{area.code, area.level, area.province_code, "", std::nullopt};
  std::optional<areas::Area> current = area;
  while (current && current->level != areas::Level::district) {
    if (current->level == areas::Level::subdistrict) placement.subdistrict_code = current->code;
    current = areas.find(current->parent_code);
  }
  if (!current) {
    errors.add(field, {"ไม่พบอำเภอของพื้นที่นี้", "has no district above it"});
    return std::nullopt;
  }
  placement.district_code = current->code;
  return placement;
}

}  // namespace

const Principal& require_strategy_office(const Actor& actor) {
  return actor.require_role({Role::strategy_officer, Role::admin});
}

bool is_strategy_office(const Actor& actor) {
  return actor.has_role(Role::strategy_officer) || actor.has_role(Role::admin);
}

const Principal& require_recorder(const Actor& actor) {
  const Principal& principal =
      actor.require_role({Role::strategy_officer, Role::admin, Role::agency_officer});
  // An agency officer records only inside the area they serve; with none set there
  // is nothing they may record (a right, not a field problem).
  if (principal.role == Role::agency_officer && !principal.area_code) {
    throw Error(ErrorKind::forbidden, "no_area_scope",
                {"บัญชีเจ้าหน้าที่หน่วยงานนี้ยังไม่ได้กำหนดพื้นที่รับผิดชอบ จึงบันทึกความต้องการหรือเวทีประชาคมไม่ได้ "
                 "กรุณาให้ผู้ดูแลระบบกำหนดพื้นที่ให้ก่อน",
                 "This agency officer has no area of responsibility, so it cannot record needs "
                 "or forums; ask an administrator to set the area first"});
  }
  return principal;
}

const Principal& require_staff(const Actor& actor) {
  const Principal& principal = actor.require_signed_in();
  if (principal.role == Role::public_user) {
    throw Error(ErrorKind::forbidden, "staff_only",
                {"เฉพาะเจ้าหน้าที่เท่านั้นที่ดูข้อมูลนี้ได้", "Only staff can see this"});
  }
  return principal;
}

std::optional<Placement> place_for(const areas::AreaService& areas, const Principal& principal,
                                   const std::string& area_code, const char* field,
                                   FieldErrors& errors) {
  std::optional<areas::Area> area = areas.find(area_code);
  if (!area) {
    errors.add(field, {"ไม่พบรหัสพื้นที่นี้", "is not a known area code"});
    return std::nullopt;
  }
  if (!areas.is_within(area_code, principal.province_code)) {
    errors.add(field, {"พื้นที่ต้องอยู่ในจังหวัดของคุณ", "must be inside your province"});
    return std::nullopt;
  }
  if (principal.role == Role::agency_officer) {
    // An agency officer records needs and forums only for the area they serve.
    if (!principal.area_code || !is_inside(areas, area_code, *principal.area_code)) {
      errors.add(field,
                 {"พื้นที่ต้องอยู่ในพื้นที่ที่คุณรับผิดชอบ", "must be inside the area you are responsible for"});
      return std::nullopt;
    }
  }
  return placement_of(areas, *area, field, errors);
}

std::optional<Placement> place_public(const areas::AreaService& areas, const std::string& area_code,
                                      const char* field, FieldErrors& errors) {
  std::optional<areas::Area> area = areas.find(area_code);
  if (!area) {
    errors.add(field, {"ไม่พบรหัสพื้นที่นี้", "is not a known area code"});
    return std::nullopt;
  }
  return placement_of(areas, *area, field, errors);
}

void check_text(FieldErrors& errors, const char* field, const std::string& value,
                std::size_t max_chars) {
  if (is_blank(value)) {
    errors.add(field, {"ต้องระบุ", "is required"});
  } else if (!thai::is_valid_utf8(value)) {
    errors.add(field, {"มีอักขระที่ไม่ถูกต้อง", "contains characters that are not valid UTF-8"});
  } else if (thai::count_code_points(value) > max_chars) {
    errors.add(field, too_long(max_chars));
  }
}

void check_optional_text(FieldErrors& errors, const char* field,
                         const std::optional<std::string>& value, std::size_t max_chars) {
  if (!value) return;
  if (!thai::is_valid_utf8(*value)) {
    errors.add(field, {"มีอักขระที่ไม่ถูกต้อง", "contains characters that are not valid UTF-8"});
  } else if (thai::count_code_points(*value) > max_chars) {
    errors.add(field, too_long(max_chars));
  }
}

void check_optional_text(FieldErrors& errors, const char* field, const std::string& value,
                         std::size_t max_chars) {
  check_optional_text(errors, field, std::optional<std::string>(value), max_chars);
}

bool is_phone_number(const std::string& text) {
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && i == 0) {
      continue;
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  return digits >= 9 && digits <= 15;
}

void throw_need_not_found() { throw_not_found("ความต้องการนี้", "Need"); }
void throw_forum_not_found() { throw_not_found("เวทีประชาคมนี้", "Forum"); }
void throw_swot_not_found() { throw_not_found("รายการ SWOT นี้", "SWOT item"); }
void throw_plan_not_found() { throw_not_found("แผนพัฒนานี้", "Plan"); }

void throw_reason_required(const Message& what) {
  throw Error(ErrorKind::validation, "reason_required",
              {"กรุณาระบุ" + what.th + " ผู้ส่งเรื่องจะเห็นเหตุผลนี้เมื่อติดตามด้วยเลขรับเรื่อง",
               "Give " + what.en + "; the sender sees it when following their receipt"},
              {{"reason", {"ต้องระบุ" + what.th, "Give " + what.en}}});
}

std::string new_receipt() {
  constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  constexpr std::size_t kLength = 12;
  // random_token is URL-safe base64: each character carries 6 random bits, of which
  // the low 5 pick a letter of the alphabet uniformly.
  constexpr std::string_view kBase64Url =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const std::string random = random_token(kLength);
  std::string receipt;
  for (std::size_t i = 0; i < kLength; ++i) receipt += kAlphabet[kBase64Url.find(random[i]) & 31];
  return receipt;
}

}  // namespace changwat::participation::rules
