#include "modules/monitoring/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::monitoring {
namespace {

constexpr EnumNames<WarningKind, kKindCount> kKinds{
    {"procurement_not_committed", "behind_disbursement_target", "kpi_below_trajectory",
     "progress_report_missing", "reserve_available", "instalment_overdue"}};
constexpr EnumNames<WarningKind, kKindCount> kKindsTh{
    {"จัดซื้อจัดจ้างยังไม่ก่อหนี้ผูกพัน", "เบิกจ่ายต่ำกว่าเป้าหมายของรัฐบาล", "ตัวชี้วัดต่ำกว่าค่าเป้าหมาย",
     "ยังไม่รายงานความก้าวหน้าประจำเดือน", "มีโครงการสำรองที่เลื่อนขึ้นได้", "งวดงานเลยกำหนด"}};
constexpr EnumNames<WarningKind, kKindCount> kKindsEn{
    {"Procurement not committed", "Disbursement behind the national target",
     "KPI below its trajectory", "Monthly progress report missing", "Reserve project available",
     "Instalment overdue"}};
constexpr EnumNames<WarningStatus, 2> kStatuses{{"open", "resolved"}};

}  // namespace

std::string_view to_string(WarningKind kind) { return kKinds.name(kind); }
std::string_view to_string(WarningStatus status) { return kStatuses.name(status); }
std::optional<WarningKind> parse_warning_kind(std::string_view text) { return kKinds.parse(text); }
std::optional<WarningStatus> parse_warning_status(std::string_view text) {
  return kStatuses.parse(text);
}
std::string_view name_th(WarningKind kind) { return kKindsTh.name(kind); }
std::string_view name_en(WarningKind kind) { return kKindsEn.name(kind); }

const std::array<SettingInfo, 8>& setting_infos() {
  static const std::array<SettingInfo, 8> infos{{
      {"behind_target_points", &Settings::behind_target_points, 0, 100,
       "จุดร้อยละที่เบิกจ่ายได้ต่ำกว่าเป้าหมายของรัฐบาล ณ สิ้นไตรมาสล่าสุด ก่อนเตือน",
       "Points below the national target of the latest quarter end before a warning"},
      {"commitment_warning_days", &Settings::commitment_warning_days, 0, 365,
       "จำนวนวันก่อนกำหนดก่อหนี้ผูกพันตามมติคณะรัฐมนตรีที่เริ่มเตือน",
       "Days before the Cabinet's commitment deadline that the warning starts"},
      {"progress_due_day", &Settings::progress_due_day, 1, 28,
       "วันที่ของเดือนถัดไปที่ต้องรายงานความก้าวหน้าของเดือนก่อน",
       "Day of the next month by which a month's progress is due"},
      {"progress_warning_days", &Settings::progress_warning_days, 0, 27,
       "จำนวนวันก่อนกำหนดรายงานความก้าวหน้าที่เริ่มเตือน",
       "Days before the progress report deadline that the warning starts"},
      {"kpi_tolerance_percent", &Settings::kpi_tolerance_percent, 0, 100,
       "ร้อยละของค่าเป้าหมายที่ผลการดำเนินงานต่ำกว่าได้ก่อนเตือน",
       "Percent of the target an actual may fall short before a warning"},
      {"instalment_grace_days", &Settings::instalment_grace_days, 0, 365,
       "จำนวนวันหลังวันครบกำหนดงวดงานก่อนเตือน", "Days after an instalment's due date before a warning"},
      {"suppression_days", &Settings::suppression_days, 0, 365,
       "จำนวนวันที่คำเตือนที่แก้ไขแล้วจะไม่เตือนซ้ำ เว้นแต่สาเหตุแย่ลง",
       "Days a resolved warning is not raised again unless its cause worsens"},
      {"worsen_points", &Settings::worsen_points, 0, 100,
       "จุดร้อยละที่ต้องแย่ลงจากตอนแก้ไขจึงถือว่าสาเหตุแย่ลง (เบิกจ่าย ตัวชี้วัด)",
       "Points a percentage must worsen since the resolution to count as worse"},
  }};
  return infos;
}

}  // namespace changwat::monitoring
