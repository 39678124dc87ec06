#include "platform/public_form/form_token.hpp"

#include <gtest/gtest.h>

namespace changwat::public_form {
namespace {

TEST(FormToken, SignedTokenVerifiesWithItsSecret) {
  std::string text = sign_form_token("secret-one", {1764000000, "abcDEF_12-x"});
  std::optional<FormToken> token = verify_form_token("secret-one", text);
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->issued_unix, 1764000000);
  EXPECT_EQ(token->nonce, "abcDEF_12-x");
}

TEST(FormToken, AnotherSecretDoesNotVerify) {
  std::string text = sign_form_token("secret-one", {1764000000, "nonce"});
  EXPECT_FALSE(verify_form_token("secret-two", text).has_value());
}

TEST(FormToken, ChangedIssueTimeDoesNotVerify) {
  // Moving the issue time back would let a robot skip the minimum fill time.
  std::string text = sign_form_token("secret", {1764000000, "nonce"});
  std::string earlier = "1763990000" + text.substr(text.find('.'));
  EXPECT_FALSE(verify_form_token("secret", earlier).has_value());
}

TEST(FormToken, ChangedSignatureDoesNotVerify) {
  std::string text = sign_form_token("secret", {1764000000, "nonce"});
  text.back() = text.back() == '0' ? '1' : '0';
  EXPECT_FALSE(verify_form_token("secret", text).has_value());
}

TEST(FormToken, MalformedTextIsRefused) {
  for (const char* text : {"", "abc", "1.2", "..", "x.nonce.abcd", "-5.nonce.abcd",
                           "12.non ce.abcd", "99999999999999999999.n.abcd"})
    EXPECT_FALSE(verify_form_token("secret", text).has_value()) << text;
  EXPECT_FALSE(verify_form_token("secret", std::string(300, '1')).has_value());
}

}  // namespace
}  // namespace changwat::public_form
