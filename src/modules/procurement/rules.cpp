#include "modules/procurement/rules.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>

#include "base/embedded.hpp"
#include "thai/calendar.hpp"

namespace changwat::procurement {
namespace {

// The stage dates as people name them, in kStageKeys order.
constexpr std::array<std::string_view, kStageKeys.size()> kStageNamesTh = {
    "วันเผยแพร่แผนการจัดซื้อจัดจ้าง",
    "วันเริ่มรับฟังความคิดเห็นร่าง TOR",
    "วันสิ้นสุดรับฟังความคิดเห็นร่าง TOR",
    "วันประกาศเชิญชวน",
    "วันยื่นข้อเสนอ",
    "วันประกาศผู้ชนะ",
    "วันลงนามสัญญา",
    "วันสิ้นสุดสัญญา"};

constexpr std::string_view kRulesFile = "procurement-rules.json";

[[noreturn]] void bad_rules(const std::string& why) {
  throw Error(
      ErrorKind::internal, "procurement_rules_invalid",
      {"ข้อมูลกฎการจัดซื้อจัดจ้างไม่ถูกต้อง: " + why, "the procurement rules data is invalid: " + why});
}

std::chrono::sys_days to_days(const thai::Date& date) {
  return std::chrono::sys_days{std::chrono::year{date.year} / static_cast<unsigned>(date.month) /
                               static_cast<unsigned>(date.day)};
}

thai::Date from_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

[[noreturn]] void refuse(const std::string& code, const std::string& field, Message message) {
  Message why = message;
  throw Error(ErrorKind::rule, code, std::move(message), {{field, std::move(why)}});
}

std::string baht_text(Satang satang) {
  // Whole baht with separators, for messages ("500,000").
  std::string digits = std::to_string(satang / 100);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return out;
}

bool strict_iso(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  return year >= 1900 && year <= 2200 && thai::is_valid_date(year, month, day);
}

void check_date(FieldErrors& errors, const std::string& field,
                const std::optional<std::string>& value) {
  if (value && !strict_iso(*value)) {
    errors.add(field, {"ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) เช่น 2026-01-15",
                       "must be a Gregorian date as YYYY-MM-DD, e.g. 2026-01-15"});
  }
}

}  // namespace

// ---- Rules as data ----

const Rule& RuleSet::at(std::string_view key) const {
  for (const auto& rule : rules) {
    if (rule.key == key) return rule;
  }
  bad_rules("no rule " + std::string(key));
}

Satang RuleSet::e_procurement_above() const {
  const auto& rule = at("e_procurement_above");
  if (!rule.threshold_satang) bad_rules("e_procurement_above has no threshold_satang");
  return *rule.threshold_satang;
}

Satang RuleSet::tor_hearing_required_above() const {
  const auto& rule = at("tor_hearing_required_above");
  if (!rule.threshold_satang) bad_rules("tor_hearing_required_above has no threshold_satang");
  return *rule.threshold_satang;
}

int RuleSet::plan_published_working_days() const {
  const auto& rule = at("plan_published");
  if (!rule.working_days) bad_rules("plan_published has no working_days");
  return *rule.working_days;
}

int RuleSet::tor_hearing_working_days() const {
  const auto& rule = at("tor_hearing");
  if (!rule.working_days) bad_rules("tor_hearing has no working_days");
  return *rule.working_days;
}

RuleSet parse_rules(std::string_view json) {
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(json, error);
  if (error || !document.is_object()) bad_rules("not a JSON object");
  const auto* list = document.as_object().if_contains("rules");
  if (!list || !list->is_array()) bad_rules("no rules array");
  RuleSet set;
  auto text = [](const boost::json::object& row, const char* key) {
    const auto* value = row.if_contains(key);
    if (!value || !value->is_string() || value->as_string().empty()) {
      bad_rules(std::string("a rule without ") + key);
    }
    return std::string(value->as_string());
  };
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) bad_rules("a rule is not an object");
    const auto& row = item.as_object();
    Rule rule;
    rule.key = text(row, "key");
    rule.rule_th = text(row, "rule_th");
    rule.rule_en = text(row, "rule_en");
    rule.source = text(row, "source");
    if (const auto* value = row.if_contains("threshold_satang")) {
      if (!value->is_int64() || value->as_int64() < 0) bad_rules(rule.key + ": threshold_satang");
      rule.threshold_satang = value->as_int64();
    }
    if (const auto* value = row.if_contains("working_days")) {
      if (!value->is_int64() || value->as_int64() < 1 || value->as_int64() > 365) {
        bad_rules(rule.key + ": working_days");
      }
      rule.working_days = static_cast<int>(value->as_int64());
    }
    set.rules.push_back(std::move(rule));
  }
  // Every figure the checks use must be there: fail at start, not on a request.
  set.e_procurement_above();
  set.tor_hearing_required_above();
  set.plan_published_working_days();
  set.tor_hearing_working_days();
  set.at("price_quotation_reason");
  set.at("section_56_legal_ground");
  set.at("commitment");
  return set;
}

