#include "thai/csv_reader.hpp"

#include <cstring>
#include <fstream>
#include <optional>

#include "base/error.hpp"
#include "thai/charset.hpp"

namespace changwat::thai {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

[[noreturn]] void throw_malformed(std::size_t record_number, const char* why_th,
                                  const char* why_en) {
  std::string row = std::to_string(record_number);
  Message message{"ไฟล์ CSV ผิดรูปแบบที่แถว " + row + ": " + why_th,
                  "Malformed CSV at row " + row + ": " + why_en};
  throw Error(ErrorKind::validation, "csv_malformed", message, {{"row " + row, message}});
}

[[noreturn]] void throw_not_utf8() {
  throw Error(ErrorKind::validation, "csv_encoding",
              {"ไฟล์ CSV ไม่ได้เข้ารหัสเป็น UTF-8", "The CSV file is not valid UTF-8"});
}

// Holds the UTF-8 text to parse: a view of the caller's bytes when they already
// are UTF-8 (the common case, no copy), else the converted copy.
struct Utf8Text {
  std::optional<std::string> converted;
  std::string_view view;
};

Utf8Text to_utf8_text(std::string_view bytes, CsvEncoding encoding) {
  Utf8Text text;
  auto keep = [&](std::string_view utf8) { text.view = utf8; };
  auto convert = [&](std::string utf8) {
    text.converted = std::move(utf8);
    text.view = *text.converted;
  };
  switch (encoding) {
    case CsvEncoding::windows_874:
      convert(windows_874_to_utf8(bytes));
      break;
    case CsvEncoding::utf8:
      if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
      if (!is_valid_utf8_fast(bytes)) throw_not_utf8();
      keep(bytes);
      break;
    case CsvEncoding::detect:
      if (bytes.starts_with(kUtf8Bom)) {
        bytes.remove_prefix(kUtf8Bom.size());
        if (!is_valid_utf8_fast(bytes)) throw_not_utf8();
        keep(bytes);
      } else if (bytes.starts_with(kUtf16LeBom)) {
        convert(utf16_to_utf8(bytes.substr(kUtf16LeBom.size()), false));
      } else if (bytes.starts_with(kUtf16BeBom)) {
        convert(utf16_to_utf8(bytes.substr(kUtf16BeBom.size()), true));
      } else if (is_valid_utf8_fast(bytes)) {
        keep(bytes);
      } else {
        convert(windows_874_to_utf8(bytes));
      }
      break;
  }
  return text;
}

// One field of the record being parsed: either a span of the input or, when it
// had "" escapes, a span of the record's scratch buffer. Views are made only when
// the record is complete because the scratch buffer may grow meanwhile.
struct FieldSpan {
  std::size_t begin;
  std::size_t length;
  bool in_scratch;
};

class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
    // A table lookup is cheaper than three comparisons per byte in the hot loop.
    std::memset(stops_, 0, sizeof(stops_));
    stops_[static_cast<unsigned char>(delimiter)] = true;
    stops_[static_cast<unsigned char>('\n')] = true;
    stops_[static_cast<unsigned char>('\r')] = true;
  }

  void run(const std::function<void(const CsvRecord&)>& on_record) {
    const char* data = text_.data();
    const std::size_t size = text_.size();
    std::size_t pos = 0;
    std::size_t record_number = 0;
    while (pos < size) {
      ++record_number;
      spans_.clear();
      scratch_.clear();
      for (;;) {
        if (pos < size && data[pos] == '"') {
          pos = read_quoted(pos + 1, record_number);
        } else {
          std::size_t start = pos;
          while (pos < size && !stops_[static_cast<unsigned char>(data[pos])]) ++pos;
          spans_.push_back({start, pos - start, false});
        }
        if (pos >= size) break;
        char c = data[pos];
        if (c == delimiter_) {
          ++pos;
          continue;
        }
        if (c == '\r') {
          ++pos;
          if (pos < size && data[pos] == '\n') ++pos;
          break;
        }
        if (c == '\n') {
          ++pos;
          break;
        }
        throw_malformed(record_number, "มีข้อความต่อจากเครื่องหมายคำพูดปิด", "text after a closing quote");
      }
      emit(record_number, on_record);
    }
  }

 private:
  // Reads a quoted field whose content starts at `pos`; returns the position
  // just after the closing quote.
  std::size_t read_quoted(std::size_t pos, std::size_t record_number) {
    const char* data = text_.data();
    const std::size_t size = text_.size();
    std::size_t start = pos;
    bool has_escapes = false;
    std::size_t scratch_begin = 0;
    for (;;) {
      const void* found = pos < size ? std::memchr(data + pos, '"', size - pos) : nullptr;
      if (found == nullptr) {
        throw_malformed(record_number, "เครื่องหมายคำพูดไม่ได้ปิด", "unclosed quote");
      }
      std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - data);
      if (quote + 1 < size && data[quote + 1] == '"') {
        if (!has_escapes) {
          has_escapes = true;
          scratch_begin = scratch_.size();
        }
        scratch_.append(data + start, quote + 1 - start);  // keeps one of the two quotes
        pos = quote + 2;
        start = pos;
        continue;
      }
      if (has_escapes) {
        scratch_.append(data + start, quote - start);
        spans_.push_back({scratch_begin, scratch_.size() - scratch_begin, true});
      } else {
        spans_.push_back({start, quote - start, false});
      }
      return quote + 1;
    }
  }

  void emit(std::size_t record_number, const std::function<void(const CsvRecord&)>& on_record) {
    fields_.clear();
    for (const FieldSpan& span : spans_) {
      const char* base = span.in_scratch ? scratch_.data() : text_.data();
      fields_.emplace_back(base + span.begin, span.length);
    }
    on_record(CsvRecord{record_number, fields_});
  }

  std::string_view text_;
  char delimiter_;
  bool stops_[256];
  std::vector<FieldSpan> spans_;
  std::string scratch_;
  std::vector<std::string_view> fields_;
};

}  // namespace

std::string csv_text_to_utf8(std::string_view bytes, CsvEncoding encoding) {
  Utf8Text text = to_utf8_text(bytes, encoding);
  if (text.converted) return std::move(*text.converted);
  return std::string(text.view);
}

void for_each_csv_record(std::string_view bytes, const CsvOptions& options,
                         const std::function<void(const CsvRecord&)>& on_record) {
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r') {
    throw Error(ErrorKind::validation, "csv_delimiter",
                {"ตัวคั่นของ CSV ใช้เครื่องหมายคำพูดหรือขึ้นบรรทัดใหม่ไม่ได้",
                 "A CSV delimiter cannot be a quote or a line break"});
  }
  Utf8Text text = to_utf8_text(bytes, options.encoding);
  CsvParser(text.view, options.delimiter).run(on_record);
}

std::string read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_not_found("ไฟล์ " + path.string(), "File " + path.string());
  std::string bytes;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(bytes.data(), size);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

void for_each_csv_record_in_file(const std::filesystem::path& path, const CsvOptions& options,
                                 const std::function<void(const CsvRecord&)>& on_record) {
  std::string bytes = read_file_bytes(path);
  for_each_csv_record(bytes, options, on_record);
}

std::vector<std::vector<std::string>> read_csv(std::string_view bytes, const CsvOptions& options) {
  std::vector<std::vector<std::string>> records;
  for_each_csv_record(bytes, options, [&](const CsvRecord& record) {
    records.emplace_back(record.fields.begin(), record.fields.end());
  });
  return records;
}

}  // namespace changwat::thai
