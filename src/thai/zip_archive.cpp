#include "thai/zip_archive.hpp"

#include <zip.h>

#include <algorithm>

#include "base/error.hpp"

namespace changwat::thai {

struct ZipArchive::State {
  std::string bytes;  // libzip reads from this buffer for the archive's lifetime
  zip_t* archive = nullptr;
  ~State() {
    if (archive != nullptr) zip_discard(archive);
  }
};

namespace {

[[noreturn]] void throw_not_xlsx(std::string_view bytes) {
  // Excel 97–2003 files are OLE compound documents; say so, the fix is "Save As .xlsx".
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    throw Error(ErrorKind::unsupported_media_type, "not_xlsx",
                {"ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) กรุณาบันทึกเป็น .xlsx แล้วนำเข้าใหม่",
                 "This is an old Excel file (.xls); save it as .xlsx and import again"});
  }
  throw Error(ErrorKind::unsupported_media_type, "not_xlsx",
              {"ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx)", "This file is not an Excel workbook (.xlsx)"});
}

[[noreturn]] void throw_corrupt(std::string_view entry) {
  throw Error(ErrorKind::validation, "xlsx_corrupt",
              {"ไฟล์ Excel เสียหาย อ่านส่วน " + std::string(entry) + " ไม่ได้",
               "The Excel file is damaged: cannot read " + std::string(entry)});
}

}  // namespace

ZipArchive::ZipArchive(std::string bytes) : state_(std::make_unique<State>()) {
  state_->bytes = std::move(bytes);
  const std::string& data = state_->bytes;
  if (!data.starts_with("PK")) throw_not_xlsx(data);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw_not_xlsx(data);
  }
  state_->archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (state_->archive == nullptr) {
    zip_source_free(source);  // on failure the source still belongs to us
    zip_error_fini(&error);
    throw_not_xlsx(data);
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

std::optional<std::string> ZipArchive::read(std::string_view name, std::size_t max_bytes) const {
  std::string entry_name(name);
  zip_int64_t index = zip_name_locate(state_->archive, entry_name.c_str(), 0);
  if (index < 0) index = zip_name_locate(state_->archive, entry_name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;

  zip_stat_t stat;
  zip_stat_init(&stat);
  std::size_t expected = 0;
  if (zip_stat_index(state_->archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
      (stat.valid & ZIP_STAT_SIZE) != 0) {
    expected = static_cast<std::size_t>(stat.size);
  }
  if (expected > max_bytes) {
    throw Error(ErrorKind::payload_too_large, "xlsx_too_large",
                {"ไฟล์ Excel ใหญ่เกินกว่าจะนำเข้าได้", "The Excel file is too large to import"});
  }
  zip_file_t* file = zip_fopen_index(state_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) throw_corrupt(name);

  // The sizes in the directory are only claims made by the file: reserve no
  // more than deflate could produce from the whole archive (at most ~1032:1),
  // read until the end and enforce the limit on what actually comes out.
  const std::size_t plausible = std::min(expected, state_->bytes.size() * 1032 + 4096);
  std::string content;
  content.resize(std::min(plausible, max_bytes) + 1);
  std::size_t filled = 0;
  for (;;) {
    if (filled == content.size()) {
      if (content.size() > max_bytes) {
        zip_fclose(file);
        throw Error(ErrorKind::payload_too_large, "xlsx_too_large",
                    {"ไฟล์ Excel ใหญ่เกินกว่าจะนำเข้าได้", "The Excel file is too large to import"});
      }
      content.resize(std::min(content.size() * 2 + 4096, max_bytes + 1));
    }
    zip_int64_t got = zip_fread(file, content.data() + filled, content.size() - filled);
    if (got < 0) {
      zip_fclose(file);
      throw_corrupt(name);
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  zip_fclose(file);
  content.resize(filled);
  return content;
}

std::string zip_files(const std::vector<std::pair<std::string, std::string>>& files) {
  auto fail = [] {
    throw Error(ErrorKind::internal, "zip_failed",
                {"สร้างไฟล์ ZIP ไม่สำเร็จ", "Could not build the ZIP file"});
  };
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into a growing memory source that outlives zip_close.
  zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (memory == nullptr) fail();
  zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(memory);
    fail();
  }
  zip_source_keep(memory);
  for (const auto& [name, data] : files) {
    // libzip reads the entry's bytes at zip_close; `files` lives until then.
    zip_source_t* entry = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (entry == nullptr || zip_file_add(archive, name.c_str(), entry, ZIP_FL_ENC_UTF_8) < 0) {
      if (entry != nullptr) zip_source_free(entry);
      zip_discard(archive);
      zip_source_free(memory);
      fail();
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    zip_source_free(memory);
    fail();
  }
  std::string bytes;
  if (zip_source_open(memory) < 0) {
    zip_source_free(memory);
    fail();
  }
  char buffer[65536];
  zip_int64_t got = 0;
  while ((got = zip_source_read(memory, buffer, sizeof buffer)) > 0)
    bytes.append(buffer, static_cast<std::size_t>(got));
  zip_source_close(memory);
  zip_source_free(memory);
  return bytes;
}

}  // namespace changwat::thai
