#pragma once
// UTF-8 checks the JSON body reader needs: validity, code point counts and
// trimming of Unicode white space (Thai text often carries NBSP or ZWSP at the
// edges after copy and paste from office documents).
#include <cstddef>
#include <optional>
#include <string_view>

namespace changwat::http::utf8 {

// Number of code points, or nullopt if `text` is not valid UTF-8 (overlong
// forms, surrogates and values beyond U+10FFFF are invalid).
std::optional<std::size_t> count_code_points(std::string_view text);

// Removes white space and invisible separators from both ends.
std::string_view trim(std::string_view text);

// True if `text` holds a control character other than tab, newline or carriage return.
bool has_control_characters(std::string_view text);

}  // namespace changwat::http::utf8
