#include "thai/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <pugixml.hpp>

#include "base/error.hpp"
#include "thai/csv_reader.hpp"
#include "thai/excel_format.hpp"
#include "thai/zip_archive.hpp"

namespace changwat::thai {
namespace {

constexpr std::size_t kMaxPartBytes = std::size_t{1} << 30;
constexpr std::uint32_t kMaxRowNumber = 1'048'576;
// pugixml drops whitespace-only text by default; a cell holding " " must survive.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

[[noreturn]] void throw_corrupt(const std::string& what_th, const std::string& what_en) {
  throw Error(ErrorKind::validation, "xlsx_corrupt",
              {"ไฟล์ Excel เสียหาย: " + what_th, "The Excel file is damaged: " + what_en});
}

[[noreturn]] void throw_not_workbook() {
  throw Error(ErrorKind::unsupported_media_type, "not_xlsx",
              {"ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)", "This file is not an Excel workbook (.xlsx)"});
}

// Element names may carry a namespace prefix ("x:row" in some generators).
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
    if (local_name(item) == name) return item;
  }
  return {};
}

// Relationship ids are "r:id" in practice but the prefix is the file's choice.
const char* relationship_id(const pugi::xml_node& node) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    std::string_view name = attribute.name();
    if (name == "id" || (name.size() > 3 && name.ends_with(":id"))) return attribute.value();
  }
  return "";
}

pugi::xml_document parse_part(std::string& xml, const std::string& part) {
  pugi::xml_document document;
  pugi::xml_parse_result result =
      document.load_buffer_inplace(xml.data(), xml.size(), kParseOptions, pugi::encoding_utf8);
  if (!result) throw_corrupt(part + " ไม่ใช่ XML ที่ถูกต้อง", part + " is not well-formed XML");
  return document;
}

