#include "thai/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "base/error.hpp"
#include "base/utf8.hpp"

namespace changwat::thai {
namespace {

// Code points the normalization below treats specially.
enum CodePoint : char32_t {
  kReplacementCharacter = 0xFFFD,
  kNikhahit = 0x0E4D,
  kSaraAa = 0x0E32,
  kSaraAm = 0x0E33,
  kThaiDigitZero = 0x0E50,
  kThaiDigitNine = 0x0E59,
};

// ICU iterates with 32-bit offsets and the UTF-16 copy doubles Thai text's memory
// per character, so long texts are segmented a slice at a time.
constexpr std::size_t kSegmentSliceBytes = 1 << 20;

struct DecodedCodePoint {
  char32_t code_point;
  bool well_formed;
};

// Strict UTF-8 decoding (base/utf8.hpp). An ill-formed byte decodes as U+FFFD and
// consumes one byte, so every caller that walks the same bytes agrees on code point
// counts.
DecodedCodePoint decode_next(std::string_view text, std::size_t& index) {
  char32_t code_point = 0;
  const std::size_t length = utf8::decode(text, index, code_point);
  if (length == 0) {
    ++index;
    return {kReplacementCharacter, false};
  }
  index += length;
  return {code_point, true};
}

[[noreturn]] void throw_icu_failure(const char* what, UErrorCode status) {
  throw Error(ErrorKind::internal, "icu_failure",
              {"ระบบประมวลผลข้อความภาษาไทยขัดข้อง",
               std::string("Thai text processing failed: ") + what + ": " + u_errorName(status)});
}

bool is_zero_width(char32_t code_point) {
  return (code_point >= 0x200B && code_point <= 0x200D) || code_point == 0xFEFF ||
         code_point == 0x2060;  // WORD JOINER, the modern spelling of U+FEFF
}

bool is_thai_tone_mark(char16_t unit) { return unit >= 0x0E48 && unit <= 0x0E4B; }

bool is_thai_letter(char32_t code_point) { return code_point >= 0x0E01 && code_point <= 0x0E4E; }

// ICU services keep per-text state, so each thread clones a prototype made once
// (making the word breaker loads the Thai dictionary). `create` is ICU's factory.
template <class Service, class Create>
Service& thread_clone(const char* what, Create create) {
  static const std::unique_ptr<Service> prototype = [&] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<Service> made(create(icu::Locale("th"), status));
    if (U_FAILURE(status) || !made) throw_icu_failure(what, status);
    return made;
  }();
  thread_local const std::unique_ptr<Service> copy(prototype->clone());
  return *copy;
}

icu::BreakIterator& thread_word_breaker() {
  return thread_clone<icu::BreakIterator>(
      "word break iterator", [](const icu::Locale& locale, UErrorCode& status) {
        return icu::BreakIterator::createWordInstance(locale, status);
      });
}

icu::Collator& thread_collator() {
  return thread_clone<icu::Collator>("Thai collator",
                                     [](const icu::Locale& locale, UErrorCode& status) {
                                       return icu::Collator::createInstance(locale, status);
                                     });
}

struct WordSpan {
  std::size_t offset;
  std::size_t length;
  bool thai;  // starts with a Thai letter
};

// Where to end a slice: after the last ASCII white space, else on a code point
// boundary, so a slice never cuts a character and rarely a word.
std::size_t slice_length(std::string_view text) {
  if (text.size() <= kSegmentSliceBytes) return text.size();
  for (std::size_t end = kSegmentSliceBytes; end > kSegmentSliceBytes / 2; --end) {
    const char character = text[end - 1];
    if (character == ' ' || character == '\n' || character == '\t') return end;
  }
  // A code point has at most three continuation bytes; a longer run is
  // ill-formed anyway and may be cut anywhere.
  std::size_t end = kSegmentSliceBytes;
  while (end > kSegmentSliceBytes - 3 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return end;
}

// Converts one slice to UTF-16 in `utf16` and returns the number of units. Thai
// letters are three-byte sequences, so those take a fast path; anything else
// goes through decode_next, ill-formed bytes included.
std::size_t to_utf16(std::string_view slice, std::u16string& utf16) {
  utf16.resize(slice.size() * 2);
  std::size_t units = 0;
  const auto byte_at = [&](std::size_t position) {
    return static_cast<unsigned char>(slice[position]);
  };
  for (std::size_t index = 0; index < slice.size();) {
    const unsigned char lead = byte_at(index);
    if (lead < 0x80) {
      utf16[units++] = lead;
      ++index;
      continue;
    }
    if ((lead & 0xF0) == 0xE0 && index + 2 < slice.size() && (byte_at(index + 1) & 0xC0) == 0x80 &&
        (byte_at(index + 2) & 0xC0) == 0x80) {
      const char32_t code_point =
          ((lead & 0x0F) << 12) | ((byte_at(index + 1) & 0x3F) << 6) | (byte_at(index + 2) & 0x3F);
      if (code_point >= 0x800 && (code_point < 0xD800 || code_point > 0xDFFF)) {
        utf16[units++] = static_cast<char16_t>(code_point);
        index += 3;
        continue;
      }
    }
    const char32_t code_point = decode_next(slice, index).code_point;
    if (code_point > 0xFFFF) {
      utf16[units++] = static_cast<char16_t>(0xD7C0 + (code_point >> 10));
      utf16[units++] = static_cast<char16_t>(0xDC00 | (code_point & 0x3FF));
    } else {
      utf16[units++] = static_cast<char16_t>(code_point);
    }
  }
  return units;
}

// How many UTF-8 bytes of the slice produced the UTF-16 unit at hand (a lead
// surrogate stands for both units of its pair). Only U+FFFD is ambiguous: it
// came from one ill-formed byte unless the slice spells it out (EF BF BD).
std::size_t utf8_length_of(char16_t unit, std::string_view slice, std::size_t byte_position) {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xD800 && unit <= 0xDBFF) return 4;
  if (unit == kReplacementCharacter && slice.substr(byte_position, 3) != "\xEF\xBF\xBD") return 1;
  return 3;
}

// Calls visit(WordSpan) for every word-like segment (ICU rule status >= 100:
// numbers, letters, Thai dictionary words) of one slice.
template <typename Visit>
void for_each_word_in_slice(std::string_view slice, std::size_t base, Visit& visit) {
  thread_local std::u16string utf16;
  const std::size_t units = to_utf16(slice, utf16);

  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUChars(&text, utf16.data(), static_cast<int64_t>(units), &status);
  icu::BreakIterator& breaker = thread_word_breaker();
  breaker.setText(&text, status);
  if (U_FAILURE(status)) {
    utext_close(&text);
    throw_icu_failure("segmenting text", status);
  }

  // Boundaries come in UTF-16 offsets; walk the UTF-8 bytes in step to map them back.
  std::size_t unit_position = 0;
  std::size_t byte_position = 0;
  const auto advance_to = [&](std::int32_t target) {
    while (unit_position < static_cast<std::size_t>(target)) {
      const char16_t unit = utf16[unit_position];
      const std::size_t length = utf8_length_of(unit, slice, byte_position);
      byte_position += length;
      unit_position += length == 4 ? 2 : 1;
    }
  };
  std::int32_t start = breaker.first();
  for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    advance_to(start);
    const std::size_t word_start = byte_position;
    advance_to(end);
    const bool thai = is_thai_letter(utf16[static_cast<std::size_t>(start)]);
    visit(WordSpan{base + word_start, byte_position - word_start, thai});
  }
  utext_close(&text);
}

