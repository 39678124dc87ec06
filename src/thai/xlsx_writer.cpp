#include "thai/xlsx_writer.hpp"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <system_error>

#include "base/error.hpp"
#include "thai/csv_reader.hpp"
#include "thai/excel_format.hpp"
#include "thai/number_format.hpp"

namespace changwat::thai {

struct XlsxSheet::Formats {
  lxw_format* header;
  lxw_format* integer;
  // "#,##0.0" … "#,##0.0000": a fraction in a number column, with its decimals.
  std::array<lxw_format*, excel::kMaxShownDecimals + 1> decimals{};
  lxw_format* year;
  lxw_format* baht;
  lxw_format* percent;
  lxw_format* date;
};

namespace {

constexpr std::size_t kMaxRows = 1'048'576;  // Excel's sheet limit, header included
constexpr double kMinimumWidth = 8.0;
constexpr double kMaximumWidth = 60.0;

[[noreturn]] void throw_writer_failure(const char* what, lxw_error error) {
  throw Error(
      ErrorKind::internal, "xlsx_write_failed",
      {std::string("เขียนไฟล์ Excel ไม่สำเร็จ (") + what + "): " + lxw_strerror(error),
       std::string("Could not write the Excel file (") + what + "): " + lxw_strerror(error)});
}

[[noreturn]] void throw_mismatch(const XlsxColumn& column, std::size_t row, const char* why) {
  throw Error(ErrorKind::internal, "xlsx_cell_mismatch",
              {"ค่าในแถว " + std::to_string(row) + " คอลัมน์ \"" + column.header +
                   "\" ไม่ตรงกับชนิดของคอลัมน์: " + why,
               "Row " + std::to_string(row) + " column \"" + column.header +
                   "\" does not fit the column kind: " + why});
}

// Decodes the code point at `pos` (already well-formed UTF-8 in practice; a stray
// byte counts as one character so widths stay sane on bad input).
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (pos + static_cast<std::size_t>(length) > text.size()) length = 1;
  char32_t code_point = length == 1   ? lead
                        : length == 2 ? lead & 0x1F
                        : length == 3 ? lead & 0x0F
                                      : lead & 0x07;
  for (int i = 1; i < length; ++i) code_point = (code_point << 6) | (byte(pos + i) & 0x3F);
  pos += static_cast<std::size_t>(length);
  return code_point;
}

bool takes_no_width(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E) ||
         (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200D) || c == 0xFEFF;
}

// Excel measures column width in digit widths of the default font. Thai letters
// are a little wider than digits, and the header is bold; pad for both.
double column_units(std::size_t characters) {
  return std::clamp(static_cast<double>(characters) * 1.15 + 2.0, kMinimumWidth, kMaximumWidth);
}

std::size_t digit_count(long long value) {
  std::size_t digits = 1;
  unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                           : static_cast<unsigned long long>(value);
  while (magnitude >= 10) {
    magnitude /= 10;
    ++digits;
  }
  return digits;
}

// Characters of "1,234,567" for a whole number.
std::size_t grouped_width(long long value) {
  std::size_t digits = digit_count(value);
  return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0);
}

std::filesystem::path make_temporary_file() {
  std::string pattern = (std::filesystem::temp_directory_path() / "changwat-xlsx-XXXXXX").string();
  int descriptor = mkstemp(pattern.data());
  if (descriptor < 0) {
    throw Error(ErrorKind::internal, "xlsx_temp_file",
                {"สร้างไฟล์ชั่วคราวสำหรับ Excel ไม่ได้", "Could not create a temporary file for Excel"});
  }
  ::close(descriptor);
  return pattern;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    if (!takes_no_width(next_code_point(utf8, pos))) ++width;
  }
  return width;
}

XlsxSheet::XlsxSheet(lxw_worksheet* worksheet, const Formats* formats, std::string name,
                     std::vector<XlsxColumn> columns)
    : worksheet_(worksheet),
      formats_(formats),
      name_(std::move(name)),
      columns_(std::move(columns)) {
  widths_.reserve(columns_.size());
  for (std::size_t column = 0; column < columns_.size(); ++column) {
    const std::string& header = columns_[column].header;
    lxw_error error = worksheet_write_string(worksheet_, 0, static_cast<lxw_col_t>(column),
                                             header.c_str(), formats_->header);
    if (error != LXW_NO_ERROR) throw_writer_failure("header", error);
    widths_.push_back(column_units(display_width(header)));
  }
  worksheet_freeze_panes(worksheet_, 1, 0);
}

