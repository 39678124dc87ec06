#include "modules/reports/documents.hpp"

#include <cmath>

#include "thai/calendar.hpp"
#include "thai/money.hpp"
#include "thai/number_format.hpp"
#include "thai/pdf_report.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::reports {
namespace {

using thai::CellAlign;
using thai::ColumnKind;
using thai::XlsxCell;

// Headers of the eMENSCR form's item 6 (the Ministry of Interior form that mirrors
// eMENSCR, ../shared/reference/monitoring.md §1), then the province's other plans.
const std::array<const char*, kAlignmentColumns> kAlignmentHeaders{
    "6.1 ยุทธศาสตร์ชาติ",
    "6.2 แผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
    "6.3 แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13",
    "6.4 นโยบายรัฐบาล",
    "6.5 ยุทธศาสตร์ตามแผนปฏิบัติราชการของกระทรวง",
    "6.6 เป้าหมายการพัฒนาที่ยั่งยืน (SDGs)",
    "แผนพัฒนาภาค / กลุ่มจังหวัด"};

thai::Date quarter_first_day(int fiscal_year, int quarter) {
  action_plan::Month month = action_plan::first_month_of(fiscal_year).plus((quarter - 1) * 3);
  return {month.year, month.month, 1};
}

thai::Date quarter_last_day(int fiscal_year, int quarter) {
  action_plan::Month month = action_plan::first_month_of(fiscal_year).plus(quarter * 3 - 1);
  return {month.year, month.month, thai::days_in_month(month.year, month.month)};
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string percent_text(std::optional<double> value) {
  if (!value) return "-";
  return thai::format_decimal(*value, 2);
}

std::string percent_of(Satang part, Satang whole) {
  if (whole <= 0) return "-";
  return thai::format_decimal(100.0 * static_cast<double>(part) / static_cast<double>(whole), 2);
}

std::string score_text(std::optional<double> score) {
  if (!score) return "-";
  return thai::format_decimal(std::round(*score * 100.0) / 100.0, 2);
}

std::string number_text(std::optional<double> value) {
  if (!value) return "-";
  return thai::format_decimal(*value, thai::decimals_of(*value, 2));
}

}  // namespace

std::string quarter_label_th(int fiscal_year, int quarter) {
  return "ไตรมาสที่ " + std::to_string(quarter) + " (" +
         thai::format_date(quarter_first_day(fiscal_year, quarter)) + " – " +
         thai::format_date(quarter_last_day(fiscal_year, quarter)) + ")";
}

std::string emenscr_workbook(const ReportData& data) {
  const int year = data.header.fiscal_year;
  thai::XlsxWriter writer;
  std::vector<thai::XlsxColumn> columns{{"ลำดับ", ColumnKind::integer},
                                        {"1. หน่วยงาน"},
                                        {"2. ชื่อโครงการ"},
                                        {"รหัสโครงการ"},
                                        {"3. ตัวชี้วัด"},
                                        {"4. งบประมาณที่ได้รับจัดสรร", ColumnKind::baht},
                                        {"งบประมาณที่ขอ", ColumnKind::baht},
                                        {"5. ห้วงการรายงาน"}};
  for (const char* header : kAlignmentHeaders) columns.push_back({header});
  for (int q = 1; q <= 4; ++q) {
    std::string label = "7. ผลไตรมาสที่ " + std::to_string(q);
    columns.push_back({label + " เบิกจ่ายสะสม", ColumnKind::baht});
    columns.push_back({label + " ผูกพัน (PO)", ColumnKind::baht});
    columns.push_back({label + " ความก้าวหน้า (ร้อยละ)", ColumnKind::percent});
    columns.push_back({label + " สถานะ"});
  }
  columns.push_back({"ขั้นตอนการจัดซื้อจัดจ้าง (ปัจจุบัน)"});
  for (int step = 1; step <= kStepCount; ++step)
    columns.push_back({"สถานะขั้นตอน " + step_name(step) + " (ตามที่บันทึก)"});
  columns.push_back({"วันที่บันทึกสถานะล่าสุด", ColumnKind::date});
  columns.push_back({"ประเด็นการพัฒนา"});
  columns.push_back({"ประเภทโครงการ"});
  columns.push_back({"element_id", ColumnKind::integer});
  columns.push_back({"ข้อมูลตัวอย่าง"});
  auto& sheet = writer.add_sheet("โครงการ eMENSCR", columns);

  const std::string period = quarter_label_th(year, data.quarter);
  std::int64_t number = 0;
  for (const ReportProject& project : data.projects) {
    std::vector<XlsxCell> cells{++number,
                                project.agency_th,
                                project.name_th,
                                project.code,
                                joined(project.indicators, "\n"),
                                project.allocated,
                                project.requested,
                                period};
    for (const std::string& tags : project.alignments) cells.emplace_back(tags);
    for (int q = 0; q < 4; ++q) {
      const QuarterFigures& figures = project.quarters[static_cast<std::size_t>(q)];
      if (q + 1 > data.quarter) {  // not reported yet
        cells.insert(cells.end(), {XlsxCell{}, XlsxCell{}, XlsxCell{}, XlsxCell{}});
        continue;
      }
      cells.emplace_back(figures.disbursed);
      cells.emplace_back(figures.po_outstanding);
      cells.push_back(figures.physical_percent ? XlsxCell{*figures.physical_percent} : XlsxCell{});
      cells.push_back(figures.status_th ? XlsxCell{*figures.status_th} : XlsxCell{});
    }
    cells.emplace_back(project.procurement_stage_th);
    std::optional<std::string> latest_on;
    for (const auto& step : project.steps) {
      cells.push_back(step ? XlsxCell{step->status_th} : XlsxCell{});
      if (step && step->entered_on && (!latest_on || *step->entered_on > *latest_on))
        latest_on = step->entered_on;
    }
    cells.push_back(latest_on ? XlsxCell{thai::parse_date(*latest_on)} : XlsxCell{});
    cells.emplace_back(project.strategy_th);
    cells.emplace_back(project.cancelled ? std::string("ยกเลิก") : project.kind_th);
    cells.emplace_back(project.element_id);
    cells.emplace_back(std::string(project.demo ? "ตัวอย่าง (demo)" : ""));
    sheet.add_row(cells);
  }

  // The plan's KPIs with the year's actual, target and score (KPI results).
  auto& kpis = writer.add_sheet("ตัวชี้วัด", {{"รหัส"},
                                          {"ตัวชี้วัด"},
                                          {"ปีงบประมาณ", ColumnKind::year},
                                          {"ค่าเป้าหมาย", ColumnKind::integer},
                                          {"ผลการดำเนินงาน", ColumnKind::integer},
                                          {"ช่วงที่รายงาน"},
                                          {"คะแนน", ColumnKind::integer},
                                          {"น้ำหนัก", ColumnKind::integer}});
  if (data.scores) {
    for (const auto& kpi : data.scores->kpis) {
      kpis.add_row(
          {kpi.code, kpi.text_th, std::int64_t{year},
           kpi.target ? XlsxCell{*kpi.target} : XlsxCell{},
           kpi.value ? XlsxCell{*kpi.value} : XlsxCell{},
           kpi.period ? XlsxCell{std::string(kpi_results::to_string(*kpi.period))} : XlsxCell{},
           kpi.score ? XlsxCell{std::round(*kpi.score * 100.0) / 100.0} : XlsxCell{},
           kpi.weight > 0 ? XlsxCell{kpi.weight} : XlsxCell{}});
    }
  }
  return writer.to_bytes();
}

std::string quarterly_report_pdf(const ReportData& data) {
  const int year = data.header.fiscal_year;
  const std::string title = "รายงานผลการดำเนินงานตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. " +
                            std::to_string(year) + " ไตรมาสที่ " + std::to_string(data.quarter);
  thai::PdfReport report({.province = data.province_th,
                          .title = title,
                          .orientation = thai::PageOrientation::landscape,
                          .page_number_digits = thai::Digits::thai,
                          .font_size = 12});
  report.add_heading(title);
  std::string intro = data.header.name_th + " " + data.province_th + " ห้วงการรายงาน " +
                      quarter_label_th(year, data.quarter) + " จัดทำเมื่อ " +
                      thai::format_date(thai::today_in_thailand(), thai::MonthStyle::full);
  if (data.header.demo) intro += " — ข้อมูลตัวอย่าง (demo) ไม่ใช่ข้อมูลจริง";
  report.add_paragraph(intro);

  // Summary.
  Satang allocated = 0;
  Satang disbursed = 0;
  Satang po = 0;
  int main_projects = 0;
  int cancelled = 0;
  const std::size_t q = static_cast<std::size_t>(data.quarter - 1);
  for (const ReportProject& project : data.projects) {
    if (project.cancelled) ++cancelled;
    if (project.reserve && project.allocated == 0) continue;
    ++main_projects;
    allocated += project.allocated;
    disbursed += project.quarters[q].disbursed;
    po += project.quarters[q].po_outstanding;
  }
  report.add_heading("1. ภาพรวม");
  thai::ReportTable summary{{{"รายการ"}, {"จำนวน", CellAlign::right}}, {}};
  summary.rows.push_back({"โครงการที่ได้รับจัดสรร / โครงการหลัก", thai::format_integer(main_projects)});
  summary.rows.push_back({"โครงการที่ยกเลิก", thai::format_integer(cancelled)});
  summary.rows.push_back({"งบประมาณที่ได้รับจัดสรร", thai::format_baht(allocated)});
  summary.rows.push_back({"เบิกจ่ายสะสม ณ สิ้นไตรมาส", thai::format_baht(disbursed)});
  summary.rows.push_back({"ผูกพัน (PO) คงค้าง ณ สิ้นไตรมาส", thai::format_baht(po)});
  summary.rows.push_back({"ร้อยละการเบิกจ่าย", percent_of(disbursed, allocated)});
  report.add_table(std::move(summary));

  // Projects.
  report.add_heading("2. ผลการดำเนินงานรายโครงการ");
  thai::ReportTable table{{{"ลำดับ", CellAlign::right, 0.8},
                           {"รหัส", CellAlign::left, 0.7},
                           {"โครงการ", CellAlign::left, 3.6},
                           {"หน่วยงาน", CellAlign::left, 2.2},
                           {"ได้รับจัดสรร (บาท)", CellAlign::right, 1.8},
                           {"เบิกจ่ายสะสม (บาท)", CellAlign::right, 1.8},
                           {"ร้อยละเบิกจ่าย", CellAlign::right, 1.0},
                           {"ความก้าวหน้า (ร้อยละ)", CellAlign::right, 1.1},
                           {"สถานะ", CellAlign::left, 1.3}},
                          {}};
  int number = 0;
  for (const ReportProject& project : data.projects) {
    const QuarterFigures& figures = project.quarters[q];
    std::string status = project.cancelled ? "ยกเลิก" : figures.status_th.value_or("-");
    table.rows.push_back({std::to_string(++number), project.code, project.name_th,
                          project.agency_th, thai::format_number(project.allocated),
                          thai::format_number(figures.disbursed),
                          percent_of(figures.disbursed, project.allocated),
                          percent_text(figures.physical_percent), status});
  }
  report.add_table(std::move(table));

  // Problems reported by the projects.
  std::vector<const ReportProject*> with_problems;
  for (const ReportProject& project : data.projects)
    if (!project.problems_th.empty()) with_problems.push_back(&project);
  if (!with_problems.empty()) {
    report.add_heading("3. ปัญหาอุปสรรค");
    thai::ReportTable problems{{{"รหัส", CellAlign::left, 0.7},
                                {"โครงการ", CellAlign::left, 3.0},
                                {"ปัญหาอุปสรรค", CellAlign::left, 3.5},
                                {"แนวทางแก้ไข", CellAlign::left, 3.5}},
                               {}};
    for (const ReportProject* project : with_problems)
      problems.rows.push_back(
          {project->code, project->name_th, project->problems_th, project->fixes_th});
    report.add_table(std::move(problems));
  }

  // KPIs.
  if (data.scores && !data.scores->kpis.empty()) {
    report.add_heading(std::string(with_problems.empty() ? "3" : "4") +
                       ". ผลการดำเนินงานตามตัวชี้วัดของแผน ปีงบประมาณ พ.ศ. " + std::to_string(year));
    thai::ReportTable kpis{{{"รหัส", CellAlign::left, 0.8},
                            {"ตัวชี้วัด", CellAlign::left, 5.0},
                            {"ค่าเป้าหมาย", CellAlign::right, 1.4},
                            {"ผลการดำเนินงาน", CellAlign::right, 1.4},
                            {"ช่วงที่รายงาน", CellAlign::left, 1.0},
                            {"คะแนน", CellAlign::right, 0.9}},
                           {}};
    for (const auto& kpi : data.scores->kpis) {
      kpis.rows.push_back(
          {kpi.code, kpi.text_th, number_text(kpi.target), number_text(kpi.value),
           kpi.period
               ? (*kpi.period == kpi_results::Period::year
                      ? std::string("ทั้งปี")
                      : "ไตรมาส " + std::string(kpi_results::to_string(*kpi.period)).substr(1))
               : std::string("-"),
           score_text(kpi.score)});
    }
    report.add_table(std::move(kpis));
    report.add_paragraph("คะแนนรวมระดับจังหวัด (ถ่วงน้ำหนัก): " + score_text(data.scores->province));
  }
  return report.to_bytes();
}

}  // namespace changwat::reports
