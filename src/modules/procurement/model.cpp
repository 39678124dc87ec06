#include "modules/procurement/model.hpp"

#include <algorithm>

#include "base/enum_names.hpp"

namespace changwat::procurement {
namespace {

constexpr EnumNames<Method, 5> kMethods{
    {"e_market", "e_bidding", "price_quotation", "selection", "specific"}};
constexpr EnumNames<Method, 5> kMethodsTh{{"วิธีตลาดอิเล็กทรอนิกส์ (e-market)",
                                           "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "วิธีสอบราคา",
                                           "วิธีคัดเลือก", "วิธีเฉพาะเจาะจง"}};
constexpr EnumNames<Stage, kStageCount> kStages{{"preparing", "plan_published", "tor_hearing",
                                                 "invited", "bids_opened", "winner_announced",
                                                 "contracted", "completed", "terminated"}};
constexpr EnumNames<Stage, kStageCount> kStagesTh{
    {"เตรียมการ", "เผยแพร่แผนจัดซื้อจัดจ้างแล้ว", "รับฟังความคิดเห็นร่าง TOR", "ประกาศเชิญชวนแล้ว", "ยื่นข้อเสนอแล้ว",
     "ประกาศผู้ชนะแล้ว", "ลงนามสัญญาแล้ว", "ตรวจรับครบแล้ว", "บอกเลิกสัญญา"}};
constexpr EnumNames<EventKind, 4> kEventKinds{
    {"extension", "penalty_waiver", "penalty", "termination"}};

}  // namespace

std::string_view to_string(Method method) { return kMethods.name(method); }
std::optional<Method> parse_method(std::string_view text) { return kMethods.parse(text); }
std::string_view name_th(Method method) { return kMethodsTh.name(method); }
std::string_view to_string(Stage stage) { return kStages.name(stage); }
std::optional<Stage> parse_stage(std::string_view text) { return kStages.parse(text); }
std::string_view name_th(Stage stage) { return kStagesTh.name(stage); }
std::string_view to_string(EventKind kind) { return kEventKinds.name(kind); }
std::optional<EventKind> parse_event_kind(std::string_view text) { return kEventKinds.parse(text); }

std::optional<std::string>& stage_date(Stages& stages, std::size_t index) {
  switch (index) {
    case 0:
      return stages.plan_published;
    case 1:
      return stages.tor_hearing_from;
    case 2:
      return stages.tor_hearing_to;
    case 3:
      return stages.invitation;
    case 4:
      return stages.bid_day;
    case 5:
      return stages.winner_announced;
    case 6:
      return stages.contract_signed;
    default:
      return stages.contract_end;
  }
}

const std::optional<std::string>& stage_date(const Stages& stages, std::size_t index) {
  return stage_date(const_cast<Stages&>(stages), index);
}

Stage Procurement::stage() const {
  if (terminated_on) return Stage::terminated;
  if (stages.contract_signed) {
    bool all_accepted = !instalments.empty() &&
                        std::all_of(instalments.begin(), instalments.end(),
                                    [](const Instalment& i) { return i.accepted.value_or(false); });
    return all_accepted ? Stage::completed : Stage::contracted;
  }
  if (stages.winner_announced) return Stage::winner_announced;
  if (stages.bid_day) return Stage::bids_opened;
  if (stages.invitation) return Stage::invited;
  if (stages.tor_hearing_from) return Stage::tor_hearing;
  if (stages.plan_published) return Stage::plan_published;
  return Stage::preparing;
}

std::optional<std::string> Procurement::contract_end() const {
  std::optional<std::string> end = stages.contract_end;
  for (const auto& event : events) {
    if (event.kind == EventKind::extension && event.new_end && (!end || *event.new_end > *end)) {
      end = event.new_end;
    }
  }
  return end;
}

}  // namespace changwat::procurement