RuleSet embedded_rules() {
  for (const auto& file : embedded_data()) {
    if (file.name == kRulesFile) return parse_rules(file.content);
  }
  bad_rules("data/procurement-rules.json is not embedded");
}

// ---- Dates and the working-day calendar ----

thai::Date add_days(const thai::Date& date, int days) {
  return from_days(to_days(date) + std::chrono::days{days});
}

int days_between(const thai::Date& from, const thai::Date& to) {
  return static_cast<int>((to_days(to) - to_days(from)).count());
}

thai::Date iso_date(const std::string& iso) {
  if (!strict_iso(iso)) {
    throw Error(ErrorKind::internal, "bad_stored_date",
                {"วันที่ที่บันทึกไว้ไม่ถูกต้อง", "a stored date is not an ISO date: " + iso});
  }
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
}

void Calendar::add_year(int year, const std::vector<std::string>& iso_dates) {
  years_.insert(year);
  for (const auto& date : iso_dates) holidays_.insert(iso_date(date));
  rebuild();
}

bool Calendar::is_working_day(const thai::Date& date) const {
  std::chrono::weekday day{to_days(date)};
  if (day == std::chrono::Saturday || day == std::chrono::Sunday) return false;
  return holidays_.count(date) == 0;
}

void Calendar::rebuild() {
  auto counts = std::make_shared<Counts>();
  thai::Date first{2000, 1, 1};
  thai::Date last{2150, 12, 31};
  counts->first = to_days(first).time_since_epoch().count();
  std::size_t size = static_cast<std::size_t>(days_between(first, last) + 1);
  counts->working.resize(size);
  counts->not_loaded.resize(size);
  int working = 0;
  int not_loaded = 0;
  thai::Date day = first;
  for (std::size_t i = 0; i < size; ++i, day = add_days(day, 1)) {
    if (is_working_day(day)) ++working;
    if (!loaded(day.year)) ++not_loaded;
    counts->working[i] = working;
    counts->not_loaded[i] = not_loaded;
  }
  counts_ = std::move(counts);
}

Calendar::Result Calendar::add_working_days_slowly(const thai::Date& from, int n) const {
  Result result{from, loaded(from.year)};
  thai::Date day = from;
  int counted = 0;
  while (counted < n) {
    day = add_days(day, 1);
    if (!loaded(day.year)) result.holidays_loaded = false;
    if (is_working_day(day)) ++counted;
  }
  result.date = day;
  return result;
}

Calendar::Result Calendar::add_working_days(const thai::Date& from, int n) const {
  if (!counts_ || n <= 0) return add_working_days_slowly(from, n);
  std::int64_t index = to_days(from).time_since_epoch().count() - counts_->first;
  const auto& working = counts_->working;
  if (index < 0 || index >= static_cast<std::int64_t>(working.size())) {
    return add_working_days_slowly(from, n);
  }
  // The first day after `from` on which the running count reaches from's + n.
  auto start = working.begin() + index + 1;
  auto found = std::lower_bound(start, working.end(), working[index] + n);
  if (found == working.end()) return add_working_days_slowly(from, n);
  std::size_t at = static_cast<std::size_t>(found - working.begin());
  const auto& not_loaded = counts_->not_loaded;
  bool loaded_all = loaded(from.year) && not_loaded[at] == not_loaded[index];
  return {add_days(from, static_cast<int>(at - index)), loaded_all};
}

Calendar::Result Calendar::nth_working_day_from(const thai::Date& from, int n) const {
  return add_working_days(add_days(from, -1), n);
}

