#include "platform/audit/vocabulary.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <utility>

#include "thai/calendar.hpp"
#include "thai/number_format.hpp"
#include "thai/text.hpp"
#include "thai/timestamp.hpp"

namespace changwat::audit {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// The web UI shows the same words (web/src/i18n/messages*.ts, audit.entity.*).
const std::vector<EntityName> kEntities = {
    {"agency", "หน่วยงาน"},
    {"area", "พื้นที่"},
    {"user", "ผู้ใช้"},
    {"session", "การเข้าสู่ระบบ"},
    {"plan", "แผนพัฒนาจังหวัด"},
    {"plan_version", "ฉบับของแผน"},
    {"plan_element", "องค์ประกอบของแผน"},
    {"plan_kpi_target", "ค่าเป้าหมายตัวชี้วัด"},
    {"swot_item", "SWOT"},
    {"forum", "เวทีประชาคม"},
    {"need", "ความต้องการของประชาชน"},
    {"action_plan", "แผนปฏิบัติราชการประจำปี"},
    {"action_plan_project", "โครงการในแผนปฏิบัติราชการ"},
    {"action_plan_promotion", "เลื่อนโครงการสำรอง"},
    {"action_plan_position", "ลำดับโครงการ"},
    {"progress_report", "รายงานความก้าวหน้าโครงการ"},
    {"progress_photo", "ภาพถ่ายโครงการ"},
    {"demo_load", "ข้อมูลตัวอย่าง"},
    {"monitoring_warning", "คำเตือนล่วงหน้า"},
    {"monitoring_setting", "เกณฑ์การเตือน"},
};

constexpr Pair kActions[] = {
    {"create", "สร้าง"},
    {"update", "แก้ไข"},
    {"delete", "ลบ"},
    {"approve", "อนุมัติ"},
    {"sign_in", "เข้าสู่ระบบ"},
    {"sign_out", "ออกจากระบบ"},
    {"move", "ย้ายตำแหน่ง"},
    {"align", "เชื่อมโยงแผนระดับชาติ"},
    {"import", "นำเข้า"},
    {"revise", "เริ่มปรับแผน"},
    {"submit_public", "ประชาชนส่งเรื่อง"},
    {"status", "เปลี่ยนสถานะ"},
    {"moderation_approve", "อนุมัติเผยแพร่"},
    {"moderation_reject", "ไม่อนุมัติเผยแพร่"},
    {"merge", "รวมเรื่องซ้ำ"},
    {"merge_into", "รับรวมเรื่องซ้ำ"},
    {"vote", "สนับสนุน"},
    {"withdraw_vote", "ถอนการสนับสนุน"},
    {"link", "เชื่อมโยงกับแผน"},
    {"unlink", "ยกเลิกการเชื่อมโยง"},
    {"disable", "ปิดการใช้งาน"},
    {"enable", "เปิดการใช้งาน"},
    {"set_password", "ตั้งรหัสผ่านใหม่"},
    {"clear_failed_sign_ins", "ล้างการเข้าสู่ระบบที่ผิดพลาด"},
    {"close", "ปิด"},
    {"cancel", "ยกเลิก"},
    {"promote", "เลื่อนขึ้นเป็นโครงการหลัก"},
    {"import_positions", "นำเข้าลำดับโครงการ"},
    {"resolve", "บันทึกการแก้ไขคำเตือน"},
};

constexpr Pair kFields[] = {
    {"title", "เรื่อง"},
    {"title_th", "ชื่อ (ไทย)"},
    {"title_en", "ชื่อ (อังกฤษ)"},
    {"description", "รายละเอียด"},
    {"dimension", "ด้าน"},
    {"dimensions", "มิติ"},
    {"sector", "ผู้เสนอจากภาค"},
    {"source", "ที่มา"},
    {"status", "สถานะ"},
    {"decline_reason", "เหตุผลที่ไม่ดำเนินการ"},
    {"reason", "เหตุผล"},
    {"merged_into_id", "รวมเข้ากับเรื่องเลขที่"},
    {"vote_count", "จำนวนผู้สนับสนุน"},
    {"area_code", "พื้นที่"},
    {"area_codes", "พื้นที่ดำเนินการ"},
    {"district_code", "อำเภอ"},
    {"subdistrict_code", "ตำบล"},
    {"province_code", "จังหวัด"},
    {"agency_code", "หน่วยงาน"},
    {"owner_agency_code", "หน่วยงานเจ้าของตัวชี้วัด"},
    {"supporting_agency_codes", "หน่วยงานสนับสนุน"},
    {"plan_id", "แผน"},
    {"forum_id", "เวทีประชาคม"},
    {"element_id", "องค์ประกอบของแผน"},
    {"parent_id", "อยู่ภายใต้"},
    {"receipt", "เลขรับเรื่อง"},
    {"created_at", "สร้างเมื่อ"},
    {"updated_at", "แก้ไขล่าสุดเมื่อ"},
    {"created_by", "สร้างโดย"},
    {"submitted_at", "ส่งเมื่อ"},
    {"linked_at", "เชื่อมโยงเมื่อ"},
    {"approved_at", "อนุมัติเมื่อ"},
    {"approved_by", "อนุมัติโดย"},
    {"version", "รุ่นของข้อมูล"},
    {"revision", "รุ่นของฉบับร่าง"},
    {"number", "ฉบับที่"},
    {"note", "หมายเหตุ"},
    {"demo", "ข้อมูลตัวอย่าง"},
    {"code", "รหัส"},
    {"kind", "ประเภท"},
    {"text", "ข้อความ"},
    {"text_th", "ข้อความ (ไทย)"},
    {"text_en", "ข้อความ (อังกฤษ)"},
    {"name_th", "ชื่อ (ไทย)"},
    {"name_en", "ชื่อ (อังกฤษ)"},
    {"position", "ลำดับ"},
    {"unit_th", "หน่วยนับ"},
    {"direction", "ทิศทาง"},
    {"baseline_value", "ค่าฐาน"},
    {"baseline_year", "ปีค่าฐาน"},
    {"fiscal_year", "ปีงบประมาณ"},
    {"first_fiscal_year", "ปีงบประมาณเริ่ม"},
    {"last_fiscal_year", "ปีงบประมาณสิ้นสุด"},
    {"value", "ค่า"},
    {"targets", "ค่าเป้าหมาย"},
    {"alignments", "ความสอดคล้องกับแผนระดับชาติ"},
    {"alignment_codes", "ความสอดคล้องกับแผนระดับชาติ"},
    {"budget_source", "แหล่งงบประมาณ"},
    {"budget_satang", "งบประมาณ (สตางค์)"},
    {"ranking", "ลำดับสำรอง"},
    {"username", "ชื่อผู้ใช้"},
    {"display_name", "ชื่อที่แสดง"},
    {"role", "บทบาท"},
    {"disabled", "ปิดการใช้งาน"},
    {"failed_sign_ins_cleared", "จำนวนครั้งที่ล้าง"},
    {"held_on", "วันที่จัด"},
    {"attendance", "จำนวนผู้เข้าร่วม"},
    {"summary", "สรุป"},
    {"period", "ช่วงปีของแผน"},
    {"rows", "จำนวนแถว"},
    {"layout", "รูปแบบ"},
    {"fiscal_years", "ปีงบประมาณ"},
    {"disbursement_target", "เป้าหมายการเบิกจ่าย"},
    {"projects", "โครงการ"},
    {"name", "ชื่อ"},
};

// Stored names of values, by field. The same words as the web UI (messages*.ts).
struct ValueNames {
  std::string_view field;
  std::vector<Pair> names;
};
const std::vector<ValueNames> kValues = {
    {"status",
     {{"pending_moderation", "รอตรวจสอบ"},
      {"new", "ใหม่"},
      {"accepted", "รับเรื่องแล้ว"},
      {"merged", "รวมกับเรื่องอื่น"},
      {"linked", "บรรจุในแผนแล้ว"},
      {"declined", "ไม่สามารถดำเนินการ"},
      {"rejected", "ไม่ผ่านการตรวจสอบ"},
      {"draft", "ฉบับร่าง"},
      {"approved", "อนุมัติแล้ว"},
      {"superseded", "ถูกแทนที่ด้วยฉบับใหม่"},
      {"proposed", "เสนอ"}}},
    {"role",
     {{"admin", "ผู้ดูแลระบบ"},
      {"strategy_officer", "เจ้าหน้าที่ยุทธศาสตร์"},
      {"agency_officer", "เจ้าหน้าที่หน่วยงาน"},
      {"executive", "ผู้บริหาร"},
      {"auditor", "ผู้ตรวจสอบ"},
      {"health_officer", "เจ้าหน้าที่สาธารณสุข"},
      {"community_manager", "ผู้จัดการชุมชนท่องเที่ยว"},
      {"public", "ประชาชน"}}},
    {"dimension",
     {{"economy", "เศรษฐกิจ"},
      {"society", "สังคม"},
      {"environment", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม"},
      {"security", "ความมั่นคง"}}},
    {"sector",
     {{"people", "ภาคประชาชน"},
      {"private", "ภาคเอกชน"},
      {"civil_society", "ภาคประชาสังคม"},
      {"state", "ภาครัฐ"}}},
    {"source", {{"officer", "เจ้าหน้าที่บันทึก"}, {"public", "ประชาชนส่งเอง"}, {"forum", "เวทีประชาคม"}}},
    {"kind",
     {{"vision", "วิสัยทัศน์"},
      {"mission", "พันธกิจ"},
      {"value", "ค่านิยม"},
      {"goal", "เป้าหมายการพัฒนา"},
      {"strategy", "ประเด็นการพัฒนา"},
      {"guideline", "แนวทางการพัฒนา"},
      {"kpi", "ตัวชี้วัด"},
      {"program", "แผนงาน"},
      {"project", "โครงการ"},
      {"main", "โครงการหลัก"},
      {"reserve", "โครงการสำรอง"}}},
    {"budget_source",
     {{"provincial", "งบจังหวัด"},
      {"province_group", "งบกลุ่มจังหวัด"},
      {"ministry", "งบกระทรวง/กรม"},
      {"local", "งบ อปท."},
      {"other", "แหล่งอื่น"}}},
    {"direction",
     {{"higher_is_better", "ยิ่งมากยิ่งดี"},
      {"lower_is_better", "ยิ่งน้อยยิ่งดี"},
      {"within_range", "อยู่ในช่วง"}}},
};

std::optional<std::string_view> find(const Pair* first, const Pair* last, std::string_view key) {
  for (const Pair* pair = first; pair != last; ++pair) {
    if (pair->first == key) return pair->second;
  }
  return std::nullopt;
}

std::optional<std::string_view> value_name(std::string_view field, std::string_view value) {
  for (const auto& values : kValues) {
    if (values.field != field) continue;
    return find(values.names.data(), values.names.data() + values.names.size(), value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> entity_label_th(std::string_view entity) {
  for (const auto& name : kEntities) {
    if (name.entity == entity) return name.label_th;
  }
  return std::nullopt;
}

std::optional<std::string_view> action_label_th(std::string_view action) {
  return find(std::begin(kActions), std::end(kActions), action);
}

std::optional<std::string_view> field_label_th(std::string_view field) {
  return find(std::begin(kFields), std::end(kFields), field);
}

const std::vector<EntityName>& entity_names() { return kEntities; }

std::vector<std::string> entities_matching(std::string_view text) {
  const std::string wanted = thai::normalize(text);
  std::vector<std::string> found;
  if (wanted.empty()) return found;
  for (const auto& name : kEntities) {
    if (name.entity == wanted) return {std::string(name.entity)};
  }
  for (const auto& name : kEntities) {
    if (std::string(name.label_th).find(wanted) != std::string::npos)
      found.emplace_back(name.entity);
  }
  return found;
}

std::string value_text_th(std::string_view field, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      return "-";
    case boost::json::kind::bool_:
      return value.get_bool() ? "ใช่" : "ไม่ใช่";
    case boost::json::kind::int64:
      // Ids, years and counts: years and ids without separators, like the UI.
      if (field.ends_with("_id") || field.ends_with("year") || field == "id" ||
          field == "version" || field == "revision" || field == "number")
        return std::to_string(value.get_int64());
      return thai::format_integer(value.get_int64());
    case boost::json::kind::uint64:
      return std::to_string(value.get_uint64());
    case boost::json::kind::double_:
      return thai::format_decimal(value.get_double());
    case boost::json::kind::string: {
      const std::string_view text = value.get_string();
      if (auto name = value_name(field, text)) return std::string(*name);
      if (auto when = thai::format_utc_timestamp(text)) return *when;
      return std::string(text);
    }
    case boost::json::kind::array: {
      std::string out;
      for (const auto& item : value.get_array()) {
        if (!out.empty()) out += ", ";
        out += value_text_th(field, item);
      }
      return out.empty() ? "-" : out;
    }
    case boost::json::kind::object:
      return boost::json::serialize(value);
  }
  return boost::json::serialize(value);
}

}  // namespace changwat::audit
