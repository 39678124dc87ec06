#include "thai/table_import.hpp"

#include <algorithm>
#include <map>

#include "thai/import_values.hpp"
#include "thai/text.hpp"

namespace changwat::thai {
namespace {

constexpr std::uint32_t kMissing = UINT32_MAX;

// Headers match after Unicode normalization, white-space collapsing and ASCII
// case folding: " งบประมาณ  (บาท)" typed by hand still finds "งบประมาณ (บาท)".
std::string header_key(std::string_view header) {
  std::string key = normalize(trim_space(header));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

Message located(std::size_t row, const std::string& column, const Message& why) {
  std::string number = std::to_string(row);
  return {"แถว " + number + " คอลัมน์ \"" + column + "\": " + why.th,
          "row " + number + " column \"" + column + "\": " + why.en};
}

// Collects rows and problems as records stream in from either reader.
class ImportSession {
 public:
  ImportSession(std::span<const ImportField> fields, const ImportOptions& options)
      : fields_(std::make_shared<const std::vector<ImportField>>(fields.begin(), fields.end())),
        options_(options),
        columns_(fields.size(), kMissing) {
    check_field_keys();
  }

  bool has_header() const { return header_row_ != 0; }

  // `headers` are (column, text) pairs of the header row.
  void accept_header(std::size_t row,
                     const std::vector<std::pair<std::uint32_t, std::string>>& headers) {
    header_row_ = row;
    std::map<std::string, std::size_t> field_by_header;
    for (std::size_t index = 0; index < fields_->size(); ++index) {
      const ImportField& field = (*fields_)[index];
      field_by_header[header_key(field.header)] = index;
      for (const std::string& alias : field.aliases) field_by_header[header_key(alias)] = index;
    }
    for (const auto& [column, text] : headers) {
      auto found = field_by_header.find(header_key(text));
      if (found == field_by_header.end()) continue;  // a column nobody asked for
      std::size_t index = found->second;
      if (columns_[index] != kMissing) {
        add_problem(row, (*fields_)[index].header,
                    {"มีหัวคอลัมน์นี้มากกว่าหนึ่งคอลัมน์", "this header appears more than once"});
        continue;
      }
      columns_[index] = column;
    }
    for (std::size_t index = 0; index < fields_->size(); ++index) {
      const ImportField& field = (*fields_)[index];
      if (columns_[index] == kMissing && field.required) {
        add_problem(row, field.header,
                    {"ไม่พบคอลัมน์นี้ในแถวหัวตาราง", "column not found in the header row"});
      }
    }
    header_failed_ = problem_count_ > 0;
  }

  // `cell_at(column)` gives a RawCell for a 0-based column.
  template <typename CellAt>
  void accept_row(std::size_t row, const CellAt& cell_at) {
    if (header_failed_) return;  // every row would repeat the header problem
    std::vector<ImportedRow::Value> values(fields_->size());
    bool row_ok = true;
    for (std::size_t index = 0; index < fields_->size(); ++index) {
      if (columns_[index] == kMissing) continue;
      const ImportField& field = (*fields_)[index];
      RawCell cell = cell_at(columns_[index]);
      if (is_blank(cell)) {
        if (field.required) {
          add_problem(row, field.header, {"ต้องระบุค่า", "a value is required"});
          row_ok = false;
        }
        continue;
      }
      ConvertedValue converted = convert_cell(cell, field.kind);
      if (const Message* why = std::get_if<Message>(&converted)) {
        add_problem(row, field.header, *why);
        row_ok = false;
        continue;
      }
      values[index] = std::move(std::get<ImportedRow::Value>(converted));
    }
    // Without allow_partial the rows are thrown away at the first problem anyway.
    if (row_ok && (options_.allow_partial || problem_count_ == 0)) {
      result_.rows.emplace_back(row, fields_, std::move(values));
    }
  }

  ImportResult finish() {
    if (header_row_ == 0) {
      throw Error(ErrorKind::validation, "import_empty",
                  {"ไม่พบแถวหัวตารางในไฟล์", "The file has no header row"});
    }
    if (problem_count_ > 0 && (!options_.allow_partial || header_failed_)) {
      std::map<std::string, Message> by_field;
      for (const ImportProblem& problem : result_.problems) {
        by_field.emplace("row " + std::to_string(problem.row) + ": " + problem.column,
                         problem.message);
      }
      std::string count = std::to_string(problem_count_);
      throw Error(ErrorKind::validation, "import_invalid",
                  {"ข้อมูลที่นำเข้าไม่ถูกต้อง " + count + " รายการ ไม่ได้นำเข้าแถวใดเลย",
                   count + " problem(s) in the imported data; no row was imported"},
                  std::move(by_field));
    }
    result_.problem_count = problem_count_;
    return std::move(result_);
  }

 private:
  void check_field_keys() const {
    std::map<std::string_view, int> seen;
    for (const ImportField& field : *fields_) {
      if (++seen[field.key] > 1 || field.key.empty() || field.header.empty()) {
        throw Error(
            ErrorKind::internal, "import_fields",
            {"รายการคอลัมน์สำหรับนำเข้าไม่ถูกต้อง: " + field.key, "Bad import field list: " + field.key});
      }
    }
  }

  void add_problem(std::size_t row, const std::string& column, const Message& why) {
    ++problem_count_;
    if (result_.problems.size() < options_.max_listed_problems) {
      result_.problems.push_back({row, column, located(row, column, why)});
    }
  }

  std::shared_ptr<const std::vector<ImportField>> fields_;
  ImportOptions options_;
  std::vector<std::uint32_t> columns_;  // file column of each field
  std::size_t header_row_ = 0;
  bool header_failed_ = false;
  std::size_t problem_count_ = 0;
  ImportResult result_;
};

[[noreturn]] void throw_wrong_kind(std::string_view key) {
  throw Error(ErrorKind::internal, "import_field_kind",
              {"อ่านค่าของคอลัมน์ " + std::string(key) + " ผิดชนิด",
               "Field " + std::string(key) + " read as the wrong kind"});
}

}  // namespace

ImportedRow::ImportedRow(std::size_t number, std::shared_ptr<const std::vector<ImportField>> fields,
                         std::vector<Value> values)
    : number_(number), fields_(std::move(fields)), values_(std::move(values)) {}

const ImportedRow::Value& ImportedRow::value(std::string_view key, FieldKind kind) const {
  for (std::size_t index = 0; index < fields_->size(); ++index) {
    if ((*fields_)[index].key != key) continue;
    if ((*fields_)[index].kind != kind) throw_wrong_kind(key);
    return values_[index];
  }
  throw Error(ErrorKind::internal, "import_field_unknown",
              {"ไม่มีคอลัมน์นำเข้าชื่อ " + std::string(key), "No import field " + std::string(key)});
}

std::optional<std::string> ImportedRow::text(std::string_view key) const {
  const Value& stored = value(key, FieldKind::text);
  if (const auto* text = std::get_if<std::string>(&stored)) return *text;
  return std::nullopt;
}

std::optional<std::int64_t> ImportedRow::integer(std::string_view key) const {
  const Value& stored = value(key, FieldKind::integer);
  if (const auto* whole = std::get_if<std::int64_t>(&stored)) return *whole;
  return std::nullopt;
}

std::optional<Satang> ImportedRow::baht(std::string_view key) const {
  const Value& stored = value(key, FieldKind::baht);
  if (const auto* satang = std::get_if<std::int64_t>(&stored)) return *satang;
  return std::nullopt;
}

std::optional<Date> ImportedRow::date(std::string_view key) const {
  const Value& stored = value(key, FieldKind::date);
  if (const auto* date = std::get_if<Date>(&stored)) return *date;
  return std::nullopt;
}

std::optional<double> ImportedRow::percent(std::string_view key) const {
  const Value& stored = value(key, FieldKind::percent);
  if (const auto* points = std::get_if<double>(&stored)) return *points;
  return std::nullopt;
}

ImportResult import_csv(std::string_view bytes, std::span<const ImportField> fields,
                        const ImportOptions& options, const CsvOptions& csv) {
  ImportSession session(fields, options);
  for_each_csv_record(bytes, csv, [&](const CsvRecord& record) {
    bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                             [](std::string_view field) { return trim_space(field).empty(); });
    if (blank) return;
    if (!session.has_header()) {
      std::vector<std::pair<std::uint32_t, std::string>> headers;
      for (std::size_t column = 0; column < record.fields.size(); ++column) {
        headers.emplace_back(static_cast<std::uint32_t>(column),
                             std::string(record.fields[column]));
      }
      session.accept_header(record.number, headers);
      return;
    }
    session.accept_row(record.number, [&](std::uint32_t column) {
      RawCell cell;
      if (column < record.fields.size()) cell.text = record.fields[column];
      return cell;
    });
  });
  return session.finish();
}

ImportResult import_xlsx_sheet(const XlsxReader& workbook, std::string_view sheet_name,
                               std::span<const ImportField> fields, const ImportOptions& options) {
  ImportSession session(fields, options);
  workbook.for_each_row(sheet_name, [&](const XlsxRow& row) {
    bool blank = std::all_of(row.cells.begin(), row.cells.end(), [](const XlsxValue& cell) {
      return cell.kind == XlsxValueKind::text && trim_space(cell.text).empty();
    });
    if (blank) return;
    if (!session.has_header()) {
      std::vector<std::pair<std::uint32_t, std::string>> headers;
      for (const XlsxValue& cell : row.cells) headers.emplace_back(cell.column, cell.text);
      session.accept_header(row.number, headers);
      return;
    }
    session.accept_row(row.number, [&](std::uint32_t column) {
      RawCell cell;
      if (const XlsxValue* value = row.find(column)) {
        cell.kind = value->kind;
        cell.text = value->text;
        cell.number = value->number;
      }
      return cell;
    });
  });
  return session.finish();
}

}  // namespace changwat::thai
