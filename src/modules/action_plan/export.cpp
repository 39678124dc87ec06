#include "modules/action_plan/export.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "thai/money.hpp"
#include "thai/pdf_report.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::action_plan {
namespace {

using thai::CellAlign;
using thai::ColumnKind;
using thai::ReportColumn;
using thai::XlsxCell;

// 1 million baht = 10^8 satang; two decimals of a million are 10^6 satang each.
std::string million_baht(Satang amount) {
  Satang hundredths =
      amount >= 0 ? (amount + 500'000) / 1'000'000 : -((-amount + 500'000) / 1'000'000);
  return thai::format_number(hundredths);
}

std::string amount_text(Satang amount, AmountUnit unit) {
  return unit == AmountUnit::baht ? thai::format_number(amount) : million_baht(amount);
}

std::string unit_th(AmountUnit unit) { return unit == AmountUnit::baht ? "บาท" : "ล้านบาท"; }

std::string percent_text(Satang part, Satang whole) {
  if (whole <= 0) return "-";
  double value = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

double percent_of(Satang part, Satang whole) {
  if (whole <= 0) return 0;
  return std::round(10000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 100.0;
}

std::string province_title(const ActionPlanService& service, const ActionPlan& header) {
  return service.group_name(GroupBy::province, header.province_code).first;
}

std::string readiness_th(const Readiness& readiness) {
  if (readiness.ready()) return "พร้อม";
  std::string missing;
  auto add = [&](bool ok, const char* what) {
    if (ok) return;
    if (!missing.empty()) missing += ", ";
    missing += what;
  };
  add(readiness.design_ready, "แบบ/BOQ");
  add(readiness.land_ready, "ที่ดิน/อนุญาต");
  add(readiness.contract_ready, "ก่อหนี้ทันกำหนด");
  return "ยังไม่พร้อม (" + missing + ")";
}

struct Row {
  const ProjectBook* book;
  ProjectMeta meta;
};

std::vector<Row> rows_of(const ActionPlanView& view) {
  std::vector<Row> rows;
  for (const auto& book : view.ledger->books) {
    rows.push_back({book.get(), meta_of(*view.index, book->project)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.meta.order != b.meta.order) return a.meta.order < b.meta.order;
    return a.book->project.element_id < b.book->project.element_id;
  });
  return rows;
}

// Money in the workbooks: baht as numbers, or million baht as text with the unit in
// the column header.
struct MoneyCells {
  explicit MoneyCells(AmountUnit unit) : baht(unit == AmountUnit::baht) {}
  ColumnKind kind() const { return baht ? ColumnKind::baht : ColumnKind::text; }
  std::string header_suffix() const { return baht ? "" : " (ล้านบาท)"; }
  XlsxCell operator()(Satang amount) const {
    if (baht) return amount;
    return million_baht(amount);
  }
  bool baht;
};

std::string agency_th(const ActionPlanService& service, const std::optional<std::string>& code) {
  if (!code) return "-";
  return service.group_name(GroupBy::agency, *code).first;
}

std::string status_th(const Project& project) {
  if (project.status == ProjectStatus::cancelled) return "ยกเลิก";
  return std::string(kind_th(project.kind));
}

// A table of projects of the printed plan: `first` (number or ranking), the columns
// every such table has (code, project, agency, budget source, amount requested) with
// the given widths, then `last`.
struct ProjectColumns {
  thai::ReportColumn first;
  double project_width;
  double agency_width;
  double source_width;
  std::vector<thai::ReportColumn> last;
};

thai::ReportTable project_table(ProjectColumns columns) {
  thai::ReportTable table{{std::move(columns.first),
                           {"รหัส", CellAlign::left, 0.7},
                           {"โครงการ", CellAlign::left, columns.project_width},
                           {"หน่วยงานรับผิดชอบ", CellAlign::left, columns.agency_width},
                           {"แหล่งงบประมาณ", CellAlign::left, columns.source_width},
                           {"งบประมาณที่ขอ", CellAlign::right, 2.0}},
                          {}};
  for (auto& column : columns.last) table.columns.push_back(std::move(column));
  return table;
}

// A row of project_table(): `first`, the shared cells, then `last`.
std::vector<std::string> project_cells(const ActionPlanService& service, const Row& row,
                                       AmountUnit unit, std::string first,
                                       std::vector<std::string> last) {
  const Project& project = row.book->project;
  std::vector<std::string> cells{std::move(first),
                                 row.meta.code,
                                 row.meta.name_th,
                                 agency_th(service, row.meta.agency_code),
                                 std::string(budget_source_th(project.budget_source)),
                                 amount_text(project.requested, unit)};
  for (auto& cell : last) cells.push_back(std::move(cell));
  return cells;
}

// ---- The action plan ----

std::string action_plan_pdf(const ActionPlanService& service, const ActionPlanView& view,
                            AmountUnit unit) {
  const ActionPlan& header = view.ledger->header;
  thai::PdfReport report({.province = province_title(service, header),
                          .title = header.name_th,
                          .orientation = thai::PageOrientation::landscape,
                          .page_number_digits = thai::Digits::thai,
                          .font_size = 12});
  report.add_heading(header.name_th);
  std::string intro = "ปีงบประมาณ พ.ศ. " + std::to_string(header.fiscal_year) + " (1 ตุลาคม " +
                      std::to_string(header.fiscal_year - 1) + " – 30 กันยายน " +
                      std::to_string(header.fiscal_year) + ") สถานะ: " +
                      (header.status == ActionPlanStatus::open ? "เปิดบันทึกข้อมูล" : "ปิดปีงบประมาณแล้ว") +
                      " หน่วย: " + unit_th(unit);
  if (header.demo) intro += " — ข้อมูลตัวอย่าง (demo) ไม่ใช่ข้อมูลจริง";
  report.add_paragraph(intro);

  auto rows = rows_of(view);
  // Summary by budget source (main projects in force).
  std::map<BudgetSource, std::tuple<int, Satang, Satang>> totals;
  for (const auto& row : rows) {
    const Project& project = row.book->project;
    if (project.kind != ProjectKind::main || project.status != ProjectStatus::active) continue;
    auto& [count, requested, allocated] = totals[project.budget_source];
    count += 1;
    requested += project.requested;
    allocated += row.book->allocated();
  }
  thai::ReportTable summary{{{"แหล่งงบประมาณ"},
                             {"โครงการหลัก", CellAlign::right},
                             {"งบประมาณที่ขอ (" + unit_th(unit) + ")", CellAlign::right},
                             {"ได้รับจัดสรร (" + unit_th(unit) + ")", CellAlign::right}},
                            {}};
  for (const auto& [source, values] : totals) {
    const auto& [count, requested, allocated] = values;
    summary.rows.push_back({std::string(budget_source_th(source)), std::to_string(count),
                            amount_text(requested, unit), amount_text(allocated, unit)});
  }
  report.add_heading("สรุปตามแหล่งงบประมาณ");
  report.add_table(std::move(summary));

  // Main projects, strategy by strategy in plan order.
  std::vector<std::pair<std::string, std::vector<const Row*>>> sections;
  for (const auto& row : rows) {
    if (row.book->project.kind != ProjectKind::main) continue;
    std::string title = row.meta.strategy_id ? "ประเด็นการพัฒนา " + row.meta.strategy_code + " " +
                                                   row.meta.strategy_name_th
                                             : "โครงการที่ไม่อยู่ภายใต้ประเด็นการพัฒนา";
    if (sections.empty() || sections.back().first != title) sections.push_back({title, {}});
    sections.back().second.push_back(&row);
  }
  int number = 0;
  for (const auto& [title, members] : sections) {
    report.add_heading(title);
    thai::ReportTable table =
        project_table({{"ลำดับ", CellAlign::right, 0.6},
                       4.0,
                       2.4,
                       1.5,
                       {{"ได้รับจัดสรร", CellAlign::right, 2.0}, {"สถานะ", CellAlign::left, 1.2}}});
    for (const Row* row : members) {
      table.rows.push_back(project_cells(
          service, *row, unit, std::to_string(++number),
          {amount_text(row->book->allocated(), unit), status_th(row->book->project)}));
    }
    report.add_table(std::move(table));
  }

  // Reserve projects by ranking.
  std::vector<const Row*> reserves;
  for (const auto& row : rows) {
    if (row.book->project.kind == ProjectKind::reserve) reserves.push_back(&row);
  }
  std::sort(reserves.begin(), reserves.end(), [](const Row* a, const Row* b) {
    return a->book->project.ranking.value_or(1'000'000) <
           b->book->project.ranking.value_or(1'000'000);
  });
  if (!reserves.empty()) {
    report.add_heading("โครงการสำรอง (เรียงตามลำดับความสำคัญ)");
    thai::ReportTable table = project_table({{"ลำดับสำรอง", CellAlign::right, 0.7},
                                             4.3,
                                             2.6,
                                             1.4,
                                             {{"ความพร้อม", CellAlign::left, 2.2}}});
    for (const Row* row : reserves) {
      const Project& project = row->book->project;
      table.rows.push_back(project_cells(
          service, *row, unit, project.ranking ? std::to_string(*project.ranking) : "-",
          {project.status == ProjectStatus::cancelled ? "ยกเลิก"
                                                      : readiness_th(project.readiness)}));
    }
    report.add_table(std::move(table));
  }

  // Allocation lines (GFMIS codes, positions) are in the Excel workbook: the
  // printed plan stays the usual one table of projects per strategy.
  return report.to_bytes();
}

std::string action_plan_xlsx(const ActionPlanService& service, const ActionPlanView& view,
                             AmountUnit unit) {
  const MoneyCells cell(unit);
  const ColumnKind money = cell.kind();
  const std::string suffix = cell.header_suffix();
  thai::XlsxWriter writer;
  auto& projects = writer.add_sheet("โครงการ", {{"รหัส"},
                                                {"โครงการ"},
                                                {"ประเภท"},
                                                {"ลำดับสำรอง", ColumnKind::integer},
                                                {"ประเด็นการพัฒนา"},
                                                {"หน่วยงานรับผิดชอบ"},
                                                {"แหล่งงบประมาณ"},
                                                {"งบประมาณที่ขอ" + suffix, money},
                                                {"ได้รับจัดสรร" + suffix, money},
                                                {"ผูกพัน (PO)" + suffix, money},
                                                {"เบิกจ่ายสะสม" + suffix, money},
                                                {"ความพร้อม"},
                                                {"สถานะ"},
                                                {"element_id", ColumnKind::integer},
                                                {"ข้อมูลตัวอย่าง"}});
  auto& lines = writer.add_sheet("รายการงบประมาณ", {{"รหัสโครงการ"},
                                                    {"โครงการ"},
                                                    {"รหัสงบประมาณ (GFMIS)"},
                                                    {"ประเภทงบ"},
                                                    {"ลงทุน/ประจำ"},
                                                    {"ได้รับจัดสรร" + suffix, money},
                                                    {"ราคาตามสัญญา" + suffix, money},
                                                    {"หน่วยงานผู้ถืองบ"},
                                                    {"หน่วยงานเบิกแทน"},
                                                    {"เดือนล่าสุด"},
                                                    {"ผูกพัน (PO)" + suffix, money},
                                                    {"เบิกจ่ายสะสม" + suffix, money},
                                                    {"คงเหลือ" + suffix, money}});
  for (const auto& row : rows_of(view)) {
    const Project& project = row.book->project;
    Satang po = 0;
    Satang disbursed = 0;
    for (const auto& line : row.book->lines) {
      const Position* latest = line.latest();
      if (latest) {
        po += latest->po_outstanding;
        disbursed += latest->disbursed_to_date;
      }
      lines.add_row(
          {row.meta.code, row.meta.name_th, line.line.gfmis_code,
           std::string(name_th(line.line.expense_type)),
           std::string(line.line.is_capital ? "ลงทุน" : "ประจำ"), cell(line.line.allocated),
           line.line.contract ? cell(*line.line.contract) : XlsxCell{},
           line.line.budget_holder ? agency_th(service, line.line.budget_holder) : std::string(),
           line.line.paying_agency ? agency_th(service, line.line.paying_agency) : std::string(),
           latest ? to_string(latest->month) : std::string(),
           cell(latest ? latest->po_outstanding : 0), cell(latest ? latest->disbursed_to_date : 0),
           cell(line.line.allocated - (latest ? latest->used() : 0))});
    }
    projects.add_row(
        {row.meta.code, row.meta.name_th, std::string(kind_th(project.kind)),
         project.ranking ? XlsxCell{static_cast<std::int64_t>(*project.ranking)} : XlsxCell{},
         row.meta.strategy_id ? row.meta.strategy_code + " " + row.meta.strategy_name_th
                              : std::string(),
         agency_th(service, row.meta.agency_code),
         std::string(budget_source_th(project.budget_source)), cell(project.requested),
         cell(row.book->allocated()), cell(po), cell(disbursed), readiness_th(project.readiness),
         status_th(project), project.element_id, std::string(project.demo ? "ตัวอย่าง (demo)" : "")});
  }
  return writer.to_bytes();
}

// ---- The spending report ----

std::vector<std::string> month_labels(int fiscal_year) {
  std::vector<std::string> labels;
  Month first = first_month_of(fiscal_year);
  for (int m = 0; m < 12; ++m) labels.push_back(month_label_th(first.plus(m)));
  return labels;
}

// The S-curve of a group in percent of its allocation: planned, actual (up to the
// latest month entered) and the national target, drawn straight between the
// announced quarter ends (the chart needs a value each month; the data keeps only
// the announced points).
thai::LineChart s_curve(const std::string& title, const SpendingGroup& group, int fiscal_year) {
  thai::LineChart chart;
  chart.title = title;
  chart.labels = month_labels(fiscal_year);
  chart.unit = "%";
  thai::ChartSeries planned{"แผนการใช้จ่ายสะสม", {}};
  thai::ChartSeries actual{"ผลการเบิกจ่ายสะสม", {}};
  for (const auto& figure : group.months) {
    planned.values.push_back(percent_of(figure.planned_cumulative, group.allocated));
    if (figure.disbursed_cumulative) {
      actual.values.push_back(percent_of(*figure.disbursed_cumulative, group.allocated));
    }
  }
  chart.series.push_back(std::move(planned));
  chart.series.push_back(std::move(actual));
  std::vector<std::pair<int, double>> known{{-1, 0.0}};
  for (int m = 0; m < 12; ++m) {
    if (group.months[static_cast<std::size_t>(m)].target_percent) {
      known.emplace_back(m, *group.months[static_cast<std::size_t>(m)].target_percent);
    }
  }
  if (known.size() > 1) {
    thai::ChartSeries target{"เป้าหมายการเบิกจ่ายของรัฐบาล", {}};
    for (int m = 0; m <= known.back().first; ++m) {
      for (std::size_t k = 1; k < known.size(); ++k) {
        if (m <= known[k].first) {
          double span = known[k].first - known[k - 1].first;
          double t = (m - known[k - 1].first) / span;
          target.values.push_back(known[k - 1].second +
                                  t * (known[k].second - known[k - 1].second));
          break;
        }
      }
    }
    chart.series.push_back(std::move(target));
  }
  return chart;
}

std::string spending_pdf(const ActionPlanService& service, std::int64_t id, AmountUnit unit) {
  Actor system = Actor::command_line();
  auto province = service.spending(system, id, GroupBy::province);
  const ActionPlan& header = province.header;
  std::string title =
      "รายงานผลการเบิกจ่ายงบประมาณ ปีงบประมาณ พ.ศ. " + std::to_string(header.fiscal_year);
  thai::PdfReport report({.province = province_title(service, header),
                          .title = title,
                          .orientation = thai::PageOrientation::landscape,
                          .page_number_digits = thai::Digits::thai,
                          .font_size = 12});
  report.add_heading(title);
  std::string intro =
      header.name_th + " ข้อมูล ณ สิ้นเดือน " +
      (province.latest_month ? month_label_th(*province.latest_month) : std::string("-")) +
      " หน่วย: " + unit_th(unit);
  if (header.demo) intro += " — ข้อมูลตัวอย่าง (demo) ไม่ใช่ข้อมูลจริง";
  report.add_paragraph(intro);
  if (!province.groups.empty()) {
    const SpendingGroup& total = province.groups.front();
    report.add_paragraph(
        "ได้รับจัดสรร " + amount_text(total.allocated, unit) + " " + unit_th(unit) + " ผูกพัน (PO) " +
        amount_text(total.po_outstanding, unit) + " เบิกจ่ายสะสม " +
        amount_text(total.disbursed, unit) + " คิดเป็นร้อยละ " +
        percent_text(total.disbursed, total.allocated) +
        (total.forecast_year_end_percent
             ? " คาดการณ์ ณ สิ้นปีงบประมาณร้อยละ " +
                   percent_text(static_cast<Satang>(*total.forecast_year_end_percent * 100), 10000)
             : std::string()));
    report.add_chart(s_curve("เส้นโค้งการเบิกจ่าย (S-curve) ภาพรวมจังหวัด", total, header.fiscal_year));
  }
  auto table_for = [&](GroupBy by, const std::string& heading) {
    auto groups = service.spending(system, id, by);
    thai::ReportTable table{{{"กลุ่ม", CellAlign::left, 4.0},
                             {"โครงการ", CellAlign::right, 0.8},
                             {"ได้รับจัดสรร", CellAlign::right, 2.0},
                             {"ผูกพัน (PO)", CellAlign::right, 2.0},
                             {"เบิกจ่ายสะสม", CellAlign::right, 2.0},
                             {"ร้อยละเบิกจ่าย", CellAlign::right, 1.0},
                             {"คาดการณ์สิ้นปี (%)", CellAlign::right, 1.1},
                             {"เทียบเป้าหมาย", CellAlign::left, 1.3}},
                            {}};
    for (const auto& group : groups.groups) {
      table.rows.push_back(
          {group.name_th, std::to_string(group.projects), amount_text(group.allocated, unit),
           amount_text(group.po_outstanding, unit), amount_text(group.disbursed, unit),
           percent_text(group.disbursed, group.allocated),
           group.forecast_year_end_percent
               ? percent_text(static_cast<Satang>(*group.forecast_year_end_percent * 100), 10000)
               : std::string("-"),
           group.behind_target ? "ต่ำกว่าเป้าหมาย" : (group.behind_plan ? "ต่ำกว่าแผน" : "ตามเป้า")});
    }
    report.add_heading(heading);
    report.add_table(std::move(table));
    return groups;
  };
  auto strategies = table_for(GroupBy::strategy, "ผลการเบิกจ่ายรายประเด็นการพัฒนา");
  for (const auto& group : strategies.groups) {
    report.add_chart(s_curve("S-curve: " + group.name_th, group, header.fiscal_year));
  }
  table_for(GroupBy::agency, "ผลการเบิกจ่ายรายหน่วยงาน");
  table_for(GroupBy::budget_source, "ผลการเบิกจ่ายรายแหล่งงบประมาณ");
  return report.to_bytes();
}

std::string spending_xlsx(const ActionPlanService& service, std::int64_t id, AmountUnit unit) {
  Actor system = Actor::command_line();
  const MoneyCells cell(unit);
  const ColumnKind money = cell.kind();
  const std::string suffix = cell.header_suffix();
  thai::XlsxWriter writer;
  auto add_groups = [&](GroupBy by, const char* sheet_name) {
    auto report = service.spending(system, id, by);
    auto& sheet = writer.add_sheet(sheet_name, {{"กลุ่ม"},
                                                {"รหัส"},
                                                {"โครงการ", ColumnKind::integer},
                                                {"ได้รับจัดสรร" + suffix, money},
                                                {"ผูกพัน (PO)" + suffix, money},
                                                {"เบิกจ่ายสะสม" + suffix, money},
                                                {"ร้อยละเบิกจ่าย", ColumnKind::percent},
                                                {"คาดการณ์สิ้นปี", ColumnKind::percent},
                                                {"เทียบเป้าหมาย"}});
    for (const auto& group : report.groups) {
      sheet.add_row(
          {group.name_th, group.key, static_cast<std::int64_t>(group.projects),
           cell(group.allocated), cell(group.po_outstanding), cell(group.disbursed),
           percent_of(group.disbursed, group.allocated),
           group.forecast_year_end_percent ? XlsxCell{*group.forecast_year_end_percent}
                                           : XlsxCell{},
           std::string(group.behind_target ? "ต่ำกว่าเป้าหมาย"
                                           : (group.behind_plan ? "ต่ำกว่าแผน" : "ตามเป้า"))});
    }
    return report;
  };
  auto province = add_groups(GroupBy::province, "ภาพรวมจังหวัด");
  auto& months = writer.add_sheet("รายเดือน", {{"เดือน"},
                                              {"month"},
                                              {"แผนสะสม" + suffix, money},
                                              {"ผลสะสม" + suffix, money},
                                              {"ร้อยละแผน", ColumnKind::percent},
                                              {"ร้อยละผล", ColumnKind::percent},
                                              {"เป้าหมายของรัฐบาล", ColumnKind::percent}});
  if (!province.groups.empty()) {
    const SpendingGroup& total = province.groups.front();
    for (const auto& figure : total.months) {
      months.add_row({month_label_th(figure.month), to_string(figure.month),
                      cell(figure.planned_cumulative),
                      figure.disbursed_cumulative ? cell(*figure.disbursed_cumulative) : XlsxCell{},
                      percent_of(figure.planned_cumulative, total.allocated),
                      figure.disbursed_cumulative
                          ? XlsxCell{percent_of(*figure.disbursed_cumulative, total.allocated)}
                          : XlsxCell{},
                      figure.target_percent ? XlsxCell{*figure.target_percent} : XlsxCell{}});
    }
  }
  add_groups(GroupBy::strategy, "รายประเด็นการพัฒนา");
  add_groups(GroupBy::agency, "รายหน่วยงาน");
  add_groups(GroupBy::budget_source, "รายแหล่งงบประมาณ");
  add_groups(GroupBy::project, "รายโครงการ");
  return writer.to_bytes();
}

}  // namespace

std::string export_action_plan(const ActionPlanService& service, std::int64_t id,
                               ExportFormat format, AmountUnit unit) {
  ActionPlanView view = service.view(id);
  return format == ExportFormat::pdf ? action_plan_pdf(service, view, unit)
                                     : action_plan_xlsx(service, view, unit);
}

std::string export_spending(const ActionPlanService& service, std::int64_t id, ExportFormat format,
                            AmountUnit unit) {
  return format == ExportFormat::pdf ? spending_pdf(service, id, unit)
                                     : spending_xlsx(service, id, unit);
}

}  // namespace changwat::action_plan
