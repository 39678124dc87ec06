#include "modules/progress/rules.hpp"

#include <charconv>
#include <cmath>
#include <set>

#include "base/error.hpp"
#include "base/utf8.hpp"

namespace changwat::progress::rules {
namespace {

std::optional<double> parse_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

[[noreturn]] void throw_position(const std::string& field, Message why) {
  throw Error(ErrorKind::rule, "invalid_position",
              {"ตำแหน่งที่ถ่ายภาพไม่ถูกต้อง: " + why.th, "The photo's position is not valid: " + why.en},
              {{field, why}});
}

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace

void require_writer(const Actor& actor, const std::string& province_code,
                    const std::optional<std::string>& project_agency) {
  if (actor.local_command) return;
  const Principal& principal =
      actor.require_role({Role::admin, Role::strategy_officer, Role::agency_officer});
  if (principal.province_code != province_code) throw_forbidden();
  if (principal.role != Role::agency_officer) return;
  if (!principal.agency_code || !project_agency || *principal.agency_code != *project_agency) {
    throw Error(ErrorKind::forbidden, "not_own_agency",
                {"เจ้าหน้าที่หน่วยงานบันทึกผลได้เฉพาะโครงการของหน่วยงานตนเอง",
                 "An agency officer may report only on their own agency's projects"});
  }
}

void require_reader(const Actor& actor, const std::string& province_code) {
  if (actor.local_command) return;
  const Principal& principal = actor.require_signed_in();
  if (principal.province_code != province_code) throw_not_found("โครงการ", "Project");
}

void check_report(const ProgressReport& report, std::size_t indicator_count) {
  FieldErrors errors;
  if (!std::isfinite(report.physical_percent) || report.physical_percent < 0 ||
      report.physical_percent > 100) {
    errors.add("physical_percent", {"ต้องเป็นร้อยละ 0 ถึง 100", "must be a percentage from 0 to 100"});
  }
  auto text = [&errors](const char* field, const std::string& value) {
    if (utf8::count_code_points(value) > kMaxText)
      errors.add(field, {"ยาวเกิน 4,000 ตัวอักษร", "is longer than 4,000 characters"});
  };
  text("activities_th", report.activities_th);
  text("problems_th", report.problems_th);
  text("fixes_th", report.fixes_th);
  if (report.reason_th) text("reason_th", *report.reason_th);
  std::set<int> seen;
  for (const auto& value : report.indicators) {
    if (value.index < 0 || static_cast<std::size_t>(value.index) >= indicator_count) {
      errors.add("indicators",
                 {"ตัวชี้วัดลำดับที่ " + std::to_string(value.index) + " ไม่มีในโครงการนี้ (มี " +
                      std::to_string(indicator_count) + " ตัว นับจาก 0)",
                  "indicator " + std::to_string(value.index) + " is not one of the project's (" +
                      std::to_string(indicator_count) + ", counted from 0)"});
    } else if (!seen.insert(value.index).second) {
      errors.add("indicators", {"ระบุค่าตัวชี้วัดเดียวกันซ้ำ", "names an indicator twice"});
    } else if (!std::isfinite(value.value)) {
      errors.add("indicators", {"ค่าตัวชี้วัดต้องเป็นตัวเลข", "values must be numbers"});
    }
  }
  errors.throw_if_any();
}

void check_drop(const ProgressReport& report, const std::optional<ProgressReport>& previous) {
  if (!previous || report.physical_percent >= previous->physical_percent) return;
  if (report.reason_th && !report.reason_th->empty()) return;
  std::string was = std::to_string(previous->physical_percent);
  was.erase(was.find_last_not_of('0') + 1);
  if (!was.empty() && was.back() == '.') was.pop_back();
  std::string month = action_plan::to_string(previous->month);
  Message why{"ร้อยละความก้าวหน้าลดลงจากเดือน " + month + " (" + was + ") ต้องระบุเหตุผล (reason_th)",
              "The percentage is below " + month + "'s (" + was + "): give the reason (reason_th)"};
  throw Error(ErrorKind::rule, "progress_dropped", why, {{"reason_th", why}});
}

int fiscal_year_of(const Month& month) { return month.year + 543 + (month.month >= 10 ? 1 : 0); }

Position parse_position(std::optional<std::string_view> latitude,
                        std::optional<std::string_view> longitude,
                        std::optional<std::string_view> accuracy_m) {
  Position position;
  if (latitude.has_value() != longitude.has_value()) {
    throw_position(latitude ? "X-Longitude" : "X-Latitude",
                   {"ต้องส่งละติจูดและลองจิจูดคู่กัน", "send the latitude and longitude together"});
  }
  if (latitude) {
    position.latitude = parse_number(*latitude);
    if (!position.latitude || std::fabs(*position.latitude) > 90) {
      throw_position("X-Latitude", {"ละติจูดต้องเป็นองศาทศนิยม −90 ถึง 90",
                                    "the latitude must be decimal degrees from -90 to 90"});
    }
    position.longitude = parse_number(*longitude);
    if (!position.longitude || std::fabs(*position.longitude) > 180) {
      throw_position("X-Longitude", {"ลองจิจูดต้องเป็นองศาทศนิยม −180 ถึง 180",
                                     "the longitude must be decimal degrees from -180 to 180"});
    }
    if (*position.latitude == 0 && *position.longitude == 0) {
      throw_position("X-Latitude",
                     {"พิกัด 0,0 คือไม่มีสัญญาณ GPS", "0,0 is what a device sends without a GPS fix"});
    }
  }
  if (accuracy_m) {
    if (!latitude) {
      throw_position("X-Accuracy-M", {"ความแม่นยำต้องมากับพิกัด", "an accuracy needs a position"});
    }
    position.accuracy_m = parse_number(*accuracy_m);
    if (!position.accuracy_m || *position.accuracy_m < 0 || *position.accuracy_m > 100000) {
      throw_position("X-Accuracy-M", {"ความแม่นยำต้องเป็นเมตร 0 ถึง 100,000",
                                      "the accuracy must be metres from 0 to 100,000"});
    }
  }
  return position;
}

std::optional<std::string> parse_taken_at(std::string_view text) {
  // YYYY-MM-DDTHH:MM
  if (!digits(text, 0, 4) || text[4] != '-' || !digits(text, 5, 2) || text[7] != '-' ||
      !digits(text, 8, 2) || text.size() < 16 || text[10] != 'T' || !digits(text, 11, 2) ||
      text[13] != ':' || !digits(text, 14, 2)) {
    return std::nullopt;
  }
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!digits(text, at + 1, 2)) return std::nullopt;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      ++at;
      std::size_t start = at;
      while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
      if (at == start) return std::nullopt;
    }
  }
  std::string_view zone = text.substr(at);
  bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) &&
                zone[3] == ':' && digits(zone, 4, 2);
  if (zone != "Z" && !offset) return std::nullopt;
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  int hour = (text[11] - '0') * 10 + (text[12] - '0');
  int minute = (text[14] - '0') * 10 + (text[15] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59)
    return std::nullopt;
  return std::string(text);
}

}  // namespace changwat::progress::rules