void XlsxSheet::add_row(const std::vector<XlsxCell>& cells) {
  const std::size_t sheet_row = rows_written_ + 1;  // 0 is the header
  if (sheet_row >= kMaxRows) {
    throw Error(
        ErrorKind::validation, "xlsx_too_many_rows",
        {"แผ่นงาน Excel มีได้ไม่เกิน 1,048,576 แถว", "An Excel sheet holds at most 1,048,576 rows"});
  }
  if (cells.size() > columns_.size()) {
    throw Error(ErrorKind::internal, "xlsx_cell_mismatch",
                {"แถวมีค่ามากกว่าจำนวนคอลัมน์", "The row has more cells than the sheet has columns"});
  }
  const auto row = static_cast<lxw_row_t>(sheet_row);
  const std::size_t user_row = sheet_row + 1;  // as Excel numbers it
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const XlsxColumn& column = columns_[index];
    const auto col = static_cast<lxw_col_t>(index);
    const XlsxCell& cell = cells[index];
    lxw_error error = LXW_NO_ERROR;
    std::size_t characters = 0;
    if (std::holds_alternative<std::monostate>(cell)) continue;

    switch (column.kind) {
      case ColumnKind::text:
        if (const auto* text = std::get_if<std::string>(&cell)) {
          error = worksheet_write_string(worksheet_, row, col, text->c_str(), nullptr);
          characters = display_width(*text);
        } else if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
          error =
              worksheet_write_number(worksheet_, row, col, static_cast<double>(*whole), nullptr);
          characters = digit_count(*whole);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          error = worksheet_write_number(worksheet_, row, col, *number, nullptr);
          characters = 12;
        } else {
          throw_mismatch(column, user_row, "date in a text column");
        }
        break;
      case ColumnKind::integer:
        if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
          error = worksheet_write_number(worksheet_, row, col, static_cast<double>(*whole),
                                         formats_->integer);
          characters = grouped_width(*whole);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          // A whole number shows as 1,234; a fraction with the decimals it has
          // (98.5 → 98.5, never rounded to 99 by the format).
          const int decimals = decimals_of(*number, excel::kMaxShownDecimals);
          error = worksheet_write_number(
              worksheet_, row, col, *number,
              decimals == 0 ? formats_->integer : formats_->decimals[decimals]);
          characters = grouped_width(static_cast<std::int64_t>(std::trunc(*number))) +
                       (decimals == 0 ? 0 : decimals + 1);
        } else {
          throw_mismatch(column, user_row, "integer column needs a number");
        }
        break;
      case ColumnKind::year: {
        std::optional<std::int64_t> year;
        if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
          year = *whole;
        } else if (const auto* number = std::get_if<double>(&cell)) {
          if (std::isfinite(*number) && *number == std::trunc(*number))
            year = static_cast<std::int64_t>(*number);
        }
        if (!year) throw_mismatch(column, user_row, "year column needs a whole number");
        error = worksheet_write_number(worksheet_, row, col, static_cast<double>(*year),
                                       formats_->year);
        characters = digit_count(*year);
        break;
      }
      case ColumnKind::baht:
        if (const auto* satang = std::get_if<std::int64_t>(&cell)) {
          error = worksheet_write_number(worksheet_, row, col, static_cast<double>(*satang) / 100.0,
                                         formats_->baht);
          characters = grouped_width(*satang / 100) + 3 + 4;  // ".50" and " บาท"
        } else {
          throw_mismatch(column, user_row, "baht column needs satang (a whole number)");
        }
        break;
      case ColumnKind::percent: {
        double points;
        if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
          points = static_cast<double>(*whole);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          points = *number;
        } else {
          throw_mismatch(column, user_row, "percent column needs a number");
        }
        error = worksheet_write_number(worksheet_, row, col, points / 100.0, formats_->percent);
        characters = grouped_width(std::llround(points)) + 4;
        break;
      }
      case ColumnKind::date:
        if (const auto* date = std::get_if<Date>(&cell)) {
          if (!is_valid_date(date->year, date->month, date->day)) {
            throw_mismatch(column, user_row, "impossible date");
          }
          error = worksheet_write_number(worksheet_, row, col, excel::serial_from_date(*date),
                                         formats_->date);
          characters = 12;  // "15 ม.ค. 2568"
        } else {
          throw_mismatch(column, user_row, "date column needs a date");
        }
        break;
    }
    if (error != LXW_NO_ERROR) throw_writer_failure("cell", error);
    widths_[index] = std::max(widths_[index], column_units(characters));
  }
  ++rows_written_;
}

void XlsxSheet::apply_column_widths() {
  for (std::size_t column = 0; column < widths_.size(); ++column) {
    lxw_error error =
        worksheet_set_column(worksheet_, static_cast<lxw_col_t>(column),
                             static_cast<lxw_col_t>(column), widths_[column], nullptr);
    if (error != LXW_NO_ERROR) throw_writer_failure("column width", error);
  }
}

