#include "thai/charset.hpp"

#include <unicode/ucnv.h>

#include <cstdint>
#include <cstring>
#include <memory>

#include "base/error.hpp"

namespace changwat::thai {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

[[noreturn]] void throw_decode_failure(const char* charset, UErrorCode status) {
  throw Error(ErrorKind::internal, "charset_conversion_failed",
              {std::string("แปลงรหัสอักขระ ") + charset + " ไม่สำเร็จ: " + u_errorName(status),
               std::string("Could not convert from ") + charset + ": " + u_errorName(status)});
}

// ucnv_convert sizes the output in one call when given the worst case: one input
// byte never becomes more than 3 UTF-8 bytes for these charsets.
std::string convert_to_utf8(const char* charset, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(charset, &status));
  if (U_FAILURE(status)) throw_decode_failure(charset, status);
  ConverterPtr target(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) throw_decode_failure("UTF-8", status);

  std::string out(bytes.size() * 3 + 4, '\0');
  char* out_cursor = out.data();
  const char* in_cursor = bytes.data();
  ucnv_convertEx(target.get(), source.get(), &out_cursor, out.data() + out.size(), &in_cursor,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) throw_decode_failure(charset, status);
  out.resize(static_cast<std::size_t>(out_cursor - out.data()));
  return out;
}

}  // namespace

bool is_valid_utf8_fast(std::string_view bytes) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = cursor + bytes.size();
  while (cursor < end) {
    // Fast path: eight ASCII bytes at a time (most CSV content is digits and commas).
    if (end - cursor >= 8) {
      std::uint64_t word;
      std::memcpy(&word, cursor, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        cursor += 8;
        continue;
      }
    }
    unsigned char lead = *cursor;
    if (lead < 0x80) {
      ++cursor;
      continue;
    }
    int length;
    std::uint32_t code_point;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (end - cursor < length) return false;
    for (int i = 1; i < length; ++i) {
      unsigned char continuation = cursor[i];
      if ((continuation & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (continuation & 0x3F);
    }
    if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000) ||
        code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return false;
    }
    cursor += length;
  }
  return true;
}

std::string windows_874_to_utf8(std::string_view bytes) {
  return convert_to_utf8("windows-874", bytes);
}

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  return convert_to_utf8(big_endian ? "UTF-16BE" : "UTF-16LE", bytes);
}

}  // namespace changwat::thai
