#include "platform/public_form/form_token.hpp"

#include <charconv>

#include "base/secret.hpp"

namespace changwat::public_form {
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

std::int64_t unix_seconds(Clock::time_point when) {
  return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

std::string issue_form_token(std::string_view secret, Clock::time_point now) {
  return sign_form_token(secret, FormToken{unix_seconds(now), random_token(12)});
}

namespace {

[[noreturn]] void throw_bad_token(Message why) {
  throw Error(ErrorKind::validation, "invalid_form_token",
              {"แบบฟอร์มไม่ถูกต้องหรือหมดอายุ", "The form is not valid or has expired"},
              {{"form_token", std::move(why)}});
}

}  // namespace

FormToken check_form_token(std::string_view secret, std::string_view text, Clock::time_point now,
                           const Limits& limits) {
  std::optional<FormToken> token = verify_form_token(secret, text);
  if (!token)
    throw_bad_token(
        {"แบบฟอร์มไม่ถูกต้อง กรุณาโหลดแบบฟอร์มใหม่", "is not a valid form token; reload the form"});
  std::int64_t age = unix_seconds(now) - token->issued_unix;
  if (age < 0 || age > limits.token_max_age.count())
    throw_bad_token({"แบบฟอร์มหมดอายุ กรุณาโหลดแบบฟอร์มใหม่", "has expired; reload the form"});
  if (age < limits.min_fill_time.count())
    throw_rule("form_filled_too_fast",
               {"ส่งแบบฟอร์มเร็วเกินไป กรุณาตรวจทานข้อมูลแล้วส่งอีกครั้ง",
                "The form was sent too quickly; check what you wrote and send it again"});
  return *token;
}

void check_rate(std::int64_t sent_last_hour, const Limits& limits, const Message& what) {
  if (sent_last_hour < limits.per_hour) return;
  const std::string n = std::to_string(limits.per_hour);
  throw Error(ErrorKind::rate_limited, "too_many_submissions",
              {"ส่ง" + what.th + "ได้ไม่เกิน " + n + " เรื่องต่อชั่วโมง กรุณาลองใหม่ภายหลัง",
               "At most " + n + " " + what.en + " can be sent per hour; please try again later"});
}

std::string address_hash(std::string_view secret, std::string_view address) {
  return hmac_sha256_hex(secret, "address:" + std::string(address));
}

}  // namespace changwat::public_form
