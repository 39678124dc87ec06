#pragma once
// The kit of the public forms (no sign-in: the needs form of participation, the
// portal's feedback): signed form tokens, the fill-time and age checks, a keyed
// hash of the sender's address and the hourly limit per address.
//
// Signed tokens for a public form. The form asks the server for a token
// (issued time + random nonce, signed with HMAC-SHA256 under a secret kept in the
// database) and sends it back with the submission. A valid token proves the
// submitter loaded the form from this server, lets the server refuse forms filled
// faster than a person can type, and (its nonce being stored with the need) can be
// used only once. No session is involved, so the form cannot be used to act as a
// signed-in user.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/error.hpp"

namespace changwat::public_form {

struct FormToken {
  std::int64_t issued_unix = 0;  // seconds since 1970 (UTC)
  std::string nonce;             // URL-safe base64, unique per token
};

// "<issued_unix>.<nonce>.<hmac hex>"
std::string sign_form_token(std::string_view secret, const FormToken& token);

// The token's contents if it is well-formed and its signature matches `secret`;
// nullopt otherwise (tampered, truncated, or signed under another secret).
std::optional<FormToken> verify_form_token(std::string_view secret, std::string_view text);

struct Limits {
  std::chrono::seconds min_fill_time{3};         // a person cannot fill the form faster
  std::chrono::seconds token_max_age{2 * 3600};  // a form left open longer is reloaded
  std::int64_t per_hour = 5;                     // submissions per address per rolling hour
};

std::int64_t unix_seconds(Clock::time_point when);

// A new signed token issued at `now` (a random nonce).
std::string issue_form_token(std::string_view secret, Clock::time_point now);

// The token sent with a submission, checked: Error(validation, "invalid_form_token",
// field form_token) when missing, forged or older than the limit; Error(rule,
// "form_filled_too_fast") when sent sooner than a person can fill the form. The
// caller stores the nonce to refuse a second use.
FormToken check_form_token(std::string_view secret, std::string_view text, Clock::time_point now,
                           const Limits& limits);

// Error(rate_limited, "too_many_submissions") when `sent_last_hour` from this address
// already reached the limit; `what` names the things sent ("ความต้องการ", "needs").
void check_rate(std::int64_t sent_last_hour, const Limits& limits, const Message& what);

// A keyed hash of the sender's address: enough to count an address's submissions,
// useless for finding out who sent them. Only this is stored.
std::string address_hash(std::string_view secret, std::string_view address);

}  // namespace changwat::public_form
