#pragma once
// Signed tokens for the public needs form. The form asks the server for a token
// (issued time + random nonce, signed with HMAC-SHA256 under a secret kept in the
// database) and sends it back with the submission. A valid token proves the
// submitter loaded the form from this server, lets the server refuse forms filled
// faster than a person can type, and (its nonce being stored with the need) can be
// used only once. No session is involved, so the form cannot be used to act as a
// signed-in user.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace changwat::participation {

struct FormToken {
  std::int64_t issued_unix = 0;  // seconds since 1970 (UTC)
  std::string nonce;             // URL-safe base64, unique per token
};

// "<issued_unix>.<nonce>.<hmac hex>"
std::string sign_form_token(std::string_view secret, const FormToken& token);

// The token's contents if it is well-formed and its signature matches `secret`;
// nullopt otherwise (tampered, truncated, or signed under another secret).
std::optional<FormToken> verify_form_token(std::string_view secret, std::string_view text);

}  // namespace changwat::participation
