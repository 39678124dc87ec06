#include "modules/follow_up/pack.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/json_or_null.hpp"
#include "thai/calendar.hpp"
#include "thai/money.hpp"
#include "thai/number_format.hpp"
#include "thai/pdf_report.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::follow_up {
namespace {

using thai::CellAlign;
using thai::ColumnKind;
using thai::XlsxCell;

std::string date_th(const std::string& iso) {
  if (iso.empty()) return "-";
  return thai::format_date(thai::parse_date(iso));
}

std::string decimal_text(std::optional<double> value) {
  if (!value) return "-";
  return thai::format_decimal(*value, thai::decimals_of(*value, 2));
}

std::string percent_text(std::optional<double> value) {
  if (!value) return "-";
  return thai::format_decimal(std::round(*value * 100.0) / 100.0, 2);
}

XlsxCell optional_cell(std::optional<double> value) {
  return value ? XlsxCell{*value} : XlsxCell{};
}

XlsxCell date_cell(const std::string& iso) {
  return iso.empty() ? XlsxCell{} : XlsxCell{thai::parse_date(iso)};
}

int overdue_directives(const PackData& data) {
  int count = 0;
  for (const DirectiveLine& line : data.directives) count += line.overdue ? 1 : 0;
  return count;
}

int agencies_behind(const PackData& data) {
  int count = 0;
  for (const AgencySpending& agency : data.agencies) count += agency.behind_target ? 1 : 0;
  return count;
}

// The headers of the project columns every project table starts with.
std::vector<thai::ReportColumn> project_columns() {
  return {{"รหัส", CellAlign::left, 0.7},
          {"โครงการ", CellAlign::left, 3.2},
          {"หน่วยงาน", CellAlign::left, 2.0}};
}

std::vector<std::string> project_cells(const ProjectLine& project) {
  return {project.code, project.name_th, project.agency_th};
}

std::vector<thai::XlsxColumn> project_sheet_columns() {
  return {{"รหัสโครงการ"}, {"โครงการ"}, {"หน่วยงาน"}, {"element_id", ColumnKind::integer}};
}

std::vector<XlsxCell> project_sheet_cells(const ProjectLine& project) {
  return {project.code, project.name_th, project.agency_th, project.element_id};
}

template <class Row, class Cells>
thai::ReportTable project_table(const std::vector<Row>& rows, std::vector<thai::ReportColumn> extra,
                                Cells cells) {
  thai::ReportTable table{project_columns(), {}};
  table.columns.insert(table.columns.end(), extra.begin(), extra.end());
  for (const Row& row : rows) {
    std::vector<std::string> line = project_cells(row.project);
    for (std::string& cell : cells(row)) line.push_back(std::move(cell));
    table.rows.push_back(std::move(line));
  }
  return table;
}

// The PDF lists the worst rows of a long section (the rows come worst first) and says
// how many more the workbook has: a meeting reads a page, not thousands of lines.
inline constexpr std::size_t kPdfRowsPerSection = 100;

template <class Row, class Cells>
void project_section(thai::PdfReport& report, const std::string& heading, const char* unit,
                     const std::vector<Row>& rows, std::vector<thai::ReportColumn> extra,
                     Cells cells) {
  const auto total = static_cast<std::int64_t>(rows.size());
  report.add_heading(heading + " (" + thai::format_integer(total) + " " + unit + ")");
  if (rows.size() <= kPdfRowsPerSection) {
    report.add_table(project_table(rows, std::move(extra), cells));
    return;
  }
  std::vector<Row> first(rows.begin(), rows.begin() + kPdfRowsPerSection);
  report.add_table(project_table(first, std::move(extra), cells));
  report.add_paragraph("แสดง " + thai::format_integer(kPdfRowsPerSection) + " รายการแรกจากทั้งหมด " +
                       thai::format_integer(total) + " รายการ (ครบทุกรายการในไฟล์ Excel)");
}

template <class Row, class Cells>
void project_sheet(thai::XlsxWriter& writer, const char* name, const std::vector<Row>& rows,
                   std::vector<thai::XlsxColumn> extra, Cells cells) {
  std::vector<thai::XlsxColumn> columns = project_sheet_columns();
  columns.insert(columns.end(), extra.begin(), extra.end());
  auto& sheet = writer.add_sheet(name, columns);
  for (const Row& row : rows) {
    std::vector<XlsxCell> line = project_sheet_cells(row.project);
    for (XlsxCell& cell : cells(row)) line.push_back(std::move(cell));
    sheet.add_row(line);
  }
}

}  // namespace

