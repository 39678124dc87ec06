#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>

#include "http/request_parsing.hpp"

namespace changwat::http {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("changwat_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    web_ = base_ / "web";
    write_file(web_ / "index.html", "<!doctype html><title>changwat</title>");
    write_file(web_ / "assets" / "app-3f2a.js", "console.log('ตราด');");
    write_file(web_ / "assets" / "style-9c1d.css", "body{}");
    write_file(web_ / "favicon.ico", std::string("\0\0\1\0", 4));
    write_file(web_ / "fonts" / "sarabun.woff2", "wOF2");
    write_file(base_ / "secret.txt", "top secret");
    fs::create_directory_symlink(base_, web_ / "escape");
    handler_ = static_files(web_.string());
  }
  void TearDown() override { fs::remove_all(base_); }

  // Serves `target` through the real target decoding, like the server does.
  Response get(const std::string& target, Method method = Method::get,
               std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request request;
    request.method = method;
    request.target = target;
    request.headers = std::move(headers);
    request.request_id = "r1";
    Context context{request, Actor{}, std::nullopt};
    try {
      parse_target(request);
      return handler_(context);
    } catch (const Error& error) {
      return error_response(error, request.request_id);
    }
  }

  static std::string code_of(const Response& response) {
    return std::string(boost::json::parse(response.body).at("error").at("code").as_string());
  }

  fs::path base_;
  fs::path web_;
  Handler handler_;
};

TEST_F(StaticFilesTest, ServesFilesWithContentTypes) {
  Response script = get("/assets/app-3f2a.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, "console.log('ตราด');");
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/assets/style-9c1d.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get("/favicon.ico").content_type, "image/x-icon");
  EXPECT_EQ(get("/fonts/sarabun.woff2").content_type, "font/woff2");
  Response index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>changwat</title>");
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableOthersRevalidate) {
  EXPECT_EQ(get("/assets/app-3f2a.js").header("cache-control").value_or(""),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/").header("cache-control").value_or(""), "no-cache");
  EXPECT_EQ(get("/favicon.ico").header("cache-control").value_or(""), "no-cache");
}

TEST_F(StaticFilesTest, EtagAnswers304WhenUnchanged) {
  Response first = get("/assets/app-3f2a.js");
  std::string etag(first.header("etag").value_or(""));
  ASSERT_FALSE(etag.empty());
  Response again = get("/assets/app-3f2a.js", Method::get, {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag").value_or(""), etag);
  Response listed =
      get("/assets/app-3f2a.js", Method::get, {{"if-none-match", "\"other\", " + etag}});
  EXPECT_EQ(listed.status, 304);
  Response other = get("/assets/app-3f2a.js", Method::get, {{"if-none-match", "\"nope\""}});
  EXPECT_EQ(other.status, 200);
  // Different content, different tag: a rebuilt file is never served stale.
  write_file(web_ / "index.html", "<!doctype html><title>changwat v2</title>");
  std::string old_index_etag(get("/").header("etag").value_or(""));
  write_file(web_ / "index.html", "<!doctype html><title>changwat v3 longer</title>");
  Response rebuilt = get("/", Method::get, {{"if-none-match", old_index_etag}});
  EXPECT_EQ(rebuilt.status, 200);
  EXPECT_EQ(rebuilt.body, "<!doctype html><title>changwat v3 longer</title>");
}

TEST_F(StaticFilesTest, TraversalAttemptsAre404) {
  for (const char* target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                             "/assets/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
                             "/escape/secret.txt", "/assets%5C..%5C..%5Csecret.txt"}) {
    Response response = get(target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.body.find("top secret"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, ApiPathsNeverFallBackToTheApp) {
  Response response = get("/api/v1/nothing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(code_of(response), "route_not_found");
  EXPECT_EQ(get("/api").status, 404);
}

TEST_F(StaticFilesTest, UnknownAppRoutesServeIndexButMissingAssetsDoNot) {
  Response route = get("/plans/2568/projects");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, "<!doctype html><title>changwat</title>");
  EXPECT_EQ(route.header("cache-control").value_or(""), "no-cache");
  EXPECT_EQ(get("/assets/missing-123.js").status, 404);
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  EXPECT_EQ(get("/", Method::head).status, 200);
  Response post = get("/", Method::post);
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("allow").value_or(""), "GET, HEAD");
}

TEST_F(StaticFilesTest, MissingDirectoryExplainsTheWebIsNotBuilt) {
  handler_ = static_files((base_ / "not-built").string());
  Response response = get("/");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(code_of(response), "web_not_built");
  EXPECT_EQ(code_of(get("/plans")), "web_not_built");
}

}  // namespace
}  // namespace changwat::http
