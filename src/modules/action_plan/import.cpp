#include "modules/action_plan/import.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "modules/action_plan/rules.hpp"
#include "thai/calendar.hpp"
#include "thai/csv_reader.hpp"
#include "thai/money.hpp"
#include "thai/table_import.hpp"
#include "thai/text.hpp"
#include "thai/xlsx_reader.hpp"

namespace changwat::action_plan {
namespace {

Message located(std::size_t row, const std::string& column, const Message& why) {
  std::string number = std::to_string(row);
  if (column.empty()) {
    return {"แถว " + number + ": " + why.th, "row " + number + ": " + why.en};
  }
  return {"แถว " + number + " คอลัมน์ \"" + column + "\": " + why.th,
          "row " + number + " column \"" + column + "\": " + why.en};
}

// Lower-case ASCII, Unicode-normalized, single spaces: how headers are compared.
std::string header_key(std::string_view text) {
  std::string key = thai::normalize(text);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool is_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04";
}

struct StopReading {};

std::vector<std::string> csv_header(std::string_view bytes) {
  std::vector<std::string> header;
  try {
    thai::for_each_csv_record(bytes, {}, [&](const thai::CsvRecord& record) {
      bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                               [](std::string_view f) { return thai::normalize(f).empty(); });
      if (blank) return;
      for (auto field : record.fields) header.emplace_back(field);
      throw StopReading{};
    });
  } catch (const StopReading&) {
  }
  return header;
}

std::vector<std::string> xlsx_header(const thai::XlsxReader& workbook, const std::string& sheet) {
  std::vector<std::string> header;
  try {
    workbook.for_each_row(sheet, [&](const thai::XlsxRow& row) {
      bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const thai::XlsxValue& cell) {
        return cell.kind == thai::XlsxValueKind::text && thai::normalize(cell.text).empty();
      });
      if (blank) return;
      for (const auto& cell : row.cells) header.push_back(cell.text);
      throw StopReading{};
    });
  } catch (const StopReading&) {
  }
  return header;
}

bool has_header(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const auto& column : header) {
    std::string key = header_key(column);
    for (const char* name : names) {
      if (key == header_key(name)) return true;
    }
  }
  return false;
}

// The header a field was found under in this file (for messages of later checks).
std::string found_header(const std::vector<std::string>& header, const thai::ImportField& field) {
  for (const auto& column : header) {
    std::string key = header_key(column);
    if (key == header_key(field.header)) return thai::normalize(column);
    for (const auto& alias : field.aliases) {
      if (key == header_key(alias)) return thai::normalize(column);
    }
  }
  return field.header;
}

const std::vector<std::string> kElementAliases = {"รหัสโครงการ (element_id)", "รหัสองค์ประกอบแผน"};
const std::vector<std::string> kCodeAliases = {"gfmis_code", "รหัสงบประมาณ (GFMIS)", "รหัส GFMIS",
                                               "budget code", "รหัสงบ"};
const std::vector<std::string> kMonthAliases = {"month", "งวด", "ณ สิ้นเดือน", "เดือนที่รายงาน",
                                                "period"};
const std::vector<std::string> kPoAliases = {"po_outstanding_baht", "ผูกพัน (PO)",  "ผูกพัน",
                                             "PO outstanding",      "ผูกพันคงเหลือ", "ยอดผูกพัน",
                                             "PO คงค้าง (บาท)"};
const std::vector<std::string> kDisbursedAliases = {
    "disbursed_to_date_baht", "Disbursed to date", "เบิกจ่ายสะสม (บาท)", "เบิกจ่าย", "ผลการเบิกจ่ายสะสม"};

