#pragma once
// One strict UTF-8 decoder for every layer (the Thai toolkit, the JSON body reader,
// auth), so they agree on what is valid text and on how many code points it has:
// length limits are in code points, what people count, never bytes.
#include <cstddef>
#include <optional>
#include <string_view>

namespace changwat::utf8 {

// Decodes the code point that starts at `text[index]` into `code_point` and returns
// its length in bytes, or 0 if the bytes there are not well-formed UTF-8 (a stray
// continuation byte, a truncated sequence, an overlong form, a surrogate, anything
// above U+10FFFF).
std::size_t decode(std::string_view text, std::size_t index, char32_t& code_point);

// Number of code points of well-formed UTF-8: the bytes that start one. Cheap, and
// enough where the text was validated on the way in.
std::size_t count_code_points(std::string_view text);

// Number of code points, or nullopt if `text` is not well-formed UTF-8.
std::optional<std::size_t> count_valid_code_points(std::string_view text);

bool is_valid(std::string_view text);

}  // namespace changwat::utf8
