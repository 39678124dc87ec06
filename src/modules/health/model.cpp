#include "modules/health/model.hpp"

#include "base/enum_names.hpp"

namespace changwat::health {
namespace {

constexpr EnumNames<CheckpointKind, 8> kCheckpointKindNames{
    {"province_border", "district", "subdistrict", "village", "pier", "island", "border_crossing",
     "international_control"}};
constexpr EnumNames<CheckpointKind, 8> kCheckpointKindNamesTh{
    {"ด่านชายแดนจังหวัด", "ด่านอำเภอ", "ด่านตำบล", "ด่านหมู่บ้าน", "ท่าเรือ", "เกาะ", "จุดผ่านแดนกัมพูชา",
     "ด่านควบคุมโรคติดต่อระหว่างประเทศ"}};
constexpr EnumNames<IdType, 4> kIdTypeNames{{"thai_id", "passport", "cambodian_id", "other"}};
constexpr EnumNames<Decision, 3> kDecisionNames{{"cleared", "refer", "quarantine"}};
constexpr EnumNames<Classification, 5> kClassificationNames{
    {"not_a_case", "pui", "suspect", "probable", "confirmed"}};
constexpr EnumNames<Classification, 5> kClassificationNamesTh{
    {"ไม่ใช่ผู้ป่วย", "ผู้ป่วยเข้าเกณฑ์สอบสวนโรค", "ผู้ป่วยสงสัย", "ผู้ป่วยเข้าข่าย", "ผู้ป่วยยืนยัน"}};
constexpr EnumNames<InfectedIn, 3> kInfectedInNames{{"local", "other_province", "cross_border"}};
constexpr EnumNames<Exposure, 6> kExposureNames{
    {"household", "workplace", "community", "travel", "healthcare", "other"}};
constexpr EnumNames<Risk, 2> kRiskNames{{"high", "low"}};
constexpr EnumNames<PlaceOfCare, 4> kPlaceOfCareNames{
    {"hospital", "field_hospital", "home_isolation", "community_isolation"}};
constexpr EnumNames<Outcome, 5> kOutcomeNames{
    {"under_treatment", "recovered", "dead", "referred_out", "unknown"}};
constexpr EnumNames<LabKind, 2> kLabKindNames{{"rt_pcr", "atk"}};
constexpr EnumNames<LabResult, 3> kLabResultNames{{"positive", "negative", "inconclusive"}};
constexpr EnumNames<VisitStatus, 3> kVisitStatusNames{{"seen", "symptomatic", "not_found"}};
constexpr EnumNames<ContactStatus, 3> kContactStatusNames{{"following", "completed", "converted"}};
constexpr EnumNames<TeamKind, 7> kTeamKindNames{
    {"srrt", "cdcu", "mcatt", "treatment", "active_case_finding", "volunteers", "measures"}};
constexpr EnumNames<LegalCategory, 3> kLegalCategoryNames{
    {"dangerous", "under_surveillance", "notifiable"}};

}  // namespace

#define CHANGWAT_HEALTH_ENUM(Enum, parser, table)                      \
  std::string_view to_string(Enum value) { return table.name(value); } \
  std::optional<Enum> parser(std::string_view text) { return table.parse(text); }
CHANGWAT_HEALTH_ENUM(CheckpointKind, parse_checkpoint_kind, kCheckpointKindNames)
CHANGWAT_HEALTH_ENUM(IdType, parse_id_type, kIdTypeNames)
CHANGWAT_HEALTH_ENUM(Decision, parse_decision, kDecisionNames)
CHANGWAT_HEALTH_ENUM(Classification, parse_classification, kClassificationNames)
CHANGWAT_HEALTH_ENUM(InfectedIn, parse_infected_in, kInfectedInNames)
CHANGWAT_HEALTH_ENUM(Exposure, parse_exposure, kExposureNames)
CHANGWAT_HEALTH_ENUM(Risk, parse_risk, kRiskNames)
CHANGWAT_HEALTH_ENUM(PlaceOfCare, parse_place_of_care, kPlaceOfCareNames)
CHANGWAT_HEALTH_ENUM(Outcome, parse_outcome, kOutcomeNames)
CHANGWAT_HEALTH_ENUM(LabKind, parse_lab_kind, kLabKindNames)
CHANGWAT_HEALTH_ENUM(LabResult, parse_lab_result, kLabResultNames)
CHANGWAT_HEALTH_ENUM(VisitStatus, parse_visit_status, kVisitStatusNames)
CHANGWAT_HEALTH_ENUM(ContactStatus, parse_contact_status, kContactStatusNames)
CHANGWAT_HEALTH_ENUM(TeamKind, parse_team_kind, kTeamKindNames)
CHANGWAT_HEALTH_ENUM(LegalCategory, parse_legal_category, kLegalCategoryNames)
#undef CHANGWAT_HEALTH_ENUM

std::string_view name_th(Classification value) { return kClassificationNamesTh.name(value); }
std::string_view name_th(CheckpointKind value) { return kCheckpointKindNamesTh.name(value); }

std::string join_names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    if (!text.empty()) text += ',';
    text += name;
  }
  return text;
}

std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> names;
  while (!text.empty()) {
    auto comma = text.find(',');
    names.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return names;
}

}  // namespace changwat::health