boost::json::object pack_summary(const PackData& data) {
  int open_directives = static_cast<int>(data.directives.size());
  return {{"fiscal_year", data.fiscal_year},
          {"as_of", data.as_of},
          {"projects", data.projects},
          {"allocated_satang", data.allocated},
          {"disbursed_satang", data.disbursed},
          {"agencies", static_cast<std::int64_t>(data.agencies.size())},
          {"agencies_behind_target", agencies_behind(data)},
          {"delayed_projects", static_cast<std::int64_t>(data.delayed.size())},
          {"late_procurements", static_cast<std::int64_t>(data.late_procurements.size())},
          {"overdue_instalments", static_cast<std::int64_t>(data.overdue_instalments.size())},
          {"open_warnings", static_cast<std::int64_t>(data.warnings.size())},
          {"open_directives", open_directives},
          {"overdue_directives", overdue_directives(data)},
          {"kpis", static_cast<std::int64_t>(data.kpis.size())},
          {"province_score", json_or_null(data.province_score)}};
}

std::string pack_pdf(const PackData& data) {
  const std::string title = "เอกสารประกอบการประชุม" + data.committee_th;
  thai::PdfReport report({.province = data.province_th,
                          .title = title,
                          .orientation = thai::PageOrientation::landscape,
                          .page_number_digits = thai::Digits::thai,
                          .font_size = 12});
  report.add_heading(title);
  std::string intro = data.meeting_title_th + " วันที่ " +
                      thai::format_date(thai::parse_date(data.held_on), thai::MonthStyle::full) +
                      " ข้อมูล ณ วันที่ " +
                      thai::format_date(thai::parse_date(data.as_of), thai::MonthStyle::full) +
                      " ปีงบประมาณ พ.ศ. " + std::to_string(data.fiscal_year);
  if (data.demo) intro += " — ข้อมูลตัวอย่าง (demo) ไม่ใช่ข้อมูลจริง";
  report.add_paragraph(intro);

  report.add_heading("ระเบียบวาระการประชุม");
  for (const AgendaItem& item : data.agenda) {
    std::string line = "ระเบียบวาระที่ " + std::to_string(item.item) + " " + item.title_th;
    if (!item.details_th.empty()) line += ": " + item.details_th;
    report.add_paragraph(line);
  }
  if (!data.attendees.empty()) {
    thai::ReportTable attendees{
        {{"ผู้เข้าประชุม", CellAlign::left, 3.0}, {"ตำแหน่ง", CellAlign::left, 3.0}}, {}};
    for (const Attendee& attendee : data.attendees)
      attendees.rows.push_back({attendee.name_th, attendee.position_th});
    report.add_table(std::move(attendees));
  }

  report.add_heading("1. ผลการเบิกจ่ายงบประมาณเทียบเป้าหมายระดับชาติ รายหน่วยงาน");
  if (!data.action_plan_th) {
    report.add_paragraph("ยังไม่มีแผนปฏิบัติราชการประจำปีงบประมาณนี้");
  } else {
    report.add_paragraph(*data.action_plan_th + ": " + thai::format_integer(data.projects) +
                         " โครงการ ได้รับจัดสรร " + thai::format_baht(data.allocated) + " เบิกจ่ายแล้ว " +
                         thai::format_baht(data.disbursed));
    thai::ReportTable table{{{"หน่วยงาน", CellAlign::left, 3.5},
                             {"โครงการ", CellAlign::right, 0.8},
                             {"ได้รับจัดสรร (บาท)", CellAlign::right, 1.8},
                             {"เบิกจ่าย (บาท)", CellAlign::right, 1.8},
                             {"ร้อยละเบิกจ่าย", CellAlign::right, 1.0},
                             {"เป้าหมาย (ร้อยละ)", CellAlign::right, 1.0},
                             {"ต่ำกว่าเป้าหมาย", CellAlign::center, 1.0}},
                            {}};
    for (const AgencySpending& agency : data.agencies)
      table.rows.push_back({agency.name_th, thai::format_integer(agency.projects),
                            thai::format_number(agency.allocated),
                            thai::format_number(agency.disbursed), percent_text(agency.percent),
                            percent_text(agency.target_percent),
                            agency.behind_target ? "ต่ำกว่าเป้า" : ""});
    report.add_table(std::move(table));
  }

  project_section(
      report, "2. โครงการที่ล่าช้า", "โครงการ", data.delayed,
      {{"ความก้าวหน้า (ร้อยละ)", CellAlign::right, 1.1}, {"เดือนที่รายงาน", CellAlign::left, 1.2}},
      [](const DelayedProject& row) {
        return std::vector<std::string>{percent_text(row.physical_percent), row.month_th};
      });
  project_section(report, "3. การจัดซื้อจัดจ้างที่ยังไม่ลงนามสัญญาตามกำหนด", "รายการ", data.late_procurements,
                  {{"รายการจัดซื้อจัดจ้าง", CellAlign::left, 2.5},
                   {"กำหนด", CellAlign::left, 1.1},
                   {"ราคากลาง (บาท)", CellAlign::right, 1.5}},
                  [](const LateProcurement& row) {
                    return std::vector<std::string>{row.title_th, date_th(row.due_on),
                                                    thai::format_number(row.reference_price)};
                  });
  project_section(report, "4. งวดงานที่เกินกำหนด", "งวด", data.overdue_instalments,
                  {{"งวดที่", CellAlign::right, 0.6},
                   {"กำหนดส่ง", CellAlign::left, 1.1},
                   {"จำนวนเงิน (บาท)", CellAlign::right, 1.5},
                   {"เกินกำหนด (วัน)", CellAlign::right, 1.0}},
                  [](const OverdueInstalmentLine& row) {
                    return std::vector<std::string>{std::to_string(row.number), date_th(row.due_on),
                                                    thai::format_number(row.amount),
                                                    thai::format_integer(row.days_overdue)};
                  });

  // Open warnings by kind (each one, with its message, is in the workbook).
  report.add_heading("5. สัญญาณเตือนที่ยังไม่ได้แก้ไข (" +
                     thai::format_integer(static_cast<std::int64_t>(data.warnings.size())) +
                     " รายการ)");
  std::vector<std::pair<std::string, std::array<std::int64_t, 2>>> kinds;
  for (const OpenWarning& warning : data.warnings) {
    auto kind = std::find_if(kinds.begin(), kinds.end(),
                             [&](const auto& entry) { return entry.first == warning.kind_th; });
    if (kind == kinds.end()) kind = kinds.insert(kinds.end(), {warning.kind_th, {0, 0}});
    ++kind->second[0];
    if (warning.past_due) ++kind->second[1];
  }
  thai::ReportTable warnings{{{"ประเภท", CellAlign::left, 4.0},
                              {"จำนวน", CellAlign::right, 1.0},
                              {"เกินกำหนด", CellAlign::right, 1.0}},
                             {}};
  for (const auto& [kind, counts] : kinds)
    warnings.rows.push_back(
        {kind, thai::format_integer(counts[0]), thai::format_integer(counts[1])});
  report.add_table(std::move(warnings));
  report.add_paragraph("รายการสัญญาณเตือนทั้งหมดพร้อมหน่วยงานและรายละเอียดอยู่ในไฟล์ Excel");

  report.add_heading("6. ข้อสั่งการที่ยังไม่แล้วเสร็จ (" +
                     thai::format_integer(static_cast<std::int64_t>(data.directives.size())) +
                     " เรื่อง เกินกำหนด " + thai::format_integer(overdue_directives(data)) + " เรื่อง)");
  thai::ReportTable directives{{{"ที่", CellAlign::right, 0.5},
                                {"การประชุม", CellAlign::left, 2.0},
                                {"ข้อสั่งการ", CellAlign::left, 4.0},
                                {"หน่วยงาน", CellAlign::left, 2.0},
                                {"กำหนดแล้วเสร็จ", CellAlign::left, 1.1},
                                {"สถานะ", CellAlign::left, 1.4}},
                               {}};
  for (const DirectiveLine& line : data.directives)
    directives.rows.push_back({std::to_string(line.id), line.meeting_th, line.text_th,
                               line.agency_th, date_th(line.due_on),
                               line.status_th + (line.overdue ? " (เกินกำหนด)" : "")});
  report.add_table(std::move(directives));

  report.add_heading("7. ผลการดำเนินงานตามตัวชี้วัดของแผน");
  thai::ReportTable kpis{{{"รหัส", CellAlign::left, 0.8},
                          {"ตัวชี้วัด", CellAlign::left, 5.0},
                          {"ค่าเป้าหมาย", CellAlign::right, 1.3},
                          {"ผลการดำเนินงาน", CellAlign::right, 1.3},
                          {"คะแนน", CellAlign::right, 0.9}},
                         {}};
  for (const KpiLine& kpi : data.kpis)
    kpis.rows.push_back({kpi.code, kpi.text_th, decimal_text(kpi.target), decimal_text(kpi.value),
                         percent_text(kpi.score)});
  report.add_table(std::move(kpis));
  report.add_paragraph("คะแนนรวมระดับจังหวัด (ถ่วงน้ำหนัก): " + percent_text(data.province_score));
  return report.to_bytes();
}

