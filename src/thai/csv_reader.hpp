#pragma once
// RFC 4180 CSV reader for bulk imports. Accepts what Thai offices actually send:
// UTF-8 with or without BOM, TIS-620 / Windows-874 from older Excel, UTF-16 with
// BOM, CRLF or LF line ends, quoted fields with "" escapes and embedded newlines.
//
// The callback API hands out views into one reused buffer, so reading a million
// rows allocates almost nothing per row.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace changwat::thai {

enum class CsvEncoding {
  detect,       // BOM decides; else valid UTF-8 stays UTF-8; else Windows-874
  utf8,         // BOM is dropped if present; invalid bytes are an error
  windows_874,  // also covers TIS-620
};

struct CsvOptions {
  char delimiter = ',';
  CsvEncoding encoding = CsvEncoding::detect;
};

struct CsvRecord {
  // 1-based record number, the row number a spreadsheet shows for this record
  // (a quoted field spanning lines still counts as one row).
  std::size_t number = 0;
  // UTF-8 field values; valid only during the callback.
  std::span<const std::string_view> fields;
};

// Calls `on_record` for each record in order. A blank line yields one empty field.
// Throws Error(validation, "csv_malformed") with the record number on an
// unterminated quote or text after a closing quote, and Error(validation,
// "csv_encoding") when `utf8` is forced and the bytes are not UTF-8.
void for_each_csv_record(std::string_view bytes, const CsvOptions& options,
                         const std::function<void(const CsvRecord&)>& on_record);

// Same, reading the file first (Error not_found when it cannot be opened).
void for_each_csv_record_in_file(const std::filesystem::path& path, const CsvOptions& options,
                                 const std::function<void(const CsvRecord&)>& on_record);

// Convenience for small files: all records as owned strings.
std::vector<std::vector<std::string>> read_csv(std::string_view bytes,
                                               const CsvOptions& options = {});

// Brings CSV bytes to UTF-8 according to `encoding` and drops any BOM.
// for_each_csv_record calls this; exposed for callers that keep the text.
std::string csv_text_to_utf8(std::string_view bytes, CsvEncoding encoding);

// Reads a whole file into memory (Error not_found when it cannot be opened).
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace changwat::thai