Calendar::Count Calendar::working_days(const thai::Date& first, const thai::Date& last) const {
  Count count;
  if (last < first) return count;
  if (counts_) {
    std::int64_t a = to_days(first).time_since_epoch().count() - counts_->first;
    std::int64_t b = to_days(last).time_since_epoch().count() - counts_->first;
    if (a >= 1 && b < static_cast<std::int64_t>(counts_->working.size())) {
      auto i = static_cast<std::size_t>(a);
      auto j = static_cast<std::size_t>(b);
      count.days = counts_->working[j] - counts_->working[i - 1];
      count.holidays_loaded = counts_->not_loaded[j] == counts_->not_loaded[i - 1];
      return count;
    }
  }
  for (thai::Date day = first; day <= last; day = add_days(day, 1)) {
    if (!loaded(day.year)) count.holidays_loaded = false;
    if (is_working_day(day)) ++count.days;
  }
  return count;
}

// ---- Rights ----

namespace rules {

const Principal* require_writer(const Actor& actor, const std::string& province_code,
                                const std::optional<std::string>& project_agency) {
  if (actor.local_command) return nullptr;
  const Principal& principal =
      actor.require_role({Role::admin, Role::strategy_officer, Role::agency_officer});
  if (principal.province_code != province_code) throw_forbidden();
  if (principal.role == Role::agency_officer &&
      (!principal.agency_code || !project_agency || *principal.agency_code != *project_agency)) {
    throw Error(ErrorKind::forbidden, "not_own_agency",
                {"เจ้าหน้าที่หน่วยงานบันทึกการจัดซื้อจัดจ้างได้เฉพาะโครงการของหน่วยงานตนเอง",
                 "An agency officer may record procurements only for their own agency's projects"});
  }
  return &principal;
}

void require_calendar_keeper(const Actor& actor) {
  if (actor.local_command) return;
  actor.require_role({Role::admin, Role::strategy_officer});
}

void require_reader(const Actor& actor) {
  if (actor.local_command) return;
  actor.require_signed_in();
}

// ---- Checks of a record ----

void check_fields(const Procurement& record) {
  FieldErrors errors;
  if (record.title_th.empty()) errors.add("title_th", {"ต้องระบุ", "is required"});
  if (record.reference_price_satang < 0) {
    errors.add("reference_price_satang", {"ต้องไม่ติดลบ", "must not be negative"});
  }
  if (record.budget_satang < 0) errors.add("budget_satang", {"ต้องไม่ติดลบ", "must not be negative"});
  if (record.contract_value_satang && *record.contract_value_satang < 0) {
    errors.add("contract_value_satang", {"ต้องไม่ติดลบ", "must not be negative"});
  }
  check_date(errors, "allocated_on", record.allocated_on);
  for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
    check_date(errors, "stages." + std::string(kStageKeys[i]), stage_date(record.stages, i));
  }
  for (std::size_t i = 0; i < record.bidders.size(); ++i) {
    const auto& bidder = record.bidders[i];
    std::string prefix = "bidders[" + std::to_string(i) + "].";
    if (bidder.name.empty()) errors.add(prefix + "name", {"ต้องระบุ", "is required"});
    if (bidder.offered_satang < 0) {
      errors.add(prefix + "offered_satang", {"ต้องไม่ติดลบ", "must not be negative"});
    }
  }
  if (record.winner) {
    if (record.winner->name.empty()) errors.add("winner.name", {"ต้องระบุ", "is required"});
    if (record.winner->agreed_satang < 0) {
      errors.add("winner.agreed_satang", {"ต้องไม่ติดลบ", "must not be negative"});
    }
  }
  errors.throw_if_any();
}