std::string pack_workbook(const PackData& data) {
  thai::XlsxWriter writer;
  auto& cover = writer.add_sheet("การประชุม", {{"รายการ"}, {"ข้อมูล"}});
  cover.add_row({std::string("คณะกรรมการ"), data.committee_th});
  cover.add_row({std::string("การประชุม"), data.meeting_title_th});
  cover.add_row({std::string("วันที่ประชุม"), date_th(data.held_on)});
  cover.add_row({std::string("ข้อมูล ณ วันที่"), date_th(data.as_of)});
  cover.add_row({std::string("ปีงบประมาณ"), std::to_string(data.fiscal_year)});
  for (const AgendaItem& item : data.agenda)
    cover.add_row(
        {"ระเบียบวาระที่ " + std::to_string(item.item) + " " + item.title_th, item.details_th});
  if (data.demo) cover.add_row({std::string("หมายเหตุ"), std::string("ข้อมูลตัวอย่าง (demo)")});

  auto& spending = writer.add_sheet("การเบิกจ่ายรายหน่วยงาน", {{"รหัสหน่วยงาน"},
                                                            {"หน่วยงาน"},
                                                            {"โครงการ", ColumnKind::integer},
                                                            {"ได้รับจัดสรร", ColumnKind::baht},
                                                            {"เบิกจ่าย", ColumnKind::baht},
                                                            {"ร้อยละเบิกจ่าย", ColumnKind::percent},
                                                            {"เป้าหมายระดับชาติ", ColumnKind::percent},
                                                            {"ต่ำกว่าเป้าหมาย"}});
  for (const AgencySpending& agency : data.agencies)
    spending.add_row({agency.code, agency.name_th, std::int64_t{agency.projects}, agency.allocated,
                      agency.disbursed, optional_cell(agency.percent),
                      optional_cell(agency.target_percent),
                      std::string(agency.behind_target ? "ต่ำกว่าเป้า" : "")});

  project_sheet(writer, "โครงการล่าช้า", data.delayed,
                {{"ความก้าวหน้า", ColumnKind::percent}, {"เดือนที่รายงาน"}},
                [](const DelayedProject& row) {
                  return std::vector<XlsxCell>{row.physical_percent, row.month_th};
                });
  project_sheet(writer, "จัดซื้อจัดจ้างล่าช้า", data.late_procurements,
                {{"รายการ"}, {"กำหนด", ColumnKind::date}, {"เกณฑ์"}, {"ราคากลาง", ColumnKind::baht}},
                [](const LateProcurement& row) {
                  return std::vector<XlsxCell>{row.title_th, date_cell(row.due_on), row.rule_th,
                                               row.reference_price};
                });
  project_sheet(writer, "งวดงานเกินกำหนด", data.overdue_instalments,
                {{"งวดที่", ColumnKind::integer},
                 {"กำหนดส่ง", ColumnKind::date},
                 {"จำนวนเงิน", ColumnKind::baht},
                 {"เกินกำหนด (วัน)", ColumnKind::integer}},
                [](const OverdueInstalmentLine& row) {
                  return std::vector<XlsxCell>{std::int64_t{row.number}, date_cell(row.due_on),
                                               row.amount, std::int64_t{row.days_overdue}};
                });

  auto& warnings = writer.add_sheet(
      "สัญญาณเตือน",
      {{"ประเภท"}, {"หน่วยงาน"}, {"รายละเอียด"}, {"กำหนด", ColumnKind::date}, {"เกินกำหนด"}});
  for (const OpenWarning& warning : data.warnings)
    warnings.add_row({warning.kind_th, warning.agency_th, warning.message_th,
                      date_cell(warning.due_on), std::string(warning.past_due ? "เกินกำหนด" : "")});

  auto& directives = writer.add_sheet("ข้อสั่งการ", {{"ที่", ColumnKind::integer},
                                                  {"การประชุม"},
                                                  {"ข้อสั่งการ"},
                                                  {"หน่วยงาน"},
                                                  {"กำหนดแล้วเสร็จ", ColumnKind::date},
                                                  {"สถานะ"},
                                                  {"เกินกำหนด"}});
  for (const DirectiveLine& line : data.directives)
    directives.add_row({line.id, line.meeting_th, line.text_th, line.agency_th,
                        date_cell(line.due_on), line.status_th,
                        std::string(line.overdue ? "เกินกำหนด" : "")});

  auto& kpis = writer.add_sheet("ตัวชี้วัด", {{"รหัส"},
                                          {"ตัวชี้วัด"},
                                          {"ค่าเป้าหมาย", ColumnKind::integer},
                                          {"ผลการดำเนินงาน", ColumnKind::integer},
                                          {"คะแนน", ColumnKind::integer}});
  for (const KpiLine& kpi : data.kpis)
    kpis.add_row({kpi.code, kpi.text_th, optional_cell(kpi.target), optional_cell(kpi.value),
                  optional_cell(kpi.score)});
  return writer.to_bytes();
}

}  // namespace changwat::follow_up
