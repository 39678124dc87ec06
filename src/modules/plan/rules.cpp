#include "modules/plan/rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "thai/calendar.hpp"
#include "thai/text.hpp"

namespace changwat::plan {
namespace {

std::string n(std::int64_t value) { return std::to_string(value); }

Message too_long(std::size_t limit) {
  return {"ยาวได้ไม่เกิน " + n(static_cast<std::int64_t>(limit)) + " ตัวอักษร",
          "must be at most " + n(static_cast<std::int64_t>(limit)) + " characters"};
}

void check_length(const std::string& text, std::size_t limit, const char* field,
                  FieldErrors& errors) {
  if (thai::count_code_points(text) > limit) errors.add(field, too_long(limit));
}

void check_required(const std::string& text, std::size_t limit, const char* field,
                    FieldErrors& errors) {
  if (text.empty()) {
    errors.add(field, {"ต้องระบุ", "is required"});
    return;
  }
  check_length(text, limit, field, errors);
}

// Units that count things one by one: their values are whole numbers.
constexpr std::array<std::string_view, 40> kCountUnits = {
    "คน",     "ราย",     "แห่ง",  "ครั้ง",    "ชุมชน",  "หมู่บ้าน",   "ครัวเรือน", "โครงการ",
    "กลุ่ม",    "ผลิตภัณฑ์",  "ตำบล", "อำเภอ",  "องค์กร", "หน่วยงาน", "เรื่อง",    "ฉบับ",
    "รายการ", "ตัว",      "หลัง",  "เครื่อง",  "ชิ้น",    "แปลง",    "คัน",      "ลำ",
    "ศูนย์",    "โรงเรียน", "แหล่ง", "เส้นทาง", "สาย",   "ครอบครัว", "ฟาร์ม",    "วิสาหกิจ",
    "กิจการ",  "หลักสูตร",  "รุ่น",   "ผลงาน",  "ราย/ปี", "คน/ปี",    "ครั้ง/ปี",   "แห่ง/ปี"};

enum class UnitKind { percent, count, baht, money, other };

UnitKind unit_kind(const std::string& unit_th) {
  const std::string unit = thai::normalize(unit_th);
  if (unit == "ร้อยละ" || unit == "%" || unit == "เปอร์เซ็นต์") return UnitKind::percent;
  for (std::string_view count : kCountUnits) {
    if (unit == count) return UnitKind::count;
  }
  if (unit == "บาท") return UnitKind::baht;
  if (unit.starts_with("บาท") || unit.starts_with("ล้านบาท")) return UnitKind::money;
  return UnitKind::other;
}

Message outside_period(int year, const PlanPeriod& period) {
  if (year < thai::kFirstAcceptedBeYear) {
    Message why = fiscal_year_message(year);
    return {
        why.th + " ช่วงของแผนคือ " + n(period.first_fiscal_year) + "–" + n(period.last_fiscal_year),
        why.en + "; the plan period is " + n(period.first_fiscal_year) + "–" +
            n(period.last_fiscal_year)};
  }
  return {"ปีงบประมาณ " + n(year) + " อยู่นอกช่วงของแผน " + n(period.first_fiscal_year) + "–" +
              n(period.last_fiscal_year),
          "fiscal year " + n(year) + " is outside the plan period " + n(period.first_fiscal_year) +
              "–" + n(period.last_fiscal_year)};
}

void check_agency(const std::optional<std::string>& code, const std::string& province_code,
                  const areas::AreaService& areas, const char* field, FieldErrors& errors) {
  if (!code) return;
  auto agency = areas.find_agency(*code);
  if (!agency) {
    errors.add(field, {"ไม่พบหน่วยงานรหัส " + *code, "unknown agency " + *code});
  } else if (agency->province_code != province_code) {
    errors.add(field, {"หน่วยงาน " + *code + " ไม่ได้อยู่ในจังหวัดของแผน",
                       "agency " + *code + " is not in the plan's province"});
  }
}

template <class T>
void remove_duplicates(std::vector<T>& items) {
  std::vector<T> unique;
  for (auto& item : items) {
    if (std::find(unique.begin(), unique.end(), item) == unique.end()) unique.push_back(item);
  }
  items = std::move(unique);
}

void check_kpi(KpiDetails& kpi, const PlanPeriod& period, const std::string& province_code,
               const areas::AreaService& areas, FieldErrors& errors) {
  check_length(kpi.unit_th, kMaxUnit, "unit_th", errors);
  check_length(kpi.unit_en, kMaxUnit, "unit_en", errors);
  check_length(kpi.formula_th, kMaxLongText, "formula_th", errors);
  check_length(kpi.formula_en, kMaxLongText, "formula_en", errors);
  check_length(kpi.data_source_th, kMaxShortText, "data_source_th", errors);
  check_length(kpi.data_source_en, kMaxShortText, "data_source_en", errors);
  static const std::set<std::string> frequencies{"monthly", "quarterly", "half_yearly", "yearly"};
  if (!frequencies.contains(kpi.frequency)) {
    errors.add("frequency", {"ความถี่ต้องเป็น monthly, quarterly, half_yearly หรือ yearly",
                             "must be monthly, quarterly, half_yearly or yearly"});
  }
  if (kpi.direction == KpiDirection::within_range) {
    if (!kpi.range_low || !kpi.range_high) {
      errors.add("range_low", {"ตัวชี้วัดแบบช่วงค่าต้องระบุค่าต่ำสุดและสูงสุด",
                               "a within-range KPI needs range_low and range_high"});
    } else if (*kpi.range_low > *kpi.range_high) {
      errors.add("range_low",
                 {"ค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด", "range_low must not be greater than range_high"});
    }
  }
  if (kpi.baseline_year && (*kpi.baseline_year > period.last_fiscal_year ||
                            *kpi.baseline_year < thai::kFirstAcceptedBeYear)) {
    errors.add("baseline", {"ปีของค่าฐานต้องเป็นปีงบประมาณ พ.ศ. ไม่เกิน " + n(period.last_fiscal_year),
                            "the baseline year must be a Buddhist-era fiscal year up to " +
                                n(period.last_fiscal_year)});
  }
  check_agency(kpi.owner_agency_code, province_code, areas, "owner_agency", errors);
  std::set<int> years;
  for (const auto& target : kpi.targets) {
    if (!period.contains(target.fiscal_year)) {
      errors.add("targets", outside_period(target.fiscal_year, period));
    } else if (!years.insert(target.fiscal_year).second) {
      errors.add("targets", {"ปีงบประมาณ " + n(target.fiscal_year) + " ซ้ำกัน",
                             "fiscal year " + n(target.fiscal_year) + " appears twice"});
    }
    if (target.value && !std::isfinite(*target.value)) {
      errors.add("targets", {"ค่าเป้าหมายต้องเป็นตัวเลข", "a target must be a number"});
    }
  }
  std::sort(kpi.targets.begin(), kpi.targets.end(),
            [](const KpiTarget& a, const KpiTarget& b) { return a.fiscal_year < b.fiscal_year; });
}

void check_project(ProjectDetails& project, const PlanPeriod& period,
                   const std::string& province_code, const areas::AreaService& areas,
                   FieldErrors& errors) {
  if (project.kind == ProjectKind::reserve) {
    if (!project.ranking) {
      errors.add("ranking",
                 {"โครงการสำรองต้องระบุลำดับความสำคัญ (ranking)", "a reserve project needs a ranking"});
    } else if (*project.ranking < 1 || *project.ranking > 9999) {
      errors.add("ranking", {"ลำดับต้องอยู่ระหว่าง 1 ถึง 9999", "must be between 1 and 9999"});
    }
  } else {
    project.ranking.reset();  // only reserve projects wait in line
  }
  check_agency(project.agency_code, province_code, areas, "agency", errors);
  remove_duplicates(project.supporting_agency_codes);
  if (project.supporting_agency_codes.size() > 50) {
    errors.add("supporting_agencies", {"มีได้ไม่เกิน 50 หน่วยงาน", "must have at most 50 items"});
  }
  for (const auto& code : project.supporting_agency_codes) {
    check_agency(code, province_code, areas, "supporting_agencies", errors);
  }
  remove_duplicates(project.area_codes);
  if (project.area_codes.size() > kMaxListItems) {
    errors.add("areas", {"มีได้ไม่เกิน 300 พื้นที่", "must have at most 300 areas"});
  }
  for (const auto& code : project.area_codes) {
    if (!areas.find(code)) {
      errors.add("areas", {"ไม่พบพื้นที่รหัส " + code, "unknown area " + code});
    } else if (!areas.is_within(code, province_code)) {
      errors.add("areas",
                 {"พื้นที่ " + code + " อยู่นอกจังหวัดของแผน (" + province_code + ")",
                  "area " + code + " is outside the plan's province (" + province_code + ")"});
    }
  }
  remove_duplicates(project.guideline_ids);
  for (auto [year, field] : {std::pair{project.first_fiscal_year, "first_fiscal_year"},
                             std::pair{project.last_fiscal_year, "last_fiscal_year"}}) {
    if (year && !period.contains(*year)) errors.add(field, outside_period(*year, period));
  }
  if (project.first_fiscal_year && project.last_fiscal_year &&
      *project.first_fiscal_year > *project.last_fiscal_year) {
    errors.add("last_fiscal_year", {"ปีสุดท้ายต้องไม่ก่อนปีแรก", "must not be before first_fiscal_year"});
  }
  if (project.budget_satang < 0 || project.budget_satang > kMaxBudgetSatang) {
    errors.add("budget_satang",
               {"วงเงินต้องไม่ติดลบและไม่เกินหนึ่งล้านล้านบาท", "must be between 0 and one trillion baht"});
  }
  check_length(project.objectives_th, kMaxLongText, "objectives_th", errors);
  check_length(project.objectives_en, kMaxLongText, "objectives_en", errors);
  for (auto [date, field] :
       {std::pair{&project.start_date, "start_date"}, std::pair{&project.end_date, "end_date"}}) {
    if (!*date) continue;
    auto iso = normalized_iso_date(**date);
    if (!iso) {
      errors.add(field,
                 {"ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)", "must be a date written YYYY-MM-DD"});
    } else {
      *date = *iso;
    }
  }
  if (project.start_date && project.end_date && *project.start_date > *project.end_date) {
    errors.add("end_date", {"วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "must not be before start_date"});
  }
  if (project.indicators.size() > kMaxIndicators) {
    errors.add("indicators", {"มีได้ไม่เกิน 50 ตัวชี้วัด", "must have at most 50 items"});
  }
  for (const auto& indicator : project.indicators) {
    if (indicator.text_th.empty()) {
      errors.add("indicators", {"ตัวชี้วัดของโครงการต้องมีชื่อภาษาไทย", "each indicator needs text_th"});
    }
    check_length(indicator.text_th, kMaxText, "indicators", errors);
    check_length(indicator.text_en, kMaxText, "indicators", errors);
    check_length(indicator.unit_th, kMaxUnit, "indicators", errors);
  }
}

// The kinds an element may hang under (none: only the top level), and how to say it;
// one entry per kind, in the enum's order.
struct ParentRule {
  std::vector<ElementKind> parents;
  Message message;
};

const ParentRule& parent_rule(ElementKind kind) {
  using K = ElementKind;
  const Message top{"ต้องอยู่ระดับบนสุดของแผน", "must be at the top level of the plan"};
  static const std::array<ParentRule, 9> rules{{
      {{}, top},  // vision
      {{}, top},  // mission
      {{}, top},  // value
      {{}, top},  // goal
      {{}, top},  // strategy
      {{K::strategy}, {"ต้องอยู่ภายใต้ประเด็นการพัฒนา", "must be under a strategy"}},
      {{K::goal, K::strategy, K::guideline},
       {"ต้องอยู่ภายใต้เป้าหมายการพัฒนา ประเด็นการพัฒนา หรือแนวทางการพัฒนา",
        "must be under a goal, a strategy or a guideline"}},
      {{K::strategy, K::guideline},
       {"ต้องอยู่ภายใต้ประเด็นการพัฒนาหรือแนวทางการพัฒนา", "must be under a strategy or a guideline"}},
      {{K::guideline, K::program},
       {"ต้องอยู่ภายใต้แนวทางการพัฒนาหรือแผนงาน", "must be under a guideline or a program"}},
  }};
  return rules.at(static_cast<std::size_t>(kind));
}

}  // namespace

bool allowed_parent(ElementKind kind, std::optional<ElementKind> parent) {
  const std::vector<ElementKind>& parents = parent_rule(kind).parents;
  if (!parent) return parents.empty();
  return std::find(parents.begin(), parents.end(), *parent) != parents.end();
}

Message allowed_parents_message(ElementKind kind) { return parent_rule(kind).message; }

void check_plan_fields(const std::string& name_th, const std::string& name_en,
                       const PlanPeriod& period, FieldErrors& errors) {
  check_required(name_th, kMaxName, "name_th", errors);
  check_length(name_en, kMaxName, "name_en", errors);
  for (auto [year, field] : {std::pair{period.first_fiscal_year, "first_fiscal_year"},
                             std::pair{period.last_fiscal_year, "last_fiscal_year"}}) {
    if (year < thai::kFirstAcceptedBeYear || year > thai::kLastAcceptedBeYear) {
      errors.add(field, fiscal_year_message(year));
    }
  }
  if (period.first_fiscal_year > period.last_fiscal_year) {
    errors.add("last_fiscal_year", {"ปีสุดท้ายต้องไม่ก่อนปีแรก", "must not be before first_fiscal_year"});
  } else if (period.last_fiscal_year - period.first_fiscal_year + 1 > kMaxPlanYears) {
    errors.add("last_fiscal_year",
               {"แผนหนึ่งฉบับครอบคลุมได้ไม่เกิน 10 ปีงบประมาณ", "a plan covers at most 10 fiscal years"});
  }
}

Message fiscal_year_message(int year) {
  const int be = year + 543;
  if (be >= thai::kFirstAcceptedBeYear && be <= thai::kLastAcceptedBeYear) {
    return {
        "ปี " + n(year) + " ดูเหมือนเป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (" + n(year) + " คือ พ.ศ. " + n(be) + ")",
        n(year) + " looks like a Christian-era year; enter the Buddhist-era year (" + n(year) +
            " is " + n(be) + " BE)"};
  }
  return {"ต้องเป็นปีงบประมาณ พ.ศ. (2400–2700)", "must be a Buddhist-era fiscal year (2400–2700)"};
}

std::optional<Message> kpi_value_problem(const std::string& unit_th, double value) {
  if (!std::isfinite(value)) return Message{"ต้องเป็นตัวเลข", "must be a number"};
  if (std::fabs(value) > kMaxKpiValue) {
    return Message{"ค่าต้องไม่เกิน 1,000,000,000,000,000 (10¹⁵)",
                   "must be at most 1,000,000,000,000,000 (10^15) in size"};
  }
  switch (unit_kind(unit_th)) {
    case UnitKind::percent:
      if (value < 0 || value > 100)
        return Message{"ร้อยละต้องอยู่ระหว่าง 0 ถึง 100", "a percentage must be between 0 and 100"};
      break;
    case UnitKind::count:
      if (value < 0)
        return Message{"หน่วย \"" + unit_th + "\" ต้องไม่ติดลบ",
                       "a count (" + unit_th + ") cannot be negative"};
      if (value != std::trunc(value))
        return Message{"หน่วย \"" + unit_th + "\" นับเป็นจำนวนเต็ม ต้องไม่มีทศนิยม",
                       "a count (" + unit_th + ") must be a whole number"};
      break;
    case UnitKind::baht: {
      if (value < 0) return Message{"จำนวนเงินต้องไม่ติดลบ", "an amount of money cannot be negative"};
      const double satang = value * 100;
      if (std::fabs(satang - std::round(satang)) > 1e-6)
        return Message{"จำนวนเงินมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)",
                       "an amount in baht has at most 2 decimals (satang)"};
      break;
    }
    case UnitKind::money:
      if (value < 0) return Message{"จำนวนเงินต้องไม่ติดลบ", "an amount of money cannot be negative"};
      break;
    case UnitKind::other:
      break;
  }
  return std::nullopt;
}

void check_kpi_values(const KpiDetails& kpi, const char* baseline_field,
                      const char* targets_field) {
  std::map<std::string, Message> fields;
  if (kpi.baseline_value) {
    if (auto problem = kpi_value_problem(kpi.unit_th, *kpi.baseline_value))
      fields.emplace(baseline_field, *problem);
  }
  for (const auto& target : kpi.targets) {
    if (!target.value) continue;
    if (auto problem = kpi_value_problem(kpi.unit_th, *target.value)) {
      fields.emplace(targets_field,
                     Message{"ปีงบประมาณ " + n(target.fiscal_year) + ": " + problem->th,
                             "fiscal year " + n(target.fiscal_year) + ": " + problem->en});
      break;
    }
  }
  if (fields.empty()) return;
  const Message& first = fields.begin()->second;
  throw Error(
      ErrorKind::rule, "kpi_value_out_of_range",
      {"ค่าของตัวชี้วัดไม่เข้ากับหน่วย: " + first.th, "A KPI value does not fit its unit: " + first.en},
      std::move(fields));
}

void check_element_fields(Element& element, const PlanPeriod& period,
                          const std::string& province_code, const areas::AreaService& areas,
                          const AlignmentCatalog& catalog, FieldErrors& errors) {
  check_length(element.code, kMaxCode, "code", errors);
  check_required(element.text_th, kMaxText, "text_th", errors);
  check_length(element.text_en, kMaxText, "text_en", errors);
  check_length(element.description_th, kMaxLongText, "description_th", errors);
  check_length(element.description_en, kMaxLongText, "description_en", errors);
  remove_duplicates(element.dimensions);
  remove_duplicates(element.alignment_codes);
  if (element.alignment_codes.size() > 50) {
    errors.add("alignments", {"มีได้ไม่เกิน 50 รายการ", "must have at most 50 items"});
  }
  for (const auto& code : element.alignment_codes) {
    if (!catalog.find(code)) {
      errors.add("alignments",
                 {"ไม่พบเป้าหมายระดับชาติรหัส " + code, "unknown national target " + code});
    }
  }
  if (element.kind == ElementKind::kpi) {
    if (!element.kpi) element.kpi.emplace();
    check_kpi(*element.kpi, period, province_code, areas, errors);
  } else if (element.kpi) {
    errors.add("targets", {"เฉพาะตัวชี้วัดเท่านั้นที่มีค่าเป้าหมาย", "only KPIs have targets"});
  }
  if (element.kind == ElementKind::project) {
    if (!element.project) element.project.emplace();
    check_project(*element.project, period, province_code, areas, errors);
  } else if (element.project) {
    errors.add("project_kind",
               {"เฉพาะโครงการเท่านั้นที่มีข้อมูลโครงการ", "only projects have project fields"});
  }
}

std::optional<std::string> normalized_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  if (!thai::is_valid_date(year, month, day)) return std::nullopt;
  return text;
}

}  // namespace changwat::plan
