#include "modules/participation/form_token.hpp"

#include <charconv>

#include "base/secret.hpp"

namespace changwat::participation {
namespace {

std::string signed_part(const FormToken& token) {
  return std::to_string(token.issued_unix) + "." + token.nonce;
}

bool is_nonce_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string sign_form_token(std::string_view secret, const FormToken& token) {
  std::string payload = signed_part(token);
  return payload + "." + hmac_sha256_hex(secret, payload);
}

std::optional<FormToken> verify_form_token(std::string_view secret, std::string_view text) {
  // Tokens are short; anything long is not ours and is not worth hashing.
  if (text.size() > 256) return std::nullopt;
  auto first_dot = text.find('.');
  if (first_dot == std::string_view::npos) return std::nullopt;
  auto second_dot = text.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos) return std::nullopt;

  std::string_view issued_text = text.substr(0, first_dot);
  std::string_view nonce = text.substr(first_dot + 1, second_dot - first_dot - 1);
  std::string_view signature = text.substr(second_dot + 1);
  if (issued_text.empty() || nonce.empty() || nonce.size() > 64) return std::nullopt;
  for (char c : nonce)
    if (!is_nonce_character(c)) return std::nullopt;

  FormToken token;
  auto [end, error] = std::from_chars(issued_text.data(), issued_text.data() + issued_text.size(),
                                      token.issued_unix);
  if (error != std::errc() || end != issued_text.data() + issued_text.size() ||
      token.issued_unix < 0)
    return std::nullopt;
  token.nonce = std::string(nonce);

  std::string expected = hmac_sha256_hex(secret, signed_part(token));
  if (!secrets_equal(expected, signature)) return std::nullopt;
  return token;
}

}  // namespace changwat::participation
