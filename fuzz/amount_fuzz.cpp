// Fuzzes parse_baht with arbitrary bytes. A rejection must be a changwat::Error;
// any accepted amount must read back identically from its formatted forms, and
// its Thai words must be well-formed text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/error.hpp"
#include "thai/money.hpp"
#include "thai/text.hpp"

using changwat::thai::Digits;
using changwat::thai::Satang;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Satang amount = 0;
  try {
    amount = changwat::thai::parse_baht(text);
  } catch (const changwat::Error& error) {
    if (error.kind() != changwat::ErrorKind::validation || error.fields().count("amount") != 1) {
      std::abort();
    }
    return 0;
  }
  if (changwat::thai::parse_baht(changwat::thai::format_number(amount)) != amount) std::abort();
  if (changwat::thai::parse_baht(changwat::thai::format_baht(amount, Digits::thai)) != amount) {
    std::abort();
  }
  const std::string words = changwat::thai::baht_text(amount);
  if (words.empty() || !changwat::thai::is_valid_utf8(words)) std::abort();
  if ((amount < 0) != words.starts_with("ลบ")) std::abort();
  return 0;
}