std::vector<thai::ImportField> fields_for(ImportLayout layout, bool code_required) {
  using thai::FieldKind;
  if (layout == ImportLayout::satang_csv) {
    return {{"element_id", "element_id", FieldKind::integer, true, kElementAliases},
            {"month", "month", FieldKind::text, true, {}},
            {"po", "po_outstanding_satang", FieldKind::integer, true, {}},
            {"disbursed", "disbursed_to_date_satang", FieldKind::integer, true, {}},
            {"gfmis_code", "gfmis_code", FieldKind::text, false, {"รหัสงบประมาณ"}}};
  }
  return {{"gfmis_code", "รหัสงบประมาณ", FieldKind::text, code_required, kCodeAliases},
          {"month", "เดือน", FieldKind::text, true, kMonthAliases},
          {"po", "PO คงค้าง", FieldKind::baht, true, kPoAliases},
          {"disbursed", "เบิกจ่ายสะสม", FieldKind::baht, true, kDisbursedAliases},
          {"element_id", "element_id", FieldKind::integer, false, kElementAliases}};
}

// A thrown table_import error (missing column, no header, malformed CSV) as rows.
void take_error(const Error& error, ParsedImport& parsed) {
  if (error.code() == "import_empty") {
    parsed.problems.push_back(
        {1, "", {"แถว 1: ไฟล์ว่าง ไม่พบแถวหัวตาราง", "row 1: the file is empty (no header row)"}});
    parsed.problem_count += 1;
    return;
  }
  if (error.fields().empty()) throw error;
  for (const auto& [key, why] : error.fields()) {
    // Keys are "row 12: column" (table_import) or "row 12" (the CSV reader).
    std::size_t row = 1;
    std::string column;
    if (key.rfind("row ", 0) == 0) {
      std::size_t end = key.find(':');
      std::string number = key.substr(4, end == std::string::npos ? std::string::npos : end - 4);
      std::from_chars(number.data(), number.data() + number.size(), row);
      if (end != std::string::npos && end + 2 <= key.size()) column = key.substr(end + 2);
    }
    parsed.problems.push_back({row, column, why});
    parsed.problem_count += 1;
  }
}

}  // namespace

std::string_view to_string(ImportLayout layout) {
  return layout == ImportLayout::satang_csv ? "satang_csv" : "gfmis";
}

std::optional<Month> parse_import_month(std::string_view raw) {
  std::string text = thai::normalize(raw);
  if (auto month = parse_month(text)) return month;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (auto month = parse_month(std::string_view(text).substr(0, 7))) return month;
  }
  // "มี.ค. 2569", "มีนาคม 2569": a Thai month name and a Buddhist-era year.
  std::size_t space = text.rfind(' ');
  if (space != std::string::npos) {
    std::string name = text.substr(0, space);
    std::string year_text = text.substr(space + 1);
    int year = 0;
    auto [end, error] =
        std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
    if (error == std::errc() && end == year_text.data() + year_text.size() &&
        year >= thai::kFirstAcceptedBeYear && year <= thai::kLastAcceptedBeYear) {
      for (int m = 1; m <= 12; ++m) {
        if (name == thai::month_name(m, thai::MonthStyle::abbreviated) ||
            name == thai::month_name(m, thai::MonthStyle::full)) {
          return Month{thai::ce_year(year), m};
        }
      }
    }
  }
  try {
    thai::Date date = thai::parse_date(text, "month");
    return Month{date.year, date.month};
  } catch (const Error&) {
    return std::nullopt;
  }
}

