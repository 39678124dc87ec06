#pragma once
// Random tokens and hashes (libsodium). Session tokens are stored only as hashes.
#include <string>
#include <string_view>

namespace changwat {

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
std::string sha256_hex(std::string_view data);
// Constant-time comparison for secrets.
bool secrets_equal(std::string_view a, std::string_view b);
// HMAC-SHA256 as hex, for signed form tokens.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
// Standard base64 with padding (MIME bodies, SMTP AUTH).
std::string base64(std::string_view data);
// HMAC-SHA256 as standard base64 with padding (LINE's X-Line-Signature).
std::string hmac_sha256_base64(std::string_view key, std::string_view message);

}  // namespace changwat