void check_procurement(const RuleSet& rules, const Procurement& record) {
  // Stage dates never go backwards (a date may equal the one before it).
  std::optional<std::string> previous;
  std::string previous_key;
  std::string previous_name;
  for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
    const auto& date = stage_date(record.stages, i);
    if (!date) continue;
    if (previous && *date < *previous) {
      // People read the stages by their Thai names and the earlier date in the Buddhist
      // era, never by the field codes.
      refuse("stages_out_of_order", "stages." + std::string(kStageKeys[i]),
             {std::string(kStageNamesTh[i]) + "ต้องไม่ก่อน" + previous_name + " (" +
                  thai::format_date(thai::parse_date(*previous)) + ")",
              "stages." + std::string(kStageKeys[i]) + " must not be before " + previous_key +
                  " (" + *previous + ")"});
    }
    previous = date;
    previous_key = std::string(kStageKeys[i]);
    previous_name = std::string(kStageNamesTh[i]);
  }
  if (record.stages.tor_hearing_from.has_value() != record.stages.tor_hearing_to.has_value()) {
    refuse("stages_out_of_order",
           record.stages.tor_hearing_from ? "stages.tor_hearing_to" : "stages.tor_hearing_from",
           {"ต้องระบุทั้งวันเริ่มและวันสิ้นสุดการรับฟังความคิดเห็นร่าง TOR",
            "a TOR hearing needs both its first and its last day"});
  }
  if ((record.method == Method::selection || record.method == Method::specific) &&
      (!record.legal_ground || record.legal_ground->empty())) {
    const Rule& rule = rules.at("section_56_legal_ground");
    refuse("legal_ground_required", "legal_ground", {rule.rule_th, rule.rule_en});
  }
  Satang amount = std::max(record.budget_satang, record.reference_price_satang);
  Satang threshold = rules.e_procurement_above();
  if (amount > threshold) {
    if (record.method == Method::price_quotation &&
        (!record.method_reason_th || record.method_reason_th->empty())) {
      const Rule& rule = rules.at("price_quotation_reason");
      refuse("method_reason_required", "method_reason_th", {rule.rule_th, rule.rule_en});
    }
    const Rule& rule = rules.at("e_procurement_above");
    if (record.method == Method::e_market && !record.in_e_catalog) {
      refuse("method_not_allowed", "method",
             {"วงเงินเกิน " + baht_text(threshold) +
                  " บาท และพัสดุไม่มีใน e-catalog ต้องใช้วิธี e-bidding: " + rule.rule_th,
              "above " + baht_text(threshold) +
                  " baht an item not in the e-catalog is bought by e-bidding: " + rule.rule_en});
    }
    if (record.method == Method::e_bidding && record.in_e_catalog) {
      refuse("method_not_allowed", "method",
             {"วงเงินเกิน " + baht_text(threshold) +
                  " บาท และพัสดุมีใน e-catalog ต้องใช้วิธี e-market: " + rule.rule_th,
              "above " + baht_text(threshold) +
                  " baht an e-catalog item is bought by e-market: " + rule.rule_en});
    }
  }
  if (amount > rules.tor_hearing_required_above() && !record.tor_hearing) {
    const Rule& rule = rules.at("tor_hearing_required_above");
    refuse("tor_hearing_required", "tor_hearing", {rule.rule_th, rule.rule_en});
  }
}

void check_instalments(const Procurement& record, const std::vector<Instalment>& instalments) {
  if (record.terminated_on) {
    refuse("contract_terminated", "stages.contract_signed",
           {"สัญญาถูกบอกเลิกแล้ว", "the contract was terminated"});
  }
  if (!record.stages.contract_signed) {
    refuse("contract_not_signed", "stages.contract_signed",
           {"ต้องลงนามสัญญาก่อนกำหนดงวดงาน", "the contract must be signed before its instalments"});
  }
  FieldErrors errors;
  for (std::size_t i = 0; i < instalments.size(); ++i) {
    const auto& item = instalments[i];
    std::string prefix = "instalments[" + std::to_string(i) + "].";
    if (item.number != static_cast<int>(i) + 1) {
      errors.add(prefix + "number",
                 {"งวดต้องเรียง 1, 2, 3, …", "instalments are numbered 1, 2, 3, …"});
    }
    if (item.amount_satang <= 0) {
      errors.add(prefix + "amount_satang", {"ต้องมากกว่า 0", "must be more than 0"});
    }
    check_date(errors, prefix + "due_on", item.due_on);
    check_date(errors, prefix + "delivered_on", item.delivered_on);
  }
  errors.throw_if_any();
  Satang total = 0;
  for (std::size_t i = 0; i < instalments.size(); ++i) {
    const auto& item = instalments[i];
    std::string prefix = "instalments[" + std::to_string(i) + "].";
    total += item.amount_satang;
    if (item.due_on < *record.stages.contract_signed) {
      refuse("instalment_before_contract", prefix + "due_on",
             {"วันครบกำหนดงวดต้องไม่ก่อนวันลงนามสัญญา",
              "an instalment cannot be due before the contract is signed"});
    }
    if (i > 0 && item.due_on < instalments[i - 1].due_on) {
      refuse("instalments_out_of_order", prefix + "due_on",
             {"วันครบกำหนดของงวดต้องเรียงตามลำดับงวด", "instalments fall due in their order"});
    }
    if (item.delivered_on && *item.delivered_on < *record.stages.contract_signed) {
      refuse("delivered_before_contract", prefix + "delivered_on",
             {"วันส่งมอบต้องไม่ก่อนวันลงนามสัญญา", "a delivery cannot precede the contract"});
    }
  }
  std::optional<Satang> limit = record.contract_value_satang;
  if (!limit && record.winner) limit = record.winner->agreed_satang;
  if (limit && total > *limit) {
    refuse(
        "instalments_above_contract", "instalments",
        {"ยอดรวมของงวดงานเกินมูลค่าสัญญา", "the instalments add up to more than the contract value"});
  }
}