XlsxWriter::XlsxWriter() : temporary_path_(make_temporary_file()) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_FALSE;
  workbook_ = workbook_new_opt(temporary_path_.c_str(), &options);
  if (workbook_ == nullptr) {
    std::filesystem::remove(temporary_path_);
    throw Error(ErrorKind::internal, "xlsx_write_failed",
                {"เริ่มสร้างไฟล์ Excel ไม่ได้", "Could not start an Excel workbook"});
  }
  formats_ = std::make_unique<XlsxSheet::Formats>();
  formats_->header = workbook_add_format(workbook_);
  format_set_bold(formats_->header);
  format_set_bg_color(formats_->header, 0xD9E2F3);
  format_set_bottom(formats_->header, LXW_BORDER_THIN);
  format_set_align(formats_->header, LXW_ALIGN_CENTER);
  formats_->integer = workbook_add_format(workbook_);
  format_set_num_format(formats_->integer, excel::kIntegerFormat);
  for (int decimals = 1; decimals <= excel::kMaxShownDecimals; ++decimals) {
    formats_->decimals[decimals] = workbook_add_format(workbook_);
    format_set_num_format(formats_->decimals[decimals], excel::decimal_format(decimals).c_str());
  }
  formats_->year = workbook_add_format(workbook_);
  format_set_num_format(formats_->year, excel::kYearFormat);
  formats_->baht = workbook_add_format(workbook_);
  format_set_num_format(formats_->baht, excel::kBahtFormat);
  formats_->percent = workbook_add_format(workbook_);
  format_set_num_format(formats_->percent, excel::kPercentFormat);
  formats_->date = workbook_add_format(workbook_);
  format_set_num_format(formats_->date, excel::kThaiDateFormat);
}

XlsxWriter::~XlsxWriter() {
  if (!closed_) {
    // libxlsxwriter frees its memory only in workbook_close, which also writes
    // the file; the half-made file is then discarded.
    workbook_close(workbook_);
  }
  std::error_code ignored;  // nothing useful to do if a temp file is already gone
  std::filesystem::remove(temporary_path_, ignored);
}

XlsxSheet& XlsxWriter::add_sheet(std::string_view name, std::vector<XlsxColumn> columns) {
  if (closed_) {
    throw Error(ErrorKind::internal, "xlsx_closed",
                {"ไฟล์ Excel ถูกบันทึกไปแล้ว", "The Excel workbook was already saved"});
  }
  std::string sheet_name(name);
  lxw_error check = sheet_name.empty()
                        ? LXW_ERROR_NULL_PARAMETER_IGNORED
                        : workbook_validate_sheet_name(workbook_, sheet_name.c_str());
  if (check != LXW_NO_ERROR) {
    Message why{
        "ชื่อแผ่นงาน \"" + sheet_name +
            "\" ใช้ไม่ได้ (ต้องไม่ว่าง ไม่ซ้ำ ยาวไม่เกิน 31 ตัวอักษร และไม่มี [ ] : * ? / \\)",
        "Sheet name \"" + sheet_name +
            "\" is not allowed (non-empty, unique, at most 31 characters, none of []:*?/\\)"};
    throw Error(ErrorKind::validation, "xlsx_sheet_name", why, {{"sheet", why}});
  }
  if (columns.size() > 16'384) {
    throw Error(
        ErrorKind::validation, "xlsx_too_many_columns",
        {"แผ่นงาน Excel มีได้ไม่เกิน 16,384 คอลัมน์", "An Excel sheet holds at most 16,384 columns"});
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (worksheet == nullptr) throw_writer_failure("sheet", LXW_ERROR_MEMORY_MALLOC_FAILED);
  sheets_.push_back(std::unique_ptr<XlsxSheet>(
      new XlsxSheet(worksheet, formats_.get(), std::move(sheet_name), std::move(columns))));
  return *sheets_.back();
}

void XlsxWriter::close() {
  if (closed_) {
    throw Error(ErrorKind::internal, "xlsx_closed",
                {"ไฟล์ Excel ถูกบันทึกไปแล้ว", "The Excel workbook was already saved"});
  }
  if (sheets_.empty()) add_sheet("Sheet1", {});  // Excel refuses a workbook with no sheet
  for (auto& sheet : sheets_) sheet->apply_column_widths();
  closed_ = true;
  lxw_error error = workbook_close(workbook_);
  if (error != LXW_NO_ERROR) throw_writer_failure("close", error);
}

void XlsxWriter::save(const std::filesystem::path& path) {
  close();
  std::error_code rename_error;
  std::filesystem::rename(temporary_path_, path, rename_error);
  if (!rename_error) return;
  // A rename cannot cross file systems (/tmp is often tmpfs); copy instead.
  std::error_code copy_error;
  std::filesystem::copy_file(temporary_path_, path,
                             std::filesystem::copy_options::overwrite_existing, copy_error);
  if (copy_error) {
    throw Error(
        ErrorKind::internal, "xlsx_write_failed",
        {"บันทึกไฟล์ Excel ที่ " + path.string() + " ไม่ได้: " + copy_error.message(),
         "Could not save the Excel file to " + path.string() + ": " + copy_error.message()});
  }
}

std::string XlsxWriter::to_bytes() {
  close();
  return read_file_bytes(temporary_path_);
}

}  // namespace changwat::thai
