#include "modules/procurement/export.hpp"

#include "thai/money.hpp"
#include "thai/xlsx_writer.hpp"

namespace changwat::procurement {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string month_th(const ItaMonth& month) {
  return std::string(thai::month_name(month.month, thai::MonthStyle::full)) + " " +
         std::to_string(thai::be_year(month.year));
}

std::string no_procurement_line(const ItaMonth& month) {
  return "ไม่มีการจัดซื้อจัดจ้างในเดือน" + month_th(month);
}

}  // namespace

const std::vector<std::string>& summary_headers() {
  static const std::vector<std::string> headers = {"ลำดับ",
                                                   "งานที่จัดซื้อจัดจ้าง",
                                                   "วงเงินที่จัดซื้อจัดจ้าง",
                                                   "ราคากลาง",
                                                   "วิธีซื้อ/จ้าง",
                                                   "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
                                                   "ผู้ได้รับการคัดเลือกและราคาที่ตกลง",
                                                   "เหตุผลที่คัดเลือก",
                                                   "เลขที่และวันที่ของสัญญา"};
  return headers;
}

const std::vector<std::string>& ita_headers() {
  static const std::vector<std::string> headers = {"ที่",
                                                   "ปีงบประมาณ",
                                                   "ชื่อหน่วยงาน",
                                                   "อำเภอ",
                                                   "จังหวัด",
                                                   "กระทรวง",
                                                   "ประเภทหน่วยงาน",
                                                   "ชื่อรายการ",
                                                   "วงเงินที่ได้รับจัดสรร",
                                                   "แหล่งที่มาของงบประมาณ",
                                                   "สถานะการจัดซื้อจัดจ้าง",
                                                   "วิธีการ",
                                                   "ราคากลาง",
                                                   "ราคาที่ตกลง",
                                                   "ผู้ประกอบการที่ได้รับคัดเลือก",
                                                   "เลขที่โครงการในระบบ e-GP"};
  return headers;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out += '"';
    for (char ch : field) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

std::string summary_document(const std::vector<SummaryRow>& rows, DocumentFormat format) {
  const auto& headers = summary_headers();
  if (format == DocumentFormat::csv) {
    std::string out(kBom);
    out += csv_record(headers);
    for (const auto& row : rows) {
      out += csv_record({std::to_string(row.order), row.title_th,
                         thai::format_number(row.budget_satang),
                         thai::format_number(row.reference_price_satang), row.method_th,
                         row.bidders_th, row.winner_th, row.reason_th, row.contract_th});
    }
    return out;
  }
  using thai::ColumnKind;
  thai::XlsxWriter writer;
  auto& sheet = writer.add_sheet("สขร.1", {{headers[0], ColumnKind::integer},
                                           {headers[1], ColumnKind::text},
                                           {headers[2], ColumnKind::baht},
                                           {headers[3], ColumnKind::baht},
                                           {headers[4], ColumnKind::text},
                                           {headers[5], ColumnKind::text},
                                           {headers[6], ColumnKind::text},
                                           {headers[7], ColumnKind::text},
                                           {headers[8], ColumnKind::text}});
  for (const auto& row : rows) {
    sheet.add_row({std::int64_t{row.order}, row.title_th, row.budget_satang,
                   row.reference_price_satang, row.method_th, row.bidders_th, row.winner_th,
                   row.reason_th, row.contract_th});
  }
  return writer.to_bytes();
}

std::string ita_document(const ItaSummary& summary, DocumentFormat format) {
  const auto& headers = ita_headers();
  auto text_row = [](const ItaRow& row) {
    return std::vector<std::string>{
        std::to_string(row.order),
        std::to_string(row.fiscal_year),
        row.agency_th,
        row.district_th,
        row.province_th,
        row.ministry_th,
        row.agency_kind_th,
        row.title_th,
        thai::format_number(row.allocated_satang),
        row.budget_source_th,
        row.status_th,
        row.method_th,
        thai::format_number(row.reference_price_satang),
        row.agreed_satang ? thai::format_number(*row.agreed_satang) : std::string(),
        row.winner_th,
        row.egp_project_number};
  };
  if (format == DocumentFormat::csv) {
    std::string out(kBom);
    out += csv_record(headers);
    for (const auto& row : summary.rows) out += csv_record(text_row(row));
    if (summary.rows.empty()) {
      std::vector<std::string> line(headers.size());
      line[7] = no_procurement_line(summary.month);
      out += csv_record(line);
    }
    return out;
  }
  using thai::ColumnKind;
  std::vector<thai::XlsxColumn> columns;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    ColumnKind kind = ColumnKind::text;
    if (i == 0) kind = ColumnKind::integer;
    if (i == 1) kind = ColumnKind::year;
    if (i == 8 || i == 12 || i == 13) kind = ColumnKind::baht;
    columns.push_back({headers[i], kind});
  }
  thai::XlsxWriter writer;
  auto& sheet = writer.add_sheet("ITA", std::move(columns));
  for (const auto& row : summary.rows) {
    std::vector<thai::XlsxCell> cells;
    auto texts = text_row(row);
    for (std::size_t i = 0; i < texts.size(); ++i) cells.emplace_back(texts[i]);
    cells[0] = std::int64_t{row.order};
    cells[1] = std::int64_t{row.fiscal_year};
    cells[8] = row.allocated_satang;
    cells[12] = row.reference_price_satang;
    cells[13] = row.agreed_satang ? thai::XlsxCell(*row.agreed_satang) : thai::XlsxCell();
    sheet.add_row(cells);
  }
  if (summary.rows.empty()) {
    std::vector<thai::XlsxCell> line(8);
    line[7] = no_procurement_line(summary.month);
    sheet.add_row(line);
  }
  return writer.to_bytes();
}

}  // namespace changwat::procurement
