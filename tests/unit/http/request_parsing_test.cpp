#include "http/request_parsing.hpp"

#include <gtest/gtest.h>

#include <set>

namespace changwat::http {
namespace {

Request with_target(std::string target) {
  Request request;
  request.target = std::move(target);
  return request;
}

TEST(ParseTarget, DecodesPathAndQuery) {
  Request request = with_target(
      "/api/v1/areas/"
      "%E0%B8%95%E0%B8%A3%E0%B8%B2%E0%B8%94?q=%E0%B9%80%E0%B8%A1%E0%B8%B7%E0%B8%AD%E0%B8%87+"
      "%E0%B8%95%E0%B8%A3%E0%B8%B2%E0%B8%94&page=2&empty=&flag");
  parse_target(request);
  EXPECT_EQ(request.path, "/api/v1/areas/ตราด");
  EXPECT_EQ(request.query_param("q").value_or(""), "เมือง ตราด");
  EXPECT_EQ(request.query_param("page").value_or(""), "2");
  EXPECT_EQ(request.query_param("empty").value_or("absent"), "");
  EXPECT_TRUE(request.query_param("flag").has_value());
  EXPECT_FALSE(request.query_param("other").has_value());
}

TEST(ParseTarget, KeepsEncodedDotsForLaterChecks) {
  Request request = with_target("/assets/%2e%2e/secret");
  parse_target(request);
  EXPECT_EQ(request.path, "/assets/../secret");
}

TEST(ParseTarget, RejectsBrokenTargets) {
  for (const char* target :
       {"/bad%zz", "/bad%4", "relative/path", "http://host/abs", "/nul%00byte", "/a b"}) {
    Request request = with_target(target);
    try {
      parse_target(request);
      ADD_FAILURE() << "accepted " << target;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::validation) << target;
      EXPECT_EQ(error.code(), "invalid_target");
    }
  }
}

TEST(RequestId, ReusesSaneIncomingIds) {
  EXPECT_EQ(choose_request_id("abc-123_X.y"), "abc-123_X.y");
  std::string generated = choose_request_id(std::nullopt);
  EXPECT_EQ(generated.size(), 32u);
  EXPECT_EQ(generated.find_first_not_of("0123456789abcdef"), std::string::npos);
  for (std::string_view bad : {std::string_view(""), std::string_view("has space"),
                               std::string_view("line\nbreak"), std::string_view("<script>")}) {
    std::string chosen = choose_request_id(bad);
    EXPECT_NE(chosen, bad);
    EXPECT_EQ(chosen.size(), 32u);
  }
  EXPECT_EQ(choose_request_id(std::string(65, 'a')).size(), 32u);
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(random_request_id());
  EXPECT_EQ(ids.size(), 1000u);
}

TEST(ClientAddress, ForwardedHeadersOnlyWhenTrusted) {
  Request request;
  request.headers = {{"x-forwarded-for", "203.0.113.9, 10.0.0.7"}, {"x-forwarded-proto", "HTTPS"}};
  apply_client_address(request, "127.0.0.1", false);
  EXPECT_EQ(request.remote_address, "127.0.0.1");
  EXPECT_FALSE(request.secure);
  apply_client_address(request, "127.0.0.1", true);
  EXPECT_EQ(request.remote_address, "10.0.0.7");
  EXPECT_TRUE(request.secure);
  Request plain;
  plain.headers = {{"x-forwarded-proto", "http"}};
  apply_client_address(plain, "::1", true);
  EXPECT_EQ(plain.remote_address, "::1");
  EXPECT_FALSE(plain.secure);
}

TEST(ParseMethod, KnownAndOther) {
  EXPECT_EQ(parse_method("GET"), Method::get);
  EXPECT_EQ(parse_method("DELETE"), Method::delete_);
  EXPECT_EQ(parse_method("PATCH"), Method::patch);
  EXPECT_EQ(parse_method("get"), Method::other);
  EXPECT_EQ(parse_method("PROPFIND"), Method::other);
}

TEST(RequestHelpers, CookiesAndHeaders) {
  Request request;
  request.headers = {{"cookie", "theme=dark; changwat_session=abc123; quoted=\"v\""},
                     {"content-type", "application/json"}};
  EXPECT_EQ(request.cookie("changwat_session").value_or(""), "abc123");
  EXPECT_EQ(request.cookie("quoted").value_or(""), "v");
  EXPECT_FALSE(request.cookie("session").has_value());
  EXPECT_EQ(request.header("content-type").value_or(""), "application/json");
  request.path_params["code"] = "2301";
  EXPECT_EQ(request.param("code"), "2301");
  EXPECT_THROW(request.param("missing"), std::logic_error);
  EXPECT_EQ(method_name(Method::delete_), "DELETE");
  EXPECT_TRUE(is_unsafe(Method::patch));
  EXPECT_FALSE(is_unsafe(Method::head));
}

}  // namespace
}  // namespace changwat::http
