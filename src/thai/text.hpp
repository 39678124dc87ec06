#pragma once
// Thai text handling: normalization of typed input, dictionary word segmentation
// (Thai has no spaces between words), search tokens for full-text indexes, and
// Thai dictionary-order collation. Everything takes and returns UTF-8.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.hpp"

namespace changwat::thai {

// NFC; strips zero-width characters (U+200B..U+200D, U+FEFF); Thai digits -> Arabic;
// repairs SARA AM typed as NIKHAHIT + SARA AA (ํา -> ำ); collapses every run of
// Unicode white space to one ASCII space; trims. Ill-formed UTF-8 becomes U+FFFD.
std::string normalize(std::string_view text);

// ICU dictionary word break ("th" rules). Returns the words only: runs of letters
// or digits, never spaces or punctuation. Words are byte-exact slices of `text`.
std::vector<std::string> segment_words(std::string_view text);

// Index terms for full-text search: normalize + lowercase + segment, punctuation
// dropped. ICU splits many Thai compounds into their parts (ท่องเที่ยว ->
// ท่อง|เที่ยว), so each pair of adjacent Thai words written together is added
// as one more term (ท่องเที่ยว): a search for the compound then finds it.
std::vector<std::string> search_tokens(std::string_view text);

// search_tokens joined by single spaces. Store this in SQLite FTS5 with
//   tokenize = "unicode61 categories 'L* N* Co M*'"
// (the default unicode61 categories split Thai words at their vowel and tone
// marks) or in PostgreSQL with to_tsvector('simple', …). Run the user's query
// through the same function and require all of its terms.
std::string search_text(std::string_view text);

// ICU Thai collation (dictionary order: leading vowels เ แ โ ใ ไ sort by the
// consonant after them). Returns <0, 0 or >0. Thread-safe.
int compare_thai(std::string_view a, std::string_view b);
// Stable sort in Thai dictionary order.
void sort_thai(std::vector<std::string>& items);

// Code points of well-formed UTF-8 and strict validity (no overlong forms, no
// surrogates, nothing above U+10FFFF): the one decoder of base/utf8.hpp.
using utf8::count_code_points;
inline bool is_valid_utf8(std::string_view text) { return utf8::is_valid(text); }

}  // namespace changwat::thai
