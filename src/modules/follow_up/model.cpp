#include "modules/follow_up/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::follow_up {
namespace {

constexpr EnumNames<DirectiveStatus, 4> kDirectiveStatus{
    {"open", "in_progress", "done", "cancelled"}};
constexpr EnumNames<DirectiveStatus, 4> kDirectiveStatusTh{
    {"ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ยกเลิก"}};
constexpr EnumNames<FindingKind, 4> kFindingKind{
    {"internal_audit", "governance_inspection", "government_inspector", "state_audit_office"}};
constexpr EnumNames<FindingKind, 4> kFindingKindTh{
    {"การตรวจสอบภายใน", "การตรวจประเมินธรรมาภิบาล", "ผู้ตรวจราชการ", "สำนักงานการตรวจเงินแผ่นดิน (สตง.)"}};
constexpr EnumNames<Risk, 3> kRisk{{"low", "medium", "high"}};
constexpr EnumNames<Risk, 3> kRiskTh{{"ต่ำ", "ปานกลาง", "สูง"}};
constexpr EnumNames<FindingStatus, 3> kFindingStatus{{"open", "responded", "closed"}};
constexpr EnumNames<EvidenceOwner, 2> kEvidenceOwner{{"directive", "finding"}};

// The standard agenda of provincial meetings (ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ
// practice as the province's minutes use it; ../shared/seed/README.md section 4).
constexpr std::array<std::string_view, kAgendaItems> kAgendaTitles{"เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
                                                                   "รับรองรายงานการประชุมครั้งที่แล้ว",
                                                                   "เรื่องสืบเนื่อง",
                                                                   "เรื่องเพื่อพิจารณา",
                                                                   "เรื่องเพื่อทราบ",
                                                                   "เรื่องอื่น ๆ"};

}  // namespace

std::string_view to_string(DirectiveStatus status) { return kDirectiveStatus.name(status); }
std::string_view to_string(FindingKind kind) { return kFindingKind.name(kind); }
std::string_view to_string(Risk risk) { return kRisk.name(risk); }
std::string_view to_string(FindingStatus status) { return kFindingStatus.name(status); }
std::string_view to_string(EvidenceOwner owner) { return kEvidenceOwner.name(owner); }
std::optional<DirectiveStatus> parse_directive_status(std::string_view text) {
  return kDirectiveStatus.parse(text);
}
std::optional<FindingKind> parse_finding_kind(std::string_view text) {
  return kFindingKind.parse(text);
}
std::optional<Risk> parse_risk(std::string_view text) { return kRisk.parse(text); }
std::optional<FindingStatus> parse_finding_status(std::string_view text) {
  return kFindingStatus.parse(text);
}
std::optional<EvidenceOwner> parse_evidence_owner(std::string_view text) {
  return kEvidenceOwner.parse(text);
}
std::string_view name_th(DirectiveStatus status) { return kDirectiveStatusTh.name(status); }
std::string_view name_th(FindingKind kind) { return kFindingKindTh.name(kind); }
std::string_view name_th(Risk risk) { return kRiskTh.name(risk); }

std::string_view agenda_title_th(int item) {
  if (item < 1 || item > kAgendaItems) return {};
  return kAgendaTitles[static_cast<std::size_t>(item - 1)];
}

std::array<AgendaItem, kAgendaItems> standard_agenda() {
  std::array<AgendaItem, kAgendaItems> agenda;
  for (int item = 1; item <= kAgendaItems; ++item)
    agenda[static_cast<std::size_t>(item - 1)] = {item, std::string(agenda_title_th(item)), ""};
  return agenda;
}

bool is_overdue(const Directive& directive, const std::string& today) {
  bool pending =
      directive.status == DirectiveStatus::open || directive.status == DirectiveStatus::in_progress;
  return pending && directive.due_on < today;
}

}  // namespace changwat::follow_up