void check_inspection(const Instalment& instalment) {
  FieldErrors errors;
  check_date(errors, "inspected_on", instalment.inspected_on);
  check_date(errors, "delivered_on", instalment.delivered_on);
  if (!instalment.committee_th || instalment.committee_th->empty()) {
    errors.add("committee_th",
               {"ต้องระบุคณะกรรมการตรวจรับพัสดุ", "the inspection committee is required"});
  }
  errors.throw_if_any();
  if (!instalment.delivered_on) {
    refuse("not_delivered", "delivered_on",
           {"ยังไม่ได้บันทึกการส่งมอบงวดนี้ จึงตรวจรับไม่ได้",
            "this instalment has no delivery recorded, so it cannot be inspected"});
  }
  if (instalment.inspected_on && *instalment.inspected_on < *instalment.delivered_on) {
    refuse("inspected_before_delivery", "inspected_on",
           {"วันตรวจรับต้องไม่ก่อนวันส่งมอบ", "an instalment cannot be inspected before its delivery"});
  }
}

void check_event(const Procurement& record, const ContractEvent& event) {
  FieldErrors errors;
  check_date(errors, "on", event.on);
  check_date(errors, "new_end", event.new_end);
  if (event.reason_th.empty()) errors.add("reason_th", {"ต้องระบุเหตุผล", "the reason is required"});
  if (event.days && *event.days <= 0) errors.add("days", {"ต้องมากกว่า 0", "must be more than 0"});
  if (event.amount_satang && *event.amount_satang <= 0) {
    errors.add("amount_satang", {"ต้องมากกว่า 0", "must be more than 0"});
  }
  if (event.kind == EventKind::extension && !event.days && !event.new_end) {
    errors.add("days", {"ต้องระบุจำนวนวันที่ขยายหรือวันสิ้นสุดใหม่",
                        "an extension needs its days or the new end date"});
  }
  if (event.kind == EventKind::penalty && !event.amount_satang) {
    errors.add("amount_satang", {"ต้องระบุค่าปรับ", "the penalty amount is required"});
  }
  if (event.kind == EventKind::penalty_waiver && !event.amount_satang && !event.days) {
    errors.add("amount_satang", {"ต้องระบุจำนวนเงินหรือจำนวนวันที่งดหรือลดค่าปรับ",
                                 "a waiver names the amount or the days waived"});
  }
  errors.throw_if_any();
  if (!record.stages.contract_signed) {
    refuse("contract_not_signed", "stages.contract_signed",
           {"ยังไม่ได้ลงนามสัญญา", "the contract is not signed yet"});
  }
  if (record.terminated_on) {
    refuse("contract_terminated", "kind", {"สัญญาถูกบอกเลิกแล้ว", "the contract was terminated"});
  }
  if (event.on < *record.stages.contract_signed) {
    refuse("event_before_contract", "on",
           {"วันที่ต้องไม่ก่อนวันลงนามสัญญา", "the date cannot precede the contract"});
  }
  if (event.kind == EventKind::extension && event.new_end) {
    auto end = record.contract_end();
    if (end && *event.new_end <= *end) {
      refuse("extension_not_later", "new_end",
             {"วันสิ้นสุดใหม่ต้องหลังวันสิ้นสุดสัญญาเดิม", "the new end must be after the current end"});
    }
  }
}

}  // namespace rules