ParsedImport parse_position_file(std::string_view bytes) {
  ParsedImport parsed;
  thai::ImportOptions options;
  options.allow_partial = true;
  thai::ImportResult result;
  std::vector<std::string> header;
  try {
    std::vector<thai::ImportField> fields;
    if (is_zip(bytes)) {
      thai::XlsxReader workbook = thai::XlsxReader::from_bytes(std::string(bytes));
      auto sheets = workbook.sheet_names();
      if (sheets.empty()) {
        take_error(Error(ErrorKind::validation, "import_empty", {"", ""}), parsed);
        return parsed;
      }
      header = xlsx_header(workbook, sheets.front());
      parsed.layout = has_header(header, {"po_outstanding_satang", "disbursed_to_date_satang"})
                          ? ImportLayout::satang_csv
                          : ImportLayout::gfmis;
      bool has_element = has_header(header, {"element_id", "รหัสโครงการ (element_id)"});
      fields = fields_for(parsed.layout, !has_element);
      result = thai::import_xlsx_sheet(workbook, sheets.front(), fields, options);
    } else {
      header = csv_header(bytes);
      parsed.layout = has_header(header, {"po_outstanding_satang", "disbursed_to_date_satang"})
                          ? ImportLayout::satang_csv
                          : ImportLayout::gfmis;
      bool has_element = has_header(header, {"element_id", "รหัสโครงการ (element_id)"});
      fields = fields_for(parsed.layout, !has_element);
      result = thai::import_csv(bytes, fields, options);
    }
    for (const auto& field : fields) {
      std::string shown = found_header(header, field);
      if (field.key == "element_id") parsed.element_column = shown;
      if (field.key == "gfmis_code") parsed.code_column = shown;
      if (field.key == "month") parsed.month_column = shown;
      if (field.key == "po") parsed.po_column = shown;
      if (field.key == "disbursed") parsed.disbursed_column = shown;
    }
  } catch (const Error& error) {
    if (error.code() != "import_empty" && error.code() != "import_invalid" &&
        error.code() != "csv_malformed") {
      throw;
    }
    take_error(error, parsed);
    return parsed;
  }
  for (const auto& problem : result.problems) {
    parsed.problems.push_back({problem.row, problem.column, problem.message});
  }
  parsed.problem_count = result.problem_count;
  bool satang = parsed.layout == ImportLayout::satang_csv;
  parsed.rows.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    ParsedRow out;
    out.row = row.number();
    out.element_id = row.integer("element_id");
    out.gfmis_code = row.text("gfmis_code");
    auto month = parse_import_month(*row.text("month"));
    if (!month) {
      parsed.problem_count += 1;
      parsed.problems.push_back({out.row, parsed.month_column,
                                 located(out.row, parsed.month_column,
                                         {"ไม่ใช่เดือน ใช้รูปแบบ 2026-03 หรือ มี.ค. 2569",
                                          "not a month; write e.g. 2026-03 or มี.ค. 2569"})});
      continue;
    }
    out.month = *month;
    out.po_outstanding = satang ? *row.integer("po") : *row.baht("po");
    out.disbursed_to_date = satang ? *row.integer("disbursed") : *row.baht("disbursed");
    parsed.rows.push_back(std::move(out));
  }
  return parsed;
}

