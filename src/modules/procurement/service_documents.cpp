// ProcurementService: the rows of the สขร.1 summary and the monthly ITA summary of an
// action plan. The documents themselves are made in export.cpp.
#include <algorithm>

#include "modules/procurement/procurement_store.hpp"
#include "modules/procurement/service.hpp"
#include "thai/money.hpp"

namespace changwat::procurement {
namespace {

std::string date_th(const std::optional<std::string>& iso) {
  if (!iso) return "";
  return thai::format_date(iso_date(*iso));
}

std::string agency_kind_th(std::string_view kind) {
  if (kind == "provincial") return "ส่วนราชการส่วนภูมิภาค";
  if (kind == "central_regional") return "ส่วนราชการส่วนกลางในภูมิภาค";
  if (kind == "local_government") return "องค์กรปกครองส่วนท้องถิ่น";
  if (kind == "district_office") return "ที่ว่าการอำเภอ";
  if (kind == "state_enterprise") return "รัฐวิสาหกิจ";
  return "อื่น ๆ";
}

// The stage as of a day: the latest stage date on or before it.
Stage stage_on(const Procurement& record, const std::string& day) {
  if (record.terminated_on && *record.terminated_on <= day) return Stage::terminated;
  Procurement upto = record;
  for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
    auto& date = stage_date(upto.stages, i);
    if (date && *date > day) date.reset();
  }
  for (auto& item : upto.instalments) {
    if (item.inspected_on && *item.inspected_on > day) item.accepted.reset();
  }
  upto.terminated_on.reset();
  return upto.stage();
}

}  // namespace

std::vector<SummaryRow> ProcurementService::summary(const Actor& actor,
                                                    std::int64_t action_plan_id) const {
  rules::require_reader(actor);
  action_plans_.view(action_plan_id);  // 404 for an action plan that does not exist
  auto records = database_.read(
      [&](db::Connection& c) { return ProcurementStore(c).for_action_plan(action_plan_id); });
  std::vector<SummaryRow> rows;
  for (const auto& record : records) {
    SummaryRow row;
    row.order = static_cast<int>(rows.size()) + 1;
    row.title_th = record.title_th;
    row.budget_satang = record.budget_satang;
    row.reference_price_satang = record.reference_price_satang;
    row.method_th = std::string(name_th(record.method));
    for (const auto& bidder : record.bidders) {
      if (!row.bidders_th.empty()) row.bidders_th += "\n";
      row.bidders_th += bidder.name + " ราคาที่เสนอ " + thai::format_baht(bidder.offered_satang);
    }
    if (record.winner) {
      row.winner_th =
          record.winner->name + " ราคาที่ตกลง " + thai::format_baht(record.winner->agreed_satang);
      row.reason_th = record.winner->reason_th;
    }
    if (record.contract_number || record.stages.contract_signed) {
      row.contract_th = "เลขที่ " + record.contract_number.value_or("-") + " ลงวันที่ " +
                        (record.stages.contract_signed ? date_th(record.stages.contract_signed)
                                                       : std::string("-"));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

ItaSummary ProcurementService::ita_summary(const Actor& actor, std::int64_t action_plan_id,
                                           ItaMonth month) const {
  rules::require_reader(actor);
  auto view = action_plans_.view(action_plan_id);
  const auto& header = view.ledger->header;
  auto records = database_.read(
      [&](db::Connection& c) { return ProcurementStore(c).for_action_plan(action_plan_id); });
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d-%02d", month.year, month.month);
  std::string first = std::string(prefix) + "-01";
  std::string last =
      std::string(prefix) + "-" + std::to_string(thai::days_in_month(month.year, month.month));
  ItaSummary out;
  out.action_plan_name_th = header.name_th;
  out.month = month;
  std::string province_th;
  if (auto province = areas_.find(header.province_code)) province_th = province->name_th;
  for (const auto& record : records) {
    bool in_month = false;
    for (std::size_t i = 0; i < kStageKeys.size(); ++i) {
      const auto& date = stage_date(record.stages, i);
      if (date && *date >= first && *date <= last) in_month = true;
    }
    if (!in_month) continue;
    ItaRow row;
    row.order = static_cast<int>(out.rows.size()) + 1;
    row.fiscal_year = record.fiscal_year;
    row.province_th = province_th;
    if (record.agency_code) {
      if (auto agency = areas_.find_agency(*record.agency_code)) {
        row.agency_th = agency->name_th;
        row.agency_kind_th = agency_kind_th(agency->kind);
      }
    }
    row.title_th = record.title_th;
    if (const auto* book = view.ledger->find(record.element_id)) {
      row.allocated_satang = book->allocated();
      row.budget_source_th =
          std::string(action_plan::budget_source_th(book->project.budget_source));
    }
    row.status_th = std::string(name_th(stage_on(record, last)));
    row.method_th = std::string(name_th(record.method));
    row.reference_price_satang = record.reference_price_satang;
    if (record.winner) {
      row.agreed_satang = record.winner->agreed_satang;
      row.winner_th = record.winner->name;
    }
    row.egp_project_number = record.egp_project_number.value_or("");
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace changwat::procurement
