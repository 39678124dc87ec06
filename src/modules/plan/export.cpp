#include "modules/plan/export.hpp"

#include <map>
#include <unordered_map>

#include "base/enum_names.hpp"
#include "thai/money.hpp"
#include "thai/number_format.hpp"
#include "thai/pdf_report.hpp"
#include "thai/timestamp.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::plan {
namespace {

// Thai names for documents, in each enum's declaration order (base/enum_names.hpp).
constexpr EnumNames<VersionStatus, 3> kStatusTh{{"ฉบับร่าง", "อนุมัติแล้ว", "ถูกแทนที่ด้วยฉบับใหม่"}};
constexpr EnumNames<Dimension, 4> kDimensionTh{
    {"เศรษฐกิจ", "สังคม", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", "ความมั่นคง"}};
constexpr EnumNames<BudgetSource, 5> kBudgetSourceTh{
    {"งบจังหวัด", "งบกลุ่มจังหวัด", "งบกระทรวง/กรม", "งบ อปท.", "แหล่งอื่น"}};
constexpr EnumNames<KpiDirection, 3> kDirectionTh{{"ยิ่งมากยิ่งดี", "ยิ่งน้อยยิ่งดี", "อยู่ในช่วง"}};

std::string status_th(VersionStatus status) { return std::string(kStatusTh.name(status)); }
std::string dimension_th(Dimension dimension) { return std::string(kDimensionTh.name(dimension)); }
std::string budget_source_th(BudgetSource source) {
  return std::string(kBudgetSourceTh.name(source));
}
std::string direction_th(KpiDirection direction) {
  return std::string(kDirectionTh.name(direction));
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// A KPI value in the one document number format (thai/number_format.hpp), with
// the decimals its row needs so that a row's values line up.
std::string number_text(const std::optional<double>& value, int decimals) {
  return value ? thai::format_decimal(*value, decimals) : std::string("-");
}

// Names for codes, read once per export.
struct Names {
  const PlanService& service;
  std::string area(const std::string& code) const {
    auto found = service.areas().find(code);
    return found ? found->name_th : code;
  }
  std::string agency(const std::optional<std::string>& code) const {
    if (!code) return "-";
    auto found = service.areas().find_agency(*code);
    return found ? found->name_th : *code;
  }
  std::string areas(const std::vector<std::string>& codes) const {
    std::vector<std::string> names;
    for (const auto& code : codes) names.push_back(area(code));
    return names.empty() ? "ทั้งจังหวัด" : join(names, ", ");
  }
  std::string alignments(const std::vector<std::string>& codes) const {
    std::vector<std::string> labels;
    for (const auto& code : codes) {
      const auto* target = service.catalog().find(code);
      labels.push_back(target ? code + " " + target->short_th : code);
    }
    return join(labels, "; ");
  }
};

// The elements of one version grouped by parent, in tree order.
struct Outline {
  explicit Outline(const PlanTree& tree) {
    for (const auto& element : tree.elements) {
      children[element.parent_id.value_or(0)].push_back(&element);
    }
  }
  const std::vector<const Element*>& under(std::optional<std::int64_t> parent) const {
    static const std::vector<const Element*> none;
    auto found = children.find(parent.value_or(0));
    return found == children.end() ? none : found->second;
  }
  std::vector<const Element*> top(ElementKind kind) const {
    std::vector<const Element*> out;
    for (const auto* element : under(std::nullopt)) {
      if (element->kind == kind) out.push_back(element);
    }
    return out;
  }
  std::unordered_map<std::int64_t, std::vector<const Element*>> children;
};

std::string label(const Element& element) {
  return element.code.empty() ? element.text_th : element.code + " " + element.text_th;
}

thai::ReportTable kpi_table(const std::vector<const Element*>& kpis, const PlanPeriod& period) {
  thai::ReportTable table;
  table.columns = {{"ตัวชี้วัด", thai::CellAlign::left, 4},
                   {"หน่วย", thai::CellAlign::left, 1},
                   {"ค่าฐาน", thai::CellAlign::right, 1}};
  for (int year = period.first_fiscal_year; year <= period.last_fiscal_year; ++year) {
    table.columns.push_back({std::to_string(year), thai::CellAlign::right, 1});
  }
  for (const auto* kpi : kpis) {
    const auto& details = *kpi->kpi;
    int decimals = details.baseline_value ? thai::decimals_of(*details.baseline_value) : 0;
    for (const auto& target : details.targets) {
      if (target.value) decimals = std::max(decimals, thai::decimals_of(*target.value));
    }
    std::vector<std::string> row{
        label(*kpi), details.unit_th,
        number_text(details.baseline_value, decimals) +
            (details.baseline_year ? " (" + std::to_string(*details.baseline_year) + ")" : "")};
    for (int year = period.first_fiscal_year; year <= period.last_fiscal_year; ++year) {
      std::optional<double> value;
      for (const auto& target : details.targets) {
        if (target.fiscal_year == year) value = target.value;
      }
      row.push_back(number_text(value, decimals));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

void collect_projects(const Outline& outline, const Element& under,
                      std::vector<const Element*>& out) {
  for (const auto* child : outline.under(under.element_id)) {
    if (child->kind == ElementKind::project) out.push_back(child);
    collect_projects(outline, *child, out);
  }
}

thai::ReportTable project_table(const std::vector<const Element*>& projects, const Names& names) {
  thai::ReportTable table;
  table.columns = {{"ลำดับ", thai::CellAlign::right, 0.6},
                   {"โครงการ", thai::CellAlign::left, 4},
                   {"หน่วยงานรับผิดชอบ", thai::CellAlign::left, 2},
                   {"พื้นที่", thai::CellAlign::left, 2},
                   {"ปีงบประมาณ", thai::CellAlign::center, 1},
                   {"งบประมาณ (บาท)", thai::CellAlign::right, 1.6}};
  int n = 0;
  for (const auto* project : projects) {
    const auto& details = *project->project;
    std::string years = "-";
    if (details.first_fiscal_year) {
      years = std::to_string(*details.first_fiscal_year);
      if (details.last_fiscal_year && *details.last_fiscal_year != *details.first_fiscal_year) {
        years += "–" + std::to_string(*details.last_fiscal_year);
      }
    }
    std::string name = label(*project);
    if (project->demo) name += " (ข้อมูลตัวอย่าง)";
    table.rows.push_back({std::to_string(++n), name, names.agency(details.agency_code),
                          names.areas(details.area_codes), years,
                          thai::format_number(details.budget_satang)});
  }
  return table;
}

std::string pdf(const PlanService& service, const PlanTree& tree) {
  const Names names{service};
  const Outline outline(tree);
  const auto& plan = tree.plan;
  thai::PdfReport report({.province = "จังหวัด" + names.area(plan.province_code),
                          .title = plan.name_th,
                          .orientation = thai::PageOrientation::landscape});
  report.add_heading(plan.name_th);
  // Who approved it, by name, and when, in the Buddhist era: never a username,
  // "command-line" or an ISO date.
  std::string approval;
  if (tree.version.approved_at) {
    const std::string by = tree.version.approved_by_name.value_or("-");
    approval =
        " อนุมัติโดย " + by + " เมื่อ " +
        thai::format_utc_timestamp(*tree.version.approved_at, false).value_or(std::string("-"));
  }
  report.add_paragraph("ฉบับที่ " + std::to_string(tree.version.number) + " (" +
                       status_th(tree.version.status) + ")" + approval + "  ช่วงปีงบประมาณ พ.ศ. " +
                       std::to_string(plan.period.first_fiscal_year) + "–" +
                       std::to_string(plan.period.last_fiscal_year));

  int section = 0;
  auto numbered = [&](const std::string& title) {
    report.add_heading(std::to_string(++section) + ". " + title);
  };
  for (auto [kind, title] :
       {std::pair{ElementKind::vision, "วิสัยทัศน์"}, std::pair{ElementKind::mission, "พันธกิจ"},
        std::pair{ElementKind::value, "ค่านิยม"}}) {
    auto items = outline.top(kind);
    if (items.empty()) continue;
    numbered(title);
    int n = 0;
    for (const auto* item : items) {
      report.add_paragraph(items.size() > 1 ? std::to_string(++n) + ") " + item->text_th
                                            : item->text_th);
    }
  }
  auto goals = outline.top(ElementKind::goal);
  if (!goals.empty()) {
    numbered("เป้าหมายการพัฒนา");
    for (const auto* goal : goals) {
      report.add_paragraph(label(*goal));
      std::vector<const Element*> kpis;
      for (const auto* child : outline.under(goal->element_id)) {
        if (child->kind == ElementKind::kpi) kpis.push_back(child);
      }
      if (!kpis.empty()) report.add_table(kpi_table(kpis, plan.period));
    }
  }
  auto strategies = outline.top(ElementKind::strategy);
  std::vector<const Element*> reserve;
  std::vector<std::pair<std::string, std::int64_t>> budget_by_strategy;
  if (!strategies.empty()) numbered("ประเด็นการพัฒนา");
  int strategy_number = 0;
  for (const auto* strategy : strategies) {
    report.add_heading("ประเด็นการพัฒนาที่ " + std::to_string(++strategy_number) + " " +
                       strategy->text_th);
    std::vector<std::string> dimensions;
    for (auto dimension : strategy->dimensions) dimensions.push_back(dimension_th(dimension));
    if (!dimensions.empty()) report.add_paragraph("มิติ: " + join(dimensions, ", "));
    if (!strategy->alignment_codes.empty()) {
      report.add_paragraph("ความสอดคล้องกับแผนระดับชาติ: " +
                           names.alignments(strategy->alignment_codes));
    }
    std::vector<const Element*> kpis;
    for (const auto* child : outline.under(strategy->element_id)) {
      if (child->kind == ElementKind::kpi) kpis.push_back(child);
    }
    if (!kpis.empty()) {
      report.add_paragraph("ตัวชี้วัดและค่าเป้าหมาย");
      report.add_table(kpi_table(kpis, plan.period));
    }
    for (const auto* child : outline.under(strategy->element_id)) {
      if (child->kind != ElementKind::guideline && child->kind != ElementKind::program) continue;
      report.add_paragraph(
          std::string(child->kind == ElementKind::guideline ? "แนวทางการพัฒนา " : "แผนงาน ") +
          label(*child));
      std::vector<const Element*> guideline_kpis;
      for (const auto* grandchild : outline.under(child->element_id)) {
        if (grandchild->kind == ElementKind::kpi) guideline_kpis.push_back(grandchild);
      }
      if (!guideline_kpis.empty()) report.add_table(kpi_table(guideline_kpis, plan.period));
    }
    std::vector<const Element*> projects;
    collect_projects(outline, *strategy, projects);
    std::vector<const Element*> main;
    std::int64_t total = 0;
    for (const auto* project : projects) {
      if (project->project->kind == ProjectKind::reserve) {
        reserve.push_back(project);
      } else {
        main.push_back(project);
        total += project->project->budget_satang;
      }
    }
    if (!main.empty()) {
      report.add_paragraph("โครงการ (" + std::to_string(main.size()) + " โครงการ รวม " +
                           thai::format_baht(total) + ")");
      report.add_table(project_table(main, names));
    }
    budget_by_strategy.emplace_back(label(*strategy), total);
  }
  if (!reserve.empty()) {
    std::sort(reserve.begin(), reserve.end(), [](const Element* a, const Element* b) {
      return a->project->ranking.value_or(0) < b->project->ranking.value_or(0);
    });
    numbered("บัญชีโครงการสำรอง (เรียงตามลำดับความสำคัญ)");
    report.add_table(project_table(reserve, names));
  }
  if (!budget_by_strategy.empty()) {
    numbered("สรุปงบประมาณโครงการหลักตามประเด็นการพัฒนา");
    thai::ReportTable table;
    table.columns = {{"ประเด็นการพัฒนา", thai::CellAlign::left, 5},
                     {"งบประมาณ (บาท)", thai::CellAlign::right, 2}};
    std::int64_t grand_total = 0;
    for (const auto& [name, total] : budget_by_strategy) {
      table.rows.push_back({name, thai::format_number(total)});
      grand_total += total;
    }
    table.rows.push_back({"รวมทั้งสิ้น", thai::format_number(grand_total)});
    report.add_table(std::move(table));
  }
  bool demo = std::any_of(tree.elements.begin(), tree.elements.end(),
                          [](const Element& element) { return element.demo; });
  if (demo) {
    report.add_paragraph(
        "หมายเหตุ: รายการที่ระบุว่า \"ข้อมูลตัวอย่าง\" เป็นข้อมูลสมมติสำหรับสาธิตระบบ "
        "ไม่ใช่ข้อมูลทางราชการ");
  }
  return report.to_bytes();
}

std::string xlsx(const PlanService& service, const PlanTree& tree) {
  const Names names{service};
  std::unordered_map<std::int64_t, const Element*> by_id;
  for (const auto& element : tree.elements) by_id.emplace(element.element_id, &element);
  auto parent_label = [&](const Element& element) -> std::string {
    if (!element.parent_id) return {};
    auto found = by_id.find(*element.parent_id);
    return found == by_id.end() ? std::string() : label(*found->second);
  };
  auto dimensions = [](const Element& element) {
    std::vector<std::string> out;
    for (auto dimension : element.dimensions) out.push_back(dimension_th(dimension));
    return join(out, ", ");
  };
  auto demo = [](const Element& element) { return std::string(element.demo ? "ตัวอย่าง" : ""); };

  thai::XlsxWriter writer;
  using thai::ColumnKind;
  std::map<ElementKind, thai::XlsxSheet*> sheets;
  const std::vector<thai::XlsxColumn> basic{{"รหัส", ColumnKind::text},
                                            {"ข้อความ (ไทย)", ColumnKind::text},
                                            {"ข้อความ (อังกฤษ)", ColumnKind::text},
                                            {"อยู่ภายใต้", ColumnKind::text},
                                            {"มิติ", ColumnKind::text},
                                            {"ความสอดคล้องกับแผนระดับชาติ", ColumnKind::text},
                                            {"ข้อมูลตัวอย่าง", ColumnKind::text}};
  for (auto kind :
       {ElementKind::vision, ElementKind::mission, ElementKind::value, ElementKind::goal,
        ElementKind::strategy, ElementKind::guideline, ElementKind::program}) {
    sheets[kind] = &writer.add_sheet(kind_name_th(kind), basic);
  }
  std::vector<thai::XlsxColumn> kpi_columns{
      {"รหัส", ColumnKind::text},   {"ตัวชี้วัด", ColumnKind::text}, {"อยู่ภายใต้", ColumnKind::text},
      {"หน่วย", ColumnKind::text},  {"ทิศทาง", ColumnKind::text}, {"ค่าฐาน", ColumnKind::integer},
      {"ปีค่าฐาน", ColumnKind::year}};
  for (int year = tree.plan.period.first_fiscal_year; year <= tree.plan.period.last_fiscal_year;
       ++year) {
    kpi_columns.push_back({"เป้าหมาย " + std::to_string(year), ColumnKind::integer});
  }
  kpi_columns.push_back({"หน่วยงานเจ้าของตัวชี้วัด", ColumnKind::text});
  kpi_columns.push_back({"ข้อมูลตัวอย่าง", ColumnKind::text});
  sheets[ElementKind::kpi] = &writer.add_sheet(kind_name_th(ElementKind::kpi), kpi_columns);
  sheets[ElementKind::project] = &writer.add_sheet(kind_name_th(ElementKind::project),
                                                   {{"รหัส", ColumnKind::text},
                                                    {"โครงการ", ColumnKind::text},
                                                    {"อยู่ภายใต้", ColumnKind::text},
                                                    {"ประเภท", ColumnKind::text},
                                                    {"ลำดับสำรอง", ColumnKind::integer},
                                                    {"หน่วยงานรับผิดชอบ", ColumnKind::text},
                                                    {"หน่วยงานสนับสนุน", ColumnKind::text},
                                                    {"พื้นที่", ColumnKind::text},
                                                    {"ปีงบประมาณเริ่ม", ColumnKind::year},
                                                    {"ปีงบประมาณสิ้นสุด", ColumnKind::year},
                                                    {"แหล่งงบประมาณ", ColumnKind::text},
                                                    {"งบประมาณ", ColumnKind::baht},
                                                    {"มิติ", ColumnKind::text},
                                                    {"ความสอดคล้องกับแผนระดับชาติ", ColumnKind::text},
                                                    {"ข้อมูลตัวอย่าง", ColumnKind::text}});

  auto optional_integer = [](const std::optional<int>& value) -> thai::XlsxCell {
    if (!value) return std::monostate{};
    return static_cast<std::int64_t>(*value);
  };
  auto optional_number = [](const std::optional<double>& value) -> thai::XlsxCell {
    if (!value) return std::monostate{};
    return *value;
  };
  for (const auto& element : tree.elements) {
    thai::XlsxSheet& sheet = *sheets.at(element.kind);
    if (element.kind == ElementKind::kpi && element.kpi) {
      const auto& kpi = *element.kpi;
      std::vector<thai::XlsxCell> row{element.code,
                                      element.text_th,
                                      parent_label(element),
                                      kpi.unit_th,
                                      direction_th(kpi.direction),
                                      optional_number(kpi.baseline_value),
                                      optional_integer(kpi.baseline_year)};
      for (int year = tree.plan.period.first_fiscal_year; year <= tree.plan.period.last_fiscal_year;
           ++year) {
        std::optional<double> value;
        for (const auto& target : kpi.targets) {
          if (target.fiscal_year == year) value = target.value;
        }
        row.push_back(optional_number(value));
      }
      row.emplace_back(std::in_place_type<std::string>,
                       kpi.owner_agency_code ? names.agency(kpi.owner_agency_code) : std::string());
      row.emplace_back(std::in_place_type<std::string>, demo(element));
      sheet.add_row(row);
    } else if (element.kind == ElementKind::project && element.project) {
      const auto& project = *element.project;
      std::vector<std::string> supporting;
      for (const auto& code : project.supporting_agency_codes) {
        supporting.push_back(names.agency(code));
      }
      sheet.add_row(
          {element.code, element.text_th, parent_label(element),
           std::string(project.kind == ProjectKind::main ? "โครงการหลัก" : "โครงการสำรอง"),
           optional_integer(project.ranking), names.agency(project.agency_code),
           join(supporting, ", "), names.areas(project.area_codes),
           optional_integer(project.first_fiscal_year), optional_integer(project.last_fiscal_year),
           budget_source_th(project.budget_source), project.budget_satang, dimensions(element),
           names.alignments(element.alignment_codes), demo(element)});
    } else {
      sheet.add_row({element.code, element.text_th, element.text_en, parent_label(element),
                     dimensions(element), names.alignments(element.alignment_codes),
                     demo(element)});
    }
  }
  return writer.to_bytes();
}

}  // namespace

std::string export_plan(PlanService& service, std::int64_t plan_id, std::optional<int> version,
                        ExportFormat format) {
  auto tree = service.tree(Actor::command_line(), plan_id, version);
  return format == ExportFormat::pdf ? pdf(service, *tree) : xlsx(service, *tree);
}

}  // namespace changwat::plan