template <typename Visit>
void for_each_word(std::string_view text, Visit visit) {
  std::size_t base = 0;
  while (base < text.size()) {
    const std::size_t length = slice_length(text.substr(base));
    for_each_word_in_slice(text.substr(base, length), base, visit);
    base += length;
  }
}

bool has_letter_or_digit(std::string_view word) {
  for (std::size_t index = 0; index < word.size();) {
    if (u_isalnum(static_cast<UChar32>(decode_next(word, index).code_point))) return true;
  }
  return false;
}

// "1,234" and "1234" must find each other, and FTS tokenizers split at commas.
std::string without_digit_grouping(std::string_view word) {
  std::string result(word);
  if (word.empty() || word.front() < '0' || word.front() > '9') return result;
  std::erase(result, ',');
  return result;
}

std::string to_lower(const std::string& text) {
  const bool ascii_lowercase_only = std::none_of(text.begin(), text.end(), [](char character) {
    return (character >= 'A' && character <= 'Z') || static_cast<unsigned char>(character) >= 0x80;
  });
  if (ascii_lowercase_only) return text;
  std::string lowered;
  icu::UnicodeString::fromUTF8(text).toLower(icu::Locale::getRoot()).toUTF8String(lowered);
  return lowered;
}

}  // namespace

std::string normalize(std::string_view text) {
  icu::UnicodeString cleaned;
  bool space_pending = false;
  for (std::size_t index = 0; index < text.size();) {
    char32_t code_point = decode_next(text, index).code_point;
    if (is_zero_width(code_point)) continue;
    if (u_isUWhiteSpace(static_cast<UChar32>(code_point))) {
      space_pending = !cleaned.isEmpty();
      continue;
    }
    if (space_pending) {
      cleaned.append(static_cast<char16_t>(u' '));
      space_pending = false;
    }
    if (code_point >= kThaiDigitZero && code_point <= kThaiDigitNine) {
      code_point = U'0' + (code_point - kThaiDigitZero);
    }
    // Some keyboards and fonts make people type SARA AM as NIKHAHIT + SARA AA,
    // sometimes with the tone mark between; both look alike but never match.
    if (code_point == kSaraAa) {
      const std::int32_t length = cleaned.length();
      if (length >= 1 && cleaned[length - 1] == kNikhahit) {
        cleaned.setCharAt(length - 1, static_cast<char16_t>(kSaraAm));
        continue;
      }
      if (length >= 2 && is_thai_tone_mark(cleaned[length - 1]) &&
          cleaned[length - 2] == kNikhahit) {
        cleaned.setCharAt(length - 2, cleaned[length - 1]);
        cleaned.setCharAt(length - 1, static_cast<char16_t>(kSaraAm));
        continue;
      }
    }
    cleaned.append(static_cast<UChar32>(code_point));
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw_icu_failure("NFC normalizer", status);
  const icu::UnicodeString composed = nfc->normalize(cleaned, status);
  if (U_FAILURE(status)) throw_icu_failure("NFC normalization", status);
  std::string result;
  composed.toUTF8String(result);
  return result;
}

std::vector<std::string> segment_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](const WordSpan& span) {
    words.emplace_back(text.substr(span.offset, span.length));
  });
  return words;
}