// "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml";
// a leading "/" is from the package root; ".." steps up.
std::string resolve_target(std::string_view base_directory, std::string_view target) {
  std::string joined;
  if (target.starts_with('/')) {
    joined = target.substr(1);
  } else {
    joined = std::string(base_directory) + std::string(target);
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string resolved;
  for (const std::string& part : parts) {
    if (!resolved.empty()) resolved += '/';
    resolved += part;
  }
  return resolved;
}

std::string directory_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

// OOXML writes control characters as _xHHHH_ (e.g. _x000D_ for CR) inside text.
void append_unescaped(std::string& out, std::string_view text) {
  if (text.find("_x") == std::string_view::npos) {
    out.append(text);
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned value = 0;
      auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
      if (error == std::errc() && end == text.data() + i + 6) {
        if (value < 0x80) {
          out.push_back(static_cast<char>(value));
        } else if (value < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (value >> 6)));
          out.push_back(static_cast<char>(0x80 | (value & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (value >> 12)));
          out.push_back(static_cast<char>(0x80 | ((value >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (value & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
}

// Text of a shared-string item or inline string: plain <t>, or rich-text runs
// <r><t>; phonetic hints (<rPh>) are not part of the value.
std::string string_item_text(const pugi::xml_node& item) {
  std::string text;
  for (pugi::xml_node part = item.first_child(); part; part = part.next_sibling()) {
    std::string_view name = local_name(part);
    if (name == "t") {
      append_unescaped(text, part.child_value());
    } else if (name == "r") {
      pugi::xml_node run_text = child(part, "t");
      if (run_text) append_unescaped(text, run_text.child_value());
    }
  }
  return text;
}

struct SheetEntry {
  std::string name;
  std::string part;  // path inside the archive
};

// "B12" -> column 1, row 12.
bool parse_cell_reference(std::string_view reference, std::uint32_t& column, std::uint32_t& row) {
  std::size_t letters = 0;
  while (letters < reference.size() && ((reference[letters] >= 'A' && reference[letters] <= 'Z') ||
                                        (reference[letters] >= 'a' && reference[letters] <= 'z'))) {
    ++letters;
  }
  std::optional<std::uint32_t> index = column_index_from_letters(reference.substr(0, letters));
  if (!index) return false;
  std::string_view digits = reference.substr(letters);
  std::uint32_t number = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc() || end != digits.data() + digits.size() || number == 0 ||
      number > kMaxRowNumber) {
    return false;
  }
  column = *index;
  row = number;
  return true;
}

bool parse_double(std::string_view text, double& value) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '+')) text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<std::uint32_t> column_index_from_letters(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : letters) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return std::nullopt;
    value = value * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
  }
  if (value > 16'384) return std::nullopt;  // XFD
  return value - 1;
}

const XlsxValue* XlsxRow::find(std::uint32_t column) const {
  // Rows are usually dense: try the direct slot before searching.
  if (column < cells.size() && cells[column].column == column) return &cells[column];
  auto found = std::lower_bound(
      cells.begin(), cells.end(), column,
      [](const XlsxValue& cell, std::uint32_t wanted) { return cell.column < wanted; });
  return found != cells.end() && found->column == column ? &*found : nullptr;
}

struct XlsxReader::State {
  ZipArchive archive;
  std::vector<SheetEntry> sheets;
  std::vector<std::string> sheet_names;
  std::vector<std::string> shared_strings;
  std::vector<excel::FormatClass> cell_formats;  // by cell style (xf) index
  bool date_1904 = false;

  explicit State(std::string bytes) : archive(std::move(bytes)) {}

  std::optional<std::string> read(const std::string& part) const {
    return archive.read(part, kMaxPartBytes);
  }

  void load_styles(const std::string& part) {
    std::optional<std::string> xml = read(part);
    if (!xml) return;
    pugi::xml_document document = parse_part(*xml, part);
    pugi::xml_node style_sheet = document.first_child();
    std::map<unsigned, std::string> custom_formats;
    for (pugi::xml_node format : child(style_sheet, "numFmts").children()) {
      custom_formats[format.attribute("numFmtId").as_uint()] =
          format.attribute("formatCode").value();
    }
    for (pugi::xml_node xf : child(style_sheet, "cellXfs").children()) {
      unsigned id = xf.attribute("numFmtId").as_uint();
      auto custom = custom_formats.find(id);
      cell_formats.push_back(excel::classify_number_format(
          id, custom == custom_formats.end() ? std::string_view() : custom->second));
    }
  }

  void load_shared_strings(const std::string& part) {
    std::optional<std::string> xml = read(part);
    if (!xml) return;
    pugi::xml_document document = parse_part(*xml, part);
    pugi::xml_node table = document.first_child();
    std::uint32_t count = table.attribute("uniqueCount").as_uint();
    shared_strings.reserve(std::min<std::uint32_t>(count, 1'000'000));
    for (pugi::xml_node item = table.first_child(); item; item = item.next_sibling()) {
      if (local_name(item) == "si") shared_strings.push_back(string_item_text(item));
    }
  }

  void load_workbook() {
    // The package relationships name the main part; nearly always xl/workbook.xml.
    std::string workbook_part = "xl/workbook.xml";
    if (std::optional<std::string> rels = read("_rels/.rels")) {
      pugi::xml_document document = parse_part(*rels, "_rels/.rels");
      for (pugi::xml_node relation : document.first_child().children()) {
        std::string_view type = relation.attribute("Type").value();
        if (type.ends_with("/officeDocument")) {
          workbook_part = resolve_target("", relation.attribute("Target").value());
        }
      }
    }
    std::optional<std::string> workbook_xml = read(workbook_part);
    if (!workbook_xml) throw_not_workbook();

    const std::string base = directory_of(workbook_part);
    std::map<std::string, std::string, std::less<>> targets;
    std::string shared_strings_part = base + "sharedStrings.xml";
    std::string styles_part = base + "styles.xml";
    std::string rels_part = base + "_rels/" + workbook_part.substr(base.size()) + ".rels";
    if (std::optional<std::string> rels = read(rels_part)) {
      pugi::xml_document document = parse_part(*rels, rels_part);
      for (pugi::xml_node relation : document.first_child().children()) {
        std::string_view type = relation.attribute("Type").value();
        std::string target = resolve_target(base, relation.attribute("Target").value());
        if (type.ends_with("/sharedStrings")) shared_strings_part = target;
        if (type.ends_with("/styles")) styles_part = target;
        targets[relation.attribute("Id").value()] = target;
      }
    }

    pugi::xml_document document = parse_part(*workbook_xml, workbook_part);
    pugi::xml_node workbook = document.first_child();
    if (local_name(workbook) != "workbook") throw_not_workbook();
    std::string_view date_1904_value = child(workbook, "workbookPr").attribute("date1904").value();
    date_1904 = date_1904_value == "1" || date_1904_value == "true";
    for (pugi::xml_node sheet : child(workbook, "sheets").children()) {
      if (local_name(sheet) != "sheet") continue;
      auto target = targets.find(std::string_view(relationship_id(sheet)));
      if (target == targets.end()) {
        throw_corrupt(std::string("ไม่พบแผ่นงาน ") + sheet.attribute("name").value(),
                      std::string("missing sheet ") + sheet.attribute("name").value());
      }
      sheets.push_back({sheet.attribute("name").value(), target->second});
      sheet_names.push_back(sheets.back().name);
    }
    load_shared_strings(shared_strings_part);
    load_styles(styles_part);
  }

  // Fills `cell` from <c>; returns false for a cell with no value.
  bool read_cell(const pugi::xml_node& c, XlsxValue& cell) const {
    std::string_view type = c.attribute("t").value();
    pugi::xml_node value_node;
    for (pugi::xml_node item = c.first_child(); item; item = item.next_sibling()) {
      std::string_view name = local_name(item);
      if (name == "v") value_node = item;
      if (name == "is" && type == "inlineStr") {
        cell.kind = XlsxValueKind::text;
        cell.text = string_item_text(item);
        return true;
      }
    }
    if (!value_node) return false;  // styled but empty, or a formula never calculated
    std::string_view value = value_node.child_value();

    if (type == "s") {
      std::uint32_t index = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (error != std::errc() || index >= shared_strings.size()) {
        throw_corrupt("ข้อความร่วมลำดับ " + std::string(value) + " ไม่มีอยู่",
                      "shared string " + std::string(value) + " does not exist");
      }
      cell.kind = XlsxValueKind::text;
      cell.text = shared_strings[index];
      return true;
    }
    if (type == "str" || type == "inlineStr") {
      cell.kind = XlsxValueKind::text;
      cell.text.clear();
      append_unescaped(cell.text, value);
      return true;
    }
    if (type == "b") {
      cell.kind = XlsxValueKind::boolean;
      cell.number = value == "1" || value == "true" ? 1 : 0;
      cell.text = cell.number != 0 ? "TRUE" : "FALSE";
      return true;
    }
    if (type == "e") {
      cell.kind = XlsxValueKind::error;
      cell.text = value;
      return true;
    }
    if (type == "d") {  // ISO 8601 date (strict OOXML and some generators)
      cell.kind = XlsxValueKind::date;
      cell.text = value.ends_with("T00:00:00") ? value.substr(0, value.size() - 9) : value;
      cell.number = 0;
      return true;
    }
    if (!parse_double(value, cell.number)) {
      throw_corrupt("ค่าตัวเลข \"" + std::string(value) + "\" ไม่ถูกต้อง",
                    "bad number \"" + std::string(value) + "\"");
    }
    cell.kind = XlsxValueKind::number;
    cell.text = value;
    std::uint32_t style = c.attribute("s").as_uint();
    if (style < cell_formats.size()) {
      switch (cell_formats[style]) {
        case excel::FormatClass::percent:
          cell.kind = XlsxValueKind::percent;
          break;
        case excel::FormatClass::date:
        case excel::FormatClass::date_time: {
          bool with_time = cell_formats[style] == excel::FormatClass::date_time &&
                           cell.number != static_cast<double>(static_cast<long long>(cell.number));
          if (auto iso = excel::iso_from_serial(cell.number, date_1904, with_time)) {
            cell.kind = XlsxValueKind::date;
            cell.text = std::move(*iso);
          }
          break;
        }
        case excel::FormatClass::number:
        case excel::FormatClass::time:
          break;
      }
    }
    return true;
  }

  // Hands out a mutable row so read_sheet can move the cells instead of copying.
  void for_each_row(const SheetEntry& sheet, const std::function<void(XlsxRow&)>& on_row) const {
    std::optional<std::string> xml = read(sheet.part);
    if (!xml) {
      throw_corrupt("ไม่พบข้อมูลของแผ่นงาน " + sheet.name, "no data for sheet " + sheet.name);
    }
    pugi::xml_document document = parse_part(*xml, sheet.part);
    pugi::xml_node sheet_data = child(document.first_child(), "sheetData");
    XlsxRow row;
    std::uint32_t previous_row = 0;
    for (pugi::xml_node row_node = sheet_data.first_child(); row_node;
         row_node = row_node.next_sibling()) {
      if (local_name(row_node) != "row") continue;
      // Both row and cell references are optional; without them, positions follow on.
      std::uint32_t number = row_node.attribute("r").as_uint(previous_row + 1);
      if (number == 0 || number > kMaxRowNumber || number <= previous_row) {
        throw_corrupt("เลขแถว " + std::to_string(number) + " ไม่ถูกต้อง",
                      "bad row number " + std::to_string(number));
      }
      previous_row = number;
      row.number = number;
      row.cells.clear();
      std::uint32_t next_column = 0;
      for (pugi::xml_node c = row_node.first_child(); c; c = c.next_sibling()) {
        if (local_name(c) != "c") continue;
        std::uint32_t column = next_column;
        if (pugi::xml_attribute reference = c.attribute("r")) {
          std::uint32_t reference_row = 0;
          if (!parse_cell_reference(reference.value(), column, reference_row) ||
              reference_row != number) {
            throw_corrupt(std::string("ตำแหน่งเซลล์ ") + reference.value() + " ไม่ถูกต้อง",
                          std::string("bad cell reference ") + reference.value());
          }
        }
        if (column >= 16'384 || (!row.cells.empty() && column <= row.cells.back().column)) {
          throw_corrupt("ลำดับเซลล์ในแถว " + std::to_string(number) + " ไม่ถูกต้อง",
                        "cells out of order in row " + std::to_string(number));
        }
        next_column = column + 1;
        XlsxValue cell;
        cell.column = column;
        if (read_cell(c, cell)) row.cells.push_back(std::move(cell));
      }
      if (!row.cells.empty()) on_row(row);
    }
  }

  const SheetEntry& sheet_by_name(std::string_view name) const {
    for (const SheetEntry& sheet : sheets) {
      if (sheet.name == name) return sheet;
    }
    throw_not_found("แผ่นงาน \"" + std::string(name) + "\"", "Sheet \"" + std::string(name) + "\"");
  }
};

XlsxReader::XlsxReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
XlsxReader::~XlsxReader() = default;
XlsxReader::XlsxReader(XlsxReader&&) noexcept = default;
XlsxReader& XlsxReader::operator=(XlsxReader&&) noexcept = default;

XlsxReader XlsxReader::from_bytes(std::string bytes) {
  auto state = std::make_unique<State>(std::move(bytes));
  state->load_workbook();
  return XlsxReader(std::move(state));
}

XlsxReader XlsxReader::open(const std::filesystem::path& path) {
  return from_bytes(read_file_bytes(path));
}

const std::vector<std::string>& XlsxReader::sheet_names() const { return state_->sheet_names; }

void XlsxReader::for_each_row(std::string_view sheet_name,
                              const std::function<void(const XlsxRow&)>& on_row) const {
  state_->for_each_row(state_->sheet_by_name(sheet_name), [&](XlsxRow& row) { on_row(row); });
}

XlsxTable XlsxReader::read_sheet(std::string_view name) const {
  const SheetEntry& sheet = state_->sheet_by_name(name);
  XlsxTable table;
  table.name = sheet.name;
  state_->for_each_row(sheet, [&](XlsxRow& row) { table.rows.push_back(std::move(row)); });
  return table;
}

XlsxTable XlsxReader::read_sheet(std::size_t index) const {
  if (index >= state_->sheets.size()) {
    throw_not_found("แผ่นงานลำดับที่ " + std::to_string(index + 1),
                    "Sheet number " + std::to_string(index + 1));
  }
  return read_sheet(state_->sheets[index].name);
}

}  // namespace changwat::thai
