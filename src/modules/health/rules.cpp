#include "modules/health/rules.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "base/utf8.hpp"
#include "thai/calendar.hpp"

namespace changwat::health::rules {
namespace {

constexpr std::array<std::string_view, 13> kSymptoms{
    "fever",    "cough", "sore_throat", "runny_nose",  "loss_of_smell", "loss_of_taste", "dyspnea",
    "diarrhea", "rash",  "headache",    "muscle_pain", "fatigue",       "other"};

std::chrono::sys_days to_days(const std::string& iso) {
  thai::Date date = thai::parse_date(iso, "date");
  return std::chrono::sys_days(std::chrono::year(date.year) /
                               std::chrono::month(static_cast<unsigned>(date.month)) /
                               std::chrono::day(static_cast<unsigned>(date.day)));
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Reader require_person_reader(const Actor& actor, const std::optional<std::string>& reason) {
  const Principal& principal = actor.require_signed_in();
  if (principal.role == Role::health_officer)
    return {principal.username, principal.province_code, reason, false};
  if (principal.role == Role::admin) {
    if (!reason || reason->empty())
      throw Error(ErrorKind::forbidden, "access_reason_required",
                  {"ผู้ดูแลระบบเปิดดูข้อมูลบุคคลได้เฉพาะกรณีจำเป็น โดยระบุเหตุผลใน X-Access-Reason "
                   "(บันทึกไว้ทุกครั้ง)",
                   "an admin reads a person's record only by break-glass with a reason in "
                   "X-Access-Reason (logged)"});
    return {principal.username, principal.province_code, reason, true};
  }
  throw_forbidden();
}

const Principal& require_officer(const Actor& actor) {
  return actor.require_role({Role::health_officer});
}

const Principal& require_aggregate_reader(const Actor& actor) {
  return actor.require_role({Role::health_officer, Role::admin, Role::executive});
}

bool is_valid_thai_id(std::string_view digits) {
  if (digits.size() != 13 || !all_digits(digits)) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * static_cast<int>(13 - i);
  return (11 - sum % 11) % 10 == digits[12] - '0';
}

void throw_bad_thai_id(const std::string& field) {
  Message why{"เลขประจำตัวประชาชนไม่ถูกต้อง (ต้องเป็นตัวเลข 13 หลักและหลักสุดท้ายตรงกับเลขตรวจสอบ)",
              "is not a valid Thai ID (13 digits whose last is the check digit)"};
  throw Error(ErrorKind::rule, "invalid_thai_id", why, {{field, why}});
}

void check_person(FieldErrors& errors, const std::string& prefix, const PersonInput& person) {
  if (person.name.empty()) errors.add(prefix + "name", {"ต้องระบุชื่อ", "is required"});
  if (person.id_type != IdType::other && !person.id_number)
    errors.add(prefix + "id_number", {"ต้องระบุเลขประจำตัว", "is required for this id_type"});
  if (person.phone &&
      (person.phone->size() > 20 ||
       !all_digits(std::string_view(*person.phone).substr(person.phone->front() == '+' ? 1 : 0))))
    errors.add(prefix + "phone", {"หมายเลขโทรศัพท์ต้องเป็นตัวเลข", "must be digits"});
  errors.throw_if_any();
  if (person.id_type == IdType::thai_id && !is_valid_thai_id(*person.id_number))
    throw_bad_thai_id(prefix + "id_number");
}

void check_temperature(double temperature_c) {
  if (temperature_c >= kLowestTemperature && temperature_c <= kHighestTemperature) return;
  Message why{"อุณหภูมิต้องอยู่ระหว่าง 30 ถึง 45 องศาเซลเซียส", "must be between 30 and 45 degrees Celsius"};
  throw Error(ErrorKind::rule, "temperature_out_of_range", why, {{"temperature_c", why}});
}

void check_symptoms(FieldErrors& errors, const std::string& field,
                    const std::vector<std::string>& symptoms) {
  for (std::size_t i = 0; i < symptoms.size(); ++i)
    if (std::find(kSymptoms.begin(), kSymptoms.end(), symptoms[i]) == kSymptoms.end())
      errors.add(field + "[" + std::to_string(i) + "]",
                 {"อาการต้องเป็นรหัสหนึ่งใน " + std::string(symptom_codes()),
                  "must be one of: " + std::string(symptom_codes())});
}

std::string_view symptom_codes() {
  return "fever, cough, sore_throat, runny_nose, loss_of_smell, loss_of_taste, dyspnea, "
         "diarrhea, rash, headache, muscle_pain, fatigue, other";
}

bool is_backwards(Classification from, Classification to) {
  return static_cast<int>(to) < static_cast<int>(from);
}

std::string mask_id(const std::optional<std::string>& id_number) {
  if (!id_number || id_number->size() < 4) return "xxxx";
  const std::string& id = *id_number;
  if (id.size() == 13 && all_digits(id))
    return id.substr(0, 1) + "-" + id.substr(1, 4) + "-xxxxx-xx-" + id.substr(12);
  return std::string(id.size() - 2, 'x') + id.substr(id.size() - 2);
}

std::optional<std::string> mask_phone(const std::optional<std::string>& phone) {
  if (!phone) return std::nullopt;
  if (phone->size() < 7) return std::string("xxx");
  return phone->substr(0, 3) + "-xxx-x" + phone->substr(phone->size() - 3);
}

std::string mask_name(const std::string& name) {
  // The first word and the first letter of the second ("สมชาย ก."): enough for a team
  // to match a visit, not enough to identify someone from a list left on a screen.
  auto space = name.find(' ');
  if (space == std::string::npos) return name;
  std::string rest = name.substr(space + 1);
  // The surname's first consonant: a Thai leading vowel (เ แ โ ใ ไ) is written before
  // the consonant it follows, and "ใจดี" is abbreviated "จ.".
  std::string initial;
  std::size_t at = 0;
  char32_t point = 0;
  std::size_t length = rest.empty() ? 0 : utf8::decode(rest, 0, point);
  if (length > 0 && point >= U'\u0E40' && point <= U'\u0E44' && length < rest.size()) {
    at = length;
    length = utf8::decode(rest, at, point);
  }
  initial = rest.substr(at, length);
  return name.substr(0, space) + " " + initial + ".";
}

std::string case_number(std::string_view mask, std::string_view disease_code, int be_year,
                        std::int64_t seq) {
  std::string out;
  for (std::size_t i = 0; i < mask.size();) {
    if (mask.substr(i).starts_with("{disease}")) {
      out += disease_code;
      i += 9;
    } else if (mask.substr(i).starts_with("{yyyy}")) {
      out += std::to_string(be_year);
      i += 6;
    } else if (mask.substr(i).starts_with("{seq:") && i + 7 <= mask.size() && mask[i + 6] == '}' &&
               mask[i + 5] >= '1' && mask[i + 5] <= '9') {
      std::string number = std::to_string(seq);
      auto width = static_cast<std::size_t>(mask[i + 5] - '0');
      if (number.size() < width) number.insert(0, width - number.size(), '0');
      out += number;
      i += 7;
    } else {
      out += mask[i++];
    }
  }
  return out;
}

void check_date(FieldErrors& errors, const std::string& field, const std::string& value) {
  bool ok = false;
  try {
    ok = thai::to_iso(thai::parse_date(value, field.c_str())) == value;
  } catch (const Error&) {
    ok = false;
  }
  if (!ok) errors.add(field, {"วันที่ไม่ถูกต้อง (YYYY-MM-DD)", "is not a valid date (YYYY-MM-DD)"});
}

std::string add_days(const std::string& iso, int days) {
  std::chrono::year_month_day day{to_days(iso) + std::chrono::days(days)};
  return thai::to_iso({static_cast<int>(day.year()), static_cast<int>(unsigned(day.month())),
                       static_cast<int>(unsigned(day.day()))});
}

int days_between(const std::string& from, const std::string& to) {
  return static_cast<int>((to_days(to) - to_days(from)).count());
}

bool is_iso_utc(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return false;
  if (!all_digits(text.substr(11, 2)) || !all_digits(text.substr(14, 2)) ||
      !all_digits(text.substr(17, 2)) || text.substr(11, 2) > "23" || text.substr(14, 2) > "59" ||
      text.substr(17, 2) > "59")
    return false;
  try {
    return thai::to_iso(thai::parse_date(text.substr(0, 10), "date")) == text.substr(0, 10);
  } catch (const Error&) {
    return false;
  }
}

std::string add_hours(const std::string& iso_utc, int hours) {
  // "YYYY-MM-DDTHH:MM:SSZ": the date part moves by whole days past midnight.
  int hour = std::stoi(iso_utc.substr(11, 2)) + hours;
  std::string date = add_days(iso_utc.substr(0, 10), hour / 24);
  char buffer[4];
  std::snprintf(buffer, sizeof buffer, "%02d", hour % 24);
  return date + "T" + buffer + iso_utc.substr(13);
}

}  // namespace changwat::health::rules