std::vector<std::string> search_tokens(std::string_view text) {
  const std::string prepared = to_lower(normalize(text));
  const std::string_view view = prepared;
  std::vector<std::string> tokens;
  // A previous span that is not Thai (or a dropped one) never pairs with the next.
  WordSpan previous{0, 0, false};
  for_each_word(view, [&](const WordSpan& span) {
    const std::string_view word = view.substr(span.offset, span.length);
    if (!has_letter_or_digit(word)) {
      previous.thai = false;
      return;
    }
    tokens.push_back(without_digit_grouping(word));
    if (previous.thai && span.thai && previous.offset + previous.length == span.offset) {
      tokens.emplace_back(view.substr(previous.offset, previous.length + span.length));
    }
    previous = span;
  });
  return tokens;
}

std::string search_text(std::string_view text) {
  std::string joined;
  for (const std::string& token : search_tokens(text)) {
    if (!joined.empty()) joined += ' ';
    joined += token;
  }
  return joined;
}

int compare_thai(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result = thread_collator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
  if (U_FAILURE(status)) throw_icu_failure("comparing text", status);
  return static_cast<int>(result);
}

void sort_thai(std::vector<std::string>& items) {
  // Compares exactly as compare_thai does. Sort keys would save work, but ICU
  // truncates a key at U+FFFD (what ill-formed bytes decode to), so key order can
  // disagree with compare_thai on such input.
  std::stable_sort(items.begin(), items.end(),
                   [](const std::string& left, const std::string& right) {
                     return compare_thai(left, right) < 0;
                   });
}

}  // namespace changwat::thai