ValidatedImport validate_import(const Ledger& ledger, const PlanIndex& index,
                                const ParsedImport& parsed, const ImportScope& scope,
                                const std::string& entered_by, const std::string& entered_at) {
  ValidatedImport out;
  out.problems = parsed.problems;
  out.problem_count = parsed.problem_count;
  auto problem = [&](std::size_t row, const std::string& column, Message why) {
    out.problem_count += 1;
    if (out.problems.size() < 200) out.problems.push_back({row, column, located(row, column, why)});
  };

  // Budget codes of the whole plan (a code may in principle repeat across projects).
  std::unordered_map<std::string, std::vector<std::pair<const ProjectBook*, const LineBook*>>>
      codes;
  for (const auto& book : ledger.books) {
    for (const auto& line : book->lines)
      codes[line.line.gfmis_code].emplace_back(book.get(), &line);
  }
  const int fiscal_year = ledger.header.fiscal_year;

  struct Entry {
    const LineBook* line = nullptr;
    const ParsedRow* row = nullptr;
  };
  std::vector<Entry> accepted;
  accepted.reserve(parsed.rows.size());
  std::unordered_map<std::int64_t, std::unordered_map<int, std::size_t>>
      seen;  // line -> month -> row

  for (const auto& row : parsed.rows) {
    const ProjectBook* book = nullptr;
    const LineBook* line = nullptr;
    if (row.element_id) {
      book = ledger.find(*row.element_id);
      if (!book) {
        problem(row.row, parsed.element_column,
                {"ไม่มีโครงการ " + std::to_string(*row.element_id) + " ในแผนปฏิบัติราชการนี้",
                 "no project " + std::to_string(*row.element_id) + " in this action plan"});
        continue;
      }
      if (book->lines.empty()) {
        problem(row.row, parsed.element_column,
                {"โครงการนี้ยังไม่มีรายการงบประมาณที่ได้รับจัดสรร",
                 "the project has no allocated budget line yet"});
        continue;
      }
      if (row.gfmis_code) {
        line = book->line(*row.gfmis_code);
        if (!line) {
          problem(row.row, parsed.code_column,
                  {"ไม่รู้จักรหัสงบประมาณ " + *row.gfmis_code + " ของโครงการนี้",
                   "unknown budget code " + *row.gfmis_code + " for this project"});
          continue;
        }
      } else if (book->lines.size() == 1) {
        line = &book->lines.front();
      } else {
        problem(row.row, parsed.code_column,
                {"โครงการนี้มีหลายรายการงบประมาณ ต้องระบุรหัสงบประมาณ",
                 "the project has several budget lines: give the budget code"});
        continue;
      }
    } else if (row.gfmis_code) {
      auto found = codes.find(*row.gfmis_code);
      if (found == codes.end()) {
        problem(row.row, parsed.code_column,
                {"ไม่รู้จักรหัสงบประมาณ " + *row.gfmis_code + " ในแผนปฏิบัติราชการนี้",
                 "unknown budget code " + *row.gfmis_code + " in this action plan"});
        continue;
      }
      if (found->second.size() > 1) {
        problem(row.row, parsed.code_column,
                {"รหัสงบประมาณนี้ใช้ในหลายโครงการ ต้องระบุ element_id",
                 "this budget code is used by several projects: add element_id"});
        continue;
      }
      book = found->second.front().first;
      line = found->second.front().second;
    } else {
      problem(row.row, parsed.code_column,
              {"ต้องระบุรหัสงบประมาณหรือ element_id", "give the budget code or element_id"});
      continue;
    }

    if (scope.agency_code) {
      ProjectMeta meta = meta_of(index, book->project);
      if (meta.agency_code != scope.agency_code) {
        problem(row.row, row.element_id ? parsed.element_column : parsed.code_column,
                {"ไม่ใช่โครงการของหน่วยงานของท่าน", "not a project of your agency"});
        continue;
      }
    }
    if (book->project.status == ProjectStatus::cancelled) {
      problem(row.row, row.element_id ? parsed.element_column : parsed.code_column,
              {"โครงการนี้ถูกยกเลิกแล้ว", "the project is cancelled"});
      continue;
    }
    if (!month_allowed(line->line, row.month, fiscal_year)) {
      problem(row.row, parsed.month_column, month_range_message(line->line, fiscal_year));
      continue;
    }
    bool amounts_ok = true;
    if (row.po_outstanding < 0 || row.po_outstanding > kMaxSatang) {
      problem(row.row, parsed.po_column, {"ต้องไม่ติดลบ", "must not be negative"});
      amounts_ok = false;
    }
    if (row.disbursed_to_date < 0 || row.disbursed_to_date > kMaxSatang) {
      problem(row.row, parsed.disbursed_column, {"ต้องไม่ติดลบ", "must not be negative"});
      amounts_ok = false;
    }
    if (!amounts_ok) continue;
    if (row.po_outstanding + row.disbursed_to_date > line->line.allocated) {
      problem(row.row, parsed.disbursed_column,
              {"PO คงค้าง + เบิกจ่ายสะสม = " +
                   thai::format_baht(row.po_outstanding + row.disbursed_to_date) +
                   " เกินงบที่ได้รับจัดสรร (" + thai::format_baht(line->line.allocated) + ")",
               "PO outstanding + disbursed to date = " +
                   thai::format_baht(row.po_outstanding + row.disbursed_to_date) +
                   " is above the allocation (" + thai::format_baht(line->line.allocated) + ")"});
      continue;
    }
    auto [it, added] = seen[line->line.id].emplace(row.month.key(), row.row);
    if (!added) {
      problem(row.row, parsed.month_column,
              {"ซ้ำกับแถว " + std::to_string(it->second) + " (โครงการและเดือนเดียวกัน)",
               "repeats row " + std::to_string(it->second) + " (same project and month)"});
      continue;
    }
    accepted.push_back({line, &row});
  }

  // Disbursement to date never decreases along a line: stored months and the
  // file's rows together (a row replaces the stored figure of its month).
  std::unordered_map<const LineBook*, std::vector<const Entry*>> by_line;
  for (const auto& entry : accepted) by_line[entry.line].push_back(&entry);
  for (auto& [line, entries] : by_line) {
    struct Point {
      Month month;
      Satang disbursed;
      const ParsedRow* row;  // none: stored
    };
    std::map<int, Point> points;
    for (const auto& position : line->positions) {
      points[position.month.key()] = {position.month, position.disbursed_to_date, nullptr};
    }
    for (const Entry* entry : entries) {
      points[entry->row->month.key()] = {entry->row->month, entry->row->disbursed_to_date,
                                         entry->row};
    }
    const Point* previous = nullptr;
    for (const auto& [key, point] : points) {
      if (previous && point.disbursed < previous->disbursed) {
        const ParsedRow* blamed = point.row ? point.row : previous->row;
        if (blamed) {
          std::string other =
              previous->row && point.row ? "แถว " + std::to_string(previous->row->row) : "ที่บันทึกไว้";
          std::string other_en = previous->row && point.row
                                     ? "row " + std::to_string(previous->row->row)
                                     : "the stored figure";
          const Point& earlier = *previous;
          const Point& later = point;
          problem(
              blamed->row, parsed.disbursed_column,
              {"เบิกจ่ายสะสมของ " + to_string(later.month) + " (" +
                   thai::format_baht(later.disbursed) + ") น้อยกว่าของ " + to_string(earlier.month) +
                   " (" + thai::format_baht(earlier.disbursed) + ", " + other + ") ยอดสะสมลดลงไม่ได้",
               "disbursed to date at " + to_string(later.month) + " (" +
                   thai::format_baht(later.disbursed) + ") is below " + to_string(earlier.month) +
                   "'s (" + thai::format_baht(earlier.disbursed) + ", " + other_en +
                   "); a cumulative figure cannot go down"});
        }
      }
      previous = &point;
    }
  }

  if (out.problem_count > 0) return out;
  for (const auto& entry : accepted) {
    // The stored month, if any (positions are ordered by month).
    const auto& stored = entry.line->positions;
    auto found = std::lower_bound(
        stored.begin(), stored.end(), entry.row->month,
        [](const Position& position, const Month& month) { return position.month < month; });
    bool exists = found != stored.end() && found->month == entry.row->month;
    if (exists && found->po_outstanding == entry.row->po_outstanding &&
        found->disbursed_to_date == entry.row->disbursed_to_date) {
      out.unchanged += 1;
      continue;
    }
    Position position;
    position.month = entry.row->month;
    position.po_outstanding = entry.row->po_outstanding;
    position.disbursed_to_date = entry.row->disbursed_to_date;
    position.source = PositionSource::import;
    position.entered_by = entered_by;
    position.entered_at = entered_at;
    (exists ? out.updates : out.inserts).push_back({entry.line->line.id, std::move(position)});
  }
  return out;
}

}  // namespace changwat::action_plan