// ---- Deadlines ----

namespace {

const char* kWeekendsOnlyTh =
    "ยังไม่ได้บันทึกวันหยุดราชการของปีที่เกี่ยวข้อง วันครบกำหนดนับเฉพาะวันเสาร์-อาทิตย์เป็นวันหยุด";
const char* kWeekendsOnlyEn =
    "The holidays of a year it crosses are not loaded: the due date skips weekends only";

void note_calendar(Deadline& deadline, bool loaded) {
  deadline.holidays_loaded = loaded;
  if (!loaded) {
    deadline.note_th = kWeekendsOnlyTh;
    deadline.note_en = kWeekendsOnlyEn;
  }
}

// Done by the due date? Done late, or not done and the due date passed: false.
std::optional<bool> met_by(const std::optional<std::string>& done, const std::string& due,
                           const thai::Date& today) {
  if (done) return *done <= due;
  if (thai::to_iso(today) > due) return false;
  return std::nullopt;
}

}  // namespace

std::vector<Deadline> compute_deadlines(const RuleSet& rules, const Calendar& calendar,
                                        const Procurement& record,
                                        const std::vector<CommitmentRule>& commitments,
                                        const thai::Date& today) {
  std::vector<Deadline> out;
  if (!record.plan_exempt) {
    Deadline deadline;
    deadline.rule = "plan_published";
    deadline.source = rules.at("plan_published").source;
    if (record.allocated_on) {
      auto due = calendar.add_working_days(iso_date(*record.allocated_on),
                                           rules.plan_published_working_days());
      deadline.due_on = thai::to_iso(due.date);
      deadline.met = met_by(record.stages.plan_published, *deadline.due_on, today);
      note_calendar(deadline, due.holidays_loaded);
    } else {
      deadline.note_th = "ยังไม่ได้บันทึกวันที่ได้รับจัดสรรงบประมาณ (allocated_on)";
      deadline.note_en = "The allocation date (allocated_on) is not recorded";
    }
    out.push_back(std::move(deadline));
  }
  if (record.tor_hearing) {
    Deadline deadline;
    deadline.rule = "tor_hearing";
    deadline.source = rules.at("tor_hearing").source;
    int needed = rules.tor_hearing_working_days();
    if (record.stages.tor_hearing_from && record.stages.tor_hearing_to) {
      thai::Date first = iso_date(*record.stages.tor_hearing_from);
      auto earliest_end = calendar.nth_working_day_from(first, needed);
      auto count = calendar.working_days(first, iso_date(*record.stages.tor_hearing_to));
      deadline.due_on = thai::to_iso(earliest_end.date);
      deadline.met = count.days >= needed;
      note_calendar(deadline, earliest_end.holidays_loaded && count.holidays_loaded);
    } else if (record.stages.invitation) {
      deadline.met = false;  // invited without the hearing it needed
      deadline.note_th = "ประกาศเชิญชวนโดยไม่มีการรับฟังความคิดเห็นร่าง TOR";
      deadline.note_en = "Invited without the required draft TOR hearing";
    }
    out.push_back(std::move(deadline));
  }
  std::string key = record.multi_year ? "multi_year_procurement" : "single_year_procurement";
  Deadline commitment;
  commitment.rule = "commitment";
  commitment.source = rules.at("commitment").source;
  bool found = false;
  for (const auto& rule : commitments) {
    if (rule.key != key) continue;
    found = true;
    commitment.due_on = rule.deadline;
    commitment.met = record.terminated_on && !record.stages.contract_signed
                         ? std::nullopt
                         : met_by(record.stages.contract_signed, rule.deadline, today);
    commitment.note_th = rule.rule_th;
    commitment.note_en = rule.rule_en;
    commitment.source = rule.source;
  }
  if (!found) {
    commitment.note_th = "ยังไม่มีกำหนดก่อหนี้ผูกพันของปีงบประมาณนี้ในข้อมูลมาตรการของคณะรัฐมนตรี";
    commitment.note_en = "No Cabinet commitment deadline is recorded for this fiscal year";
  }
  out.push_back(std::move(commitment));
  return out;
}

}  // namespace changwat::procurement
