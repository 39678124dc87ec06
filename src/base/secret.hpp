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

}  // namespace changwat
